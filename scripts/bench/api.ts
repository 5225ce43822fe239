/**
 * `npm run bench:api`: load on the users API's release build with a real
 * PostgreSQL, and the figures printed: requests per second and latency
 * percentiles (p50, p99) for GET /users/{id} and POST /users, and the
 * service's memory (RSS) at idle and under load. A POST signs a user up: it
 * hashes a password with Argon2 at the service's default cost, and the
 * service runs one hash per core at a time (its hash permits; one here, on
 * one core), so POSTs are sent on as many connections as it has permits:
 * more would measure the queue for a permit, and past its wait a 503. Any
 * answer but a 2xx fails the run. (The async lesson measures what the
 * hash does to the other requests: --scenario blocking.)
 *
 * Two cores only: the service runs pinned to core 0 and wrk to core 1
 * (taskset); PostgreSQL is left to the scheduler, so it competes with both,
 * and the figures are for comparing stacks measured the same way on the same
 * machine, not absolute capacity. Each run: 1,000 users seeded by SQL (through
 * POST they would be 1,000 hashes), then 5 s of
 * warm-up and 15 s measured per endpoint, 1 wrk thread, 32 connections
 * for GET and 1 for POST.
 *
 * `--scenario blocking` measures something else: cheap requests while others
 * hash passwords inline or in spawn_blocking (./api-blocking.ts).
 * `--scenario pages`: a page deep in 100,000 users by offset and by cursor
 * (./api-pages.ts).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';
import { ensureCommands } from '../lib/debian.ts';
import { startPostgres, stopPostgres } from '../lib/postgres.ts';
import { rss } from '../lib/rss.ts';
import { defineTask, UsageError } from '../lib/task.ts';
import { runWrk, type WrkResult } from '../lib/wrk.ts';
import { benchBlocking } from './api-blocking.ts';
import { benchPages } from './api-pages.ts';
import { seedUsers } from './seed-users.ts';

const PORT = 3900;
const SEED = 1000;
const CONNECTIONS = 32;
/** One per hash permit: the service pinned to one core has one. */
const POST_CONNECTIONS = 1;
const WARMUP_S = 5;
const MEASURE_S = 15;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

let runs = 0;
/** One wrk run on the service: 1 thread pinned to core 1. */
function wrk(script: string, seconds: number, connections = CONNECTIONS): Promise<WrkResult> {
	// The run number reaches the Lua script, which makes every email unique.
	return runWrk({ url: `http://127.0.0.1:${PORT}`, connections, seconds, cpu: 1, script, scriptArgs: [String(++runs)] });
}
const ms = (value: number) => `${value.toFixed(2)}ms`;

export default defineTask({
	name: 'bench:api',
	description: "load on the users API's release build with a real PostgreSQL: req/s, p50 and p99, memory",
	options: {
		scenario: {
			type: 'string',
			valueName: 'NAME',
			description: 'blocking: GET latency while POSTs hash passwords inline or in spawn_blocking (step 09); pages: a page deep in 100,000 users by offset and by cursor (step 12)',
		},
		seconds: { type: 'string', integer: { min: 1 }, valueName: 'S', description: 'with a scenario: seconds measured per run (default 15)' },
		save: { type: 'boolean', description: "with a scenario: also write the lesson's transcript (the step's captures/bench-<scenario>.txt)" },
	},
	async run(values) {
		if (values.scenario === 'blocking') return benchBlocking({ seconds: values.seconds, save: values.save === true });
		if (values.scenario === 'pages') return benchPages({ seconds: values.seconds, save: values.save === true });
		if (values.scenario !== undefined || values.seconds !== undefined || values.save) {
			throw new UsageError('--scenario takes blocking or pages; --seconds and --save go with it');
		}
		ensureCommands(
			[
				['wrk', 'wrk'],
				['taskset', 'util-linux'],
				['psql', 'postgresql-client'],
			],
			'bench:api',
		);
		const built = spawnSync('cargo', ['build', '--release', '--locked', '-p', 'users-api'], { cwd: examplesRoot, stdio: 'inherit' });
		if (built.status !== 0) return 1;

		const scripts = mkdtempSync(join(tmpdir(), 'bench-api-'));
		const getLua = join(scripts, 'get.lua');
		const postLua = join(scripts, 'post.lua');
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

		const pg = await startPostgres();
		const service = spawn('taskset', ['-c', '0', join(examplesRoot, 'target/release/users-api')], {
			env: { ...process.env, DATABASE_URL: pg.url, HOST: '127.0.0.1', PORT: String(PORT), RUST_LOG: 'warn' },
			stdio: 'ignore',
		});
		try {
			for (let i = 0; ; i++) {
				try {
					if ((await fetch(`http://127.0.0.1:${PORT}/health`)).ok) break;
				} catch {
					// not up yet
				}
				if (i > 100) throw new Error('the service did not become healthy');
				await new Promise((r) => setTimeout(r, 100));
			}
			// Healthy means migrated: the table exists to be seeded.
			seedUsers(pg.url, SEED);
			await new Promise((r) => setTimeout(r, 1000));
			const pid = Number(execFileSync('pgrep', ['-f', 'target/release/users-api'], { encoding: 'utf8' }).trim().split('\n')[0]);
			const idle = rss(pid);

			let peak = idle;
			const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 100);
			await wrk(getLua, WARMUP_S);
			const get = await wrk(getLua, MEASURE_S);
			await wrk(postLua, WARMUP_S, POST_CONNECTIONS);
			const post = await wrk(postLua, MEASURE_S, POST_CONNECTIONS);
			clearInterval(sampler);

			const cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: 'utf8' }).trim();
			console.log(`users-api release build, PostgreSQL 15 (throwaway, fsync off), ${cpu}, 2 cores`);
			console.log(`service on core 0, wrk on core 1: 1 thread, ${CONNECTIONS} connections (POST: ${POST_CONNECTIONS}), ${WARMUP_S} s warm-up + ${MEASURE_S} s measured`);
			for (const [name, r] of [
				['GET /users/{id}', get],
				['POST /users (one Argon2 hash each)', post],
			] as const) {
				console.log(
					`  ${name.padEnd(36)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(r.p50Ms).padStart(8)}   p99 ${ms(r.p99Ms).padStart(8)}   non-2xx ${r.non2xx}   socket errors: ${r.errors}`,
				);
			}
			console.log(`  memory (RSS): idle ${mib(idle)}, peak under load ${mib(peak)}`);
			if (get.non2xx + post.non2xx > 0 || get.errors !== 'none' || post.errors !== 'none') {
				console.error('bench:api: some requests failed (non-2xx or socket errors above): the figures are not of the service answering');
				return 1;
			}
		} finally {
			service.kill('SIGTERM');
			await new Promise((r) => service.once('exit', r));
			stopPostgres(pg.dir);
			rmSync(scripts, { recursive: true, force: true });
		}
	},
});
