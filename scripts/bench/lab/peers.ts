/**
 * The benchmarking lab's peers: one folder per stack under examples/bench/,
 * each with a peer.json saying how to check its toolchain, build it, start
 * it and find its build artifact. The lab's service answers the same
 * contract (./contract.ts) in every stack, with PORT, DATABASE_URL and
 * POOL_SIZE in its environment. One more peer, users-api, is the course's
 * own service run unchanged: the optional fields below say how it differs
 * (its own contract, table, readiness path and name for the pool size, one endpoint, a log).
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Endpoint } from '../../../src/build/measurements/results.ts';
import { examplesRoot } from '../../../src/build/workspace/workspace.ts';
import { spawnGroup } from '../../lib/process-group.ts';
import { waitForOk } from '../../lib/wait-for-ok.ts';

export const benchRoot = join(examplesRoot, 'bench');

export interface Peer {
	/** Folder under examples/bench/, e.g. go-gin. */
	id: string;
	dir: string;
	/** For tables: "Go + Gin". */
	name: string;
	/** For the charts and the terminal, where a long name does not fit. */
	shortName?: string;
	toolchain: string[][];
	build: string[][];
	start: string[];
	/** Added to the environment: how the runtime is told it has one core, and any setting of its own. */
	env: Record<string, string>;
	artifact: string;
	versions: string[][];
	/** Which contract it answers (./contracts.ts); the lab's by default. */
	contract?: 'lab' | 'users-api';
	/** The path polled for readiness and cold start; /plaintext by default. */
	readyPath?: string;
	/** The endpoints it is measured on; both by default. */
	endpoints?: Endpoint[];
	/** The variable its own configuration reads the pool size from, when it is not POOL_SIZE; the lab sets both. */
	poolSizeEnv?: string;
	/** Its standard output and error go to a file, as a production service's log would, not through a pipe to the lab. */
	logToFile?: boolean;
	/** A database of its own in the lab's PostgreSQL server (./database.ts), and the SQL file that fills it. */
	database?: { name: string; seed: string };
}

export const peerEndpoints = (peer: Peer): Endpoint[] => peer.endpoints ?? ['plaintext', 'user'];
export const peerReadyPath = (peer: Peer): string => peer.readyPath ?? '/plaintext';
/** For the charts and the terminal. */
export const peerLabel = (peer: { name: string; shortName?: string }): string => peer.shortName ?? peer.name;

// The yardstick first, then the same stack with the production layers, then the rest in folder order.
const FIRST = ['axum', 'users-api'];

/** Every peer: Axum, users-api, then the others in folder order. */
export function peers(root: string = benchRoot): Peer[] {
	const rank = (id: string) => (FIRST.includes(id) ? FIRST.indexOf(id) : FIRST.length);
	return readdirSync(root)
		.filter((id) => existsSync(join(root, id, 'peer.json')))
		.map((id) => ({ id, dir: join(root, id), ...(JSON.parse(readFileSync(join(root, id, 'peer.json'), 'utf8')) as Omit<Peer, 'id' | 'dir'>) }))
		.sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

function run(command: string[], cwd: string) {
	return spawnSync(command[0]!, command.slice(1), { cwd, encoding: 'utf8', env: process.env });
}

/** Why the peer cannot run here (its toolchain is missing), or undefined. */
export function missingToolchain(peer: Peer): string | undefined {
	for (const command of peer.toolchain) {
		const result = run(command, peer.dir);
		if (result.error || result.status !== 0) return `${peer.name} skipped: \`${command.join(' ')}\` failed (${result.error?.message ?? result.stderr.trim().split('\n')[0] ?? `exit ${result.status}`}); install its toolchain to include it.`;
	}
	return undefined;
}

/** Builds the peer from its folder; throws with the failing command's output. */
export function buildPeer(peer: Peer): void {
	for (const command of peer.build) {
		const result = run(command, peer.dir);
		if (result.status !== 0) throw new Error(`${peer.name}: \`${command.join(' ')}\` failed:\n${result.stdout}${result.stderr}`);
	}
}

/** The tool and runtime versions the peer's manifest names, one line each. */
export function peerVersions(peer: Peer): string[] {
	return peer.versions.map((command) => {
		const result = run(command, peer.dir);
		// Without terminal colour codes (Debian's mvn prints some even with -B).
		return `${result.stdout}${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, '').trim().split('\n')[0] ?? '';
	});
}

/**
 * Bytes of the build artifact: a file, or a folder's files. Symbolic links
 * are not followed (a Python venv links lib64 to lib, and its interpreter
 * to the system's), so nothing is counted twice.
 */
export function artifactBytes(peer: Peer): number {
	const size = (path: string): number => {
		const stat = lstatSync(path);
		if (stat.isSymbolicLink()) return 0;
		return stat.isDirectory() ? readdirSync(path).reduce((sum, entry) => sum + size(join(path, entry)), 0) : stat.size;
	};
	return size(join(peer.dir, peer.artifact));
}

export interface Running {
	process: ChildProcess;
	url: string;
	/** From spawning the process to its first 200 on its ready path. */
	coldStartMs: number;
	/** What the server printed, for a failure message (the last 8 KiB of a log file). */
	output: () => string;
	/** The log file of a peer with logToFile, while it runs; removed by stop(). */
	logFile: string | undefined;
	stop: () => Promise<void>;
}

/** Newlines in a file, read in chunks: a log of a million lines need not fit in a string. */
export function countLines(path: string): number {
	const fd = openSync(path, 'r');
	const buffer = Buffer.alloc(1 << 20);
	let lines = 0;
	try {
		for (let read; (read = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) {
			for (let i = 0; i < read; i++) if (buffer[i] === 10) lines++;
		}
	} finally {
		closeSync(fd);
	}
	return lines;
}

function tail(path: string, bytes: number): string {
	const text = readFileSync(path);
	return text.subarray(Math.max(0, text.length - bytes)).toString('utf8');
}

export interface StartOptions {
	port: number;
	databaseUrl: string;
	poolSize: number;
	/** Pin the server to this CPU (taskset), or leave it to the scheduler. */
	cpu?: number;
	/** How long to wait for the first 200. */
	timeoutMs?: number;
}

/** Starts the peer and resolves once its ready path (/plaintext unless it says) answers 200. */
export async function startPeer(peer: Peer, { port, databaseUrl, poolSize, cpu, timeoutMs = 60_000 }: StartOptions): Promise<Running> {
	const command = cpu === undefined ? peer.start : ['taskset', '-c', String(cpu), ...peer.start];
	// A log per request through a pipe would make the lab's own process read
	// and keep every line; a file is what a production service writes to.
	const logDir = peer.logToFile ? mkdtempSync(join(tmpdir(), `bench-${peer.id}-`)) : undefined;
	const logFile = logDir && join(logDir, 'server.log');
	const logFd = logFile === undefined ? undefined : openSync(logFile, 'a');
	const started = performance.now();
	// Its own process group, so stop() also ends what it spawned (a JVM's
	// or uvicorn's children).
	const group = spawnGroup(command[0]!, command.slice(1), {
		cwd: peer.dir,
		env: {
			...process.env,
			...peer.env,
			PORT: String(port),
			DATABASE_URL: databaseUrl,
			POOL_SIZE: String(poolSize),
			...(peer.poolSizeEnv ? { [peer.poolSizeEnv]: String(poolSize) } : {}),
		},
		stdio: logFd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', logFd, logFd],
	});
	const child = group.child;
	if (logFd !== undefined) closeSync(logFd);
	let piped = '';
	child.stdout?.on('data', (chunk: Buffer) => (piped += chunk));
	child.stderr?.on('data', (chunk: Buffer) => (piped += chunk));
	const output = () => (logFile === undefined ? piped : existsSync(logFile) ? tail(logFile, 8192) : '');
	const stop = async () => {
		try {
			await group.stop();
		} finally {
			if (logDir) rmSync(logDir, { recursive: true, force: true });
		}
	};
	const url = `http://127.0.0.1:${port}`;
	const ready = peerReadyPath(peer);
	const readiness = await waitForOk(url + ready, child, { deadline: started + timeoutMs, intervalMs: 5 });
	if (readiness.ok) return { process: child, url, coldStartMs: readiness.at - started, output, logFile, stop };
	const printed = output();
	await stop();
	if (readiness.why === 'exited') throw new Error(`${peer.name} exited with ${child.exitCode ?? child.signalCode} before answering:\n${printed}`);
	throw new Error(`${peer.name} did not answer ${ready} within ${timeoutMs / 1000} s:\n${printed}`);
}
