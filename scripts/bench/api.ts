/**
 * `npm run bench:api`: load on the users API's release build with a real
 * PostgreSQL, and the figures printed: requests per second and latency
 * percentiles (p50, p99) for GET /users/{id} and POST /users, and the
 * service's memory (RSS) at idle and under load.
 *
 * Two cores only: the service runs pinned to core 0 and wrk to core 1
 * (taskset); PostgreSQL is left to the scheduler, so it competes with both,
 * and the figures are for comparing stacks measured the same way on the same
 * machine, not absolute capacity. Each run: 1,000 users seeded, then 5 s of
 * warm-up and 15 s measured per endpoint, 1 wrk thread, 32 connections.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';
import { ensureCommands } from '../lib/debian.ts';
import { startPostgres, stopPostgres } from '../lib/postgres.ts';
import { rss } from '../lib/rss.ts';
import { defineTask } from '../lib/task.ts';
import { runWrk, type WrkResult } from '../lib/wrk.ts';

const PORT = 3900;
const SEED = 1000;
const CONNECTIONS = 32;
const WARMUP_S = 5;
const MEASURE_S = 15;

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

let runs = 0;
/** One wrk run on the service: 1 thread pinned to core 1. */
function wrk(script: string, seconds: number): Promise<WrkResult> {
	// The run number reaches the Lua script, which makes every email unique.
	return runWrk({ url: `http://127.0.0.1:${PORT}`, connections: CONNECTIONS, seconds, cpu: 1, script, scriptArgs: [String(++runs)] });
}
const ms = (value: number) => `${value.toFixed(2)}ms`;

export default defineTask({
	name: 'bench:api',
	description: "load on the users API's release build with a real PostgreSQL: req/s, p50 and p99, memory",
	options: {},
	async run() {
		ensureCommands(
			[
				['wrk', 'wrk'],
				['taskset', 'util-linux'],
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
				'  local body = string.format(\'{"name": "Load %d", "email": "load-%s-%d@example.com"}\', n, prefix, n)',
				'  return wrk.format("POST", "/users", { ["Content-Type"] = "application/json" }, body)',
				'end',
			].join('\n'),
		);

		const pg = await startPostgres();
		const service = spawn('taskset', ['-c', '0', join(examplesRoot, 'target/release/users-api')], {
			env: { ...process.env, DATABASE_URL: pg.url, PORT: String(PORT), RUST_LOG: 'warn' },
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
			for (let i = 1; i <= SEED; i++) {
				await fetch(`http://127.0.0.1:${PORT}/users`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ name: `Seed ${i}`, email: `seed-${i}@example.com` }),
				});
			}
			await new Promise((r) => setTimeout(r, 1000));
			const pid = Number(execFileSync('pgrep', ['-f', 'target/release/users-api'], { encoding: 'utf8' }).trim().split('\n')[0]);
			const idle = rss(pid);

			let peak = idle;
			const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 100);
			await wrk(getLua, WARMUP_S);
			const get = await wrk(getLua, MEASURE_S);
			await wrk(postLua, WARMUP_S);
			const post = await wrk(postLua, MEASURE_S);
			clearInterval(sampler);

			const cpu = execFileSync('sh', ['-c', "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], { encoding: 'utf8' }).trim();
			console.log(`users-api release build, PostgreSQL 15 (throwaway, fsync off), ${cpu}, 2 cores`);
			console.log(`service on core 0, wrk on core 1: 1 thread, ${CONNECTIONS} connections, ${WARMUP_S} s warm-up + ${MEASURE_S} s measured`);
			for (const [name, r] of [
				['GET /users/{id}', get],
				['POST /users', post],
			] as const) {
				console.log(
					`  ${name.padEnd(16)} ${r.rps.toFixed(0).padStart(7)} req/s   p50 ${ms(r.p50Ms).padStart(8)}   p99 ${ms(r.p99Ms).padStart(8)}   non-2xx ${r.non2xx}   socket errors: ${r.errors}`,
				);
			}
			console.log(`  memory (RSS): idle ${mib(idle)}, peak under load ${mib(peak)}`);
		} finally {
			service.kill('SIGTERM');
			await new Promise((r) => service.once('exit', r));
			stopPostgres(pg.dir);
			rmSync(scripts, { recursive: true, force: true });
		}
	},
});
