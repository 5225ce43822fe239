/**
 * Runnable examples: the binaries a lesson can run in the page, compiled to
 * wasm32-wasip1 and committed under public/wasm/ with a manifest. Declared in
 * each crate's Cargo.toml as `[[package.metadata.runnable]]` (bin, args,
 * files, stdin, capture; read and checked by ./model.ts). Shared by the wasm build script, the staleness
 * check, the Node WASI check and the include step that puts a Run button
 * under the block.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { examplesRoot, workspace, type Runnable } from './model.ts';

export type { Runnable };

/** Published with the site. */
export const wasmRoot = fileURLToPath(new URL('../../../public/wasm/', import.meta.url));
/** Test-only programs (`fixture = true`), never published. */
export const fixtureWasmRoot = fileURLToPath(new URL('../../../tests/fixtures/wasm/', import.meta.url));

export interface ManifestEntry {
	example: string;
	bin: string;
	/** URL path of the .wasm in the built site. */
	wasm: string;
	/** sha256 of everything the build reads: see sourceHash(). */
	sourceHash: string;
	bytes: number;
}

export interface Manifest {
	/** How the committed binaries were built, for the reader of the file. */
	toolchain: string;
	examples: ManifestEntry[];
}

/** Every runnable the page runs itself (compiled to wasm), in crate order; `in-page = false` ones run on a server. */
export function inPageRunnables(root: string = examplesRoot): readonly Runnable[] {
	return workspace(root).runnables.filter((r) => r.inPage);
}

/** The runnable whose binary is built from `source` (relative to examples/), if any. */
export function runnableFor(source: string, root: string = examplesRoot): Runnable | undefined {
	return workspace(root).runnableFor(source);
}

/**
 * What the lesson shows a runnable printing: its transcript without the
 * `$ command` line, and whether that transcript is measured (timings, so a
 * rerun is compared with its figures masked). Undefined without a capture.
 */
export function shownOutput(r: Runnable, root: string = examplesRoot): { text: string; measured: boolean } | undefined {
	if (!r.capture) return undefined;
	const transcript = readFileSync(join(root, r.example, r.capture), 'utf8');
	const measured = workspace(root).crateNamed(r.crate).captures.some((c) => c.file === r.capture && c.measured);
	return { text: transcript.slice(transcript.indexOf('\n') + 1), measured };
}

/** URL path of a runnable's .wasm (named after its crate path) and of its mounted files. */
export function wasmUrl(r: Pick<Runnable, 'example' | 'bin'>): string {
	return `/wasm/${r.example}/${r.bin}.wasm`;
}
export function fileUrl(r: Pick<Runnable, 'example'>, file: string): string {
	return `/wasm/${r.example}/${file}`;
}

/** Where a URL under /wasm/ lives on disk, inside the output folder that serves it. */
export function wasmFile(url: string, dir: string): string {
	return join(dir, url.replace(/^\/wasm\//, ''));
}

/**
 * The files under `dir`, linked ones included: a step keeps its unchanged
 * sources as links to the step before, and a change there changes its build.
 * A dirent describes the link itself, so each path is stat'ed (which follows
 * it); a dangling link is no file.
 */
function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.map((entry) => join(entry.parentPath, entry.name))
		.filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true);
}

/**
 * Hash of everything a runnable's build reads: the crate's manifest and Rust
 * sources, its sample files, and the locked versions of its dependencies.
 * Saved outputs (captures/, *.stderr) are left out: they do not change the
 * binary.
 */
export function sourceHash(r: Runnable, root: string = examplesRoot): string {
	const crateDir = join(root, r.example);
	const inputs = filesUnder(crateDir)
		.map((file) => relative(crateDir, file).split(sep).join('/'))
		.filter((file) => file === 'Cargo.toml' || file.endsWith('.rs') || r.files.includes(file))
		.sort();
	const hash = createHash('sha256');
	for (const file of inputs) {
		hash.update(`${file}\0`);
		hash.update(readFileSync(join(crateDir, file)));
		hash.update('\0');
	}
	const crate = workspace(root).crateNamed(r.crate);
	hash.update(crate.tested.map((d) => `${d.name} ${d.version}`).join('\n'));
	return hash.digest('hex');
}

/** The folder a runnable's .wasm, sample files and manifest.json go to. */
export function outputDir(r: Pick<Runnable, 'fixture'>): string {
	return r.fixture ? fixtureWasmRoot : wasmRoot;
}

export function readManifest(dir: string): Manifest {
	const path = join(dir, 'manifest.json');
	if (!existsSync(path)) return { toolchain: '', examples: [] };
	return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
}

/** What is stale or missing among the committed binaries; empty when all are current. */
export function staleRunnables(runnables: readonly Runnable[], root: string = examplesRoot, dirFor: (r: Runnable) => string = outputDir): string[] {
	return runnables.flatMap((r) => {
		const wasmDir = dirFor(r);
		const manifest = readManifest(wasmDir);
		const name = `${r.example} (bin ${r.bin})`;
		const entry = manifest.examples.find((e) => e.example === r.example && e.bin === r.bin);
		if (!entry) return [`${name}: no committed .wasm in ${relative(join(root, '..'), wasmDir)}/manifest.json`];
		const file = wasmFile(entry.wasm, wasmDir);
		if (!existsSync(file)) return [`${name}: ${entry.wasm} is missing`];
		if (readFileSync(file).length !== entry.bytes) return [`${name}: ${entry.wasm} does not match the manifest's size`];
		const differ = r.files.filter((f) => {
			const copy = join(wasmDir, r.example, f);
			return !existsSync(copy) || !readFileSync(copy).equals(readFileSync(join(root, r.example, f)));
		});
		if (differ.length) return [`${name}: sample files next to the .wasm differ from examples/: ${differ.join(', ')}`];
		if (entry.sourceHash !== sourceHash(r, root)) return [`${name}: ${entry.wasm} is stale: its sources changed since it was built`];
		return [];
	});
}
