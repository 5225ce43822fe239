/**
 * Proves every exercise both ways, as the page will check it: the starter
 * followed by the tests compiles and fails at least one test, and the
 * solution followed by the same tests passes them all. Each program is built
 * as the one file the Playground would get, in a scratch crate with no
 * dependencies. Starters are also held to rustfmt, since cargo fmt does not
 * see them (they are not targets of the workspace).
 *
 *   node scripts/task.ts exercises                   every exercise
 *   node scripts/task.ts exercises book-ownership    only these crates (by name)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from '../src/build/workspace/anchors.ts';
import { cratesNamedIn, examplesRoot, type Exercise } from '../src/build/workspace/workspace.ts';
import { parseTestReport, programWithTests, testTitle, type TestReport } from '../src/shared/test-report.ts';
import { defineTask } from './lib/task.ts';

/** Builds and tests one single-file program in the crate `scratch`; a string is why it never ran its tests. */
function runTests(scratch: string, program: string): TestReport | string {
	writeFileSync(join(scratch, 'src/main.rs'), program);
	const run = spawnSync('cargo', ['test', '--offline'], {
		cwd: scratch,
		encoding: 'utf8',
		timeout: 120_000,
		env: { ...process.env, CARGO_TERM_COLOR: 'never', RUST_BACKTRACE: '0' },
	});
	const report = parseTestReport(run.stdout);
	if (report.tests.length === 0) return `no test ran:\n${run.stderr}${run.stdout}`;
	return report;
}

function check(scratch: string, exercise: Exercise): string[] {
	const read = (path: string) => readFileSync(join(examplesRoot, path), 'utf8');
	const solutionFile = read(exercise.solution);
	const tests = extract(solutionFile, 'tests', `examples/${exercise.solution}`);
	const solution = extract(solutionFile, 'solution', `examples/${exercise.solution}`);
	const problems: string[] = [];

	const passed = runTests(scratch, programWithTests(solution, tests));
	if (typeof passed === 'string') problems.push(`the solution with its tests: ${passed}`);
	else if (passed.failed > 0) problems.push(`the solution fails ${passed.tests.filter((t) => !t.passed).map((t) => testTitle(t.name)).join(', ')}`);

	const starter = runTests(scratch, programWithTests(read(exercise.starter), tests));
	if (typeof starter === 'string') problems.push(`the starter with the tests must compile so the learner sees tests fail: ${starter}`);
	else if (starter.failed === 0) problems.push('the starter already passes every test: there is nothing to do');

	const format = spawnSync('rustfmt', ['--check', '--edition', '2024', join(examplesRoot, exercise.starter)], { encoding: 'utf8' });
	if (format.status !== 0) problems.push(`the starter is not rustfmt-formatted:\n${format.stdout}${format.stderr}`);

	if (problems.length === 0 && typeof passed !== 'string' && typeof starter !== 'string') {
		console.log(`ok   ${exercise.bin}: the solution passes ${passed.passed} tests, the starter fails ${starter.failed} of ${starter.tests.length}`);
	}
	return problems;
}

export default defineTask({
	name: 'exercises',
	description: 'checks every exercise both ways: its starter fails its tests, its solution passes them',
	options: {},
	positionals: '[crate…]',
	run(_values, crates) {
		// A scratch crate with no dependencies: each program in turn is its src/main.rs.
		const scratch = mkdtempSync(join(tmpdir(), 'backend-rust-exercises-'));
		mkdirSync(join(scratch, 'src'));
		writeFileSync(join(scratch, 'Cargo.toml'), '[package]\nname = "exercise"\nversion = "0.0.0"\nedition = "2024"\n\n[dependencies]\n');
		let ok = 0;
		let failed = 0;
		try {
			for (const crate of cratesNamedIn(crates)) {
				for (const exercise of crate.exercises) {
					const problems = check(scratch, exercise);
					if (problems.length === 0) ok++;
					else {
						failed++;
						for (const problem of problems) console.log(`FAIL ${exercise.bin} (examples/${exercise.starter}): ${problem}`);
					}
				}
			}
		} finally {
			rmSync(scratch, { recursive: true, force: true });
		}
		console.log(`${ok} passed, ${failed} failed`);
		return failed > 0 ? 1 : 0;
	},
});
