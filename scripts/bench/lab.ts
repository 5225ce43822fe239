/**
 * `npm run bench`: the lab's full comparison in one run. Every peer under
 * examples/bench/ (Rust + Axum, Go + Gin, Node.js + Fastify, Python +
 * FastAPI, Java + Spring Boot, and the course's users-api as one more row)
 * is built from its lockfile, checked against its contract, then measured
 * the same way:
 *
 * - the same throwaway PostgreSQL, the same 10,000 rows, the same pool size
 *   (users-api: its own table with the same rows, its pool set through DATABASE_MAX_CONNECTIONS);
 * - the server pinned to core 0 and told it has one core (its peer.json), wrk
 *   pinned to core 1 (1 thread, closed loop, CONNECTIONS connections);
 *   PostgreSQL is left to the scheduler, as in bench:api;
 * - per endpoint: a warm-up, then ROUNDS measured rounds, the median round
 *   reported (req/s, mean, p50, p99 latency);
 * - idle RSS before load and peak RSS under it, cold start (spawn to the
 *   first 200), and the build artifact's size.
 *
 * A stack whose toolchain is missing is skipped with one line. The results
 * go to public/bench/results.json (committed; the results lesson draws its
 * charts from it at build time) with the versions and the machine.
 *
 *   npm run bench                      the full run (about 10 minutes)
 *   npm run bench -- --seconds 2       shorter rounds, for trying it out (not saved)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { mib, RESULTS_FILE, type EndpointResult, type Results } from '../../src/build/measurements/results.ts';
import { ensureCommands } from '../lib/debian.ts';
import { applyMigrations, freePort, startPostgres, stopPostgres } from '../lib/postgres.ts';
import { rss } from '../lib/rss.ts';
import { runWrk, type WrkResult } from '../lib/wrk.ts';
import { peerContractProblems } from './lab/contracts.ts';
import { peerDatabase } from './lab/database.ts';
import { artifactBytes, benchRoot, buildPeer, countLines, missingToolchain, peerEndpoints, peerLabel, peerReadyPath, peers, peerVersions, startPeer } from './lab/peers.ts';
import { defineTask } from '../lib/task.ts';

const DEFAULT_ROUND_S = 10;
const ROUNDS = 3;
const CONNECTIONS = 64;
const POOL_SIZE = 8;
const SERVER_CPU = 0;
const WRK_CPU = 1;

/**
 * The warm-up before the rounds: long enough for the JVM's JIT to settle
 * (it was still speeding up after 5 s in a trial run; the others are steady
 * within a second), and no longer than two rounds of a trial run.
 */
export const warmupSeconds = (roundS: number) => Math.min(20, roundS * 2);

/**
 * A warm-up, then ROUNDS rounds; the round with the median req/s is
 * reported, with the requests sent in all of them (a logging server's log
 * must have a line for each).
 */
async function measure(url: string, script: string | undefined, { warmupS, roundS }: { warmupS: number; roundS: number }): Promise<{ result: EndpointResult; requests: number }> {
	const warmup = await runWrk({ url, connections: CONNECTIONS, seconds: warmupS, cpu: WRK_CPU, script });
	const rounds: WrkResult[] = [];
	for (let i = 0; i < ROUNDS; i++) {
		const round = await runWrk({ url, connections: CONNECTIONS, seconds: roundS, cpu: WRK_CPU, script });
		if (round.non2xx > 0 || round.errors !== 'none') throw new Error(`${url}: ${round.non2xx} non-2xx responses, socket errors: ${round.errors}`);
		rounds.push(round);
	}
	const median = [...rounds].sort((a, b) => a.rps - b.rps)[Math.floor(ROUNDS / 2)]!;
	return {
		result: { rps: median.rps, meanMs: median.meanMs, p50Ms: median.p50Ms, p99Ms: median.p99Ms, roundsRps: rounds.map((r) => r.rps) },
		requests: warmup.requests + rounds.reduce((sum, r) => sum + r.requests, 0),
	};
}

export default defineTask({
	name: 'bench',
	description: "the lab: every stack under examples/bench/ built, checked and measured alike; writes public/bench/results.json",
	options: {
		seconds: { type: 'string', integer: { min: 1 }, valueName: 'N', description: 'rounds of N seconds (10 by default), for trying it out: results not saved' },
	},
	async run(values) {
		ensureCommands(
			[
				['wrk', 'wrk'],
				['taskset', 'util-linux'],
			],
			'npm run bench',
		);
		const SAVE = values.seconds === undefined;
		const ROUND_S = values.seconds ?? DEFAULT_ROUND_S;
		const WARMUP_S = warmupSeconds(ROUND_S);
		const timing = { warmupS: WARMUP_S, roundS: ROUND_S };

		const pg = await startPostgres();
		const scripts = mkdtempSync(join(tmpdir(), 'bench-lab-'));
		// A random user per request, so the database does real lookups.
		const userScript = join(scripts, 'user.lua');
		writeFileSync(userScript, 'request = function() return wrk.format("GET", "/users/" .. math.random(1, 10000)) end\n');

		const results: Results = {
			date: new Date().toISOString(),
			machine: {
				cpu: cpus()[0]?.model.trim() ?? 'unknown',
				cores: cpus().length,
				os: execFileSync('uname', ['-sr'], { encoding: 'utf8' }).trim(),
			},
			method: {
				connections: CONNECTIONS,
				poolSize: POOL_SIZE,
				warmupSeconds: WARMUP_S,
				rounds: ROUNDS,
				roundSeconds: ROUND_S,
				serverCpu: SERVER_CPU,
				wrkCpu: WRK_CPU,
				wrk: execFileSync('sh', ['-c', 'wrk -v 2>&1 | head -n 1'], { encoding: 'utf8' }).trim(),
				postgres: execFileSync('psql', [pg.url, '-tAc', 'SHOW server_version'], { encoding: 'utf8' }).trim(),
			},
			skipped: [],
			peers: [],
		};
		try {
			applyMigrations(pg.url, join(benchRoot, 'database/migrations'));
			for (const peer of peers()) {
				const missing = missingToolchain(peer);
				if (missing) {
					console.log(missing);
					results.skipped.push(missing);
					continue;
				}
				const label = peerLabel(peer);
				console.error(`${label}: building...`);
				buildPeer(peer);
				const options = { port: await freePort(), poolSize: POOL_SIZE, cpu: SERVER_CPU };
				const databaseUrl = await peerDatabase(peer, pg.url, options);
				const server = await startPeer(peer, { ...options, databaseUrl });
				try {
					const problems = await peerContractProblems(peer, server);
					if (problems.length > 0) throw new Error(`${peer.name} breaks its contract, so it is not measured:\n${problems.join('\n')}`);
					await new Promise((resolve) => setTimeout(resolve, 1000));
					const pid = server.process.pid!;
					const idle = rss(pid);
					let peak = idle;
					const sampler = setInterval(() => (peak = Math.max(peak, rss(pid))), 100);
					console.error(`${label}: measuring...`);
					const endpoints = peerEndpoints(peer);
					const plaintext = endpoints.includes('plaintext') ? await measure(`${server.url}/plaintext`, undefined, timing) : undefined;
					const user = await measure(server.url, userScript, timing);
					clearInterval(sampler);
					let logLines: number | undefined;
					if (server.logFile) {
						// The row stands for a service that logs every response: check it did.
						logLines = countLines(server.logFile);
						const requests = (plaintext?.requests ?? 0) + user.requests;
						if (logLines < requests) throw new Error(`${peer.name} logged ${logLines} lines for ${requests} requests: it did not log every response, so it is not the service the row describes`);
					}
					results.peers.push({
						id: peer.id,
						name: peer.name,
						...(peer.shortName ? { shortName: peer.shortName } : {}),
						versions: peerVersions(peer),
						artifactBytes: artifactBytes(peer),
						coldStartMs: server.coldStartMs,
						readyPath: peerReadyPath(peer),
						idleRssBytes: idle,
						peakRssBytes: peak,
						poolSize: POOL_SIZE,
						...(logLines === undefined ? {} : { logLines }),
						endpoints: { ...(plaintext ? { plaintext: plaintext.result } : {}), user: user.result },
					});
				} finally {
					await server.stop();
				}
			}
		} finally {
			stopPostgres(pg.dir);
			rmSync(scripts, { recursive: true, force: true });
		}

		const yardstick = results.peers.find((p) => p.id === 'axum');
		const ratio = (value: number, of: number | undefined) => (of ? `${(value / of).toFixed(2)}x` : '');
		// Wide enough for the longest short name, "Rust + Axum, users-api".
		const NAME = 24;
		console.log(`${results.machine.cpu}, ${results.machine.cores} cores; server on core ${SERVER_CPU}, wrk on core ${WRK_CPU}: 1 thread, ${CONNECTIONS} connections`);
		console.log(`PostgreSQL ${results.method.postgres}, pool ${POOL_SIZE}; ${WARMUP_S} s warm-up, then the median of ${ROUNDS} rounds of ${ROUND_S} s`);
		for (const [endpoint, label] of [
			['plaintext', 'GET /plaintext'],
			['user', 'GET /users/{id}'],
		] as const) {
			console.log(`\n${label}`);
			console.log(`${'stack'.padEnd(NAME)}${'req/s'.padStart(9)}${'vs Axum'.padStart(9)}${'mean ms'.padStart(9)}${'p50 ms'.padStart(9)}${'p99 ms'.padStart(9)}`);
			for (const p of results.peers) {
				const r = p.endpoints[endpoint];
				if (!r) continue;
				console.log(
					`${peerLabel(p).padEnd(NAME)}${r.rps.toFixed(0).padStart(9)}${ratio(r.rps, yardstick?.endpoints[endpoint]?.rps).padStart(9)}${r.meanMs.toFixed(2).padStart(9)}${r.p50Ms.toFixed(2).padStart(9)}${r.p99Ms.toFixed(2).padStart(9)}`,
				);
			}
		}
		console.log(`\n${'stack'.padEnd(NAME)}${'idle MiB'.padStart(10)}${'peak MiB'.padStart(10)}${'cold start ms'.padStart(15)}${'artifact MiB'.padStart(14)}${'pool'.padStart(6)}`);
		for (const p of results.peers) {
			console.log(
				`${peerLabel(p).padEnd(NAME)}${mib(p.idleRssBytes).toFixed(1).padStart(10)}${mib(p.peakRssBytes).toFixed(1).padStart(10)}${p.coldStartMs.toFixed(0).padStart(15)}${mib(p.artifactBytes).toFixed(1).padStart(14)}${String(p.poolSize).padStart(6)}`,
			);
		}
		for (const p of results.peers) {
			if (p.readyPath !== '/plaintext') console.log(`${peerLabel(p)}: cold start to the first 200 on ${p.readyPath}`);
			if (p.logLines !== undefined) console.log(`${peerLabel(p)}: ${p.logLines} log lines written to a file during the run`);
		}
		for (const line of results.skipped) console.log(line);

		if (SAVE) {
			mkdirSync(dirname(RESULTS_FILE), { recursive: true });
			writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, '\t')}\n`);
			console.log(`\nwrote ${RESULTS_FILE}`);
		} else {
			console.log('\nshort rounds (--seconds): results not saved');
		}
	},
});
