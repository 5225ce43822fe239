/**
 * The lab's results: their shape, written by `npm run bench`
 * (scripts/bench/lab.ts) to public/bench/results.json and read at build time
 * for the results lesson's charts and tables. The same file is served as the
 * raw data behind them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RESULTS_URL = '/bench/results.json';
// From the project root: at build time this module is bundled into dist/,
// where a path relative to import.meta.url would no longer lead to public/.
export const RESULTS_FILE = join(process.cwd(), 'public/bench/results.json');

export interface EndpointResult {
	rps: number;
	meanMs: number;
	p50Ms: number;
	p99Ms: number;
	roundsRps: number[];
}

export type Endpoint = 'plaintext' | 'user';

export interface PeerResult {
	id: string;
	/** The row's full label, e.g. "Go + Gin". */
	name: string;
	/** A shorter label where the full one does not fit (the charts, the terminal). */
	shortName?: string;
	versions: string[];
	artifactBytes: number;
	/** From spawning the process to its first 200 on `readyPath`. */
	coldStartMs: number;
	readyPath: string;
	idleRssBytes: number;
	peakRssBytes: number;
	/** The connections its pool may open: the lab's POOL_SIZE, or the size the server's own code fixes. */
	poolSize: number;
	/** Lines the server logged during the run, for a server that logs to a file (users-api, one per response). */
	logLines?: number;
	/** The lab's service answers both; users-api has no /plaintext, so it is measured on `user` alone. */
	endpoints: { plaintext?: EndpointResult; user: EndpointResult };
}

export interface Results {
	date: string;
	machine: { cpu: string; cores: number; os: string };
	method: { connections: number; poolSize: number; warmupSeconds: number; rounds: number; roundSeconds: number; serverCpu: number; wrkCpu: number; wrk: string; postgres: string };
	skipped: string[];
	peers: PeerResult[];
}

export function readResults(path: string = RESULTS_FILE): Results {
	return JSON.parse(readFileSync(path, 'utf8')) as Results;
}

/** The peer with this id; a page that needs it stops the build when the committed run lacks it. */
export function requirePeer(results: Results, id: string): PeerResult {
	const peer = results.peers.find((p) => p.id === id);
	if (!peer) {
		throw new Error(`public/bench/results.json has no "${id}" row (its run of ${results.date.slice(0, 10)} measured ${results.peers.map((p) => p.id).join(', ')}): run \`npm run bench\` on a quiet machine to measure it`);
	}
	return peer;
}

export const mib = (bytes: number) => bytes / 1024 / 1024;

/**
 * What a chart can show: how to read it off a peer (undefined where the peer
 * does not have it: users-api on /plaintext), its unit, and which way is better.
 */
interface MetricSpec {
	title: string;
	unit: string;
	higherIsBetter: boolean;
	digits: number;
	of: (p: PeerResult) => number | undefined;
}

export const METRICS = {
	'plaintext-rps': { title: 'GET /plaintext: requests per second', unit: 'req/s', higherIsBetter: true, digits: 0, of: (p: PeerResult) => p.endpoints.plaintext?.rps },
	'user-rps': { title: 'GET /users/{id} (one PostgreSQL row as JSON): requests per second', unit: 'req/s', higherIsBetter: true, digits: 0, of: (p: PeerResult) => p.endpoints.user.rps },
	'plaintext-p99': { title: 'GET /plaintext: p99 latency', unit: 'ms', higherIsBetter: false, digits: 2, of: (p: PeerResult) => p.endpoints.plaintext?.p99Ms },
	'user-p99': { title: 'GET /users/{id}: p99 latency', unit: 'ms', higherIsBetter: false, digits: 2, of: (p: PeerResult) => p.endpoints.user.p99Ms },
	'idle-rss': { title: 'Memory at idle (RSS)', unit: 'MiB', higherIsBetter: false, digits: 1, of: (p: PeerResult) => mib(p.idleRssBytes) },
	'peak-rss': { title: 'Peak memory under load (RSS)', unit: 'MiB', higherIsBetter: false, digits: 1, of: (p: PeerResult) => mib(p.peakRssBytes) },
	'cold-start': { title: 'Cold start: process start to first 200', unit: 'ms', higherIsBetter: false, digits: 0, of: (p: PeerResult) => p.coldStartMs },
	artifact: { title: 'Build artifact size', unit: 'MiB', higherIsBetter: false, digits: 1, of: (p: PeerResult) => mib(p.artifactBytes) },
} as const satisfies Record<string, MetricSpec>;

export type Metric = keyof typeof METRICS;

/** A figure as the charts print it: thousands separated, fixed decimals. */
export function formatValue(value: number, digits: number): string {
	return value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** value / Axum's value, for the "x Axum" column; undefined without both figures. */
export function ratioToAxum(results: Results, metric: Metric, peer: PeerResult): number | undefined {
	const axum = results.peers.find((p) => p.id === 'axum');
	const value = METRICS[metric].of(peer);
	const of = axum && METRICS[metric].of(axum);
	return value === undefined || !of ? undefined : value / of;
}

/** The peers that have a figure for this metric, with it: a chart's rows. */
export function metricRows(results: Results, metric: Metric): { peer: PeerResult; value: number; ratio: number | undefined }[] {
	return results.peers.flatMap((peer) => {
		const value = METRICS[metric].of(peer);
		return value === undefined ? [] : [{ peer, value, ratio: ratioToAxum(results, metric, peer) }];
	});
}
