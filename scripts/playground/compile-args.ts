/**
 * How the compile server calls rustc on one program, in one place: the
 * server (./execute.ts) and the CI check of the exercises
 * (scripts/lib/exercise-programs.ts) both build from it, so what passes in
 * CI is what the server accepts.
 */

/** The folder the server compiles in, inside its sandbox: CARGO_MANIFEST_DIR names it. */
export const SERVER_DIR = '/playground';
/** Where the server's sandbox mounts the toolchain's sysroot. */
export const SERVER_RUST = '/opt/rust';

/** rustc's arguments: the crate cache's libraries, and the test harness when `tests`. */
export function compileArgs(cacheArgs: readonly string[], edition: string, tests: boolean, output: string, source: string): string[] {
	return ['--crate-name', 'playground', '--edition', edition, tests ? '--test' : '--crate-type=bin', '--color', 'never', '-C', 'debuginfo=0', ...cacheArgs, '-o', output, source];
}

/**
 * rustc's whole environment on the server: only this, so nothing of the
 * machine's (HOME, a RUSTC_BOOTSTRAP) reaches env!() or the compiler. The
 * CI check of the exercises compiles with it too, so its builds are the
 * server's and the server may reuse them (./program-cache.ts).
 */
export function serverCompileEnv(): Record<string, string> {
	return { PATH: `/usr/bin:${SERVER_RUST}/bin`, HOME: SERVER_DIR, ...cargoEnv(SERVER_DIR) };
}

/** What Cargo would set while compiling, so env!("CARGO_PKG_NAME") and friends work (plus CARGO_MANIFEST_DIR, the folder). */
export function cargoEnv(manifestDir: string): Record<string, string> {
	return { CARGO_PKG_NAME: 'playground', CARGO_CRATE_NAME: 'playground', CARGO_PKG_VERSION: '0.0.0', CARGO_MANIFEST_DIR: manifestDir };
}
