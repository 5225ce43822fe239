/**
 * Installs Debian packages a script needs when they are missing. As root,
 * the packages are installed (`apt-get update` first, once per process);
 * otherwise the script stops with the exact command that installs them.
 */
import { execFileSync, spawnSync } from 'node:child_process';

let updated = false;

/** `what` names the need in the error message, e.g. "building wasm". */
export function installDebianPackages(packages: string[], what: string): void {
	if (process.getuid?.() !== 0) {
		throw new Error(`${what} needs ${packages.join(' ')}; install with: sudo apt-get install -y ${packages.join(' ')}`);
	}
	console.error(`Installing ${packages.join(' ')} (Debian packages) for ${what}...`);
	if (!updated) {
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		updated = true;
	}
	execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

/** Installs the Debian package behind each command that is not on PATH. */
export function ensureCommands(commands: [command: string, pkg: string][], what: string): void {
	const missing = commands.filter(([command]) => spawnSync('which', [command]).status !== 0).map(([, pkg]) => pkg);
	if (missing.length > 0) installDebianPackages(missing, what);
}
