/**
 * Schemathesis, the OpenAPI fuzzer, in a Python virtualenv of its own in a
 * cache outside the clone: `~/.cache/backend-rust/schemathesis-<version>/`
 * (or under XDG_CACHE_HOME). It is created once per pinned version and
 * reused; a new pin makes a new folder. Only `python3` with its `venv` module
 * is needed from the machine, and pip fetches the package itself.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { installDebianPackages } from './debian.ts';

/** The version the fuzz run is pinned to, looked up with `pip index versions schemathesis`. */
export const SCHEMATHESIS_VERSION = '4.32.5';

function cacheDir(env: NodeJS.ProcessEnv = process.env): string {
	return join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'backend-rust', `schemathesis-${SCHEMATHESIS_VERSION}`);
}

function createVenv(dir: string): void {
	mkdirSync(join(dir, '..'), { recursive: true });
	const venv = spawnSync('python3', ['-m', 'venv', dir], { encoding: 'utf8' });
	if (!venv.error && venv.status === 0) return;
	// No python3 at all (a spawn error), or Debian's python3 without venv's
	// pip bootstrap, which is a package of its own: python3-venv brings both.
	rmSync(dir, { recursive: true, force: true });
	installDebianPackages(['python3-venv'], 'a Python virtualenv for schemathesis');
	const again = spawnSync('python3', ['-m', 'venv', dir], { encoding: 'utf8' });
	if (again.error || again.status !== 0) throw new Error(`python3 -m venv failed:\n${again.error?.message ?? again.stderr}`);
}

/** The path of the `schemathesis` command, installing it first when the cache has none. */
export function ensureSchemathesis(): string {
	const dir = cacheDir();
	const bin = join(dir, 'bin', 'schemathesis');
	// Written last: a folder without it is an interrupted install, redone
	// from scratch. (A venv cannot be built elsewhere and moved: its scripts
	// name its folder.)
	const complete = join(dir, '.complete');
	if (existsSync(complete) && existsSync(bin)) return bin;
	rmSync(dir, { recursive: true, force: true });
	console.error(`Installing schemathesis ${SCHEMATHESIS_VERSION} into ${dir} (once)...`);
	createVenv(dir);
	const pip = spawnSync(join(dir, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`], {
		// To stderr, like the notice above: stdout is the fuzz report alone.
		stdio: ['ignore', 2, 2],
	});
	if (pip.status !== 0 || !existsSync(bin)) {
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`pip could not install schemathesis ${SCHEMATHESIS_VERSION}`);
	}
	writeFileSync(complete, `schemathesis ${SCHEMATHESIS_VERSION}\n`);
	return bin;
}

/** Sums the phases' "✅ N passed  ❌ M failed" lines (each operation or scenario is one test). */
export function countResults(output: string): { passed: number; failed: number } {
	let passed = 0;
	let failed = 0;
	for (const line of output.split('\n')) {
		const ok = /✅ (\d+) passed/.exec(line);
		const bad = /❌ (\d+) failed/.exec(line);
		if (ok) passed += Number(ok[1]);
		if (bad) failed += Number(bad[1]);
	}
	return { passed, failed };
}
