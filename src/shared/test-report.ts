/**
 * Exercises: the program a check compiles (the learner's code followed by the
 * exercise's tests) and what its test run reported. Shared by the page's
 * Check button and by scripts/exercises.ts, so the page checks exactly what
 * the test command proved.
 */

/** The learner's code, then the tests module, as one file. */
export function programWithTests(code: string, tests: string): string {
	return `${code.trimEnd()}\n\n${tests.trimEnd()}\n`;
}

export interface TestOutcome {
	/** As libtest names it, e.g. `tests::parses_a_port`. */
	name: string;
	passed: boolean;
	/** For a failed test: what it printed, its panic message first. */
	message: string;
}

export interface TestReport {
	tests: TestOutcome[];
	passed: number;
	failed: number;
}

// A #[should_panic] test's line says so: `test tests::x - should panic ... ok`.
const RESULT_LINE = /^test (\S+)(?: - should panic)? \.\.\. (ok|FAILED|ignored)\b/;
const SECTION = /^---- (\S+) stdout ----$/;
// "thread 'tests::x' (4242) panicked at src/main.rs:9:5:": the list already
// names the test, and the thread id changes every run, so only "panicked at
// src/main.rs:9:5:" is kept (older compilers print no id at all).
const PANIC_LINE = /^thread '[^']*'(?: \(\d+\))? panicked at /;

/**
 * Reads libtest's default (pretty) output: one `test name ... ok` line per
 * test, then a `---- name stdout ----` section per failure. Ignored tests are
 * left out. A run that never reached the tests (a compile error) has none.
 */
export function parseTestReport(stdout: string): TestReport {
	const lines = stdout.split('\n');
	const messages = new Map<string, string>();
	for (let i = 0; i < lines.length; i++) {
		const name = SECTION.exec(lines[i]!)?.[1];
		if (name === undefined) continue;
		const body: string[] = [];
		// A section runs to the next section or to the closing "failures:" list.
		while (i + 1 < lines.length && !SECTION.test(lines[i + 1]!) && lines[i + 1] !== 'failures:') body.push(lines[++i]!);
		messages.set(
			name,
			body
				.filter((line) => !line.startsWith('note: run with `RUST_BACKTRACE=1`'))
				.map((line) => line.replace(PANIC_LINE, 'panicked at '))
				.join('\n')
				.trim(),
		);
	}
	const tests = lines.flatMap((line): TestOutcome[] => {
		const [, name, result] = RESULT_LINE.exec(line) ?? [];
		if (name === undefined || result === 'ignored') return [];
		const passed = result === 'ok';
		return [{ name, passed, message: passed ? '' : (messages.get(name) ?? '') }];
	});
	const passed = tests.filter((t) => t.passed).length;
	return { tests, passed, failed: tests.length - passed };
}

/** `tests::parses_a_port` as a reader would say it: "parses a port". */
export function testTitle(name: string): string {
	return (name.split('::').at(-1) ?? name).replaceAll('_', ' ');
}
