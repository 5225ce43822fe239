// Reading libtest's output for the exercise checks. The shape of a real run
// (a pass, a failure with its message) is checked against real cargo in
// playground-server.test.ts; these are the edges.
import { describe, expect, it } from 'vitest';
import { parseTestReport, programWithTests, testTitle } from '../../src/shared/test-report.ts';

describe('test report', () => {
	it('finds no tests in a run that never reached them', () => {
		expect(parseTestReport('')).toEqual({ tests: [], passed: 0, failed: 0 });
	});

	it('reads a #[should_panic] test, whose line says so after its name', () => {
		const report = parseTestReport('running 2 tests\ntest tests::a - should panic ... ok\ntest tests::b - should panic ... FAILED\n');
		expect(report).toMatchObject({ passed: 1, failed: 1 });
		expect(report.tests.map((t) => t.name)).toEqual(['tests::a', 'tests::b']);
	});

	it('leaves ignored tests out and keeps each failure its own message, without the thread', () => {
		const stdout = [
			'running 3 tests',
			'test tests::a ... ignored, slow',
			'test tests::b ... FAILED',
			'test tests::c ... FAILED',
			'',
			'failures:',
			'',
			'---- tests::b stdout ----',
			"thread 'tests::b' (4242) panicked at src/main.rs:3:5:",
			'first',
			'note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace',
			'---- tests::c stdout ----',
			"thread 'tests::c' panicked at src/main.rs:4:5:",
			'second',
			'',
			'failures:',
			'    tests::b',
			'    tests::c',
		].join('\n');
		const report = parseTestReport(stdout);
		expect(report).toMatchObject({ passed: 0, failed: 2 });
		expect(report.tests.map((t) => t.message)).toEqual([
			'panicked at src/main.rs:3:5:\nfirst',
			'panicked at src/main.rs:4:5:\nsecond',
		]);
	});

	it('names a test as a sentence and joins code and tests as one file', () => {
		expect(testTitle('tests::parses_a_port')).toBe('parses a port');
		expect(programWithTests('fn main() {}\n\n\n', '#[cfg(test)]\nmod tests {}\n')).toBe('fn main() {}\n\n#[cfg(test)]\nmod tests {}\n');
	});
});
