/**
 * Reads the examples/ Cargo workspace: which crate a file belongs to, the
 * dependency versions that crate was tested with (from Cargo.lock), the
 * snippets it declares as must-fail and the exercises it holds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';

export const examplesRoot = fileURLToPath(new URL('../../../examples/', import.meta.url));

type Table = Record<string, unknown>;

function readToml(path: string): Table {
	return parse(readFileSync(path, 'utf8')) as Table;
}

function table(value: unknown): Table {
	return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Table) : {};
}

/** How a must-fail snippet is expected to fail. */
export type Failure = { compileError: string } | { panic: string };

export interface MustFail {
	/** The binary target's name, as `cargo build --bin` takes it. */
	bin: string;
	/** Path of its source, relative to examples/. */
	source: string;
	expect: Failure;
}

/**
 * An exercise, declared as `[[package.metadata.exercise]]` with `bin` and
 * `starter`. The solution is the binary src/bin/<bin>.rs, whose `solution`
 * anchor is the program and whose `tests` anchor is the test module; the
 * starter is the same program with the learner's part left as todo!(). The
 * page checks "starter as edited + tests", so that pair must be one valid
 * file (scripts/exercises.ts proves the starter fails and the solution passes).
 */
export interface Exercise {
	bin: string;
	/** Paths relative to examples/. */
	starter: string;
	solution: string;
}

export interface Crate {
	name: string;
	/** Absolute directory of the crate. */
	dir: string;
	/** Direct normal dependencies with their locked versions, sorted by name. */
	tested: { name: string; version: string }[];
	mustFail: MustFail[];
	exercises: Exercise[];
}

/** The crate (nearest Cargo.toml with a [package]) holding a file under examples/. */
export function crateOf(file: string, root: string = examplesRoot): Crate {
	const top = resolve(root);
	// The workspace manifest itself (its profiles are lesson material): no
	// package, so no versions to name and no must-fail snippets.
	if (resolve(file) === join(top, 'Cargo.toml')) return { name: 'the examples workspace', dir: top, tested: [], mustFail: [], exercises: [] };
	let dir = dirname(resolve(file));
	while (dir.startsWith(top + sep) || dir === top) {
		const manifest = join(dir, 'Cargo.toml');
		if (existsSync(manifest) && readToml(manifest)['package']) return readCrate(dir, root);
		if (dir === top) break;
		dir = dirname(dir);
	}
	throw new Error(`${relative(root, file)} is not inside a crate of the examples workspace`);
}

/** Reads one crate of the workspace. */
export function readCrate(dir: string, root: string = examplesRoot): Crate {
	const manifest = readToml(join(dir, 'Cargo.toml'));
	const pkg = table(manifest['package']);
	const name = String(pkg['name']);
	const lock = readToml(join(root, 'Cargo.lock'));
	const packages = (lock['package'] as Table[] | undefined) ?? [];
	const self = packages.find((p) => p['name'] === name && p['source'] === undefined);
	if (!self) throw new Error(`examples/Cargo.lock has no entry for ${name}: run cargo build in examples/`);

	// Cargo.lock lists a dependency as "name" or, when several versions are
	// locked, "name version"; the crate's own entry says which one it uses.
	const lockedDeps = ((self['dependencies'] as string[] | undefined) ?? []).map((entry) => entry.split(' '));
	const tested = Object.keys(table(manifest['dependencies']))
		.sort()
		.map((dep) => {
			const [, pinned] = lockedDeps.find(([n]) => n === dep) ?? [];
			const version =
				pinned ?? String(packages.find((p) => p['name'] === dep && p['source'] !== undefined)?.['version']);
			return { name: dep, version };
		});

	const bins = ((manifest['bin'] as Table[] | undefined) ?? []).map((b) => ({
		name: String(b['name']),
		path: String(b['path']),
	}));
	const declared = table(table(pkg['metadata'])['must-fail']);
	const mustFail = Object.entries(declared).map(([bin, spec]): MustFail => {
		const target = bins.find((b) => b.name === bin);
		if (!target) throw new Error(`${name}: must-fail "${bin}" is not a [[bin]] of the crate`);
		const s = table(spec);
		const expect: Failure =
			typeof s['compile-error'] === 'string'
				? { compileError: s['compile-error'] }
				: typeof s['panic'] === 'string'
					? { panic: s['panic'] }
					: (() => {
							throw new Error(`${name}: must-fail "${bin}" needs compile-error = "E…" or panic = "…"`);
						})();
		return { bin, source: relative(root, join(dir, target.path)).split(sep).join('/'), expect };
	});
	const fromCrate = (path: string) => relative(root, join(dir, path)).split(sep).join('/');
	const exercises = ((table(pkg['metadata'])['exercise'] as Table[] | undefined) ?? []).map((spec): Exercise => {
		const bin = String(spec['bin'] ?? '');
		const exercise = { bin, starter: fromCrate(String(spec['starter'] ?? '')), solution: fromCrate(`src/bin/${bin}.rs`) };
		for (const [what, path] of [['solution', exercise.solution], ['starter', exercise.starter]] as const) {
			if (!existsSync(join(root, path)) || !path.endsWith('.rs')) throw new Error(`${name}: exercise "${bin}" has no ${what} file examples/${path}`);
		}
		return exercise;
	});
	return { name, dir, tested, mustFail, exercises };
}

/** Every member crate of the examples workspace, in the order Cargo.toml lists them. */
export function workspaceCrates(root: string = examplesRoot): Crate[] {
	const members = table(readToml(join(root, 'Cargo.toml'))['workspace'])['members'];
	if (!Array.isArray(members)) throw new Error('examples/Cargo.toml: [workspace] members must be a list');
	return members.map((member) => readCrate(join(root, String(member)), root));
}

/**
 * The crates a script's command line names (arguments that are not --flags),
 * or every crate when it names none: `node scripts/captures.ts --update logstat`.
 */
export function cratesNamedIn(argv: readonly string[], root: string = examplesRoot): Crate[] {
	const only = argv.filter((arg) => !arg.startsWith('--'));
	const crates = workspaceCrates(root);
	const unknown = only.filter((name) => !crates.some((crate) => crate.name === name));
	if (unknown.length > 0) throw new Error(`no crate named ${unknown.join(', ')} in examples/`);
	return crates.filter((crate) => only.length === 0 || only.includes(crate.name));
}
