/**
 * `npm run api`: the users API on http://127.0.0.1:$PORT (default 3000).
 * Without DATABASE_URL it starts a throwaway PostgreSQL first; the service
 * applies its migrations at start-up. Ctrl-C (or SIGTERM) stops the service
 * gracefully, then the database, and leaves nothing running.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { examplesRoot } from '../src/build/workspace/workspace.ts';
import { startPostgres, stopPostgres } from './lib/postgres.ts';
import { defineTask } from './lib/task.ts';

export default defineTask({
	name: 'api',
	description: 'the users API on 127.0.0.1:$PORT (3000), with a throwaway PostgreSQL unless DATABASE_URL is set',
	options: {},
	async run() {
		const build = spawnSync('cargo', ['build', '-p', 'users-api', '--locked'], { cwd: examplesRoot, stdio: 'inherit' });
		if (build.status !== 0) return build.status ?? 1;

		let pgDir: string | undefined;
		let databaseUrl = process.env['DATABASE_URL'];
		if (!databaseUrl) {
			const pg = await startPostgres();
			pgDir = pg.dir;
			databaseUrl = pg.url;
			console.log(`Started a throwaway PostgreSQL at ${databaseUrl} (removed when you stop).`);
		}

		const service = spawn(join(examplesRoot, 'target/debug/users-api'), [], {
			stdio: 'inherit',
			// HOST set, not inherited: some shells (tcsh) export HOST as the
			// machine's name, which the service would refuse as an address.
			env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1' },
		});

		let stopping = false;
		const stop = (signal: NodeJS.Signals) => {
			if (stopping) return;
			stopping = true;
			// The service shuts down gracefully on either signal.
			if (service.exitCode === null) service.kill(signal);
		};
		process.on('SIGINT', () => stop('SIGINT'));
		process.on('SIGTERM', () => stop('SIGTERM'));

		service.on('exit', (code, signal) => {
			if (pgDir) {
				stopPostgres(pgDir);
				console.log('Stopped the throwaway PostgreSQL.');
			}
			process.exit(code ?? (signal ? 1 : 0));
		});
	},
});
