// `npm run exercise <part>/<name>` (scripts/exercise.ts), as a learner runs
// it: a page exercise built as the compile server builds it (the crate
// cache), a local one against a throwaway PostgreSQL (a std-only fixture
// whose tests query the migrated table with psql and find the crate's
// migrations where SQLx's would), each test's result and a one-line verdict, and one clear line
// for a wrong name or file.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runExercise } from '../../scripts/exercise.ts';
import { checkExercises } from '../../scripts/exercises.ts';
import { startPostgres, stopPostgres } from '../../scripts/lib/postgres.ts';
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
		expect(text()).toMatch(/panicked at src\/main\.rs:\d+:\d+:/);
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
			'passed  the notes table is migrated',
			'FAILED  the throwaway database answers',
		]);
		expect(lines.at(-1)).toBe('\n2 of 4 tests passed; 2 failed: each failure says why above.');
	});

	it('passes the solution: the tests reached the database and the migrations', async () => {
		const { out, lines } = recorder();
		expect(await runExercise({ id: 'db/database-address', root, solution: true, out })).toBe(0);
		expect(lines.at(-1)).toMatch(/^\nAll 4 tests passed/);
	});

	it("is checked both ways by npm test's exercises step, which fails a solution that fails a test", async () => {
		const notes = () => workspace(root).crateNamed('notes-demo');
		const { out, lines } = recorder();
		expect(await checkExercises([notes()], root, out.out)).toBe(0);
		expect(lines).toEqual(['ok   db/database-address: the solution passes 4 tests, the starter fails 2 of 4', '1 passed, 0 failed (0 checked as the compile server does, 1 locally)']);

		const solution = join(root, 'db/notes/exercises/database-address/solution.rs');
		writeFileSync(solution, readFileSync(solution, 'utf8').replace('authority.rsplit(\'@\')', 'authority.split(\'@\')'));
		const broken = recorder();
		expect(await checkExercises([notes()], root, broken.out.out)).toBe(1);
		expect(broken.lines[0]).toBe('FAIL db/database-address: the solution fails host and port of a url, the throwaway database answers');
	});
});

describe('the exercises step, with crates that link the same migrations (as the API steps do)', { timeout: 300_000 }, () => {
	// A second crate, notes-next, whose migration is a link to notes', as a
	// step links the step before's: applied to one database, it would already exist.
	let root: string;
	beforeAll(() => {
		root = mkdtempSync(join(tmpdir(), 'local-exercises-'));
		cpSync(join(import.meta.dirname, '../fixtures/local-exercise'), root, { recursive: true });
		cpSync(join(root, 'db/notes'), join(root, 'db/notes-next'), { recursive: true });
		rmSync(join(root, 'db/notes-next/migrations/0001_notes.sql'));
		symlinkSync('../../notes/migrations/0001_notes.sql', join(root, 'db/notes-next/migrations/0001_notes.sql'));
		const manifest = join(root, 'db/notes-next/Cargo.toml');
		writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('name = "notes-demo"', 'name = "notes-next"').replace('name = "database-address"', 'name = "database-address-next"'));
		const members = join(root, 'Cargo.toml');
		writeFileSync(members, readFileSync(members, 'utf8').replace('members = ["db/notes"]', 'members = ["db/notes", "db/notes-next"]'));
		appendFileSync(join(root, 'Cargo.lock'), '\n[[package]]\nname = "notes-next"\nversion = "0.1.0"\n');
	});
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	const both = () => [workspace(root).crateNamed('notes-demo'), workspace(root).crateNamed('notes-next')];
	const passed = [
		'ok   db/database-address: the solution passes 4 tests, the starter fails 2 of 4',
		'ok   db/database-address-next: the solution passes 4 tests, the starter fails 2 of 4',
		'2 passed, 0 failed (0 checked as the compile server does, 2 locally)',
	];

	async function withDatabaseUrl<T>(url: string | undefined, run: () => Promise<T>): Promise<T> {
		const saved = process.env['DATABASE_URL'];
		if (url === undefined) delete process.env['DATABASE_URL'];
		else process.env['DATABASE_URL'] = url;
		try {
			return await run();
		} finally {
			if (saved === undefined) delete process.env['DATABASE_URL'];
			else process.env['DATABASE_URL'] = saved;
		}
	}

	it('gives each crate a migrated database of its own on a throwaway server', async () => {
		const { out, lines } = recorder();
		expect(await withDatabaseUrl(undefined, () => checkExercises(both(), root, out.out))).toBe(0);
		expect(lines).toEqual(passed);
	});

	it("gives each crate a migrated database of its own on npm test's server (DATABASE_URL), and drops them after", async () => {
		const pg = await startPostgres();
		try {
			const { out, lines } = recorder();
			expect(await withDatabaseUrl(pg.url, () => checkExercises(both(), root, out.out))).toBe(0);
			expect(lines).toEqual(passed);
			const left = spawnSync('psql', [pg.url, '-Atc', "SELECT datname FROM pg_database WHERE datname LIKE 'exercise_%'"], { encoding: 'utf8' });
			expect(left.stdout.trim()).toBe('');
		} finally {
			stopPostgres(pg.dir);
		}
	});
});
