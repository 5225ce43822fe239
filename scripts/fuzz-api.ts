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
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { examplesRoot } from '../src/examples/workspace.ts';
import { freePort, startPostgres, stopPostgres } from './lib/postgres.ts';
import { countResults, ensureSchemathesis } from './lib/schemathesis.ts';

const repoRoot = join(examplesRoot, '..');
const config = join(examplesRoot, 'api/users-api/schemathesis.toml');

function must(what: string, run: ReturnType<typeof spawnSync>): void {
	if (run.status !== 0) throw new Error(`${what} failed${run.stderr ? `:\n${run.stderr}` : ''}`);
}

/** A database of its own on an existing server, so the run neither sees nor leaves rows of other tests. */
function createDatabase(serverUrl: string): { url: string; drop: () => void } {
	const name = `fuzz_api_${process.pid}`;
	must('creating the fuzz database', spawnSync('psql', [serverUrl, '-q', '-v', 'ON_ERROR_STOP=1', '-c', `CREATE DATABASE ${name}`], { encoding: 'utf8' }));
	const url = new URL(serverUrl);
	url.pathname = `/${name}`;
	return {
		url: url.toString(),
		drop: () => {
			spawnSync('psql', [serverUrl, '-q', '-c', `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`], { stdio: 'ignore' });
		},
	};
}

async function waitForHealth(base: string, service: ChildProcess): Promise<void> {
	const deadline = Date.now() + 60_000;
	while (Date.now() < deadline) {
		if (service.exitCode !== null) throw new Error(`users-api exited with status ${service.exitCode} before answering`);
		try {
			if ((await fetch(`${base}/health`)).ok) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error('users-api did not answer GET /health within 60 s');
}

// Ctrl-C reaches schemathesis and the service too (one process group): stay
// alive while they stop, so the database is still dropped or removed.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});

async function main(): Promise<number> {
	const schemathesis = ensureSchemathesis();
	const build = spawnSync('cargo', ['build', '-p', 'users-api', '--locked', '--quiet'], { cwd: examplesRoot, stdio: ['ignore', 'inherit', 'inherit'] });
	if (build.status !== 0) return build.status ?? 1;

	const cleanups: (() => void)[] = [];
	let service: ChildProcess | undefined;
	try {
		let databaseUrl: string;
		const existing = process.env['DATABASE_URL'];
		if (existing) {
			const db = createDatabase(existing);
			cleanups.push(db.drop);
			databaseUrl = db.url;
		} else {
			const pg = await startPostgres();
			cleanups.push(() => stopPostgres(pg.dir));
			databaseUrl = pg.url;
		}

		const scratch = mkdtempSync(join(tmpdir(), 'fuzz-api-'));
		cleanups.push(() => rmSync(scratch, { recursive: true, force: true }));
		const port = await freePort();
		const base = `http://127.0.0.1:${port}`;
		service = spawn(join(examplesRoot, 'target/debug/users-api'), [], {
			// Its request log would bury the fuzzer's report; failures show the responses.
			stdio: ['ignore', 'ignore', 'inherit'],
			env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), RUST_LOG: 'users_api=error' },
		});
		await waitForHealth(base, service);

		const run = spawnSync(
			schemathesis,
			['--config-file', config, 'run', `${base}/openapi.json`],
			// A scratch folder for what it may write (hypothesis's example database), never the clone.
			{ cwd: scratch, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', COLUMNS: '80' }, maxBuffer: 64 * 1024 * 1024 },
		);
		const output = `${run.stdout ?? ''}${run.stderr ?? ''}`;
		// The port and the clone's location change from run to run; the saved transcript shows neither.
		process.stdout.write(output.replaceAll(base, 'http://127.0.0.1:<port>').replaceAll(config, relative(repoRoot, config)));
		const { passed, failed } = countResults(output);
		// A crash or a schema it cannot load is a failure even with no failed test counted.
		const failures = run.status === 0 ? failed : Math.max(failed, 1);
		console.log(`${passed} passed, ${failures} failed`);
		return run.status === 0 && failed === 0 ? 0 : 1;
	} finally {
		if (service && service.exitCode === null) {
			const exited = new Promise((resolve) => service!.once('exit', resolve));
			service.kill('SIGTERM');
			await exited;
		}
		for (const cleanup of cleanups.reverse()) cleanup();
	}
}

process.exitCode = await main().catch((error: unknown) => {
	console.error(`fuzz:api: ${error instanceof Error ? error.message : String(error)}`);
	return 1;
});
