import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { forgetWorkspace, workspace } from '../../src/build/workspace/model.ts';
import { runnableFor, sourceHash, staleRunnables, wasmUrl, type Manifest } from '../../src/build/workspace/runnable.ts';

const fixture = join(import.meta.dirname, '../fixtures/examples-workspace');

/** A copy of the fixture workspace and a public/wasm folder built for it, both removed when the test ends. */
function setUp() {
	const root = mkdtempSync(join(tmpdir(), 'examples-'));
	onTestFinished(() => rmSync(root, { recursive: true, force: true }));
	cpSync(fixture, root, { recursive: true });
	const [runnable] = workspace(root).crateNamed('demo').runnables;
	const wasmDir = mkdtempSync(join(tmpdir(), 'wasm-'));
	onTestFinished(() => rmSync(wasmDir, { recursive: true, force: true }));
	mkdirSync(join(wasmDir, 'demo'), { recursive: true });
	writeFileSync(join(wasmDir, 'demo/demo.wasm'), Buffer.alloc(42));
	cpSync(join(root, 'demo/data.txt'), join(wasmDir, 'demo/data.txt'));
	const manifest: Manifest = {
		toolchain: 'test',
		examples: [{ example: 'demo', bin: 'demo', wasm: wasmUrl(runnable!), sourceHash: sourceHash(runnable!, root), bytes: 42 }],
	};
	const save = (m: Manifest) => writeFileSync(join(wasmDir, 'manifest.json'), JSON.stringify(m));
	save(manifest);
	const stale = () => staleRunnables([runnable!], root, () => wasmDir);
	return { root, runnable: runnable!, wasmDir, manifest, save, stale };
}

describe('runnable examples', () => {
	it('reads the runnable declaration and names the wasm after the crate path', () => {
		const { runnable } = setUp();
		expect(runnable).toMatchObject({ example: 'demo', bin: 'demo', source: 'demo/src/main.rs', args: ['data.txt'], files: ['data.txt'] });
		expect(wasmUrl(runnable)).toBe('/wasm/demo/demo.wasm');
	});

	it('finds the runnable for a binary source, and none for other files', () => {
		expect(runnableFor('demo/src/main.rs', fixture)?.bin).toBe('demo');
		expect(runnableFor('demo/must-fail/moved.rs', fixture)).toBeUndefined();
	});

	it('accepts a build that matches its sources', () => {
		expect(setUp().stale()).toEqual([]);
	});

	it('names the example when a source changed since the build', () => {
		const { root, stale } = setUp();
		appendFileSync(join(root, 'demo/src/main.rs'), '// edited\n');
		expect(stale()).toEqual([
			'demo (bin demo): /wasm/demo/demo.wasm is stale: its sources changed since it was built',
		]);
	});

	it('follows a linked source (a step keeps its unchanged files as links): a change behind the link makes it stale', () => {
		const { root, runnable, stale } = setUp();
		writeFileSync(join(root, 'shared.rs'), 'pub fn one() {}\n');
		symlinkSync('../../shared.rs', join(root, 'demo/src/linked.rs'));
		const before = sourceHash(runnable, root);
		writeFileSync(join(root, 'shared.rs'), 'pub fn two() {}\n');
		expect(sourceHash(runnable, root)).not.toBe(before);
		expect(stale()[0]).toMatch(/is stale/);
	});

	it('ignores saved outputs, which do not change the binary', () => {
		const { root, stale } = setUp();
		mkdirSync(join(root, 'demo/captures'));
		writeFileSync(join(root, 'demo/captures/run.txt'), '$ cargo run\n');
		expect(stale()).toEqual([]);
	});

	it('catches a changed dependency version, a missing binary, a wrong size and a drifted sample file', () => {
		const { root, wasmDir, manifest, save, stale } = setUp();
		save({ ...manifest, examples: [] });
		expect(stale()[0]).toMatch(/^demo \(bin demo\): no committed .wasm in .*manifest.json$/);
		save({ ...manifest, examples: [{ ...manifest.examples[0]!, bytes: 7 }] });
		expect(stale()[0]).toMatch(/does not match the manifest's size/);
		save(manifest);
		writeFileSync(join(wasmDir, 'demo/data.txt'), 'edited copy');
		expect(stale()[0]).toMatch(/sample files next to the .wasm differ/);
		const lock = join(root, 'Cargo.lock');
		cpSync(lock, lock + '.bak');
		writeFileSync(lock, readFileSync(lock, 'utf8').replace('1.0.229', '1.0.230'));
		// The model is read once per process: after editing the lock, ask for a fresh read.
		forgetWorkspace(root);
		cpSync(join(root, 'demo/data.txt'), join(wasmDir, 'demo/data.txt'));
		expect(stale()[0]).toMatch(/is stale/);
	});
});
