/**
 * The one entry point of the project's tasks:
 *
 *   node scripts/task.ts                     lists every task with its options
 *   node scripts/task.ts <task> [options]    runs one (`npm run <task> -- [options]` for those in package.json)
 *   node scripts/task.ts <task> --help       its options
 *
 * Each task is the default export of its module (scripts/lib/task.ts says
 * what one declares). A module is loaded only to run its task, or to list
 * it: starting the throwaway PostgreSQL need not load Chromium's driver, and
 * the compile server's image holds the server's modules alone.
 */
import { dispatch, type Task } from './lib/task.ts';

type Load = () => Promise<{ default: Task }>;

/** By name, as typed on the command line; tests/unit/task.test.ts checks each module says the same name. */
export const TASKS: Record<string, Load> = {
	api: () => import('./api.ts'),
	'api:image': () => import('./api-image/build.ts'),
	bench: () => import('./bench/lab.ts'),
	'bench:api': () => import('./bench/api.ts'),
	'bench:build': () => import('./bench/build-times.ts'),
	'bench:cli': () => import('./bench/cli.ts'),
	'bench:cli-steps': () => import('./bench/cli-steps.ts'),
	'bench:graphql': () => import('./bench/graphql.ts'),
	'bench:grpc': () => import('./bench/grpc.ts'),
	'bench:jobs': () => import('./bench/jobs.ts'),
	'bench:lighthouse': () => import('./bench/lighthouse.ts'),
	'bench:runner': () => import('./bench/runner.ts'),
	'bench:wasm': () => import('./bench/wasm.ts'),
	'bench:ship': () => import('./shipping/bench.ts'),
	captures: () => import('./captures.ts'),
	'compiler-cache': () => import('./compiler-cache.ts'),
	'ensure-tools': () => import('./ensure-tools.ts'),
	jaeger: () => import('./jaeger.ts'),
	exercise: () => import('./exercise.ts'),
	exercises: () => import('./exercises.ts'),
	'fuzz:api': () => import('./fuzz-api.ts'),
	'must-fail': () => import('./must-fail.ts'),
	playground: () => import('./playground/server.ts'),
	'playground:crates': () => import('./playground/crate-cache.ts'),
	'playground:image': () => import('./playground/image/build.ts'),
	postgres: () => import('./postgres.ts'),
	precompress: () => import('./precompress.ts'),
	preview: () => import('./preview.ts'),
	'ship:deploy-check': () => import('./shipping/deploy-check.ts'),
	'ship:image': () => import('./shipping/image.ts'),
	'sqlx:prepare': () => import('./sqlx-prepare.ts'),
	steps: () => import('./steps.ts'),
	wasm: () => import('./build-wasm.ts'),
	'wasm:logstat': () => import('./build-logstat-wasm.ts'),
};

/** The tasks `argv` needs: the one it names, or all of them to list them. */
export async function tasksFor(argv: readonly string[], tasks: Record<string, Load> = TASKS): Promise<Task[]> {
	const load = argv[0] === undefined ? undefined : tasks[argv[0]];
	const loads = load ? [load] : Object.values(tasks);
	return (await Promise.all(loads.map((l) => l()))).map((module) => module.default);
}

if (import.meta.main) {
	const argv = process.argv.slice(2);
	const code = await dispatch(await tasksFor(argv), argv);
	if (code !== undefined) process.exitCode = code;
}
