// Exercises: their ids and the crates their code needs
// (src/build/workspace/exercises.ts), the generated crate of a local
// exercise (scripts/lib/exercise-programs.ts), what the CI check calls a
// broken starter or solution (scripts/exercises.ts), and what the page's
// panel says (src/build/markdown/runner-markup.ts).
import { toString } from 'hast-util-to-string';
import type { Element, ElementContent } from 'hast';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { solutionProblems, starterProblems } from '../../scripts/exercises.ts';
import { localManifest, outcomeOf, type Outcome } from '../../scripts/lib/exercise-programs.ts';
import { checkedByNote, localExerciseMarkup } from '../../src/build/markdown/runner-markup.ts';
import { cratesUsed, exerciseId, exercisesById } from '../../src/build/workspace/exercises.ts';
import type { Crate, Exercise } from '../../src/build/workspace/model.ts';
import { parseTestReport } from '../../src/shared/test-report.ts';

const exercise = (name: string): Exercise => ({ name, bin: undefined, starter: `x/${name}/starter.rs`, solution: `x/${name}/solution.rs`, checked: 'page' });
const crate = (name: string, path: string, exercises: Exercise[]) => ({ name, path, exercises }) as unknown as Crate;

describe('exercise ids', () => {
	it('are the part (the first folder under examples/) and the name', () => {
		expect(exerciseId(crate('users-api-step-02', 'api/steps/02-extractors', []), exercise('request-id'))).toBe('api/request-id');
	});

	it('must be unique across the workspace', () => {
		const one = crate('users-api-step-01', 'api/steps/01-routes', [exercise('x')]);
		const two = crate('users-api-step-02', 'api/steps/02-extractors', [exercise('x')]);
		expect(() => exercisesById({ crates: [one, two] })).toThrow('Two exercises are called api/x: in users-api-step-01 and in users-api-step-02.');
		expect([...exercisesById({ crates: [one] }).keys()]).toEqual(['api/x']);
	});
});

describe('the crates an exercise needs', () => {
	const step = {
		tested: [
			{ name: 'axum', version: '0.8.9' },
			{ name: 'serde', version: '1.0.229' },
			{ name: 'tokio', version: '1.54.1' },
		],
		testedDev: [
			{ name: 'http-body-util', version: '0.1.5' },
			{ name: 'tower', version: '0.5.3' },
		],
	};

	it('are the dependencies and dev-dependencies its code names, by name', () => {
		const code = 'use axum::Router;\nuse tower::ServiceExt;\n#[tokio::test]\nasync fn t() { http_body_util::BodyExt::collect; }';
		expect(cratesUsed(code, step).map((c) => `${c.name} ${c.version}`)).toEqual(['axum 0.8.9', 'http-body-util 0.1.5', 'tokio 1.54.1', 'tower 0.5.3']);
	});

	it('are none for code that names none, even with a word that contains a crate name', () => {
		expect(cratesUsed('fn main() { let my_axum = 1; println!("tokio"); }', step)).toEqual([]);
	});
});

describe("a local exercise's generated crate", () => {
	it("has the crate's dependencies and dev-dependencies, a workspace one filled in from the workspace's table, and the workspace's profiles", () => {
		const own = '[package]\nname = "step"\n[dependencies]\naxum = "0.8.9"\ntokio = { workspace = true, features = ["time"] }\n[dev-dependencies]\ntower = "0.5"\nserde_json = { workspace = true }\n';
		const ws = '[workspace]\nmembers = ["a"]\n[workspace.dependencies]\ntokio = { version = "1.54.1", features = ["macros"] }\nserde_json = "1.0.145"\n[profile.dev]\ndebug = false\n';
		const manifest = parse(localManifest(own, ws)) as Record<string, Record<string, unknown>>;
		expect(manifest['dependencies']).toEqual({ axum: { version: '0.8.9' }, tokio: { version: '1.54.1', features: ['macros', 'time'] } });
		// The tests' crates too (the steps' oneshot tests use tower, http-body-util and serde_json), resolved the same way.
		expect(manifest['dev-dependencies']).toEqual({ tower: { version: '0.5' }, serde_json: { version: '1.0.145' } });
		expect(manifest['workspace']).toEqual({});
		expect(manifest['profile']).toEqual({ dev: { debug: false } });
		expect(manifest['package']).toMatchObject({ name: 'exercise', edition: '2024' });
	});

	it('says which dependency the workspace does not declare', () => {
		expect(() => localManifest('[dependencies]\nsqlx = { workspace = true }\n', '[workspace]\n')).toThrow('dependency sqlx says workspace = true, but the workspace declares no sqlx');
	});
});

describe('what the CI check calls broken', () => {
	const tested = (stdout: string): Outcome => ({ kind: 'tested', report: parseTestReport(stdout), output: stdout });
	const allPass = tested('test tests::a ... ok\ntest tests::b_c ... ok\n');
	const oneFails = tested('test tests::a ... ok\ntest tests::b_c ... FAILED\n');
	const notRun: Outcome = { kind: 'not-run', why: 'error[E0425]: cannot find value `x`' };

	it('a solution that fails a test or does not compile', () => {
		expect(solutionProblems(allPass)).toEqual([]);
		expect(solutionProblems(oneFails)).toEqual(['the solution fails b c']);
		expect(solutionProblems(notRun)).toEqual(['the solution with its tests: no test ran:\nerror[E0425]: cannot find value `x`']);
	});

	it('a starter that passes every test, or does not compile (the learner would see no test fail)', () => {
		expect(starterProblems(oneFails)).toEqual([]);
		expect(starterProblems(allPass)).toEqual(['the starter already passes every test: there is nothing to do']);
		expect(starterProblems(notRun)[0]).toMatch(/^the starter with the tests must compile so the learner sees tests fail:/);
	});
});

describe('a test run read', () => {
	const run = (stdout: string, more: { code?: number | null; stderr?: string; timedOut?: boolean } = {}) =>
		outcomeOf({ code: 0, stderr: '', timedOut: false, ...more, stdout }, '');
	const two = (results: string) => `\nrunning 2 tests\n${results}\ntest result: …\n`;

	it('passes when every announced test reported ok and the program exited with 0', () => {
		expect(run(two('test tests::a ... ok\ntest tests::b ... ok'))).toMatchObject({ kind: 'tested', report: { passed: 2, failed: 0 } });
		// An ignored test is announced too, and reported as ignored.
		expect(run('running 2 tests\ntest tests::a ... ok\ntest tests::b ... ignored\n')).toMatchObject({ kind: 'tested', report: { passed: 1 } });
		// A #[should_panic] test, reported with its own suffix, and ignored too.
		expect(run(two('test tests::a - should panic ... ok\ntest tests::b - should panic ... ignored'))).toMatchObject({ kind: 'tested', report: { passed: 1 } });
		// A failing test makes libtest exit with 101: a finished run.
		expect(run(two('test tests::a ... ok\ntest tests::b ... FAILED'), { code: 101 })).toMatchObject({ kind: 'tested', report: { failed: 1 } });
	});

	it('is stopped, not passed, when it timed out with some tests ok', () => {
		expect(run(two('test tests::a ... ok'), { code: null, timedOut: true })).toEqual(
			expect.objectContaining({ kind: 'stopped', why: 'the tests ran longer than the time limit and were stopped (1 of 2 had reported no result)' }),
		);
	});

	it('is stopped when a test never reported (the program crashed), naming the crash', () => {
		const crashed = run(two('test tests::a ... ok'), { code: null, stderr: '   Compiling exercise v0.0.0\n\nthread \'tests::b\' has overflowed its stack\nfatal runtime error: stack overflow' });
		expect(crashed).toMatchObject({ kind: 'stopped' });
		expect(crashed.kind === 'stopped' && crashed.why).toMatch(/^the test program stopped before 1 of its 2 tests reported a result \(exit code none: killed by a signal\):\n[^]*stack overflow$/);
	});

	it('is stopped when the program exited non-zero though no test failed', () => {
		const exited = run(two('test tests::a ... ok\ntest tests::b ... ok'), { code: 3, stderr: 'exit from a test' });
		expect(exited).toMatchObject({ kind: 'stopped', why: 'the test program exited with code 3 though no test failed:\nexit from a test' });
	});

	it('did not run when no test reported (the compiler\'s messages, or the time limit)', () => {
		expect(run('', { code: 101, stderr: 'error[E0425]: cannot find value `x`' })).toEqual({ kind: 'not-run', why: 'error[E0425]: cannot find value `x`' });
		expect(run('', { code: null, timedOut: true })).toEqual({ kind: 'not-run', why: 'the tests ran longer than the time limit and were stopped' });
	});

	it('is what the CI check calls broken, for the solution and the starter alike', () => {
		const stopped = run(two('test tests::a ... ok'), { code: null, timedOut: true });
		expect(solutionProblems(stopped)).toEqual(['the solution with its tests: the tests ran longer than the time limit and were stopped (1 of 2 had reported no result)']);
		expect(starterProblems(stopped)[0]).toMatch(/^the starter's tests must each fail with a reason: the tests ran longer/);
	});
});

describe("the exercise panel's words", () => {
	const needs = [
		{ name: 'axum', version: '0.8.9' },
		{ name: 'tokio', version: '1.54.1' },
	];
	const text = (node: ReturnType<typeof checkedByNote>) => toString(node);

	it('names the server that checks it, the crates it needs and the command that checks it on the learner\'s machine', () => {
		const onServer = checkedByNote('http://127.0.0.1:3344', needs, 'api/request-id');
		expect(text(onServer)).toBe(
			"Check runs on the course's compile server, which has the crates this code needs: axum 0.8.9, tokio 1.54.1. On your own machine (it works without the network once the crates are downloaded): npm run exercise api/request-id.",
		);
		expect(onServer.properties['dataNeeds']).toBe('axum tokio');
		expect(text(checkedByNote('https://play.rust-lang.org', needs, 'api/request-id'))).toBe(
			"Check runs on the Rust Playground and needs axum 0.8.9, tokio 1.54.1. The Playground picks its own crates: if one is missing, use the course's compile server (npm run playground). On your own machine (it works without the network once the crates are downloaded): npm run exercise api/request-id.",
		);
		expect(text(checkedByNote('https://play.rust-lang.org', [], 'rust-book/x'))).toBe(
			'Check runs on the Rust Playground; this code needs only the standard library. On your own machine (it works without the network once the crates are downloaded): npm run exercise rust-book/x.',
		);
	});

	it('a local exercise: the command instead of a Check button', () => {
		const paragraph = localExerciseMarkup({ ...exercise('find-by-email'), checked: 'local' }, 'api/find-by-email', [{ name: 'sqlx', version: '0.9.0' }]);
		const panel = { type: 'element', tagName: paragraph.data!.hName!, properties: paragraph.data!.hProperties!, children: paragraph.data!.hChildren! } as Element;
		const elements = (node: ElementContent): Element[] => (node.type === 'element' ? [node, ...node.children.flatMap(elements)] : []);
		const all = elements(panel);
		expect(all.filter((e) => e.tagName === 'button')).toEqual([]);
		const command = all.find((e) => e.tagName === 'pre')!;
		expect((command.children[0] as Element).properties).toMatchObject({ className: ['language-sh'] });
		expect(toString(command)).toBe('npm run exercise api/find-by-email');
		expect(toString(panel)).toContain('This exercise needs PostgreSQL, so it is checked on your machine: edit examples/x/find-by-email/starter.rs');
		expect(toString(panel)).toContain('Its code uses sqlx 0.9.0.');
	});
});
