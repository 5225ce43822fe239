/**
 * Building and testing an exercise's program (the learner's code followed by
 * the exercise's tests, src/shared/test-report.ts) outside the page, two ways:
 *
 * - page exercises: rustc alone against the compile server's crate cache
 *   (scripts/playground/crate-cache.ts), with the arguments the server's
 *   scripts/playground/execute.ts gives it. What passes here is what the
 *   class compile server accepts, crates and versions included.
 * - local exercises (they need PostgreSQL, hence crates the compile server
 *   does not offer, such as SQLx): cargo in a generated crate that has the
 *   exercise's crate's dependencies, the examples' Cargo.lock and its
 *   migrations, built under examples/target/exercises-local, where every
 *   crate's generated crate shares one target folder, so dependencies are
 *   compiled once.
 *
 * Used by scripts/exercises.ts (CI, both ways) and scripts/exercise.ts (the
 * learner's command).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'smol-toml';
import { extract } from '../../src/build/workspace/anchors.ts';
import type { Crate, Exercise } from '../../src/build/workspace/workspace.ts';
import { parseTestReport, type TestReport } from '../../src/shared/test-report.ts';
import { cargoEnv, compileArgs, serverCompileEnv } from '../playground/compile-args.ts';
import { copyKeptProgram, keepProgram, programKey, programsDir } from '../playground/program-cache.ts';
import type { CrateCache } from '../playground/crate-cache.ts';
import { rustSysroot } from '../playground/sysroot.ts';

/** What an exercise is made of, read from its files. */
export interface ExerciseSources {
	starter: string;
	/** The solution file's `solution` anchor: what the learner should end up with. */
	solution: string;
	/** Its `tests` anchor: what the page appends to the learner's code. */
	tests: string;
}

export function exerciseSources(exercise: Exercise, root: string): ExerciseSources {
	const solutionFile = readFileSync(join(root, exercise.solution), 'utf8');
	const where = `examples/${exercise.solution}`;
	return {
		starter: readFileSync(join(root, exercise.starter), 'utf8'),
		solution: extract(solutionFile, 'solution', where),
		tests: extract(solutionFile, 'tests', where),
	};
}

export interface Ran {
	code: number | null;
	stdout: string;
	stderr: string;
	timedOut: boolean;
}

/** Runs a command to its end (async, so two programs can build at once on two cores). */
export function runCommand(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number }): Promise<Ran> {
	return new Promise((resolve, reject) => {
		const child = spawn(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, options.timeoutMs ?? 120_000);
		child.on('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, stdout, stderr, timedOut });
		});
	});
}

/**
 * A test run that finished (every test reported, the program's exit code
 * agreeing), one that was cut short (`stopped`: some tests reported, then a
 * timeout, a crash or an exit code no failure explains), or why the tests
 * never ran (the compiler's messages, mostly).
 */
export type Outcome =
	| { kind: 'tested'; report: TestReport; output: string }
	| { kind: 'stopped'; report: TestReport; output: string; why: string }
	| { kind: 'not-run'; why: string };

// libtest announces each test program's tests ("running 3 tests"), ignored ones included.
const RUNNING = /^running (\d+) tests?$/gm;
const IGNORED = /^test \S+(?: - should panic)? \.\.\. ignored\b/gm;

/** The end of a program's messages: where a crash says what happened (cargo's build lines come first). */
const tail = (text: string) => text.trim().split('\n').slice(-10).join('\n');

/**
 * Reads a test run. Lines `test … ok` alone do not make a pass: the run must
 * also report as many tests as libtest announced, end before the time limit,
 * and exit with 0 unless a test failed (libtest exits with 101 then).
 */
export function outcomeOf(run: Ran, compilerMessages: string): Outcome {
	const report = parseTestReport(run.stdout);
	if (report.tests.length === 0) {
		const why = run.timedOut ? 'the tests ran longer than the time limit and were stopped' : `${compilerMessages}${run.stderr}${run.stdout}`.trim();
		return { kind: 'not-run', why };
	}
	const announced = [...run.stdout.matchAll(RUNNING)].reduce((sum, [, n]) => sum + Number(n), 0);
	const reported = report.tests.length + [...run.stdout.matchAll(IGNORED)].length;
	const missing = announced - reported;
	let why: string | undefined;
	if (run.timedOut) {
		why = `the tests ran longer than the time limit and were stopped${missing > 0 ? ` (${missing} of ${announced} had reported no result)` : ''}`;
	} else if (missing > 0) {
		why = `the test program stopped before ${missing} of its ${announced} tests reported a result (exit code ${run.code ?? 'none: killed by a signal'}):\n${tail(run.stderr)}`;
	} else if (run.code !== 0 && report.failed === 0) {
		why = `the test program exited with code ${run.code ?? 'none (killed by a signal)'} though no test failed:\n${tail(run.stderr)}`;
	}
	return why === undefined ? { kind: 'tested', report, output: run.stdout } : { kind: 'stopped', report, output: run.stdout, why: why.trim() };
}

/** The environment a test program runs with, as on the compile server: short panics, two tokio workers. */
function testEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
	return { ...process.env, RUST_BACKTRACE: '0', TOKIO_WORKER_THREADS: '2', ...extra };
}

/** rustc's arguments on the compile server, for a test build of `source` (relative to the folder rustc runs in). */
function rustcArgs(cache: CrateCache, source: string, output: string): string[] {
	return compileArgs(cache.rustcArgs, '2024', true, output, source);
}

/**
 * Compiles `program` with its tests as the compile server does, then runs
 * them. The build is the server's (the same rustc, arguments, source path
 * and environment, ../playground/compile-args.ts), so it is kept in the server's program cache
 * and a server asked for the same program runs it without compiling it
 * again; a program kept before is reused here too.
 */
export async function testWithCrateCache(program: string, cache: CrateCache, env: Record<string, string> = {}, programs: string = programsDir()): Promise<Outcome> {
	const dir = mkdtempSync(join(tmpdir(), 'backend-rust-exercise-'));
	try {
		mkdirSync(join(dir, 'src'));
		mkdirSync(join(dir, 'target'));
		writeFileSync(join(dir, 'src/main.rs'), program);
		const args = rustcArgs(cache, 'src/main.rs', 'target/playground');
		const key = programKey(args, program);
		const binary = join(dir, 'target/playground');
		if (copyKeptProgram(programs, key, binary) === undefined) {
			const compile = await runCommand(join(rustSysroot(), 'bin/rustc'), args, { cwd: dir, env: serverCompileEnv() });
			if (compile.code !== 0) return { kind: 'not-run', why: compile.stderr.trim() };
			keepProgram(programs, key, binary, compile.stderr);
		}
		const run = await runCommand(binary, ['--color', 'never'], { cwd: dir, env: testEnv(env), timeoutMs: 60_000 });
		return outcomeOf(run, '');
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** Clippy's messages on `program` built with its tests (deny warnings), or undefined when it has none. */
export async function lintWithCrateCache(program: string, cache: CrateCache): Promise<string | undefined> {
	const dir = mkdtempSync(join(tmpdir(), 'backend-rust-exercise-'));
	try {
		writeFileSync(join(dir, 'main.rs'), program);
		// Metadata only: the lints run, no code is generated.
		const args = [...rustcArgs(cache, 'main.rs', 'playground.rmeta'), '--emit=metadata', '-D', 'warnings'];
		const lint = await runCommand('clippy-driver', args, { cwd: dir, env: { ...process.env, ...cargoEnv(dir) } });
		return lint.code === 0 ? undefined : lint.stderr.trim();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

type Table = Record<string, unknown>;

/**
 * A crate's table of dependencies as a crate outside the workspace declares
 * them: a `workspace = true` one is taken from the workspace's table, with
 * the crate's extra features.
 */
function resolved(declaredTable: Table, shared: Table): Table {
	const dependencies: Table = {};
	for (const [name, declared] of Object.entries(declaredTable)) {
		const table: Table = typeof declared === 'string' ? { version: declared } : { ...(declared as Table) };
		if (table['workspace'] === true) {
			const base = shared[name];
			if (base === undefined) throw new Error(`dependency ${name} says workspace = true, but the workspace declares no ${name}`);
			const baseTable: Table = typeof base === 'string' ? { version: base } : { ...(base as Table) };
			const features = [...((baseTable['features'] as string[] | undefined) ?? []), ...((table['features'] as string[] | undefined) ?? [])];
			delete table['workspace'];
			Object.assign(baseTable, table, features.length ? { features } : {});
			dependencies[name] = baseTable;
		} else {
			dependencies[name] = table;
		}
	}
	return dependencies;
}

/**
 * The manifest of the generated crate for a local exercise of `crate`: its
 * dependencies and dev-dependencies (the tests, such as the steps' oneshot
 * ones, use tower, http-body-util and serde_json), resolved against the
 * workspace's table, and the workspace's profiles, so the build matches the
 * crate's own.
 */
export function localManifest(crateManifest: string, workspaceManifest: string): string {
	const own = parse(crateManifest) as Table;
	const ws = parse(workspaceManifest) as Table;
	const shared = ((ws['workspace'] as Table | undefined)?.['dependencies'] ?? {}) as Table;
	const manifest: Table = {
		package: { name: 'exercise', version: '0.0.0', edition: '2024', publish: false },
		dependencies: resolved((own['dependencies'] ?? {}) as Table, shared),
		'dev-dependencies': resolved((own['dev-dependencies'] ?? {}) as Table, shared),
		// A workspace of its own: examples/ must not adopt it.
		workspace: {},
	};
	if (ws['profile'] !== undefined) manifest['profile'] = ws['profile'];
	return stringify(manifest);
}

/** Where a crate's local exercises build: one folder per crate, kept between runs. */
export function localBuildDir(examplesRoot: string, crate: Crate): string {
	return join(examplesRoot, 'target/exercises-local', crate.name);
}

/** One target folder for every crate's local exercises: the steps share their dependencies, which then compile once. */
export function localTargetDir(examplesRoot: string): string {
	return join(examplesRoot, 'target/exercises-local/target');
}

/**
 * Builds `program` as the only source of the generated crate for `crate`
 * and runs its tests with `env` (DATABASE_URL above all). SQLx's
 * `#[sqlx::test]` finds the crate's migrations where it looks for them,
 * next to the manifest.
 */
export async function testLocally(program: string, crate: Crate, examplesRoot: string, env: Record<string, string>): Promise<Outcome> {
	const dir = localBuildDir(examplesRoot, crate);
	mkdirSync(join(dir, 'src'), { recursive: true });
	const manifest = localManifest(readFileSync(join(crate.dir, 'Cargo.toml'), 'utf8'), readFileSync(join(examplesRoot, 'Cargo.toml'), 'utf8'));
	writeFileSync(join(dir, 'Cargo.toml'), manifest);
	// The whole lock file: cargo keeps its versions and drops what is unused.
	writeFileSync(join(dir, 'Cargo.lock'), readFileSync(join(examplesRoot, 'Cargo.lock')));
	const migrations = join(crate.dir, 'migrations');
	if (existsSync(migrations) && !existsSync(join(dir, 'migrations'))) symlinkSync(migrations, join(dir, 'migrations'));
	writeFileSync(join(dir, 'src/main.rs'), program);
	// Not --offline: on a fresh clone cargo must download the crates once; after that it needs no network.
	const run = await runCommand('cargo', ['test', '--', '--color', 'never'], {
		cwd: dir,
		env: testEnv({ CARGO_TERM_COLOR: 'never', CARGO_TARGET_DIR: localTargetDir(examplesRoot), ...env }),
		timeoutMs: 600_000,
	});
	return outcomeOf(run, '');
}

/** Runs `jobs` with at most `limit` at a time, keeping their order in the results. */
export async function inParallel<T>(jobs: (() => Promise<T>)[], limit: number): Promise<T[]> {
	const results: T[] = new Array(jobs.length);
	let next = 0;
	const worker = async () => {
		while (next < jobs.length) {
			const i = next++;
			results[i] = await jobs[i]!();
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, jobs.length) }, worker));
	return results;
}
