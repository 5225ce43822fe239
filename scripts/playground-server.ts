/**
 * `npm run playground`: a local compile server for rooms without internet.
 * It speaks the Rust Playground's execute API (POST /execute, the contract in
 * ../shared/notes/models.md) with the local cargo, so a Run panel pointed at
 * it (PLAYGROUND_URL in astro.config.mjs) runs edited code offline.
 *
 * Limits, because a room full of learners will send anything: one compile
 * at a time (a few more wait in line, the rest are told the server is busy),
 * a request size cap, a compile and a run time limit, an output cap, and a
 * temporary folder per request that is always removed.
 *
 * Environment: PORT (default 3344), HOST (default 127.0.0.1; anything else
 * exposes the compiler to the network, and the server says so).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PlaygroundLimits {
	/** Largest request body accepted, in bytes. */
	maxRequestBytes: number;
	compileTimeMs: number;
	runTimeMs: number;
	/** Bytes of stdout plus stderr kept from a run. */
	outputCap: number;
	/** Requests allowed to wait while one compiles; more are answered "busy". */
	queueLength: number;
	/** Where per-request folders are made. */
	workRoot: string;
	cargo: string;
}

export const DEFAULT_LIMITS: PlaygroundLimits = {
	maxRequestBytes: 64 * 1024,
	compileTimeMs: 60_000,
	runTimeMs: 10_000,
	outputCap: 64 * 1024,
	queueLength: 8,
	workRoot: tmpdir(),
	cargo: 'cargo',
};

export interface ExecuteRequest {
	code: string;
	edition: string;
	mode: 'debug' | 'release';
	/** cargo test instead of running main, as the Playground's "tests": true. */
	tests: boolean;
}

interface Outcome {
	status: number;
	body: Record<string, unknown>;
}

const EDITIONS = ['2015', '2018', '2021', '2024'];

/** Checks a request body against the execute contract; a string is the error to send back. */
export function parseRequest(text: string): ExecuteRequest | string {
	let json: Record<string, unknown>;
	try {
		json = JSON.parse(text) as Record<string, unknown>;
	} catch {
		return 'The request is not JSON.';
	}
	if (typeof json['code'] !== 'string') return 'The request has no "code" string.';
	if (json['crateType'] !== undefined && json['crateType'] !== 'bin') return 'This local server runs programs only ("crateType": "bin").';
	const edition = String(json['edition'] ?? '2024');
	if (!EDITIONS.includes(edition)) return `Unknown edition ${edition}; use one of ${EDITIONS.join(', ')}.`;
	return { code: json['code'], edition, mode: json['mode'] === 'release' ? 'release' : 'debug', tests: json['tests'] === true };
}

interface Captured {
	code: number | null;
	signal: NodeJS.Signals | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
	capped: boolean;
}

/** Runs a command with a time limit and an output cap; kills its whole process group on either. */
function capture(command: string, args: string[], cwd: string, timeMs: number, cap: number): Promise<Captured> {
	return new Promise((resolve) => {
		const child = spawn(command, args, {
			cwd,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, CARGO_TERM_COLOR: 'never', RUST_BACKTRACE: '0' },
		});
		const out = { stdout: '', stderr: '' };
		let size = 0;
		let timedOut = false;
		let capped = false;
		const kill = () => {
			try {
				process.kill(-child.pid!, 'SIGKILL');
			} catch {
				// already gone
			}
		};
		const timer = setTimeout(() => {
			timedOut = true;
			kill();
		}, timeMs);
		const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
			if (capped) return;
			const room = cap - size;
			const text = chunk.toString('utf8');
			out[stream] += text.slice(0, room);
			size += Math.min(room, text.length);
			if (text.length > room) {
				capped = true;
				kill();
			}
		};
		child.stdout.on('data', take('stdout'));
		child.stderr.on('data', take('stderr'));
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			resolve({ code, signal, ...out, timedOut, capped });
		});
	});
}

/** Compiles and runs one program in a fresh folder, always removed afterwards. */
export async function executeLocally(request: ExecuteRequest, limits: PlaygroundLimits): Promise<Outcome> {
	const dir = mkdtempSync(join(limits.workRoot, 'backend-rust-playground-'));
	try {
		mkdirSync(join(dir, 'src'));
		writeFileSync(
			join(dir, 'Cargo.toml'),
			`[package]\nname = "playground"\nversion = "0.0.0"\nedition = "${request.edition}"\n\n[dependencies]\n`,
		);
		writeFileSync(join(dir, 'src/main.rs'), request.code);
		const profile = request.mode === 'release' ? ['--release'] : [];
		// Tests: build the test harness first, under the compile limit, then run
		// it (cargo test again, now only running) under the run limit.
		const buildArgs = request.tests ? ['test', '--no-run', '--offline', ...profile] : ['build', '--offline', ...profile];
		const build = await capture(limits.cargo, buildArgs, dir, limits.compileTimeMs, limits.outputCap);
		if (build.timedOut) {
			return { status: 200, body: { success: false, exitDetail: `Compilation took longer than ${limits.compileTimeMs / 1000} s and was stopped.`, stdout: '', stderr: build.stderr } };
		}
		if (build.code !== 0) return { status: 200, body: { success: false, exitDetail: '', stdout: '', stderr: build.stderr } };

		const run = request.tests
			? await capture(limits.cargo, ['test', '--offline', ...profile, '--', '--color', 'never'], dir, limits.runTimeMs, limits.outputCap)
			: await capture(join(dir, 'target', request.mode, 'playground'), [], dir, limits.runTimeMs, limits.outputCap);
		const exitDetail = run.timedOut
			? `Stopped: the program ran longer than the ${limits.runTimeMs / 1000} s time limit.`
			: run.capped
				? `Stopped: the program printed more than ${Math.round(limits.outputCap / 1024)} KB, the output limit.`
				: run.signal
					? `Killed by signal ${run.signal}`
					: `Exited with status ${run.code}`;
		// cargo test prints its own Running line; a program's run gets one like cargo run's.
		const runningLine = request.tests ? '' : `     Running \`target/${request.mode}/playground\`\n`;
		return {
			status: 200,
			body: {
				success: !run.timedOut && !run.capped && run.code === 0,
				exitDetail,
				stdout: run.stdout,
				stderr: build.stderr + runningLine + run.stderr,
			},
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

function readBody(request: IncomingMessage, max: number): Promise<string | 'too-large'> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		request.on('data', (chunk: Buffer) => {
			size += chunk.length;
			if (size > max) {
				resolve('too-large');
				request.resume();
				return;
			}
			chunks.push(chunk);
		});
		request.on('end', () => resolve(size > max ? 'too-large' : Buffer.concat(chunks).toString('utf8')));
		request.on('error', reject);
	});
}

// The Playground answers cross-origin requests the same way (any origin,
// content-type header, GET and POST, 1 h preflight cache).
const CORS = {
	'access-control-allow-origin': '*',
	'access-control-allow-methods': 'GET, POST',
	'access-control-allow-headers': 'content-type',
	'access-control-max-age': '3600',
};

function send(response: ServerResponse, { status, body }: Outcome) {
	response.writeHead(status, { 'content-type': 'application/json', ...CORS });
	response.end(JSON.stringify(body));
}

export function createPlaygroundServer(overrides: Partial<PlaygroundLimits> = {}): Server {
	const limits = { ...DEFAULT_LIMITS, ...overrides };
	let running: Promise<unknown> = Promise.resolve();
	let active = 0;

	return createServer(async (request, response) => {
		if (request.method === 'OPTIONS') {
			response.writeHead(204, CORS);
			response.end();
			return;
		}
		if (request.method === 'GET' && request.url === '/') {
			response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8', ...CORS });
			response.end('Backend Rust local compile server: POST /execute with the Rust Playground execute API.\n');
			return;
		}
		if (request.method !== 'POST' || request.url !== '/execute') {
			send(response, { status: 404, body: { error: 'Only POST /execute is served here.' } });
			return;
		}
		const text = await readBody(request, limits.maxRequestBytes);
		if (text === 'too-large') {
			send(response, { status: 413, body: { error: `The code is larger than ${limits.maxRequestBytes / 1024} KB, this server's limit.` } });
			return;
		}
		const parsed = parseRequest(text);
		if (typeof parsed === 'string') {
			send(response, { status: 400, body: { error: parsed } });
			return;
		}
		// One compile at a time: each request waits for the one before it.
		if (active > limits.queueLength) {
			send(response, { status: 503, body: { error: `The compile server is busy with ${active} programs; try again in a moment.` } });
			return;
		}
		active++;
		const turn = running.then(() => executeLocally(parsed, limits));
		running = turn.catch(() => undefined);
		try {
			send(response, await turn);
		} catch (error) {
			send(response, { status: 500, body: { error: `The compile server failed: ${(error as Error).message}` } });
		} finally {
			active--;
		}
	});
}

/** A compile server on a free port of 127.0.0.1, for tests: its URL, and the server to close. */
export async function startPlaygroundServer(overrides: Partial<PlaygroundLimits> = {}): Promise<{ server: Server; url: string }> {
	const server = createPlaygroundServer(overrides);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

if (import.meta.url === `file://${process.argv[1]}`) {
	const host = process.env['HOST'] ?? '127.0.0.1';
	const port = Number(process.env['PORT'] ?? 3344);
	if (!Number.isInteger(port) || port < 0 || port > 65535) {
		console.error(`PORT must be a number from 0 to 65535, got ${JSON.stringify(process.env['PORT'])}`);
		process.exit(2);
	}
	if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
		console.warn(`warning: listening on ${host}: anyone who can reach this machine can compile and run code on it.`);
	}
	const server = createPlaygroundServer();
	server.on('error', (error) => {
		console.error(`The compile server could not start on ${host}:${port}: ${error.message}`);
		process.exit(1);
	});
	server.listen(port, host, () => {
		console.log(`Compile server ready on http://${host}:${port} (POST /execute).`);
		console.log(`Point the site at it: PLAYGROUND_URL=http://${host}:${port} npm run dev`);
	});
}
