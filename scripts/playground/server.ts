/**
 * `npm run playground`: a local compile server for rooms without internet,
 * and for checking exercises offline. It speaks the Rust Playground's API
 * (POST /execute, GET /meta/crates), so a Run panel pointed at it
 * (PLAYGROUND_URL in astro.config.mjs) runs edited code offline.
 *
 * Who may reach it: only pages of the course site (./access.ts).
 * What a program may touch: nothing but its own folder, with no network and
 * kernel limits (./sandbox.ts, ./execute.ts). What it may use: the standard
 * library and the course's crates (./crate-cache.ts).
 * And, because a room full of learners will send anything: one compile at a
 * time (a few more wait in line, the rest are told the server is busy), a
 * request size cap, time limits and an output cap (./limits.ts).
 *
 * Environment: PORT (default 3344); HOST (default 127.0.0.1; anything else
 * exposes it to the network, and the server says so); PLAYGROUND_ORIGINS,
 * PLAYGROUND_HOSTS and PLAYGROUND_TOKEN (./access.ts); PLAYGROUND_RATE and
 * PLAYGROUND_TRUST_PROXY (./rate-limit.ts); PLAYGROUND_CACHE (./crate-cache.ts);
 * PLAYGROUND_UID, the uid programs run as when the server is root
 * (./sandbox.ts). Flag: --unsandboxed, for a machine where bubblewrap cannot
 * work (a warning says what that gives up).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { accessPolicy, checkCaller, checkPost, corsHeaders, type AccessPolicy } from './access.ts';
import { ensureCrateCache } from './crate-cache.ts';
import { executeLocally, type Toolchain } from './execute.ts';
import { programsDir } from './program-cache.ts';
import { rustSysroot } from './sysroot.ts';
import { DEFAULT_LIMITS, type PlaygroundLimits } from './limits.ts';
import { clientOf, RateLimit } from './rate-limit.ts';
import { parseRequest } from './request.ts';
import { findIsolation, SANDBOX_UID, which, type Isolation } from './sandbox.ts';
import { defineTask } from '../lib/task.ts';

export { DEFAULT_LIMITS, type PlaygroundLimits } from './limits.ts';

interface Answer {
	status: number;
	body: unknown;
}

/** The body, or why there is none: too large, or the client went away before sending it all. */
function readBody(request: IncomingMessage, max: number): Promise<string | 'too-large' | 'aborted'> {
	return new Promise((resolve) => {
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
		// A closed tab or a reset connection: nothing to answer, nothing to run.
		request.on('error', () => resolve('aborted'));
		request.on('close', () => {
			if (!request.complete) resolve('aborted');
		});
	});
}

/** The path of a request target, or undefined for one that is not a path (such as `//x`). */
function pathOf(target: string | undefined): string | undefined {
	const path = (target ?? '/').split('?')[0]!;
	return path.startsWith('/') ? path : undefined;
}

export interface ServerSetup {
	limits: PlaygroundLimits;
	policy: AccessPolicy;
	isolation: Isolation;
	toolchain: Toolchain;
}

export function createPlaygroundServer({ limits, policy, isolation, toolchain }: ServerSetup): Server {
	let running: Promise<unknown> = Promise.resolve();
	let active = 0;
	const crates = { crates: toolchain.cache.crates };
	const rate = new RateLimit(limits.ratePerMinute);

	const server = createServer((request, response) => {
		handle(request, response).catch((error: unknown) => {
			// Whatever a request does, the server stays up for the next one.
			console.error(`compile server: ${(error as Error).stack ?? String(error)}`);
			if (!response.headersSent) {
				response.writeHead(500, { 'content-type': 'application/json' });
				response.end(JSON.stringify({ error: 'The compile server failed on this request; it is still running.' }));
			} else response.destroy();
		});
	});
	// A client that opens connections and sends nothing must not hold them.
	server.headersTimeout = 15_000;
	server.requestTimeout = 30_000;
	return server;

	async function handle(request: IncomingMessage, response: ServerResponse) {
		const send = ({ status, body }: Answer, cors: Record<string, string> = {}) => {
			response.writeHead(status, { 'content-type': 'application/json', ...cors });
			response.end(JSON.stringify(body));
		};
		const path = pathOf(request.url);
		if (path === undefined) return send({ status: 400, body: { error: 'The request target is not a path.' } });
		if (request.method === 'GET' && path === '/') {
			// Harmless to anyone (a load balancer's health check has no Origin).
			response.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
			response.end('Backend Rust local compile server: POST /execute and GET /meta/crates, as the Rust Playground.\n');
			return;
		}
		const caller = checkCaller(request, policy);
		if (!caller.allowed) return send({ status: 403, body: { error: caller.reason } }, corsHeaders(undefined));
		const cors = corsHeaders(caller.origin);
		if (request.method === 'OPTIONS') {
			response.writeHead(204, cors);
			response.end();
			return;
		}
		if (path === '/meta/crates' && (request.method === 'GET' || request.method === 'POST')) return send({ status: 200, body: crates }, cors);
		if (request.method !== 'POST' || path !== '/execute') return send({ status: 404, body: { error: 'Only POST /execute and GET /meta/crates are served here.' } }, cors);
		const refused = checkPost(request, policy);
		if (refused) return send({ status: 403, body: { error: refused } }, cors);

		const text = await readBody(request, limits.maxRequestBytes);
		if (text === 'aborted') return;
		if (text === 'too-large') return send({ status: 413, body: { error: `The code is larger than ${limits.maxRequestBytes / 1024} KB, this server's limit.` } }, cors);
		const parsed = parseRequest(text);
		if (typeof parsed === 'string') return send({ status: 400, body: { error: parsed } }, cors);
		const wait = rate.take(clientOf(request.socket.remoteAddress, request.headers['x-forwarded-for'], limits.trustProxy));
		if (wait > 0) {
			const seconds = Math.ceil(wait / 1000);
			response.setHeader('retry-after', String(seconds));
			return send({ status: 429, body: { error: `You sent more than ${limits.ratePerMinute} programs in a minute, this server's limit; try again in ${seconds} s.` } }, cors);
		}
		// One compile at a time: each request waits for the one before it.
		if (active > limits.queueLength) {
			return send({ status: 503, body: { error: `The compile server is busy with ${active} programs; try again in a moment.` } }, cors);
		}
		active++;
		const turn = running.then(() => executeLocally(parsed, limits, isolation, toolchain));
		running = turn.catch(() => undefined);
		try {
			send({ status: 200, body: await turn }, cors);
		} catch (error) {
			send({ status: 500, body: { error: `The compile server failed: ${(error as Error).message}` } }, cors);
		} finally {
			active--;
		}
	}
}

/** The toolchain, its crate cache (built on first use) and the kept programs (beside it unless `programs` says where). */
export async function prepareToolchain(programs: string = programsDir()): Promise<Toolchain> {
	return { sysroot: rustSysroot(), cache: await ensureCrateCache(), programs };
}

/**
 * A sandboxed compile server on a free port of 127.0.0.1, for tests and
 * benchmarks: its URL, and the server to close. `origins` are the sites
 * allowed to call it (a test's own site); `programs`, where it keeps built
 * programs (./program-cache.ts), if not the machine's folder.
 */
export async function startPlaygroundServer({
	origins = [],
	limits = {},
	token,
	uid,
	programs,
}: { origins?: string[]; limits?: Partial<PlaygroundLimits>; token?: string; uid?: number; programs?: string } = {}): Promise<{ server: Server; url: string }> {
	const isolation = findIsolation(uid);
	if ('problem' in isolation) throw new Error(isolation.problem);
	const toolchain = await prepareToolchain(programs);
	const policy = accessPolicy('127.0.0.1', { PLAYGROUND_ORIGINS: origins.join(','), ...(token ? { PLAYGROUND_TOKEN: token } : {}) });
	const server = createPlaygroundServer({ limits: { ...DEFAULT_LIMITS, ...limits }, policy, isolation, toolchain });
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export default defineTask({
	name: 'playground',
	description: 'the compile server on 127.0.0.1:$PORT (3344): compiles and runs edited code in a sandbox',
	options: {
		unsandboxed: { type: 'boolean', description: 'run programs without bubblewrap, where it cannot work (your own code only)' },
	},
	async run(values) {
		const host = process.env['HOST'] ?? '127.0.0.1';
		const port = Number(process.env['PORT'] ?? 3344);
		if (!Number.isInteger(port) || port < 0 || port > 65535) {
			console.error(`PORT must be a number from 0 to 65535, got ${JSON.stringify(process.env['PORT'])}`);
			return 2;
		}
		const unsandboxed = values.unsandboxed === true;
		const uid = Number(process.env['PLAYGROUND_UID'] ?? SANDBOX_UID);
		if (!Number.isInteger(uid) || uid < 1000 || uid > 4_000_000) {
			console.error(`PLAYGROUND_UID must be an unused uid from 1000 up; got ${JSON.stringify(process.env['PLAYGROUND_UID'])}`);
			return 2;
		}
		const found = findIsolation(uid);
		let isolation: Isolation;
		if ('problem' in found) {
			if (!unsandboxed) {
				console.error(found.problem);
				console.error('Without a sandbox, any program sent to this server could read and change your files. To run it anyway, on a machine where bubblewrap cannot work: npm run playground -- --unsandboxed');
				return 1;
			}
			const prlimit = which('prlimit') !== undefined;
			console.warn(`warning: running WITHOUT a sandbox (--unsandboxed). Programs can read and write your files and use the network; only ${prlimit ? 'the time, output, memory, process, file size and CPU' : 'the time and output'} limits apply. Use this only for your own code.`);
			isolation = { kind: 'none', prlimit };
		} else {
			isolation = found;
		}
		if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
			console.warn(`warning: listening on ${host}: anyone who can reach this machine and open a page of the course site can compile and run code on it (inside the sandbox).`);
		}
		let policy: AccessPolicy;
		try {
			policy = accessPolicy(host);
		} catch (error) {
			console.error((error as Error).message);
			return 2;
		}
		const rate = Number(process.env['PLAYGROUND_RATE'] ?? DEFAULT_LIMITS.ratePerMinute);
		if (!Number.isInteger(rate) || rate < 1) {
			console.error(`PLAYGROUND_RATE must be a whole number of programs a minute, at least 1; got ${JSON.stringify(process.env['PLAYGROUND_RATE'])}`);
			return 2;
		}
		// Every setting is checked before this, which may build the crate cache.
		const toolchain = await prepareToolchain();
		const limits = { ...DEFAULT_LIMITS, ratePerMinute: rate, trustProxy: process.env['PLAYGROUND_TRUST_PROXY'] === '1' };
		const server = createPlaygroundServer({ limits, policy, isolation, toolchain });
		server.on('error', (error) => {
			if (server.listening) return console.error(`compile server: ${error.message}`);
			console.error(`The compile server could not start on ${host}:${port}: ${error.message}`);
			process.exit(1);
		});
		server.listen(port, host, () => {
			const { port: listening } = server.address() as AddressInfo;
			// The address a learner's page can use: the host itself, or on a
			// wildcard this machine's own network addresses.
			const reachable = ['0.0.0.0', '::'].includes(host) ? [...policy.hostnames].filter((h) => /^\d+\.\d+\.\d+\.\d+$/.test(h) && h !== '127.0.0.1') : [host];
			const sandbox = isolation.kind === 'bubblewrap' ? `sandboxed by bubblewrap${isolation.root ? ` (programs run as uid ${isolation.uid})` : ''}` : 'NOT sandboxed';
			console.log(`Compile server ready on http://${host}:${listening} (POST /execute), ${sandbox}.`);
			console.log(`Crates edited code may use: ${toolchain.cache.crates.map((c) => `${c.name} ${c.version}`).join(', ')}.`);
			console.log(`Pages allowed to use it: ${[...policy.origins].join(', ')}${policy.token ? ' (with the class token)' : ''}; at most ${limits.ratePerMinute} programs a minute from each client.`);
			for (const address of reachable.length ? reachable : ['127.0.0.1']) console.log(`Point the site at it: PLAYGROUND_URL=http://${address}:${listening} npm run dev`);
		});
	},
});
