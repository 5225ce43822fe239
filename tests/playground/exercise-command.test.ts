// `npm run exercise <part>/<name>` (scripts/exercise.ts), as a learner runs
// it: a page exercise built as the compile server builds it (the crate
// cache), a local one against a throwaway PostgreSQL (a std-only fixture
// whose tests reach the database and the crate's migrations, as SQLx's
// would), each test's result and a one-line verdict, and one clear line
// for a wrong name or file.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExercise } from '../../scripts/exercise.ts';
import { checkExercises } from '../../scripts/exercises.ts';
import { extract } from '../../src/build/workspace/anchors.ts';
import { workspace } from '../../src/build/workspace/model.ts';
import { crateNamed, examplesRoot } from '../../src/build/workspace/workspace.ts';

function recorder() {
	const lines: string[] = [];
	return { lines, out: { out: (text: string) => lines.push(text), err: (text: string) => lines.push(text) }, text: () => lines.join('\n') };
}

describe('npm run exercise, a page exercise', { timeout: 300_000 }, () => {
	const exercise = crateNamed('book-ownership').exercises[0]!;
	const id = `rust-book/${exercise.name}`;

	it('runs the tests against the starter in the clone: each failure with its reason, and the verdict', async () => {
		const { out, lines, text } = recorder();
		expect(await runExercise({ id, out })).toBe(1);
		expect(lines[0]).toBe(`Checking ${id}: your code (examples/${exercise.starter}) with the exercise's tests…\n`);
		expect(lines.filter((l) => l.startsWith('FAILED  ')).length).toBeGreaterThan(0);
		expect(text()).toMatch(/panicked at main\.rs:\d+:\d+:/);
		expect(lines.at(-1)).toMatch(/^\n\d+ of \d+ tests passed; \d+ failed: each failure says why above\.$/);
	});

	it('passes with --solution, and with the solution in a file of the learner\'s', async () => {
		const solution = recorder();
		expect(await runExercise({ id, solution: true, out: solution.out })).toBe(0);
		expect(solution.lines.at(-1)).toMatch(/^\nAll \d+ tests passed: the solution does what the exercise asks\./);

		const dir = mkdtempSync(join(tmpdir(), 'exercise-'));
		try {
			const mine = join(dir, 'mine.rs');
			writeFileSync(mine, extract(readFileSync(join(examplesRoot, exercise.solution), 'utf8'), 'solution', exercise.solution));
			const own = recorder();
			expect(await runExercise({ id, file: mine, out: own.out })).toBe(0);
			expect(own.lines.filter((l) => l.startsWith('passed  ')).length).toBeGreaterThan(0);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('says in one line what is wrong with a name or a file', async () => {
		await expect(runExercise({ id: 'rust-book/nope' })).rejects.toThrow(/^no exercise rust-book\/nope; the exercises of rust-book are rust-book\/ch\d/);
		await expect(runExercise({ id: 'nowhere/x' })).rejects.toThrow('no exercise nowhere/x: an exercise is named <part>/<name>, the parts with exercises being');
		await expect(runExercise({ id, file: 'no/such/file.rs' })).rejects.toThrow(/^no file .*no\/such\/file\.rs: give the file with your code/);
		await expect(runExercise({ id, file: 'x.rs', solution: true })).rejects.toThrow('give --solution or --file, not both');
	});
});

describe('npm run exercise, a local exercise (PostgreSQL)', { timeout: 300_000 }, () => {
	// A copy: the generated crate is built under the workspace's target/.
	let root: string;
	beforeAll(() => {
		root = mkdtempSync(join(tmpdir(), 'local-exercise-'));
		cpSync(join(import.meta.dirname, '../fixtures/local-exercise'), root, { recursive: true });
	});
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it('fails the starter, naming each test, against a database it started', async () => {
		const { out, lines } = recorder();
		expect(await runExercise({ id: 'db/database-address', root, out })).toBe(1);
		expect(lines[0]).toContain("with the exercise's tests, against a throwaway PostgreSQL…");
		// Sorted: libtest prints each result as its test ends, in any order.
		expect(lines.filter((l) => /^(passed|FAILED) {2}/.test(l)).sort((a, b) => a.slice(8).localeCompare(b.slice(8)))).toEqual([
			'FAILED  host and port of a url',
			'passed  the migrations are next to the manifest',
			'FAILED  the throwaway database answers',
		]);
		expect(lines.at(-1)).toBe('\n1 of 3 tests passed; 2 failed: each failure says why above.');
	});

	it('passes the solution: the tests reached the database and the migrations', async () => {
		const { out, lines } = recorder();
		expect(await runExercise({ id: 'db/database-address', root, solution: true, out })).toBe(0);
		expect(lines.at(-1)).toMatch(/^\nAll 3 tests passed/);
	});

	it("is checked both ways by npm test's exercises step, which fails a solution that fails a test", async () => {
		const notes = () => workspace(root).crateNamed('notes-demo');
		const { out, lines } = recorder();
		expect(await checkExercises([notes()], root, out.out)).toBe(0);
		expect(lines).toEqual(['ok   db/database-address: the solution passes 3 tests, the starter fails 2 of 3', '1 passed, 0 failed (0 checked as the compile server does, 1 locally)']);

		const solution = join(root, 'db/notes/exercises/database-address/solution.rs');
		writeFileSync(solution, readFileSync(solution, 'utf8').replace('authority.rsplit(\'@\')', 'authority.split(\'@\')'));
		const broken = recorder();
		expect(await checkExercises([notes()], root, broken.out.out)).toBe(1);
		expect(broken.lines[0]).toBe('FAIL db/database-address: the solution fails host and port of a url, the throwaway database answers');
	});
});
