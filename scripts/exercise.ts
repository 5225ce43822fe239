/**
 * `npm run exercise <part>/<name>`: the learner's check of one exercise on
 * their own machine, the one way to check an exercise that needs PostgreSQL
 * (the page shows this command under it), and a way to check any other
 * without the compile server (it works without the network once the crates
 * are downloaded). It runs the exercise's tests against the learner's file and prints
 * each test's result and a one-line verdict.
 *
 *   npm run exercise api/delete-user                 the starter file in this clone, as edited
 *   npm run exercise api/delete-user -- --file my.rs another file
 *   npm run exercise api/delete-user -- --solution   the solution, to see what passing looks like
 *
 * A page exercise is built as the compile server builds it (rustc against
 * its crate cache); a local one in a generated crate with its crate's
 * dependencies, against a throwaway PostgreSQL started for the run and
 * migrated with its crate's migrations (./lib/exercise-programs.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { exerciseId, exercisesById, partOf, type FoundExercise } from '../src/build/workspace/exercises.ts';
import { workspace } from '../src/build/workspace/model.ts';
import { examplesRoot } from '../src/build/workspace/workspace.ts';
import { programWithTests, testTitle } from '../src/shared/test-report.ts';
import { ensureCrateCache } from './playground/crate-cache.ts';
import { exerciseSources, testLocally, testWithCrateCache, type Outcome } from './lib/exercise-programs.ts';
import { exerciseDatabases } from './lib/exercise-databases.ts';
import { defineTask, UsageError, type Output } from './lib/task.ts';

/** The exercise an id names; a wrong one is told which ids its part has. */
export function findExercise(id: string, root: string): FoundExercise {
	const all = exercisesById(workspace(root));
	const found = all.get(id);
	if (found) return found;
	const part = id.split('/')[0] ?? '';
	const inPart = [...all.entries()].filter(([, x]) => partOf(x.crate) === part).map(([known]) => known);
	const parts = [...new Set([...all.values()].map((x) => partOf(x.crate)))].sort();
	throw new UsageError(
		inPart.length > 0
			? `no exercise ${id}; the exercises of ${part} are ${inPart.join(', ')}`
			: `no exercise ${id}: an exercise is named <part>/<name>, the parts with exercises being ${parts.join(', ')}`,
	);
}

/** Each test's result, then the verdict; true when every test passed. */
export function report(outcome: Outcome, what: string, out: Output): boolean {
	if (outcome.kind === 'not-run') {
		out.out(outcome.why);
		out.out(`\nNo test ran: ${what} did not compile with the tests (the compiler's messages are above).`);
		return false;
	}
	const { tests, passed, failed } = outcome.report;
	for (const test of tests) {
		out.out(`${test.passed ? 'passed' : 'FAILED'}  ${testTitle(test.name)}`);
		if (!test.passed && test.message) out.out(test.message.replace(/^/gm, '        '));
	}
	if (outcome.kind === 'stopped') {
		out.out(`\nThe tests did not all finish: ${outcome.why}`);
		return false;
	}
	out.out(
		failed === 0
			? `\nAll ${passed} tests passed: ${what} does what the exercise asks. Compare it with the solution in the lesson.`
			: `\n${passed} of ${tests.length} tests passed; ${failed} failed: each failure says why above.`,
	);
	return failed === 0;
}

export interface ExerciseRun {
	id: string;
	/** The learner's file, relative to the current folder or absolute; default the starter in this clone. */
	file?: string | undefined;
	solution?: boolean | undefined;
	/** The examples workspace (tests point it at a fixture). */
	root?: string;
	out?: Output;
}

/** Checks one exercise; the exit code (0 when every test passed). */
export async function runExercise({ id, file, solution = false, root = examplesRoot, out = { out: console.log, err: console.error } }: ExerciseRun): Promise<number> {
	const { crate, exercise } = findExercise(id, root);
	if (solution && file !== undefined) throw new UsageError('give --solution or --file, not both');
	const sources = exerciseSources(exercise, root);
	let code = sources.solution;
	let what = 'the solution';
	if (!solution) {
		// npm runs scripts from the project's folder; INIT_CWD is where the learner typed the command.
		const path = file === undefined ? join(root, exercise.starter) : resolve(process.env['INIT_CWD'] ?? process.cwd(), file);
		if (!existsSync(path)) throw new UsageError(`no file ${relative(process.cwd(), path) || path}: give the file with your code (--file path/to/file.rs)`);
		code = readFileSync(path, 'utf8');
		what = `your code (${relative(process.cwd(), path)})`;
	}
	const program = programWithTests(code, sources.tests);
	out.out(`Checking ${exerciseId(crate, exercise)}: ${what} with the exercise's tests${exercise.checked === 'local' ? ', against a throwaway PostgreSQL' : ''}…\n`);

	let outcome: Outcome;
	if (exercise.checked === 'page') {
		const cache = await ensureCrateCache({ log: (line) => out.err(line) });
		outcome = await testWithCrateCache(program, cache);
	} else {
		const db = await exerciseDatabases([crate]);
		try {
			outcome = await testLocally(program, crate, root, { DATABASE_URL: db.urlOf(crate) });
		} finally {
			db.stop();
		}
	}
	return report(outcome, what, out) ? 0 : 1;
}

export default defineTask({
	name: 'exercise',
	description: "checks your answer to one exercise (<part>/<name>, as its lesson shows) with the exercise's tests",
	options: {
		file: { type: 'string', valueName: 'FILE', description: 'your code in another file than the starter in this clone' },
		solution: { type: 'boolean', description: 'check the solution instead, to see what passing looks like' },
	},
	positionals: '<part>/<name>',
	run({ file, solution }, ids) {
		if (ids.length !== 1) throw new UsageError('name one exercise, as its lesson shows it: npm run exercise api/<name>');
		return runExercise({ id: ids[0]!, file, solution });
	},
});
