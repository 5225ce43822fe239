// The compile server against the Rust Playground's execute contract, through
// a real sandboxed server: output, errors, tests, and every limit the server
// keeps itself (time, output, request size, busy).
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseRequest } from '../../scripts/playground/request.ts';
import { parseTestReport, testTitle } from '../../src/shared/test-report.ts';
import { startServer } from './server.ts';

describe('compile server: the execute contract', { timeout: 60_000 }, () => {
	it('compiles and runs a program, answering like the Playground', async () => {
		const { execute, workRoot } = await startServer();
		const { status, body } = await execute('fn main() { println!("hi from {}", 6 * 7); eprintln!("to stderr"); }');
		expect(status).toBe(200);
		expect(body).toMatchObject({ success: true, exitDetail: 'Exited with status 0', stdout: 'hi from 42\n' });
		expect(body['stderr']).toMatch(/^ {3}Compiling playground v0\.0\.0 \(\/playground\)\n {4}Finished `dev` profile \[unoptimized\] target\(s\) in \d+\.\d\ds\n {5}Running `target\/debug\/playground`\nto stderr\n$/);
		expect(readdirSync(workRoot)).toEqual([]);
	});

	it('returns a type error as rustc prints it', async () => {
		const { body } = await (await startServer()).execute('fn main() { let n: u32 = "seven"; }');
		expect(body['success']).toBe(false);
		expect(body['stderr']).toContain('error[E0308]: mismatched types');
		expect(body['stderr']).toContain(' --> src/main.rs:1:26');
	});

	it('reports a failing exit status', async () => {
		const { body } = await (await startServer()).execute('fn main() { std::process::exit(3) }');
		expect(body).toMatchObject({ success: false, exitDetail: 'Exited with status 3' });
	});

	it('sets what Cargo sets, so env!("CARGO_PKG_NAME") compiles', async () => {
		const { body } = await (await startServer()).execute('fn main() { println!("{} {}", env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION")); }');
		expect(body).toMatchObject({ success: true, stdout: 'playground 0.0.0\n' });
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
		const { body } = await (await startServer({ runTimeMs: 20_000 })).execute(code, { tests: true });
		expect(body['success']).toBe(false);
		expect(body['stdout']).toContain('test tests::doubles_two ... ok\n');
		expect(body['stdout']).toContain('test tests::doubles_three ... FAILED\n');
		expect(body['stdout']).toContain('three twice');
		expect(body['stderr']).toContain('Running unittests src/main.rs');
		// The page's reading of that real output (src/shared/test-report.ts).
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

	it('stops a program that sleeps past the time limit', async () => {
		const started = Date.now();
		const { body } = await (await startServer()).execute('fn main() { std::thread::sleep(std::time::Duration::from_secs(60)); }');
		expect(body).toMatchObject({ success: false, exitDetail: 'Stopped: the program ran longer than the 1.5 s time limit.' });
		expect(Date.now() - started).toBeLessThan(20_000);
	});

	it('caps the output of a program that prints forever', async () => {
		const { body } = await (await startServer()).execute('fn main() { loop { println!("more"); } }');
		expect(body['exitDetail']).toBe('Stopped: the program printed more than 4 KB, the output limit.');
		expect(String(body['stdout']).length).toBeLessThanOrEqual(4096);
	});

	it('refuses an oversized request with 413', async () => {
		const { execute } = await startServer({ maxRequestBytes: 1024 });
		const { status, body } = await execute(`fn main() {}\n// ${'x'.repeat(2048)}`);
		expect(status).toBe(413);
		expect(body['error']).toBe("The code is larger than 1 KB, this server's limit.");
	});

	it('answers busy when more programs wait than the queue holds', async () => {
		const { execute } = await startServer({ queueLength: 0 });
		const [first, second] = await Promise.all([execute('fn main() {}'), execute('fn main() {}')]);
		expect([first.status, second.status].sort()).toEqual([200, 503]);
		expect(String([first, second].find((r) => r.status === 503)!.body['error'])).toMatch(/^The compile server is busy/);
	});

	it('answers 429 with a one-line reason when a client sends more programs a minute than allowed', async () => {
		const { execute } = await startServer({ ratePerMinute: 2 });
		expect((await execute('fn main() {}')).status).toBe(200);
		expect((await execute('fn main() {}')).status).toBe(200);
		const third = await execute('fn main() {}');
		expect(third.status).toBe(429);
		expect(third.headers['retry-after']).toMatch(/^\d+$/);
		expect(third.body['error']).toMatch(/^You sent more than 2 programs in a minute, this server's limit; try again in \d+ s\.$/);
	});

	it('runs queued programs one after the other, never two at once', async () => {
		const { execute } = await startServer({ queueLength: 4 });
		// Each prints when it started and ended (ms since the epoch), 300 ms apart.
		const code = 'fn now() -> u128 { std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_millis() }\nfn main() { let start = now(); std::thread::sleep(std::time::Duration::from_millis(300)); println!("{start} {}", now()); }';
		const results = await Promise.all([1, 2, 3].map(() => execute(code)));
		const spans = results.map((r) => String(r.body['stdout']).trim().split(' ').map(Number) as [number, number]).sort((a, b) => a[0] - b[0]);
		expect(spans).toHaveLength(3);
		for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
	});
});

describe('compile server: programs kept for reuse', { timeout: 60_000 }, () => {
	const keptIn = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.bin')).length;

	it('compiles a program once: sent again it runs, with the same answer and the compiler\'s warnings, and nothing new is kept', async () => {
		const { execute, programs } = await startServer();
		const code = 'fn main() { let unused = 1; println!("run {}", std::process::id() > 0); }';
		const first = await execute(code);
		expect(keptIn(programs)).toBe(1);
		const second = await execute(code);
		expect(keptIn(programs)).toBe(1);
		const withoutTime = (stderr: unknown) => String(stderr).replace(/ in \d+\.\d\ds\n/, ' in …\n');
		expect(second.body).toMatchObject({ success: true, stdout: 'run true\n' });
		expect(withoutTime(second.body['stderr'])).toBe(withoutTime(first.body['stderr']));
		expect(second.body['stderr']).toContain('warning: unused variable: `unused`');
	});

	it('keeps a program per source, edition and mode, and none that failed to compile', async () => {
		const { execute, programs } = await startServer();
		await execute('fn main() { println!("a"); }');
		await execute('fn main() { println!("b"); }');
		await execute('fn main() { println!("b"); }', { edition: '2021' });
		await execute('fn main() { println!("b"); }\n#[test]\nfn t() {}', { tests: true });
		expect(keptIn(programs)).toBe(4);
		const failed = await execute('fn main() { let n: u32 = "seven"; }');
		expect(failed.body['success']).toBe(false);
		expect(keptIn(programs)).toBe(4);
	});
});

describe('execute request checks', () => {
	it('says what is wrong with a bad request', () => {
		expect(parseRequest('{')).toBe('The request is not JSON.');
		expect(parseRequest('null')).toBe('The request is not a JSON object.');
		expect(parseRequest('{}')).toBe('The request has no "code" string.');
		expect(parseRequest('{"code":"","edition":"2027"}')).toBe('Unknown edition 2027; use one of 2015, 2018, 2021, 2024.');
		expect(parseRequest('{"code":"","mode":"release"}')).toBe('This local server builds in debug mode only ("mode": "debug").');
		expect(parseRequest('{"code":"x"}')).toEqual({ code: 'x', edition: '2024', tests: false });
		expect(parseRequest('{"code":"x","tests":true}')).toMatchObject({ tests: true });
	});
});
