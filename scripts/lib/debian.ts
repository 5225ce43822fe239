/**
 * The one place that installs Debian packages a script needs when they are
 * missing. As root on Debian, the packages are installed (`apt-get update`
 * first, once per process); otherwise the script stops with the exact
 * command that installs them.
 */
import { execFileSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

let updated = false;

/** Whether `command` is an executable file in a folder of PATH. */
export function onPath(command: string, path = process.env['PATH'] ?? ''): boolean {
	return path.split(delimiter).some((dir) => dir !== '' && isExecutable(join(dir, command)));
}

export function isExecutable(file: string): boolean {
	try {
		accessSync(file, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/** `what` names the need in the error message, e.g. "building wasm". */
export function installDebianPackages(packages: string[], what: string, options: { recommends?: boolean } = {}): void {
	const names = [...new Set(packages)].join(' ');
	// Not root, or not Debian: nothing here may install, so say how at once.
	if (process.getuid?.() !== 0 || !onPath('apt-get')) {
		throw new Error(`${what} needs ${names}; install with: sudo apt-get install -y ${names}`);
	}
	console.error(`Installing ${names} (Debian packages) for ${what}...`);
	if (!updated) {
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
		updated = true;
	}
	const recommends = options.recommends === false ? ['--no-install-recommends'] : [];
	execFileSync('apt-get', ['install', '-y', '-qq', ...recommends, ...new Set(packages)], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

export interface DebianNeed {
	/** The Debian package that satisfies it. */
	package: string;
	present: () => boolean;
	/**
	 * A package whose recommended packages would start services nobody asked
	 * for (Prometheus recommends its node exporter, listening on every
	 * address): installed alone, then `afterInstall` runs.
	 */
	alone?: boolean;
	afterInstall?: () => void;
}

/**
 * Installs the package of every need that is not present, then checks them
 * again: a package that installs but does not bring what was expected (a
 * renamed binary, say) stops the script here rather than later.
 */
export function ensureDebianPackages(needs: DebianNeed[], what: string): void {
	const missing = needs.filter((need) => !need.present());
	if (missing.length === 0) return;
	const together = missing.filter((need) => !need.alone);
	if (together.length > 0) installDebianPackages(together.map((need) => need.package), what);
	for (const need of missing.filter((need) => need.alone)) {
		installDebianPackages([need.package], what, { recommends: false });
		need.afterInstall?.();
	}
	const still = missing.filter((need) => !need.present()).map((need) => need.package);
	if (still.length > 0) throw new Error(`${what} needs ${still.join(' ')}: apt-get installed it, yet it is still missing`);
}

/** Installs the Debian package behind each command that is not on PATH. */
export function ensureCommands(commands: [command: string, pkg: string][], what: string): void {
	ensureDebianPackages(
		commands.map(([command, pkg]) => ({ package: pkg, present: () => onPath(command) })),
		what,
	);
}
