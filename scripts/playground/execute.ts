/**
 * Compiles and runs one request, each step in its own sandbox (./sandbox.ts):
 *
 * 1. compile: rustc alone, against the crate cache (./crate-cache.ts), with
 *    the toolchain and the cache read-only and the request's folder the only
 *    writable place. (rustc reads files at compile time for include_str!,
 *    so the compiler is boxed as well as the program.)
 *    A program built before (the same code, edition and mode) is not
 *    compiled again: its kept binary is copied in (./program-cache.ts).
 * 2. run: the program in a fresh in-memory folder of limited size, its
 *    binary read-only, nothing else of the machine but /usr.
 *
 * The answer has the Playground's shape, with Cargo's status lines around
 * rustc's messages, so a page reads it the same way from either server.
 */
import { chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { capture, type Captured } from './capture.ts';
import { compileArgs, SERVER_DIR, SERVER_RUST, serverCompileEnv } from './compile-args.ts';
import type { CrateCache } from './crate-cache.ts';
import { limitThatStopped, type PlaygroundLimits } from './limits.ts';
import { copyKeptProgram, keepProgram, programKey } from './program-cache.ts';
import type { ExecuteRequest } from './request.ts';
import { boxed, type Isolation, type Mount } from './sandbox.ts';

export interface Toolchain {
	/** The host's rustc sysroot (`rustc --print sysroot`), mounted read-only at /opt/rust. */
	sysroot: string;
	cache: CrateCache;
	/** Where built programs are kept for reuse (./program-cache.ts); none are when absent. */
	programs?: string;
}

export interface ExecuteResponse {
	success: boolean;
	exitDetail: string;
	stdout: string;
	stderr: string;
}

const BOX_DIR = SERVER_DIR;
const BOX_RUST = SERVER_RUST;

function ownedBySandbox(isolation: Isolation, paths: string[]) {
	if (isolation.kind === 'bubblewrap' && isolation.root) for (const path of paths) chownSync(path, isolation.uid, isolation.uid);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

export async function executeLocally(request: ExecuteRequest, limits: PlaygroundLimits, isolation: Isolation, toolchain: Toolchain): Promise<ExecuteResponse> {
	const dir = mkdtempSync(join(limits.workRoot, 'backend-rust-playground-'));
	const boxedRun = isolation.kind === 'bubblewrap';
	try {
		mkdirSync(join(dir, 'src'));
		mkdirSync(join(dir, 'target'));
		writeFileSync(join(dir, 'src/main.rs'), request.code);
		ownedBySandbox(isolation, [dir, join(dir, 'src'), join(dir, 'target'), join(dir, 'src/main.rs')]);

		const { sysroot, cache } = toolchain;
		// Unsandboxed, a program could overwrite the kept binaries that other
		// requests would then run: only a boxed server keeps programs.
		const programs = boxedRun ? toolchain.programs : undefined;
		const readOnly = (path: string): Mount => ({ kind: 'read-only', source: path, dest: path });
		const started = Date.now();
		const args = compileArgs(cache.rustcArgs, request.edition, request.tests, 'target/playground', 'src/main.rs');
		const key = programKey(args, request.code);
		const kept = programs === undefined ? undefined : reuse(programs, key, join(dir, 'target/playground'));
		if (kept !== undefined) ownedBySandbox(isolation, [join(dir, 'target/playground')]);
		const compile = kept ?? await capture(
			boxed(isolation, {
				command: boxedRun ? `${BOX_RUST}/bin/rustc` : join(sysroot, 'bin/rustc'),
				args,
				cwd: BOX_DIR,
				hostCwd: dir,
				env: serverCompileEnv(),
				mounts: [
					{ kind: 'read-only', source: sysroot, dest: BOX_RUST },
					readOnly(cache.dir),
					...cache.sources.map(readOnly),
					{ kind: 'writable', source: dir, dest: BOX_DIR },
				],
				limits: limits.compile,
			}),
			limits.compileTimeMs,
			limits.outputCap,
			boxedRun,
		);
		const compiling = `   Compiling playground v0.0.0 (${BOX_DIR})\n`;
		if (compile.timedOut) {
			return { success: false, exitDetail: `Compilation took longer than ${limits.compileTimeMs / 1000} s and was stopped.`, stdout: '', stderr: compiling + compile.stderr };
		}
		if (compile.code !== 0) {
			const why = limitThatStopped({ ...compile, stderr: compile.signal ? compile.stderr : '' }, limits.compile, 0, 'the compiler');
			return { success: false, exitDetail: why ?? '', stdout: '', stderr: compiling + compile.stderr };
		}
		if (kept === undefined && programs !== undefined) keepProgram(programs, key, join(dir, 'target/playground'), compile.stderr);
		const finished = `    Finished \`dev\` profile [unoptimized] target(s) in ${seconds(Date.now() - started)}\n`;
		const running = request.tests ? '     Running unittests src/main.rs (target/debug/playground)\n' : '     Running `target/debug/playground`\n';

		const program = `${BOX_DIR}/target/debug/playground`;
		const run = await capture(
			boxed(isolation, {
				command: boxedRun ? program : join(dir, 'target/playground'),
				args: request.tests ? ['--color', 'never'] : [],
				cwd: BOX_DIR,
				hostCwd: dir,
				// tokio starts a worker per core, and glibc an arena per thread:
				// on a many-core class server that alone would meet the limits.
				env: { PATH: '/usr/bin', HOME: BOX_DIR, RUST_BACKTRACE: '0', TOKIO_WORKER_THREADS: '2', MALLOC_ARENA_MAX: '2' },
				mounts: [
					{ kind: 'tmpfs', dest: BOX_DIR, sizeBytes: limits.runFolderBytes },
					{ kind: 'read-only', source: join(dir, 'target/playground'), dest: program },
				],
				limits: limits.run,
			}),
			limits.runTimeMs,
			limits.outputCap,
			boxedRun,
		);
		return {
			success: !run.timedOut && !run.capped && run.code === 0,
			exitDetail: exitDetail(run, limits),
			stdout: run.stdout,
			stderr: compiling + compile.stderr + finished + running + run.stderr,
		};
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** A kept build of this program copied to `to`, as a finished compile; undefined when there is none. */
function reuse(programs: string, key: string, to: string): Captured | undefined {
	const messages = copyKeptProgram(programs, key, to);
	return messages === undefined ? undefined : { code: 0, signal: undefined, stdout: '', stderr: messages, timedOut: false, capped: false };
}

function exitDetail(run: Captured, limits: PlaygroundLimits): string {
	if (run.timedOut) return `Stopped: the program ran longer than the ${limits.runTimeMs / 1000} s time limit.`;
	if (run.capped) return `Stopped: the program printed more than ${Math.round(limits.outputCap / 1024)} KB, the output limit.`;
	if (run.code === 0) return 'Exited with status 0';
	const limit = limitThatStopped(run, limits.run, limits.runFolderBytes);
	if (limit) return limit;
	return run.signal ? `Killed by signal ${run.signal}` : `Exited with status ${run.code}`;
}
