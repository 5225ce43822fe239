/**
 * `npm run bench:api -- --scenario pages`: the same page deep in 100,000
 * users asked for by offset and by cursor, so the pagination lesson can show
 * what the offset costs. `?offset=99980&limit=20` makes PostgreSQL read and
 * throw away 99,980 rows before the 20 it returns; `?after=99980&limit=20`
 * starts at id 99,981 on the primary key's index. Both answer the same 20
 * users (checked before measuring).
 *
 * The service is step 12 of the API build (users-api-step-12), release
 * build, pinned to core 0; wrk runs on core 1; PostgreSQL is left to the
 * scheduler. The users are seeded with SQL (generate_series): 100,000 POSTs
 * would be 100,000 password hashes. Few connections (4, fewer than the
 * pool's 10), so a latency is the query's work and not a wait for a
 * connection.
 *
 *   npm run bench:api -- --scenario pages              print the figures
 *   npm run bench:api -- --scenario pages --save       also write the lesson's transcript
 *   npm run bench:api -- --scenario pages --seconds 2  a short run, to try it out
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { crateNamed, examplesRoot } from '../../src/build/workspace/workspace.ts';
import { ensureCommands } from '../lib/debian.ts';
import { createDatabase, startPostgres, stopPostgres } from '../lib/postgres.ts';
import { machine } from '../lib/machine.ts';
import { runWrk, type WrkResult } from '../lib/wrk.ts';
import { seedUsers } from './seed-users.ts';
import { saveTranscript } from '../lib/transcript.ts';

const CRATE = 'users-api-step-12';
const PORT = 3902;
const ROWS = 100_000;
const LIMIT = 20;
/** The page that ends at the last row: the deepest a client can ask for. */
const DEEP = ROWS - LIMIT;
const CONNECTIONS = 4;
const WARMUP_S = 5;
const MEASURED_S = 15;

/** The two requests measured, both for users DEEP + 1 to ROWS. */
const PAGES = [
	['offset', `/users?offset=${DEEP}&limit=${LIMIT}`],
	['keyset', `/users?after=${DEEP}&limit=${LIMIT}`],
] as const;

export interface PagesOptions {
	/** Seconds measured per request (after a warm-up of up to 5 s); 15 unless given. */
	seconds?: number;
	/** Write the transcript the lesson shows. */
	save: boolean;
}

function build(): string {
	// No database at build time: the query macros read the committed query data.
	const env = { ...process.env, SQLX_OFFLINE: 'true' };
	const run = spawnSync('cargo', ['build', '--release', '--locked', '-p', CRATE], { cwd: examplesRoot, env, stdio: 'inherit' });
	if (run.status !== 0) throw new Error(`cargo build --release -p ${CRATE} failed`);
	return join(examplesRoot, 'target/release', CRATE);
}

async function healthy(service: ChildProcess): Promise<void> {
	for (let i = 0; ; i++) {
		if (service.exitCode !== null) throw new Error(`${CRATE} exited with ${service.exitCode} before it was healthy`);
		try {
			if ((await fetch(`http://127.0.0.1:${PORT}/health`)).ok) return;
		} catch {
			// not up yet
		}
		if (i > 100) throw new Error('the service did not become healthy');
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** The ids of a page, or an error naming the request: the two must agree before they are compared. */
async function ids(path: string): Promise<number[]> {
	const response = await fetch(`http://127.0.0.1:${PORT}${path}`);
	const body = (await response.json()) as { users?: { id: number }[] };
	if (!response.ok || !body.users) throw new Error(`GET ${path}: ${response.status} ${JSON.stringify(body)}`);
	return body.users.map((user) => user.id);
}

export async function benchPages({ seconds = MEASURED_S, save }: PagesOptions): Promise<number> {
	ensureCommands(
		[
			['wrk', 'wrk'],
			['taskset', 'util-linux'],
			['psql', 'postgresql-client'],
		],
		'bench:api',
	);
	// Looked up before the minutes of measuring, so a moved or renamed crate fails first.
	const transcript = join(crateNamed(CRATE).dir, 'captures', 'bench-pages.txt');
	const warmup = Math.min(WARMUP_S, seconds);
	const binary = build();
	const pg = await startPostgres();
	let service: ChildProcess | undefined;
	try {
		const url = createDatabase(pg.url, 'bench_pages');
		service = spawn('taskset', ['-c', '0', binary], {
			env: {
				...process.env,
				DATABASE_URL: url,
				HOST: '127.0.0.1',
				PORT: String(PORT),
				RUST_LOG: 'warn',
			},
			stdio: 'ignore',
		});
		// Healthy means migrated: the table exists to be seeded.
		await healthy(service);
		seedUsers(url, ROWS);
		const expected = Array.from({ length: LIMIT }, (_, i) => DEEP + 1 + i);
		for (const [, path] of PAGES) {
			const got = await ids(path);
			if (got.join() !== expected.join()) throw new Error(`GET ${path} answered ids ${got.join(', ')}, not ${DEEP + 1} to ${ROWS}`);
		}

		const results: [string, string, WrkResult][] = [];
		for (const [name, path] of PAGES) {
			const run = (duration: number) =>
				runWrk({
					url: `http://127.0.0.1:${PORT}${path}`,
					connections: CONNECTIONS,
					seconds: duration,
					cpu: 1,
				});
			await run(warmup);
			results.push([name, path, await run(seconds)]);
		}

		const out: string[] = [];
		const say = (line = '') => {
			console.log(line);
			out.push(line);
		};
		const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(10);
		say(`$ npm run bench:api -- --scenario pages${seconds === MEASURED_S ? '' : ` --seconds ${seconds}`}`);
		say(`${CRATE} release build, PostgreSQL (throwaway, fsync off), ${machine()}`);
		say(`${ROWS.toLocaleString('en')} users seeded with SQL; service on core 0, wrk on core 1`);
		say(`${CONNECTIONS} connections, ${warmup} s warm-up + ${seconds} s measured per request; both answer users ${DEEP + 1} to ${ROWS}`);
		say();
		const width = Math.max(...results.map(([, path]) => path.length));
		say(`${'GET'.padEnd(width)} ${'req/s'.padStart(8)} ${'p50'.padStart(10)} ${'p99'.padStart(10)}`);
		for (const [, path, r] of results) say(`${path.padEnd(width)} ${r.rps.toFixed(0).padStart(8)} ${ms(r.p50Ms)} ${ms(r.p99Ms)}`);
		const failures = results.flatMap(([, path, r]) => (r.non2xx > 0 || r.errors !== 'none' ? [`${path}: ${r.non2xx} non-2xx answers, socket errors: ${r.errors}`] : []));
		for (const failure of failures) say(failure);
		if (save) {
			// A run with failed requests is not a result to publish.
			if (failures.length > 0) {
				console.error('not saved: some requests failed');
				return 1;
			}
			saveTranscript(transcript, out.join('\n'));
		}
		return failures.length > 0 ? 1 : 0;
	} finally {
		if (service && service.exitCode === null && service.signalCode === null) {
			const exited = new Promise((r) => service!.once('exit', r));
			service.kill('SIGTERM');
			await exited;
		}
		stopPostgres(pg.dir);
	}
}
