/**
 * The examples/ Cargo workspace as the site and the scripts see it: its
 * member crates, each with the dependency versions it was tested with (from
 * Cargo.lock), its binaries, the snippets it declares must-fail, its
 * exercises, its runnable binaries and its saved transcripts.
 *
 * Built once per process and workspace root, from one read of each manifest
 * and one parse of Cargo.lock, and checked against ./schema.ts as it is
 * built: a malformed declaration stops whoever asked (the site build, a
 * script) with a message naming the crate, the key and what was expected.
 * A build renders hundreds of code blocks, each asking which crate its file
 * belongs to; before this model each of them parsed Cargo.lock again.
 *
 * The model does not notice later edits to the files it read: a process
 * that changes a manifest or the lock (a test) calls forgetWorkspace().
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crateManifestSchema, lockSchema, parseToml, validate, workspaceManifestSchema, type CrateManifest, type DeclaredFailure, type Lock } from './schema.ts';

export const examplesRoot = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** How a must-fail snippet is expected to fail. */
export type Failure = { compileError: string } | { panic: string };

/**
 * A snippet that must not work, declared in `[package.metadata.must-fail]`
 * as `<bin> = { compile-error = "E0382" }` or `{ panic = "…" }`, where
 * <bin> is a [[bin]] of the crate (built only with its must-fail feature).
 */
export interface MustFail {
	/** The binary target's name, as `cargo build --bin` takes it. */
	bin: string;
	/** Path of its source, relative to examples/. */
	source: string;
	expect: Failure;
}

/**
 * An exercise, declared as `[[package.metadata.exercise]]` with `starter`
 * and either `bin` or `solution`. The solution is the binary's source
 * (src/bin/<bin>.rs unless a [[bin]] says otherwise), or the file `solution`
 * names when it is no cargo target (the API steps' exercises/<name>/); its
 * `solution` anchor is the program and its `tests` anchor the test module.
 * The starter is the same program with the learner's part left as todo!().
 * The page checks "starter as edited + tests", so that pair must be one
 * valid file (scripts/exercises.ts proves the starter fails and the
 * solution passes).
 */
export interface Exercise {
	/** The id in `npm run exercise <part>/<name>`: the declared name, else the bin. */
	name: string;
	/** The binary built from the solution, when it is a cargo target. */
	bin: string | undefined;
	/** Paths relative to examples/. */
	starter: string;
	solution: string;
	/** Where it is checked: in the page (the compile server or the Playground), or locally (it needs PostgreSQL). */
	checked: 'page' | 'local';
}

/**
 * A binary the lesson runs, declared as `[[package.metadata.runnable]]`: in
 * the page (compiled to wasm32-wasip1 by scripts/build-wasm.ts), or, with
 * `in-page = false`, on the Playground or the compile server, for a program
 * the page's WebAssembly build cannot link (threads, tokio).
 */
export interface Runnable {
	/** The crate's folder under examples/, e.g. getting-started/status-count. */
	example: string;
	crate: string;
	bin: string;
	/** The binary's source, relative to examples/. */
	source: string;
	args: string[];
	/** Sample files, relative to the crate, mounted at the same paths. */
	files: string[];
	/** Standard input, or none. */
	stdin: string;
	/** The transcript the lesson shows for these defaults, relative to the crate. */
	capture: string | undefined;
	/** A test-only program: built into tests/fixtures/wasm/, not public/wasm/. */
	fixture: boolean;
	/** Compiled to wasm and run in the page; false: Run sends it to a server. */
	inPage: boolean;
	/** With inPage false: why, as the panel tells the learner before Run. */
	why: string | undefined;
}

/** A saved transcript, declared as `[[package.metadata.captures]]` (see scripts/captures.ts). */
export interface Capture {
	/** The transcript, relative to the crate. */
	file: string;
	/** Run in order with `sh -c` in the crate's folder (`command` is a list of one). */
	commands: string[];
	/** Started first, in the crate's folder; it must print "listening on". */
	server: string | undefined;
	/** Stop each command once a line contains this. */
	until: string | undefined;
	/** Set for the server and the commands. */
	env: Record<string, string>;
	/** The exit status each command must end with. */
	exit: number;
	/** A fresh, empty PostgreSQL database for the server and the commands (scripts/captures.ts). */
	database: boolean;
	/** Run only as root (container images); skipped, saying so, otherwise. */
	root: boolean;
	/** Its output holds timings: checked with the numbers masked (scripts/lib/golden.ts). */
	measured: boolean;
}

export interface Bin {
	name: string;
	/** Its source, relative to the crate. */
	path: string;
}

export interface Crate {
	name: string;
	/** Absolute directory of the crate. */
	dir: string;
	/** The crate's folder under examples/, with forward slashes (`api/users-api`). */
	path: string;
	/** Direct normal dependencies with their locked versions, sorted by name. */
	tested: { name: string; version: string }[];
	/** Its dev-dependencies likewise (an exercise's tests may use them: tower, http-body-util). */
	testedDev: { name: string; version: string }[];
	/** The [[bin]] targets the manifest declares. */
	bins: Bin[];
	mustFail: MustFail[];
	exercises: Exercise[];
	runnables: Runnable[];
	captures: Capture[];
}

export interface Workspace {
	/** Absolute. */
	root: string;
	/** The members, in the order Cargo.toml lists them. */
	crates: readonly Crate[];
	/** Every crate's runnables, in crate order. */
	runnables: readonly Runnable[];
	/** The member called `name`; throws naming the members when there is none. */
	crateNamed(name: string): Crate;
	/** The crate holding a file (absolute path) under the workspace; the workspace manifest is a crate of its own with nothing declared. */
	crateOf(file: string): Crate;
	/** The runnable whose binary is built from `source` (relative to the workspace), if any. */
	runnableFor(source: string): Runnable | undefined;
}

/** How the model reads a file; a test passes its own to count the reads. */
export type ReadText = (path: string) => string;
const readText: ReadText = (path) => readFileSync(path, 'utf8');

const posix = (path: string) => path.split(sep).join('/');

/** Freezes a value and everything in it: one model is shared by every caller of the process, so none may change it for the others. */
function deepFreeze<T>(value: T): T {
	if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
		for (const inner of Object.values(value)) deepFreeze(inner);
		Object.freeze(value);
	}
	return value;
}

/** The source of a binary target, relative to the crate: its [[bin]] path, or where Cargo looks without one. */
function binPath(bins: readonly Bin[], crateName: string, bin: string): string {
	return bins.find((b) => b.name === bin)?.path ?? (bin === crateName ? 'src/main.rs' : `src/bin/${bin}.rs`);
}

function failure(declared: DeclaredFailure): Failure {
	return 'compile-error' in declared ? { compileError: declared['compile-error'] } : { panic: declared.panic };
}

/**
 * The version the crate was tested with of each of its direct normal
 * dependencies. Cargo.lock lists a dependency of a package as "name" or,
 * when several versions are locked, "name version"; the crate's own entry
 * (the one without a source) says which one it uses.
 */
function testedVersions(name: string, declared: CrateManifest['dependencies'], lock: Lock, fail: (why: string) => never): Crate['tested'] {
	const self = lock.package.find((p) => p.name === name && p.source === undefined);
	if (!self) fail(`examples/Cargo.lock has no entry for ${name}: run cargo build in examples/`);
	const locked = self.dependencies.map((entry) => entry.split(' '));
	return Object.keys(declared)
		.sort()
		.map((dep) => {
			const [, pinned] = locked.find(([n]) => n === dep) ?? [];
			// A path dependency (another crate of the course, such as the job
			// queue) is locked without a source, like the crate itself.
			const fromPath = typeof declared[dep] === 'object' && declared[dep] !== null && 'path' in declared[dep];
			const version = pinned ?? lock.package.find((p) => p.name === dep && (fromPath ? p.source === undefined : p.source !== undefined))?.version;
			if (version === undefined) fail(`dependencies.${dep}: examples/Cargo.lock has no version of it: run cargo build in examples/`);
			return { name: dep, version };
		});
}

function loadCrate(root: string, member: string, lock: Lock, read: ReadText): Crate {
	const dir = join(root, member);
	const manifestFile = `examples/${posix(member)}/Cargo.toml`;
	const raw = parseToml(read(join(dir, 'Cargo.toml')), manifestFile);
	// The name first, so that every other problem can name the crate.
	const rawName = (raw as { package?: { name?: unknown } }).package?.name;
	const label = typeof rawName === 'string' ? `crate ${rawName} (${manifestFile})` : manifestFile;
	const manifest = validate(crateManifestSchema, raw, label);
	// Typed on the declaration, so that TypeScript narrows after a call.
	const fail: (why: string) => never = (why) => {
		throw new Error(`${label}: ${why}`);
	};
	const name = manifest.package.name;
	const metadata = manifest.package.metadata;
	const path = posix(relative(root, dir));
	const fromCrate = (file: string) => posix(relative(root, join(dir, file)));
	const bins: Bin[] = manifest.bin.map((b) => ({ name: b.name, path: b.path ?? binPath([], name, b.name) }));

	const mustFail = Object.entries(metadata['must-fail']).map(([bin, declared]): MustFail => {
		const target = bins.find((b) => b.name === bin);
		if (!target) fail(`package.metadata.must-fail.${bin}: expected the name of a [[bin]] of the crate (it declares ${bins.map((b) => b.name).join(', ') || 'none'})`);
		return { bin, source: fromCrate(target.path), expect: failure(declared) };
	});

	const exercises = metadata.exercise.map((declared, i): Exercise => {
		// The schema lets through a bin or a solution, and a name when there is no bin.
		const exercise: Exercise = {
			name: declared.name ?? declared.bin!,
			bin: declared.bin,
			starter: fromCrate(declared.starter),
			solution: fromCrate(declared.solution ?? binPath(bins, name, declared.bin!)),
			checked: declared.checked,
		};
		for (const [what, file] of [['solution', exercise.solution], ['starter', exercise.starter]] as const) {
			if (!existsSync(join(root, file))) fail(`package.metadata.exercise[${i}]: exercise "${exercise.name}" has no ${what} file examples/${file}`);
		}
		return exercise;
	});

	const runnables = metadata.runnable.map((declared, i): Runnable => {
		const bin = declared.bin ?? name;
		for (const file of declared.files) {
			if (!existsSync(join(dir, file))) fail(`package.metadata.runnable[${i}].files: runnable ${bin} mounts ${file}, which does not exist`);
		}
		return {
			example: path,
			crate: name,
			bin,
			source: fromCrate(binPath(bins, name, bin)),
			args: declared.args,
			files: declared.files,
			stdin: declared.stdin,
			capture: declared.capture,
			fixture: declared.fixture,
			inPage: declared['in-page'],
			why: declared.why,
		};
	});

	const captures = metadata.captures.map(
		(declared): Capture => ({
			file: declared.file,
			// The schema lets through exactly one of the two.
			commands: declared.commands ?? [declared.command!],
			server: declared.server,
			until: declared.until,
			env: declared.env,
			exit: declared.exit,
			database: declared.database,
			root: declared.root,
			measured: declared.measured,
		}),
	);

	const tested = testedVersions(name, manifest.dependencies, lock, fail);
	const testedDev = testedVersions(name, manifest['dev-dependencies'], lock, fail);
	return { name, dir, path, tested, testedDev, bins, mustFail, exercises, runnables, captures };
}

/** Reads and checks a whole workspace (no memo: see workspace()). */
export function loadWorkspace(root: string = examplesRoot, read: ReadText = readText): Workspace {
	const top = resolve(root);
	const { workspace: declared } = validate(workspaceManifestSchema, parseToml(read(join(top, 'Cargo.toml')), 'examples/Cargo.toml'), 'examples/Cargo.toml');
	const lock = validate(lockSchema, parseToml(read(join(top, 'Cargo.lock')), 'examples/Cargo.lock'), 'examples/Cargo.lock');
	const crates = deepFreeze(declared.members.map((member) => loadCrate(top, member, lock, read)));
	const runnables = Object.freeze(crates.flatMap((c) => c.runnables));
	// The workspace manifest (its profiles are lesson material) has no
	// package: no versions to name and nothing declared.
	const workspaceItself: Crate = deepFreeze({ name: 'the examples workspace', dir: top, path: '', tested: [], testedDev: [], bins: [], mustFail: [], exercises: [], runnables: [], captures: [] });

	return {
		root: top,
		crates,
		runnables,
		crateNamed(name) {
			const crate = crates.find((c) => c.name === name);
			if (!crate) throw new Error(`no crate named ${name} in examples/ (its crates: ${crates.map((c) => c.name).join(', ')})`);
			return crate;
		},
		crateOf(file) {
			const at = resolve(file);
			if (at === join(top, 'Cargo.toml')) return workspaceItself;
			// The deepest member holding the file: a crate nested in another's folder owns its own files.
			const crate = crates.filter((c) => at.startsWith(c.dir + sep)).sort((a, b) => b.dir.length - a.dir.length)[0];
			if (!crate) throw new Error(`${relative(top, at)} is not inside a crate of the examples workspace`);
			return crate;
		},
		runnableFor(source) {
			return runnables.find((r) => r.source === source);
		},
	};
}

const loaded = new Map<string, Workspace>();

/**
 * The workspace at `root`, read on the first call and kept for the rest of
 * the process. `read` is used only by the call that reads.
 */
export function workspace(root: string = examplesRoot, read: ReadText = readText): Workspace {
	const key = resolve(root);
	let model = loaded.get(key);
	if (!model) {
		model = loadWorkspace(key, read);
		loaded.set(key, model);
	}
	return model;
}

/** Drops the kept model of `root`, so the next call reads the files again (after a test edits them). */
export function forgetWorkspace(root: string = examplesRoot): void {
	loaded.delete(resolve(root));
}
