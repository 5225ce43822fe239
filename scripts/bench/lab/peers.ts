/**
 * The benchmarking lab's peers: one folder per stack under examples/bench/,
 * each with a peer.json saying how to check its toolchain, build it, start
 * it and find its build artifact. Every peer answers the same contract
 * (./contract.ts) with PORT, DATABASE_URL and POOL_SIZE in its environment.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { examplesRoot } from '../../../src/examples/workspace.ts';

export const benchRoot = join(examplesRoot, 'bench');

export interface Peer {
	/** Folder under examples/bench/, e.g. go-gin. */
	id: string;
	dir: string;
	/** For tables: "Go + Gin". */
	name: string;
	toolchain: string[][];
	build: string[][];
	start: string[];
	/** Added to the environment: how the runtime is told it has one core. */
	env: Record<string, string>;
	artifact: string;
	versions: string[][];
}

/** Every peer, in folder order; the Rust peer first, as the yardstick. */
export function peers(root: string = benchRoot): Peer[] {
	return readdirSync(root)
		.filter((id) => existsSync(join(root, id, 'peer.json')))
		.map((id) => ({ id, dir: join(root, id), ...(JSON.parse(readFileSync(join(root, id, 'peer.json'), 'utf8')) as Omit<Peer, 'id' | 'dir'>) }))
		.sort((a, b) => Number(b.id === 'axum') - Number(a.id === 'axum') || a.id.localeCompare(b.id));
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
	/** From spawning the process to its first 200 on /plaintext. */
	coldStartMs: number;
	/** What the server printed, for a failure message. */
	output: () => string;
	stop: () => Promise<void>;
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

/** Starts the peer and resolves once /plaintext answers 200. */
export async function startPeer(peer: Peer, { port, databaseUrl, poolSize, cpu, timeoutMs = 60_000 }: StartOptions): Promise<Running> {
	const command = cpu === undefined ? peer.start : ['taskset', '-c', String(cpu), ...peer.start];
	const started = performance.now();
	const child = spawn(command[0]!, command.slice(1), {
		cwd: peer.dir,
		env: { ...process.env, ...peer.env, PORT: String(port), DATABASE_URL: databaseUrl, POOL_SIZE: String(poolSize) },
		stdio: ['ignore', 'pipe', 'pipe'],
		// Its own process group, so stop() also ends what it spawned (a JVM's
		// or uvicorn's children).
		detached: true,
	});
	let output = '';
	child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
	child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) {
			try {
				process.kill(-child.pid!, 'SIGTERM');
			} catch {
				// already gone
			}
			const killer = setTimeout(() => {
				try {
					process.kill(-child.pid!, 'SIGKILL');
				} catch {
					// already gone
				}
			}, 5_000);
			await exited;
			clearTimeout(killer);
		}
	};
	const url = `http://127.0.0.1:${port}`;
	while (performance.now() - started < timeoutMs) {
		if (child.exitCode !== null) throw new Error(`${peer.name} exited with ${child.exitCode} before answering:\n${output}`);
		try {
			if ((await fetch(`${url}/plaintext`)).status === 200) {
				return { process: child, url, coldStartMs: performance.now() - started, output: () => output, stop };
			}
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 5));
	}
	await stop();
	throw new Error(`${peer.name} did not answer /plaintext within ${timeoutMs / 1000} s:\n${output}`);
}
