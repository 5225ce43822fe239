// The lab's contract check against a server that breaks it in known ways:
// proof that the check can fail, and says where.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT, contractProblems } from '../../scripts/bench/lab/contract.ts';
import { databaseUrl } from '../../scripts/bench/lab/database.ts';
import { USERS_API_CONTRACT, usersApiContractProblems } from '../../scripts/bench/lab/users-api-contract.ts';
import { parseWrk, wrkMs } from '../../scripts/lib/wrk.ts';
import { countLines, missingToolchain, peerEndpoints, peerReadyPath, peers } from '../../scripts/bench/lab/peers.ts';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';

// Answers every case as the contract says, except: /users/42 with spaces in
// its JSON, /users/abc with FastAPI's default 422, and /nowhere with 200.
const server = createServer((request, response) => {
	const path = request.url ?? '';
	const expected = CONTRACT.find((c) => c.path === path);
	if (path === '/users/42') {
		response.writeHead(200, { 'content-type': 'application/json' }).end('{"id": 42, "name": "User 42", "email": "user42@example.com"}');
	} else if (path === '/users/abc') {
		response.writeHead(422, { 'content-type': 'application/json' }).end('{"detail":[]}');
	} else if (expected) {
		response.writeHead(expected.status, { 'content-type': `${expected.type}; charset=utf-8` }).end(expected.body);
	} else {
		response.writeHead(200).end('ok');
	}
});
// users-api's contract broken in known ways: /users/42 without created_at,
// /users/0 answered 200, CORS for another origin, and the request id that
// each test sets (not a UUID, or one the log never mentions).
let requestId = '';
const usersApi = createServer((request, response) => {
	const path = request.url ?? '';
	const expected = USERS_API_CONTRACT.find((c) => c.path === path);
	const headers = { 'content-type': 'application/json', 'x-request-id': requestId, 'access-control-allow-origin': 'https://elsewhere.example' };
	if (path === '/users/42') response.writeHead(200, headers).end('{"id":42,"name":"User 42","email":"user42@example.com"}');
	else if (path === '/users/0') response.writeHead(200, headers).end('{}');
	else if (expected) response.writeHead(expected.status, headers).end(expected.body ?? '{"error":"bad id"}');
	else response.writeHead(404, headers).end('{"error":"not found"}');
});
afterAll(() => {
	server.close();
	usersApi.close();
});

describe('lab contract check', () => {
	it('names each difference: a body, a status, an unknown path', async () => {
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const problems = await contractProblems(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
		expect(problems).toEqual([
			'GET /users/42: body "{\\"id\\": 42, \\"name\\": \\"User 42\\", \\"email\\": \\"user42@example.com\\"}", expected "{\\"id\\":42,\\"name\\":\\"User 42\\",\\"email\\":\\"user42@example.com\\"}"',
			'GET /users/abc: status 422, expected 400',
			'GET /users/abc: body "{\\"detail\\":[]}", expected "{\\"error\\":\\"invalid id\\"}"',
			'GET /nowhere: status 200, expected 404',
		]);
	});
});

describe("users-api's contract check", () => {
	const log = () => 'INFO request{method=GET uri=/users/42 request_id=123e4567-e89b-12d3-a456-426614174000}: finished processing request status=200\n';
	const check = async () => {
		if (!usersApi.listening) await new Promise<void>((resolve) => usersApi.listen(0, '127.0.0.1', resolve));
		return usersApiContractProblems(`http://127.0.0.1:${(usersApi.address() as AddressInfo).port}`, { origin: 'https://app.example.com', log });
	};
	const common = [
		'GET /users/42: body "{\\"id\\":42,\\"name\\":\\"User 42\\",\\"email\\":\\"user42@example.com\\"}", expected "{\\"id\\":42,\\"name\\":\\"User 42\\",\\"email\\":\\"user42@example.com\\",\\"created_at\\":\\"2026-01-01T00:00:00Z\\"}"',
		'GET /users/0: status 200, expected 404',
		'GET /users/0: body "{}", expected "{\\"error\\":\\"no user with id 0\\"}"',
	];
	const cors = 'GET /users/42 from https://app.example.com: access-control-allow-origin "https://elsewhere.example", expected "https://app.example.com" (the CORS layer)';

	it('names each difference: a body, a status, a request id that is not a UUID, CORS', async () => {
		requestId = 'req-1';
		expect(await check()).toEqual([...common, 'GET /users/42: x-request-id "req-1", expected a UUID (the request id layers)', cors]);
	});

	it('names a response the log does not show, and accepts one it does', async () => {
		requestId = '0b9e2f4c-1111-4a2b-9c3d-5e6f7a8b9c0d';
		expect(await check()).toEqual([...common, cors, `GET /users/42: no log line with request_id ${requestId} and status=200 (the trace layer at its default level, info)`]);
		requestId = '123e4567-e89b-12d3-a456-426614174000';
		expect(await check()).toEqual([...common, cors]);
	});
});

describe('the users-api peer', () => {
	const peer = peers().find((p) => p.id === 'users-api')!;
	const main = readFileSync(join(examplesRoot, 'api/users-api/src/main.rs'), 'utf8');

	it('comes right after Axum, its yardstick, and is measured on GET /users/{id} alone', () => {
		expect(peers().map((p) => p.id).slice(0, 2)).toEqual(['axum', 'users-api']);
		expect(peerEndpoints(peer)).toEqual(['user']);
		expect(peerReadyPath(peer)).toBe('/health');
		expect(peerEndpoints(peers()[0]!)).toEqual(['plaintext', 'user']);
		expect(peerReadyPath(peers()[0]!)).toBe('/plaintext');
	});

	it("hands users-api the lab's pool size under the name its configuration reads, and logs at its own default level", () => {
		const config = readFileSync(join(examplesRoot, 'api/users-api/src/config.rs'), 'utf8');
		expect(peer.poolSizeEnv).toBeDefined();
		expect(config, `users-api's config.rs does not read ${peer.poolSizeEnv}`).toContain(`lookup("${peer.poolSizeEnv}")`);
		expect(main).toContain('.max_connections(config.max_connections)');
		const filter = /EnvFilter::new\("([^"]+)"\)/.exec(main);
		expect(peer.env['RUST_LOG']).toBe(filter?.[1]);
	});

	it('gets a database of its own on the same server', () => {
		expect(databaseUrl('postgres://postgres@127.0.0.1:5433/postgres', 'bench_users_api')).toBe('postgres://postgres@127.0.0.1:5433/bench_users_api');
		expect(peer.database?.name).toBe('bench_users_api');
	});
});

describe('a log file', () => {
	it('is counted in lines without reading it into one string', () => {
		const dir = mkdtempSync(join(tmpdir(), 'lab-lines-'));
		try {
			const file = join(dir, 'log');
			writeFileSync(file, 'a\n'.repeat(1_500_000));
			expect(countLines(file)).toBe(1_500_000);
			writeFileSync(file, '');
			expect(countLines(file)).toBe(0);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('wrk report', () => {
	it('reads rates, latencies in any unit and errors', () => {
		expect(wrkMs('456.00us')).toBeCloseTo(0.456);
		expect(wrkMs('1.50ms')).toBe(1.5);
		expect(wrkMs('2.01s')).toBeCloseTo(2010);
		expect(wrkMs('soon')).toBeNaN();
		const report = [
			'Running 1s test @ http://127.0.0.1:1/users/42',
			'  1 threads and 8 connections',
			'  Thread Stats   Avg      Stdev     Max   +/- Stdev',
			'    Latency   612.00us  100.00us   2.00ms   90.00%',
			'  Latency Distribution',
			'     50%  590.00us',
			'     75%  650.00us',
			'     90%  700.00us',
			'     99%    1.20ms',
			'  12345 requests in 1.00s, 2.00MB read',
			'  Socket errors: connect 0, read 1, write 0, timeout 0',
			'  Non-2xx or 3xx responses: 3',
			'Requests/sec:  12345.67',
		].join('\n');
		expect(parseWrk(report)).toEqual({ requests: 12345, rps: 12345.67, meanMs: 0.612, p50Ms: 0.59, p99Ms: 1.2, non2xx: 3, errors: 'connect 0, read 1, write 0, timeout 0' });
	});
});

describe('a stack without its toolchain', () => {
	it('is skipped with one line naming the command that failed', () => {
		const peer = { id: 'cobol', dir: process.cwd(), name: 'COBOL + Nothing', toolchain: [['no-such-compiler', '--version']], build: [], start: [], env: {}, artifact: '.', versions: [] };
		expect(missingToolchain(peer)).toMatch(/^COBOL \+ Nothing skipped: `no-such-compiler --version` failed \(.*ENOENT.*\); install its toolchain to include it\.$/);
		expect(missingToolchain({ ...peer, toolchain: [['node', '--version']] })).toBeUndefined();
	});
});
