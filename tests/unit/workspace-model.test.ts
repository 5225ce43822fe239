// The model of the examples workspace (src/build/workspace/model.ts and
// schema.ts): what it reads from the fixture workspace, the message a
// malformed declaration stops the build with, and that it is read once.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { forgetWorkspace, loadWorkspace, workspace, type ReadText } from '../../src/build/workspace/model.ts';
import { runnableFor } from '../../src/build/workspace/runnable.ts';
import { crateOf, cratesNamedIn } from '../../src/build/workspace/workspace.ts';

const fixture = join(import.meta.dirname, '../fixtures/examples-workspace');

/** A copy of the fixture workspace, with demo/Cargo.toml edited by `edit`; removed when the test ends. */
function copyWith(edit?: (manifest: string) => string): string {
	const root = mkdtempSync(join(tmpdir(), 'examples-'));
	onTestFinished(() => rmSync(root, { recursive: true, force: true }));
	cpSync(fixture, root, { recursive: true });
	const manifest = join(root, 'demo/Cargo.toml');
	const before = readFileSync(manifest, 'utf8');
	const after = edit ? edit(before) : before;
	if (edit && after === before) throw new Error('the edit changed nothing: the fixture no longer has what this test replaces');
	writeFileSync(manifest, after);
	return root;
}

const prefix = 'crate demo (examples/demo/Cargo.toml): ';

describe('workspace model', () => {
	const demo = workspace(fixture).crateNamed('demo');

	// Versions and must-fail snippets: tests/unit/include-examples.test.ts.
	it('reads bins, exercises, runnables and captures with their defaults', () => {
		expect(demo).toMatchObject({ name: 'demo', dir: join(fixture, 'demo'), path: 'demo' });
		expect(demo.bins).toEqual([{ name: 'moved', path: 'must-fail/moved.rs' }]);
		// Declared by its bin: named after it, checked in the page by default.
		expect(demo.exercises).toEqual([{ name: 'ex-shout', bin: 'ex-shout', starter: 'demo/exercises/ex-shout.rs', solution: 'demo/src/bin/ex-shout.rs', checked: 'page' }]);
		expect(demo.runnables).toEqual([
			{ example: 'demo', crate: 'demo', bin: 'demo', source: 'demo/src/main.rs', args: ['data.txt'], files: ['data.txt'], stdin: '', capture: undefined, fixture: false, inPage: true, why: undefined },
			{
				example: 'demo',
				crate: 'demo',
				bin: 'workers',
				source: 'demo/src/bin/workers.rs',
				args: [],
				files: [],
				stdin: '',
				capture: undefined,
				fixture: false,
				inPage: false,
				why: "it starts threads, which the page's WebAssembly runner does not have",
			},
		]);
		expect(demo.captures).toEqual([
			{ file: 'captures/missing.txt', commands: ['cargo run -- nowhere.txt'], server: undefined, until: undefined, env: {}, exit: 1, database: false, root: false, measured: false },
			{
				file: 'captures/serve.txt',
				commands: ['curl -s http://127.0.0.1:3000/', 'curl -s http://127.0.0.1:3000/missing'],
				server: 'cargo run',
				until: undefined,
				env: { PORT: '3000' },
				exit: 0,
				database: false,
				root: false,
				measured: false,
			},
		]);
	});

	it('reads a capture that asks for a fresh database (scripts/captures.ts)', () => {
		const root = copyWith((m) => m.replace('server = "cargo run"', 'server = "cargo run"\ndatabase = true'));
		expect(workspace(root).crateNamed('demo').captures.map((c) => c.database)).toEqual([false, true]);
	});

	it('finds the crate of a file, the workspace manifest, and refuses a file outside every crate', () => {
		expect(crateOf(join(fixture, 'demo/src/main.rs'), fixture)).toBe(demo);
		expect(crateOf(join(fixture, 'Cargo.toml'), fixture)).toMatchObject({ name: 'the examples workspace', tested: [], mustFail: [] });
		expect(() => crateOf(join(fixture, 'notes/x.rs'), fixture)).toThrow('notes/x.rs is not inside a crate of the examples workspace');
	});

	it('finds a runnable by its source and a crate by its name', () => {
		expect(runnableFor('demo/src/main.rs', fixture)?.bin).toBe('demo');
		expect(runnableFor('demo/src/bin/ex-shout.rs', fixture)).toBeUndefined();
		expect(() => workspace(fixture).crateNamed('nope')).toThrow('no crate named nope in examples/ (its crates: demo)');
		expect(() => cratesNamedIn(['--update', 'nope'], fixture)).toThrow('no crate named nope in examples/');
	});
});

describe('a malformed declaration stops the build naming the crate, the key and what was expected', () => {
	const load = (edit: (manifest: string) => string) => () => loadWorkspace(copyWith(edit));

	it('an exercise without its bin or solution, with both, or with a solution file and no name', () => {
		const oneOfThem = `${prefix}package.metadata.exercise[0]: expected bin = "…" or solution = "…", exactly one of them`;
		expect(load((m) => m.replace('bin = "ex-shout"\n', ''))).toThrow(oneOfThem);
		expect(load((m) => m.replace('bin = "ex-shout"\n', 'bin = "ex-shout"\nsolution = "src/bin/ex-shout.rs"\n'))).toThrow(oneOfThem);
		expect(load((m) => m.replace('bin = "ex-shout"\n', 'solution = "src/bin/ex-shout.rs"\n'))).toThrow(
			`${prefix}package.metadata.exercise[0]: an exercise declared by its solution file needs a name = "…"`,
		);
	});

	it('an exercise declared by its solution file, checked locally', () => {
		const ws = loadWorkspace(copyWith((m) => m.replace('bin = "ex-shout"\n', 'name = "shout"\nsolution = "src/bin/ex-shout.rs"\nchecked = "local"\n')));
		expect(ws.crateNamed('demo').exercises).toEqual([{ name: 'shout', bin: undefined, starter: 'demo/exercises/ex-shout.rs', solution: 'demo/src/bin/ex-shout.rs', checked: 'local' }]);
		expect(load((m) => m.replace('bin = "ex-shout"\n', 'bin = "ex-shout"\nchecked = "browser"\n'))).toThrow(`${prefix}package.metadata.exercise[0].checked: Invalid option: expected one of "page"|"local"`);
	});

	it('a value of the wrong type', () => {
		expect(load((m) => m.replace('args = ["data.txt"]', 'args = "data.txt"'))).toThrow(`${prefix}package.metadata.runnable[0].args: expected array, received string`);
	});

	it('a must-fail snippet that is no [[bin]] of the crate', () => {
		expect(load((m) => m.replace('moved = { compile-error', 'gone = { compile-error'))).toThrow(
			`${prefix}package.metadata.must-fail.gone: expected the name of a [[bin]] of the crate (it declares moved)`,
		);
	});

	it('a must-fail snippet that says neither how it fails to compile nor what it panics with', () => {
		expect(load((m) => m.replace('{ compile-error = "E0382" }', '{ error = "E0382" }'))).toThrow(
			`${prefix}package.metadata.must-fail.moved: expected { compile-error = "E…" } or { panic = "…" }`,
		);
		expect(load((m) => m.replace('{ compile-error = "E0382" }', '{ compile-error = "0382" }'))).toThrow(
			`${prefix}package.metadata.must-fail.moved.compile-error: expected a rustc error code such as "E0382"`,
		);
	});

	it('an exercise whose starter file is missing', () => {
		expect(load((m) => m.replace('exercises/ex-shout.rs', 'exercises/gone.rs'))).toThrow(
			`${prefix}package.metadata.exercise[0]: exercise "ex-shout" has no starter file examples/demo/exercises/gone.rs`,
		);
	});

	it('a runnable that runs on a server: it says why, and takes no arguments, input or files', () => {
		const why = 'why = "it starts threads, which the page\'s WebAssembly runner does not have"\n';
		expect(load((m) => m.replace(why, ''))).toThrow(`${prefix}package.metadata.runnable[1]: a runnable with in-page = false needs why = "…", the reason the panel gives`);
		expect(load((m) => m.replace('files = ["data.txt"]\n', `files = ["data.txt"]\n${why}`))).toThrow(
			`${prefix}package.metadata.runnable[0]: why = "…" is only for a runnable with in-page = false`,
		);
		expect(load((m) => m.replace('in-page = false\n', 'in-page = false\nargs = ["-n", "3"]\n'))).toThrow(
			`${prefix}package.metadata.runnable[1]: a runnable with in-page = false runs on a server, which takes no args, stdin or files (and it is no fixture)`,
		);
	});

	it('reads a measured capture, compared without its figures (scripts/lib/golden.ts)', () => {
		const root = copyWith((m) => m.replace('exit = 1\n', 'exit = 1\nmeasured = true\n'));
		expect(workspace(root).crateNamed('demo').captures.map((c) => c.measured)).toEqual([true, false]);
	});

	it('a runnable mounting a file that does not exist', () => {
		expect(load((m) => m.replace('files = ["data.txt"]', 'files = ["gone.txt"]'))).toThrow(
			`${prefix}package.metadata.runnable[0].files: runnable demo mounts gone.txt, which does not exist`,
		);
	});

	it('a misspelt key, and every other problem of the file, on the same line', () => {
		expect(load((m) => m.replace('args = ["data.txt"]', 'arg = ["data.txt"]').replace('exit = 1', 'exit = "1"'))).toThrow(
			`${prefix}package.metadata.runnable[0]: Unrecognized key: "arg"; package.metadata.captures[0].exit: expected number, received string`,
		);
	});

	it('a capture with both command and commands, one of which would be left out', () => {
		expect(load((m) => m.replace('command = "cargo run -- nowhere.txt"', 'command = "cargo run"\ncommands = ["cargo test"]'))).toThrow(
			`${prefix}package.metadata.captures[0]: expected command = "…" or commands = ["…", …], exactly one of them`,
		);
	});

	it('a manifest that is not TOML, and a crate Cargo.lock does not know', () => {
		expect(load((m) => `${m}\n[package.metadata\n`)).toThrow(/^examples\/demo\/Cargo.toml: not valid TOML: /);
		expect(load((m) => m.replace('name = "demo"', 'name = "demo2"'))).toThrow(
			'crate demo2 (examples/demo/Cargo.toml): examples/Cargo.lock has no entry for demo2: run cargo build in examples/',
		);
	});
});

describe('memoized per workspace root', () => {
	/** A reader that counts the reads of each file, by name. */
	function countingReader() {
		const reads = new Map<string, number>();
		const read: ReadText = (path) => {
			reads.set(basename(path), (reads.get(basename(path)) ?? 0) + 1);
			return readFileSync(path, 'utf8');
		};
		return { read, lockReads: () => reads.get('Cargo.lock') ?? 0, reads };
	}

	it('reads Cargo.lock and each manifest once, however many questions are asked', () => {
		const root = copyWith();
		const { read, lockReads, reads } = countingReader();
		const first = workspace(root, read);
		expect(workspace(root, read)).toBe(first);
		crateOf(join(root, 'demo/src/main.rs'), root);
		crateOf(join(root, 'demo/must-fail/moved.rs'), root);
		runnableFor('demo/src/main.rs', root);
		cratesNamedIn([], root);
		expect(lockReads()).toBe(1);
		// The workspace manifest and demo's, once each.
		expect(reads.get('Cargo.toml')).toBe(2);
	});

	it('reads the files again after forgetWorkspace, and sees what changed', () => {
		const root = copyWith();
		const { read, lockReads } = countingReader();
		const first = workspace(root, read);
		const lock = join(root, 'Cargo.lock');
		writeFileSync(lock, readFileSync(lock, 'utf8').replace('1.0.229', '1.0.230'));
		expect(workspace(root, read).crateNamed('demo').tested[0]).toEqual({ name: 'serde', version: '1.0.229' });
		forgetWorkspace(root);
		const second = workspace(root, read);
		expect(second).not.toBe(first);
		expect(second.crateNamed('demo').tested[0]).toEqual({ name: 'serde', version: '1.0.230' });
		expect(lockReads()).toBe(2);
	});

	it('shares a frozen model, which no caller can change for the others', () => {
		const demo = workspace(fixture).crateNamed('demo');
		expect(() => demo.tested.push({ name: 'extra', version: '0' })).toThrow(TypeError);
		expect(() => Object.assign(demo.runnables[0]!, { bin: 'other' })).toThrow(TypeError);
		expect(demo.runnables[0]!.bin).toBe('demo');
	});

	it('keeps one model per root', () => {
		const [a, b] = [copyWith(), copyWith()];
		expect(workspace(a)).not.toBe(workspace(b));
		expect(workspace(a).root).toBe(a);
	});
});

describe('the dev server forgets the model when its files change', () => {
	it('watches the manifests and the lock, not build output or sources', async () => {
		const { feedsTheModel } = await import('../../src/build/workspace/dev-reload.ts');
		const root = '/repo/examples';
		expect(feedsTheModel('/repo/examples/Cargo.lock', root)).toBe(true);
		expect(feedsTheModel('/repo/examples/api/users-api/Cargo.toml', root)).toBe(true);
		expect(feedsTheModel('/repo/examples/api/users-api/src/main.rs', root)).toBe(false);
		expect(feedsTheModel('/repo/examples/target/package/x/Cargo.toml', root)).toBe(false);
		expect(feedsTheModel('/repo/other/Cargo.toml', root)).toBe(false);
	});
});
