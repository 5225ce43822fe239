/**
 * Re-runs every example whose output a lesson shows and compares it with the
 * saved transcript (or rewrites it with --update). Transcripts are declared
 * in each crate's Cargo.toml:
 *
 *   [[package.metadata.captures]]
 *   file = "captures/curl.txt"          # saved transcript, shown by the lesson
 *   server = "cargo run"                # optional: started first, in the crate
 *   command = "curl http://127.0.0.1:3000/"
 *   until = "listening on"              # optional: stop once a line matches
 *   # or commands = ["curl …", "curl …"]: several, against the same server
 *   # env = { DATABASE_URL = "" }       optional: set for server and commands
 *   exit = 1                            # optional: the exit status expected (default 0)
 *   database = true                     # optional: a fresh, empty PostgreSQL database, below
 *   root = true                         # optional: run only as root (podman); skipped, saying so, otherwise
 *   measured = true                     # optional: timings; checked with every number masked (./lib/golden.ts)
 *
 * `database = true` is for a service that applies its own migrations at
 * start-up (the API's steps from 04 on, `server = "cargo run"`): server and
 * commands get DATABASE_URL naming a new, empty database (on the server of
 * the DATABASE_URL the captures run with, npm test's, or on a throwaway
 * PostgreSQL), dropped afterwards, and SQLX_OFFLINE=true, since the query
 * macros cannot check their SQL against a database the service has not yet
 * migrated: cargo builds from the committed query data (.sqlx/). `env` is
 * applied after these, so it can override them.
 *
 * The declarations are checked before anything runs
 * (src/build/workspace/schema.ts): a misspelt key, or both command and
 * commands, stops the script naming the crate and the key.
 *
 * A command that exits otherwise fails the run, in check and update mode
 * alike, so a broken run can never become the transcript a lesson shows.
 * Commands run with `sh -c` in the crate's folder exactly as shown. Cargo's
 * own progress lines (Compiling…, Finished…, Running…) are left out of the
 * transcript: they carry timings and paths that change every run, and the
 * lesson says they come first. A server must print a line containing
 * "listening on" once it accepts connections.
 *
 *   node scripts/task.ts captures            check (the test command runs this)
 *   node scripts/task.ts captures --update   rewrite the transcripts
 *   node scripts/task.ts captures --update logstat   only these crates (by name)
 */
import { join } from 'node:path';
import { examplesRoot, cratesNamedIn, type Capture } from '../src/build/workspace/workspace.ts';
import { golden, report, type GoldenResult } from './lib/golden.ts';
import { freshDatabase, type FreshDatabase } from './lib/fresh-database.ts';
import { spawnGroup, type ProcessGroup } from './lib/process-group.ts';
import { defineTask } from './lib/task.ts';

// A guard against a command that hangs, not a speed test: a command may
// first compile its crate (a fresh clone, or SQLX_OFFLINE set for a
// `database = true` capture, which rebuilds every crate using the query
// macros), and on a busy 2-core CI machine that alone took over 120 s.
const TIME_LIMIT_MS = 600_000;
const env = { ...process.env, CARGO_TERM_COLOR: 'never', RUST_BACKTRACE: '0' };

/** Cargo's status lines: a right-aligned verb such as "   Compiling" or "     Running". */
const CARGO_STATUS = /^ {0,12}(Blocking|Compiling|Checking|Downloaded|Downloading|Finished|Locking|Adding|Running|Updating|Fresh|Doc-tests)\b.*\n?/gm;

function start(command: string, cwd: string, extra: Record<string, string> = {}): ProcessGroup {
	// A process group, so stopping it also stops what `cargo run` started.
	return spawnGroup('sh', ['-c', command], { cwd, env: { ...env, ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Runs a command; resolves with its combined output once it exits, or once a line matches `until`. */
function run(command: string, cwd: string, until?: string, extra: Record<string, string> = {}, exit = 0): Promise<string> {
	return new Promise((resolve, reject) => {
		const group = start(command, cwd, extra);
		let output = '';
		let finished = false;
		// Settles once the whole group is gone, whatever ended the run, so
		// nothing it started is left to hold a port the next capture needs.
		const finish = (settle: () => void) => {
			if (finished) return;
			finished = true;
			clearTimeout(timer);
			group.stop().then(settle, reject);
		};
		const timer = setTimeout(() => finish(() => reject(new Error(`\`${command}\` took longer than ${TIME_LIMIT_MS / 1000} s; output so far:\n${output}`))), TIME_LIMIT_MS);
		const take = (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (until && output.split('\n').slice(0, -1).some((line) => line.includes(until))) finish(() => resolve(output));
		};
		group.child.stdout!.on('data', take);
		group.child.stderr!.on('data', take);
		group.child.on('exit', (code) =>
			finish(() => {
				if (until) reject(new Error(`\`${command}\` exited (${code}) before printing “${until}”:\n${output}`));
				else if (code !== exit) reject(new Error(`\`${command}\` exited with ${code}, not ${exit}:\n${output}`));
				else resolve(output);
			}),
		);
	});
}

/** A database name for a capture of `crate` (lower-case letters, digits and underscores). */
export function captureDatabaseName(crate: string): string {
	return `capture_${crate.toLowerCase().replace(/[^a-z0-9_]/g, '_')}`;
}

async function transcript(capture: Capture, cwd: string, crate: string): Promise<string> {
	let server: ProcessGroup | undefined;
	let database: FreshDatabase | undefined;
	try {
		let env = capture.env;
		if (capture.database) {
			database = await freshDatabase(captureDatabaseName(crate), process.env['DATABASE_URL'] || undefined);
			env = { DATABASE_URL: database.url, SQLX_OFFLINE: 'true', ...capture.env };
		}
		if (capture.server) {
			server = start(capture.server, cwd, env);
			await new Promise<void>((resolve, reject) => {
				let seen = '';
				const timer = setTimeout(() => reject(new Error(`server \`${capture.server}\` never said “listening on”:\n${seen}`)), TIME_LIMIT_MS);
				const look = (chunk: Buffer) => {
					seen += chunk.toString('utf8');
					if (seen.includes('listening on')) {
						clearTimeout(timer);
						resolve();
					}
				};
				server!.child.stdout!.on('data', look);
				server!.child.stderr!.on('data', look);
				server!.child.on('exit', (code) => {
					clearTimeout(timer);
					reject(new Error(`server \`${capture.server}\` exited (${code}) before listening:\n${seen}`));
				});
			});
		}
		let transcript = '';
		for (const command of capture.commands) {
			const output = (await run(command, cwd, capture.until, env, capture.exit)).replace(CARGO_STATUS, '');
			transcript += `$ ${command}\n${output}${output.endsWith('\n') || output === '' ? '' : '\n'}`;
		}
		return transcript;
	} finally {
		// A server started through npm cleans up after the shell exits (the
		// service closes its port, `npm run api` removes its database): it gets
		// time for that, and the next capture may need the same port.
		if (server) await server.stop(30_000);
		// After the server: it holds connections to the database.
		database?.stop();
	}
}

/**
 * The crates a capture runs every test of: its command is plain `cargo
 * test`, in the crate, and must exit 0 like any capture. npm test leaves
 * them out of its `cargo test --workspace` (--exclude), since the captures
 * step runs them anyway, the way the learner does. (Run per crate, cargo
 * picks the dependencies' features for that crate alone, so the workspace
 * run's builds are not reused: each of these was built, linked and run
 * twice; leaving them out took the workspace step from 128 s to 59 s.)
 */
export function wholeTestCrates(crates: readonly { name: string; captures: readonly Capture[] }[]): string[] {
	const wholeTest = (capture: Capture) =>
		capture.commands.length === 1 &&
		capture.commands[0]!.trim() === 'cargo test' &&
		// Run everywhere, to its end, and required to pass: not a root-only
		// capture (skipped elsewhere), one cut short at a line, or one expected to fail.
		capture.exit === 0 &&
		!capture.root &&
		capture.until === undefined &&
		capture.server === undefined;
	return crates.filter((crate) => crate.captures.some(wholeTest)).map((crate) => crate.name);
}

export default defineTask({
	name: 'captures',
	description: 'reruns every example whose output a lesson shows and compares it with the saved transcript',
	options: {
		update: { type: 'boolean', description: 'rewrite the transcripts' },
		'whole-test-crates': { type: 'boolean', description: 'only print the crates a capture runs every test of (`cargo test`), one a line' },
	},
	positionals: '[crate…]',
	async run(values, crates) {
		if (values['whole-test-crates'] === true) {
			for (const name of wholeTestCrates(cratesNamedIn(crates))) console.log(name);
			return;
		}
		const results: GoldenResult[] = [];
		// Crate names narrow the run, e.g. to one lesson's crate.
		for (const crate of cratesNamedIn(crates)) {
			for (const capture of crate.captures) {
				const file = join(crate.dir, capture.file);
				const example = `${crate.name}: ${capture.file}`;
				// As npm test's compile server image step: elsewhere the rest of the run stands.
				if (capture.root && process.getuid?.() !== 0) {
					results.push({ file, ok: true, message: `${example}: skipped, it needs root (sudo node scripts/task.ts captures ${crate.name})` });
					continue;
				}
				// Each line says how long its run took: a slow CI run then shows
				// which transcript its time went to.
				const started = Date.now();
				const took = () => ` (${((Date.now() - started) / 1000).toFixed(1)} s)`;
				try {
					const result = golden(file, await transcript(capture, crate.dir, crate.name), example, examplesRoot, values.update === true, capture.measured);
					results.push(result.ok ? { ...result, message: result.message + took() } : result);
				} catch (error) {
					results.push({ file, ok: false, message: `${example}${took()}: ${(error as Error).message}` });
				}
			}
		}
		report(results, 'npm run examples:update');
	},
});
