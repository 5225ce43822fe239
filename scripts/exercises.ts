/**
 * Proves every exercise both ways, as it will be checked: the starter
 * followed by the tests compiles and fails at least one test, and the
 * solution followed by the same tests passes them all.
 *
 * A page exercise is built the way the class compile server builds it
 * (rustc against its crate cache, ./lib/exercise-programs.ts), so an
 * exercise that uses axum or tokio is checked with the very crates the page
 * offers; a solution that is no cargo target (cargo clippy does not see it)
 * is also held to clippy. A local exercise (it needs PostgreSQL) is built
 * the way `npm run exercise` builds it, in a database of its crate's own,
 * migrated, on the server of DATABASE_URL (npm test's) or on a throwaway one
 * started here.
 * Starters and solution files that are no cargo target are held to rustfmt,
 * since cargo fmt does not see them.
 *
 *   node scripts/task.ts exercises                   every exercise
 *   node scripts/task.ts exercises book-ownership    only these crates (by name)
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { exerciseId, exercisesById } from '../src/build/workspace/exercises.ts';
import { workspace } from '../src/build/workspace/model.ts';
import { cratesNamedIn, examplesRoot, type Crate, type Exercise } from '../src/build/workspace/workspace.ts';
import { programWithTests, testTitle } from '../src/shared/test-report.ts';
import { ensureCrateCache, type CrateCache } from './playground/crate-cache.ts';
import { exerciseSources, inParallel, lintWithCrateCache, testLocally, testWithCrateCache, type Outcome } from './lib/exercise-programs.ts';
import { exerciseDatabases } from './lib/exercise-databases.ts';
import { defineTask } from './lib/task.ts';

/** What is wrong with a solution's run (nothing: an empty list). */
export function solutionProblems(outcome: Outcome): string[] {
	if (outcome.kind === 'not-run') return [`the solution with its tests: no test ran:\n${outcome.why}`];
	if (outcome.kind === 'stopped') return [`the solution with its tests: ${outcome.why}`];
	const failed = outcome.report.tests.filter((t) => !t.passed);
	// Sorted: libtest reports tests as they end, in no fixed order.
	return failed.length ? [`the solution fails ${failed.map((t) => testTitle(t.name)).sort().join(', ')}`] : [];
}

/** What is wrong with a starter's run: it must compile, so the learner sees tests fail, and must fail one. */
export function starterProblems(outcome: Outcome): string[] {
	if (outcome.kind === 'not-run') return [`the starter with the tests must compile so the learner sees tests fail:\n${outcome.why}`];
	// Cut short, the learner would see no reason for the tests that never reported.
	if (outcome.kind === 'stopped') return [`the starter's tests must each fail with a reason: ${outcome.why}`];
	return outcome.report.failed === 0 ? ['the starter already passes every test: there is nothing to do'] : [];
}

function rustfmtProblems(exercise: Exercise, root: string): string[] {
	const files = exercise.bin === undefined ? [exercise.starter, exercise.solution] : [exercise.starter];
	return files.flatMap((file) => {
		const format = spawnSync('rustfmt', ['--check', '--edition', '2024', join(root, file)], { encoding: 'utf8' });
		return format.status === 0 ? [] : [`examples/${file} is not rustfmt-formatted:\n${format.stdout}${format.stderr}`];
	});
}

interface Checked {
	id: string;
	problems: string[];
	summary: string;
}

function verdict(id: string, solution: Outcome, starter: Outcome, problems: string[]): Checked {
	const summary =
		solution.kind === 'tested' && starter.kind === 'tested'
			? `the solution passes ${solution.report.passed} tests, the starter fails ${starter.report.failed} of ${starter.report.tests.length}`
			: '';
	return { id, problems: [...solutionProblems(solution), ...starterProblems(starter), ...problems], summary };
}

async function checkOnPage(crate: Crate, exercise: Exercise, root: string, cache: CrateCache): Promise<Checked> {
	const { starter, solution, tests } = exerciseSources(exercise, root);
	const solutionProgram = programWithTests(solution, tests);
	const [passed, failing, lint] = await Promise.all([
		testWithCrateCache(solutionProgram, cache),
		testWithCrateCache(programWithTests(starter, tests), cache),
		// A solution that is a cargo target is linted by cargo clippy --all-targets already.
		exercise.bin === undefined ? lintWithCrateCache(solutionProgram, cache) : undefined,
	]);
	const problems = lint === undefined ? [] : [`clippy on the solution with its tests:\n${lint}`];
	return verdict(exerciseId(crate, exercise), passed, failing, [...problems, ...rustfmtProblems(exercise, root)]);
}

async function checkLocally(crate: Crate, exercise: Exercise, root: string, databaseUrl: string): Promise<Checked> {
	const { starter, solution, tests } = exerciseSources(exercise, root);
	const env = { DATABASE_URL: databaseUrl };
	// One after the other: both build in the same generated crate.
	const passed = await testLocally(programWithTests(solution, tests), crate, root, env);
	const failing = await testLocally(programWithTests(starter, tests), crate, root, env);
	return verdict(exerciseId(crate, exercise), passed, failing, rustfmtProblems(exercise, root));
}

/** Checks the exercises of `crates` (of the workspace at `root`), a line each; the exit code. */
export async function checkExercises(crates: readonly Crate[], root: string, log: (line: string) => void = console.log): Promise<number> {
	const onPage = crates.flatMap((crate) => crate.exercises.filter((x) => x.checked === 'page').map((exercise) => ({ crate, exercise })));
	const local = crates.flatMap((crate) => crate.exercises.filter((x) => x.checked === 'local').map((exercise) => ({ crate, exercise })));
	const results: Checked[] = [];

	if (onPage.length > 0) {
		const cache = await ensureCrateCache();
		// Each check builds three programs at once; two checks keep two cores busy.
		const parallel = Math.max(1, Math.floor(availableParallelism() / 2));
		results.push(...(await inParallel(onPage.map(({ crate, exercise }) => () => checkOnPage(crate, exercise, root, cache)), parallel)));
	}
	if (local.length > 0) {
		// npm test's server when it gives one, each crate in a database of its own.
		const db = await exerciseDatabases([...new Set(local.map(({ crate }) => crate))], process.env['DATABASE_URL'] || undefined);
		try {
			for (const { crate, exercise } of local) results.push(await checkLocally(crate, exercise, root, db.urlOf(crate)));
		} finally {
			db.stop();
		}
	}

	for (const { id, problems, summary } of results) {
		if (problems.length === 0) log(`ok   ${id}: ${summary}`);
		for (const problem of problems) log(`FAIL ${id}: ${problem}`);
	}
	const failed = results.filter((r) => r.problems.length > 0).length;
	log(`${results.length - failed} passed, ${failed} failed (${onPage.length} checked as the compile server does, ${local.length} locally)`);
	return failed > 0 ? 1 : 0;
}

export default defineTask({
	name: 'exercises',
	description: 'checks every exercise both ways: its starter fails its tests, its solution passes them',
	options: {},
	positionals: '[crate…]',
	run(_values, names) {
		// Ids must be unique across the workspace, whichever crates are checked.
		exercisesById(workspace(examplesRoot));
		return checkExercises(cratesNamedIn(names), examplesRoot);
	},
});
