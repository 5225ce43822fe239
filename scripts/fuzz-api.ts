/**
 * `npm run fuzz:api`: schemathesis against the running users API. Builds the
 * service, starts it on a free port with a database of its own, and lets
 * schemathesis read http://127.0.0.1:<port>/openapi.json and send what the
 * document allows and what it forbids, operation by operation and in chains
 * that follow the document's links. Settings (seed, examples per operation,
 * checks) are in examples/api/users-api/schemathesis.toml.
 *
 * With DATABASE_URL set (as in `npm test`), a fresh database is created on
 * that server and dropped afterwards; otherwise a throwaway PostgreSQL is
 * started and removed. Ends with "<passed> passed, <failed> failed" and
 * exits non-zero when schemathesis finds anything.
 *
 * `npm run fuzz:api -- <crate>` fuzzes another crate of the service, such as
 * a step (users-api-step-13), with the schemathesis.toml beside its
 * Cargo.toml; a fuzz-setup.sql there runs on the migrated database before
 * the fuzzer starts (a signed-in user whose token the config sends).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { constants, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Readable } from 'node:stream';
import { crateNamed, examplesRoot } from '../src/build/workspace/workspace.ts';
import { createDatabase, dropDatabase, freePort, psql, startPostgres, stopPostgres } from './lib/postgres.ts';
import { countResults, ensureSchemathesis } from './lib/schemathesis.ts';
import { defineTask } from './lib/task.ts';
import { exitOf, waitForOk } from './lib/wait-for-ok.ts';

const repoRoot = join(examplesRoot, '..');
/** The crate fuzzed when none is named: the finished service. */
const DEFAULT_CRATE = 'users-api';

// Ctrl-C reaches schemathesis and the service too (one process group); a
// SIGTERM may reach this process alone. Either way the children are
// stopped, and the run stays alive until the database is dropped or removed.
let interrupted: NodeJS.Signals | undefined;
const children = new Set<ChildProcess>();
const exitStatusFor = (signal: NodeJS.Signals) => 128 + (constants.signals[signal] ?? 0);
function stopOnSignals(): void {
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			interrupted ??= signal;
			process.exitCode = exitStatusFor(interrupted);
			for (const child of children) child.kill('SIGTERM');
		});
	}
}

class Interrupted extends Error {}
function stopIfInterrupted(): void {
	if (interrupted) throw new Interrupted(`stopped by ${interrupted}`);
}

/** Lets a signal to this process stop `child`; resolves once it has ended (or failed to start). */
function track(child: ChildProcess): Promise<void> {
	children.add(child);
	return new Promise((resolve) => {
		const done = () => {
			children.delete(child);
			resolve();
		};
		// 'close' comes after the output pipes are read to the end; 'error' when it could not start.
		child.once('close', done);
		child.once('error', done);
	});
}

/** Copies a stream to stdout line by line as it comes, each line rewritten by `edit`; resolves with all it read. */
function relay(stream: Readable, edit: (line: string) => string): Promise<string> {
	return new Promise((resolve) => {
		let all = '';
		let pending = '';
		stream.setEncoding('utf8');
		stream.on('data', (chunk: string) => {
			all += chunk;
			const lines = (pending + chunk).split('\n');
			pending = lines.pop()!;
			for (const line of lines) process.stdout.write(`${edit(line)}\n`);
		});
		stream.on('end', () => {
			if (pending) process.stdout.write(edit(pending));
			resolve(all);
		});
	});
}

async function main(crate: string): Promise<number> {
	// Read when the task runs, not when `--help` loads this module: a broken manifest must not break the task list.
	const crateDir = crateNamed(crate).dir;
	const schemathesis = ensureSchemathesis();
	const build = spawnSync('cargo', ['build', '-p', crate, '--bin', crate, '--locked', '--quiet'], { cwd: examplesRoot, stdio: ['ignore', 'inherit', 'inherit'] });
	if (build.signal) return exitStatusFor(build.signal);
	if (build.status !== 0) return build.status ?? 1;
	stopIfInterrupted();

	const cleanups: (() => void)[] = [];
	let service: ChildProcess | undefined;
	let serviceEnded: Promise<void> | undefined;
	try {
		let databaseUrl: string;
		const existing = process.env['DATABASE_URL'];
		if (existing) {
			// A database of its own on that server, so the run neither sees nor leaves rows of other tests.
			const name = `fuzz_api_${process.pid}`;
			databaseUrl = createDatabase(existing, name);
			cleanups.push(() => dropDatabase(existing, name));
		} else {
			const pg = await startPostgres();
			cleanups.push(() => stopPostgres(pg.dir));
			databaseUrl = pg.url;
		}
		stopIfInterrupted();

		const scratch = mkdtempSync(join(tmpdir(), 'fuzz-api-'));
		cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		service = spawn(join(examplesRoot, 'target/debug', crate), [], {
			// Its request log would bury the fuzzer's report; failures show the responses.
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, DATABASE_URL: databaseUrl, HOST: '127.0.0.1', PORT: String(port), RUST_LOG: 'users_api=error' },
		});
		// Made now, not when stopping it: a service that already died has sent its only 'exit'.
		serviceEnded = track(service);
		const readiness = await waitForOk(`${base}/health`, service, { deadline: performance.now() + 60_000, intervalMs: 200 });
		stopIfInterrupted();
		if (!readiness.ok) {
			throw new Error(readiness.why === 'exited' ? `${crate} exited with ${exitOf(service)} before answering` : `${crate} did not answer GET /health within 60 s`);
		}
		// The service has migrated the database by now: rows the fuzzer's requests rely on.
		const setup = join(crateDir, 'fuzz-setup.sql');
		if (existsSync(setup)) psql(databaseUrl, ['-f', setup], `${relative(repoRoot, setup)}`);

		// schemathesis prints the config file's absolute path and wraps it at
		// the terminal's width, so a deep clone would print a different line.
		// A copy at the top of the scratch folder has a short path that never
		// wraps, and is shown below under its name in the repository.
		const scratchConfig = join(scratch, 'schemathesis.toml');
		const config = join(crateDir, 'schemathesis.toml');
		copyFileSync(config, scratchConfig);
		const run = spawn(schemathesis, ['--config-file', scratchConfig, 'run', `${base}/openapi.json`], {
			// A scratch folder for what it may write (hypothesis's example database), never the clone.
			cwd: scratch,
			env: { ...process.env, NO_COLOR: '1', COLUMNS: '80' },
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let spawnError: Error | undefined;
		run.once('error', (error) => (spawnError = error));
		const ended = track(run);
		// The port and the scratch folder change from run to run; the saved transcript shows neither.
		const edit = (line: string) => line.replaceAll(base, 'http://127.0.0.1:<port>').replaceAll(scratchConfig, relative(repoRoot, config));
		const [stdout, stderr] = await Promise.all([relay(run.stdout!, edit), relay(run.stderr!, edit), ended]);
		stopIfInterrupted();
		if (spawnError) console.error(`could not run ${schemathesis}: ${spawnError.message}`);
		const ok = !spawnError && run.exitCode === 0;
		const { passed, failed } = countResults(`${stdout}${stderr}`);
		// A crash or a schema it cannot load is a failure even with no failed test counted.
		const failures = ok ? failed : Math.max(failed, 1);
		console.log(`${passed} passed, ${failures} failed`);
		return ok && failed === 0 ? 0 : 1;
	} finally {
		if (service && exitOf(service) === undefined) service.kill('SIGTERM');
		await serviceEnded;
		for (const cleanup of cleanups.reverse()) cleanup();
	}
}

export default defineTask({
	name: 'fuzz:api',
	description: 'schemathesis against the users API (or the crate named, such as a step), from its OpenAPI document, with a database of its own',
	options: {},
	positionals: '[crate]',
	async run(_values, [crate = DEFAULT_CRATE, ...extra]) {
		if (extra.length > 0) {
			console.error(`fuzz:api: one crate at most, not ${[crate, ...extra].join(', ')}`);
			return 2;
		}
		stopOnSignals();
		const status = await main(crate).catch((error: unknown) => {
			console.error(`fuzz:api: ${error instanceof Error ? error.message : String(error)}`);
			return 1;
		});
		return interrupted ? exitStatusFor(interrupted) : status;
	},
});
