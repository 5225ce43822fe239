/**
 * sccache, the compiler cache, for `npm test`'s cargo runs. A fresh clone has
 * an empty `examples/target/`, so every run of the suite used to compile
 * the whole dependency tree (axum, sqlx, tokio, proptest…) again, several
 * minutes of a CI run. sccache keys each rustc call by its inputs' content
 * and keeps the outputs outside the clone (`~/.cache/sccache`, or
 * SCCACHE_DIR), so a second run on the same machine fetches them instead; a
 * fresh machine simply fills it. Crates it cannot cache (proc macros,
 * binaries, the workspace's own incremental builds) compile as before.
 */
import { ensurePythonTool, type PythonTool } from './python-tool.ts';

/** Pinned; `pip index versions sccache` lists newer ones. */
export const SCCACHE: PythonTool = { package: 'sccache', version: '0.16.0', command: 'sccache' };

/**
 * The environment that routes cargo's rustc calls through sccache. Cargo's
 * incremental mode is off: sccache cannot cache incremental compilations, and
 * a clean clone gains nothing from it.
 */
export function sccacheEnv(): Record<string, string> {
	return { RUSTC_WRAPPER: ensurePythonTool(SCCACHE), CARGO_INCREMENTAL: '0' };
}
