/**
 * The compiler cache for shell scripts (see scripts/lib/sccache.ts):
 *   eval "$(node scripts/task.ts compiler-cache start)"   installs sccache once, starts its server, prints the exports to eval
 *   node scripts/task.ts compiler-cache stop              prints the hit rate and stops the server
 *
 * The server is started here with its output sent nowhere: started by the
 * first rustc call instead, it would hold that call's stdout open after
 * the tests end (a CI runner waiting for the log to close would wait for
 * the server's idle timeout).
 */
import { spawnSync } from 'node:child_process';
import { ensurePythonTool } from './lib/python-tool.ts';
import { SCCACHE, sccacheEnv } from './lib/sccache.ts';
import { defineTask, UsageError } from './lib/task.ts';

export default defineTask({
	name: 'compiler-cache',
	description: 'sccache for cargo, outside the clone: start prints the exports to eval; stop prints the hit rate',
	options: {},
	positionals: 'start | stop',
	run(_values, [command, ...extra]) {
		if (extra.length > 0 || (command !== 'start' && command !== 'stop')) throw new UsageError('wants start or stop');
		const sccache = ensurePythonTool(SCCACHE);
		if (command === 'start') {
			// No idle timeout: the site's build and browser tests can run longer
			// than sccache's default 10 idle minutes without a rustc call, and a
			// server that stopped would be restarted by the next call, holding
			// that call's output open. `stop` ends it.
			const started = spawnSync(sccache, ['--start-server'], { stdio: 'ignore', env: { ...process.env, SCCACHE_IDLE_TIMEOUT: '0' } });
			if (started.status !== 0) {
				// A server already listening (another run's, or one a stopped run
				// left) makes --start-server fail; it serves this run as well.
				if (spawnSync(sccache, ['--show-stats'], { stdio: 'ignore' }).status !== 0) throw new Error(`${sccache} --start-server failed (exit ${started.status})`);
				console.error('compiler-cache: an sccache server is already running; this run uses it');
			}
			console.log(Object.entries(sccacheEnv()).map(([name, value]) => `export ${name}='${value}'`).join('\n'));
			return;
		}
		const stats = spawnSync(sccache, ['--show-stats'], { encoding: 'utf8' });
		const line = (label: string) => new RegExp(`^${label}\\s+(.+)$`, 'm').exec(stats.stdout)?.[1]?.trim() ?? '?';
		console.log(`sccache: ${line('Cache hits')} hits, ${line('Cache misses')} misses (Rust hit rate ${line('Cache hits rate \\(Rust\\)')})`);
		spawnSync(sccache, ['--stop-server'], { stdio: 'ignore' });
	},
});
