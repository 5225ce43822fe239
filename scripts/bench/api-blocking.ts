/**
 * `npm run bench:api -- --scenario blocking`: what a CPU-heavy password hash
 * does to every other request, with the hash run inline in the handler and
 * with it run on Tokio's blocking pool (spawn_blocking). The Async in a
 * handler lesson shows the saved transcript.
 *
 * The service is step 09 of the API build (users-api-step-09), built twice
 * in release mode: as it ships, hashing in spawn_blocking, and with its
 * `inline-hash` feature, which exists only for this measurement. Each build
 * runs pinned to core 0, so Tokio starts one worker thread (and the
 * blocking pool's threads share that core); wrk runs on core 1. Cheap
 * requests (GET /users/{id}, 1,000 users seeded with SQL) are measured
 * alone, then while other connections POST users, each POST one argon2
 * hash with the default parameters.
 *
 *   npm run bench:api -- --scenario blocking              print the figures
 *   npm run bench:api -- --scenario blocking --save       also write the lesson's transcript
 *   npm run bench:api -- --scenario blocking --seconds 2  a short run, to try it out
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crateNamed, examplesRoot } from '../../src/build/workspace/workspace.ts';
import { ensureCommands } from '../lib/debian.ts';
import { createDatabase, psql, startPostgres, stopPostgres } from '../lib/postgres.ts';
import { machine } from '../lib/machine.ts';
import { runWrk, type WrkResult } from '../lib/wrk.ts';
import { saveTranscript } from '../lib/transcript.ts';

const CRATE = 'users-api-step-09';
const PORT = 3901;
const SEED = 1000;
const GET_CONNECTIONS = 32;
const POST_CONNECTIONS = 4;
const WARMUP_S = 5;
const MEASURED_S = 15;

export interface BlockingOptions {
	/** Seconds measured per run (after a warm-up of up to 5 s); 15 unless given. */
	seconds?: number;
	/** Write the transcript the lesson shows. */
	save: boolean;
}

/** The two builds, copied out of target/ since both are the same binary name. */
function buildBoth(dir: string): { inline: string; spawnBlocking: string } {
	const build = (features: string[], to: string) => {
		// No database at build time: the query macros read the committed query data.
		const env = { ...process.env, SQLX_OFFLINE: 'true' };
		const run = spawnSync('cargo', ['build', '--release', '--locked', '-p', CRATE, ...features], { cwd: examplesRoot, env, stdio: 'inherit' });
		if (run.status !== 0) throw new Error(`cargo build -p ${CRATE} ${features.join(' ')} failed`);
		const path = join(dir, to);
		copyFileSync(join(examplesRoot, 'target/release', CRATE), path);
		return path;
	};
	return { spawnBlocking: build([], 'spawn-blocking'), inline: build(['--features', 'inline-hash'], 'inline-hash') };
}

async function healthy(): Promise<void> {
	for (let i = 0; ; i++) {
		try {
			if ((await fetch(`http://127.0.0.1:${PORT}/health`)).ok) return;
		} catch {
			// not up yet
		}
		if (i > 100) throw new Error('the service did not become healthy');
		await new Promise((r) => setTimeout(r, 100));
	}
}

/** Starts a build on a fresh database of its own, seeded with SEED users. */
async function start(binary: string, serverUrl: string, name: string): Promise<ChildProcess> {
	const url = createDatabase(serverUrl, name);
	const service = spawn('taskset', ['-c', '0', binary], { env: { ...process.env, DATABASE_URL: url, HOST: '127.0.0.1', PORT: String(PORT), RUST_LOG: 'warn' }, stdio: 'ignore' });
	try {
		await healthy();
		// Seeded with SQL, not POST /users: a thousand POSTs would be a thousand hashes.
		psql(url, ['-c', `INSERT INTO users (name, email) SELECT 'Seed ' || i, 'seed-' || i || '@example.com' FROM generate_series(1, ${SEED}) AS i`], 'seeding users');
	} catch (error) {
		await stop(service);
		throw error;
	}
	return service;
}

async function stop(service: ChildProcess): Promise<void> {
	if (service.exitCode !== null || service.signalCode !== null) return;
	const exited = new Promise((r) => service.once('exit', r));
	service.kill('SIGTERM');
	await exited;
}

interface Run {
	get: WrkResult;
	post?: WrkResult;
}

export async function benchBlocking({ seconds = MEASURED_S, save }: BlockingOptions): Promise<number> {
	ensureCommands(
		[
			['wrk', 'wrk'],
			['taskset', 'util-linux'],
			['psql', 'postgresql-client'],
		],
		'bench:api',
	);
	// Looked up before the minutes of measuring, so a moved or renamed crate fails first.
	const transcript = join(crateNamed(CRATE).dir, 'captures', 'bench-blocking.txt');
	const warmup = Math.min(WARMUP_S, seconds);
	const dir = mkdtempSync(join(tmpdir(), 'bench-blocking-'));
	const getLua = join(dir, 'get.lua');
	const postLua = join(dir, 'post.lua');
	writeFileSync(getLua, `request = function() return wrk.format("GET", "/users/" .. math.random(1, ${SEED})) end\n`);
	// Every POST needs a new email, or it is a 409: the run number and a counter.
	writeFileSync(
		postLua,
		[
			'local n = 0',
			'local prefix = "0"',
			'init = function(args) prefix = args[1] end',
			'request = function()',
			'  n = n + 1',
			'  local body = string.format(\'{"name": "Load %d", "email": "load-%s-%d@example.com", "password": "correct horse battery staple"}\', n, prefix, n)',
			'  return wrk.format("POST", "/users", { ["Content-Type"] = "application/json" }, body)',
			'end',
		].join('\n'),
	);
	let runs = 0;
	const wrk = (script: string, connections: number, duration: number) =>
		// The run number reaches the Lua script, which makes every email unique.
		runWrk({ url: `http://127.0.0.1:${PORT}`, connections, seconds: duration, cpu: 1, script, scriptArgs: [String(++runs)] });
	/** GET alone, or GET while POSTs hash: a warm-up, then the measured run. */
	const measure = async (withPosts: boolean): Promise<Run> => {
		const load = (duration: number) => Promise.all([wrk(getLua, GET_CONNECTIONS, duration), withPosts ? wrk(postLua, POST_CONNECTIONS, duration) : undefined]);
		await load(warmup);
		const [get, post] = await load(seconds);
		return { get, post };
	};

	const pg = await startPostgres();
	try {
		const builds = buildBoth(dir);
		const results: [string, Run][] = [];
		let service = await start(builds.spawnBlocking, pg.url, 'bench_spawn_blocking');
		try {
			results.push(['no POSTs', await measure(false)]);
			results.push(['hash in spawn_blocking', await measure(true)]);
		} finally {
			await stop(service);
		}
		service = await start(builds.inline, pg.url, 'bench_inline_hash');
		try {
			results.push(['hash inline', await measure(true)]);
		} finally {
			await stop(service);
		}

		const out: string[] = [];
		const say = (line = '') => {
			console.log(line);
			out.push(line);
		};
		const ms = (value: number | undefined) => (value === undefined ? '' : `${value.toFixed(1)} ms`).padStart(10);
		const rps = (value: number | undefined) => (value === undefined ? '' : value.toFixed(0)).padStart(8);
		say(`$ npm run bench:api -- --scenario blocking${seconds === MEASURED_S ? '' : ` --seconds ${seconds}`}`);
		say(`${CRATE} release builds, PostgreSQL (throwaway, fsync off), ${machine()}`);
		say('service on core 0 (one Tokio worker thread), wrk on core 1');
		say(`GET /users/{id} on ${GET_CONNECTIONS} connections; POST /users (one argon2 hash each) on ${POST_CONNECTIONS}; ${warmup} s warm-up + ${seconds} s measured`);
		say();
		say(`${''.padEnd(24)} ${'GET/s'.padStart(8)} ${'GET p50'.padStart(10)} ${'GET p99'.padStart(10)} ${'POST/s'.padStart(8)} ${'POST p99'.padStart(10)}`);
		for (const [name, { get, post }] of results) {
			say(`${name.padEnd(24)} ${rps(get.rps)} ${ms(get.p50Ms)} ${ms(get.p99Ms)} ${rps(post?.rps)} ${ms(post?.p99Ms)}`.trimEnd());
		}
		const failures = results.flatMap(([name, { get, post }]) =>
			[get, post].flatMap((r) => (r && (r.non2xx > 0 || r.errors !== 'none') ? [`${name}: ${r.non2xx} non-2xx answers, socket errors: ${r.errors}`] : [])),
		);
		for (const failure of failures) say(failure);
		if (save) {
			// A run with failed requests is not a result to publish.
			if (failures.length > 0) {
				console.error('not saved: some requests failed');
				return 1;
			}
			saveTranscript(transcript, out.join('\n'));
		}
		return 0;
	} finally {
		stopPostgres(pg.dir);
		rmSync(dir, { recursive: true, force: true });
	}
}
