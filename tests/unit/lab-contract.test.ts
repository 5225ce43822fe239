// The lab's contract check against a server that breaks it in known ways:
// proof that the check can fail, and says where.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT, contractProblems } from '../../scripts/bench/lab/contract.ts';
import { parseWrk, wrkMs } from '../../scripts/lib/wrk.ts';
import { missingToolchain } from '../../scripts/bench/lab/peers.ts';

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
afterAll(() => server.close());

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
