// The local compile server against real cargo: the execute contract and
// every limit (time, output, request size, busy), with its folders removed.
import { mkdtempSync, readdirSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseRequest, startPlaygroundServer, type PlaygroundLimits } from '../../scripts/playground-server.ts';
import { parseTestReport, testTitle } from '../../src/runtime/test-report.ts';

const servers: Server[] = [];
afterAll(() => servers.forEach((s) => s.close()));

async function start(limits: Partial<PlaygroundLimits> = {}) {
	const workRoot = mkdtempSync(join(tmpdir(), 'pg-test-'));
	const { server, url } = await startPlaygroundServer({ workRoot, runTimeMs: 1500, outputCap: 4096, ...limits });
	servers.push(server);
	const execute = async (code: string, extra: Record<string, unknown> = {}) => {
		const response = await fetch(`${url}/execute`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ channel: 'stable', mode: 'debug', edition: '2024', crateType: 'bin', tests: false, code, ...extra }),
		});
		return { status: response.status, body: (await response.json()) as Record<string, string | boolean> };
	};
	return { url, execute, workRoot };
}

describe('local compile server', { timeout: 60_000 }, () => {
	it('compiles and runs a program, answering like the Playground', async () => {
		const { execute, workRoot } = await start();
		const { status, body } = await execute('fn main() { println!("hi from {}", 6 * 7); eprintln!("to stderr"); }');
		expect(status).toBe(200);
		expect(body).toMatchObject({ success: true, exitDetail: 'Exited with status 0', stdout: 'hi from 42\n' });
		expect(body['stderr']).toMatch(/Compiling playground[\s\S]*Running `target\/debug\/playground`\nto stderr\n$/);
		expect(readdirSync(workRoot)).toEqual([]);
	});

	it('returns a type error as rustc prints it', async () => {
		const { body } = await (await start()).execute('fn main() { let n: u32 = "seven"; }');
		expect(body['success']).toBe(false);
		expect(body['stderr']).toContain('error[E0308]: mismatched types');
	});

	it('reports a failing exit status', async () => {
		const { body } = await (await start()).execute('fn main() { std::process::exit(3) }');
		expect(body).toMatchObject({ success: false, exitDetail: 'Exited with status 3' });
	});

	it('runs the tests with "tests": true, as the Playground does, naming each result', async () => {
		const code = [
			'fn double(n: u32) -> u32 { n * 2 }',
			'#[cfg(test)]',
			'mod tests {',
			'    use super::*;',
			'    #[test] fn doubles_two() { assert_eq!(double(2), 4); }',
			'    #[test] fn doubles_three() { assert_eq!(double(3), 7, "three twice"); }',
			'}',
		].join('\n');
		const { body } = await (await start({ runTimeMs: 20_000 })).execute(code, { tests: true });
		expect(body['success']).toBe(false);
		expect(body['stdout']).toContain('test tests::doubles_two ... ok\n');
		expect(body['stdout']).toContain('test tests::doubles_three ... FAILED\n');
		expect(body['stdout']).toContain('three twice');
		expect(body['stderr']).not.toContain('Running `target/debug/playground`');
		// The page's reading of that real output (src/runtime/test-report.ts).
		const report = parseTestReport(String(body['stdout']));
		expect(report).toMatchObject({ passed: 1, failed: 1 });
		expect(report.tests.map((t) => [testTitle(t.name), t.passed])).toEqual(
			expect.arrayContaining([
				['doubles two', true],
				['doubles three', false],
			]),
		);
		const failure = report.tests.find((t) => !t.passed)!.message;
		expect(failure).toMatch(/^panicked at src\/main.rs:6:\d+:\nassertion `left == right` failed: three twice\n  left: 6\n right: 7$/);
	});

	it('stops a program that runs past the time limit', async () => {
		const started = Date.now();
		const { body } = await (await start()).execute('fn main() { loop { std::hint::black_box(0); } }');
		expect(body).toMatchObject({ success: false, exitDetail: 'Stopped: the program ran longer than the 1.5 s time limit.' });
		expect(Date.now() - started).toBeLessThan(20_000);
	});

	it('caps the output of a program that prints forever', async () => {
		const { body } = await (await start()).execute('fn main() { loop { println!("more"); } }');
		expect(body['exitDetail']).toBe('Stopped: the program printed more than 4 KB, the output limit.');
		expect(String(body['stdout']).length).toBeLessThanOrEqual(4096);
	});

	it('refuses an oversized request with 413', async () => {
		const { execute } = await start({ maxRequestBytes: 1024 });
		const { status, body } = await execute(`fn main() {}\n// ${'x'.repeat(2048)}`);
		expect(status).toBe(413);
		expect(body['error']).toBe("The code is larger than 1 KB, this server's limit.");
	});

	it('answers busy when more programs wait than the queue holds', async () => {
		const { execute } = await start({ queueLength: 0 });
		const [first, second] = await Promise.all([execute('fn main() {}'), execute('fn main() {}')]);
		expect([first.status, second.status].sort()).toEqual([200, 503]);
		expect([first, second].find((r) => r.status === 503)!.body['error']).toMatch(/^The compile server is busy/);
	});

	it('runs queued programs one after the other', async () => {
		const { execute } = await start({ queueLength: 4 });
		const results = await Promise.all([1, 2, 3].map((n) => execute(`fn main() { println!("{}", ${n}); }`)));
		expect(results.map((r) => r.body['stdout'])).toEqual(['1\n', '2\n', '3\n']);
	});

	it('answers the CORS preflight a cross-origin page sends', async () => {
		const { url } = await start();
		const response = await fetch(`${url}/execute`, { method: 'OPTIONS' });
		expect(response.status).toBe(204);
		expect(response.headers.get('access-control-allow-origin')).toBe('*');
		expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
	});
});

describe('execute request checks', () => {
	it('says what is wrong with a bad request', () => {
		expect(parseRequest('{')).toBe('The request is not JSON.');
		expect(parseRequest('{}')).toBe('The request has no "code" string.');
		expect(parseRequest('{"code":"","edition":"2027"}')).toBe('Unknown edition 2027; use one of 2015, 2018, 2021, 2024.');
		expect(parseRequest('{"code":"x"}')).toEqual({ code: 'x', edition: '2024', mode: 'debug', tests: false });
		expect(parseRequest('{"code":"x","tests":true}')).toMatchObject({ tests: true });
	});
});
