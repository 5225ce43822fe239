/**
 * The Going further WebAssembly lesson's module (examples/going-further/
 * logstat-wasm): logstat's parser built for wasm32-unknown-unknown and
 * bound to JavaScript by wasm-bindgen. Its output (the .wasm and the glue)
 * is committed under public/wasm/, as the runnables are, so serving the site
 * and running the tests need only Node; a source hash in its manifest tells
 * the tests when it is stale. Shared by the build (scripts/build-logstat-wasm.ts),
 * the tests and the benchmark (scripts/bench/wasm.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { examplesRoot, workspace } from '../../src/build/workspace/model.ts';

export const CRATE = 'logstat-wasm';
/** The crates whose sources the module is built from: this one and logstat (a path dependency). */
const SOURCE_CRATES = [CRATE, 'logstat'];

/** Published with the site: the page's demo imports the glue from here. */
export const outDir = fileURLToPath(new URL('../../public/wasm/going-further/logstat-wasm/', import.meta.url));
export const glueUrl = '/wasm/going-further/logstat-wasm/logstat_wasm.js';
export const glueFile = join(outDir, 'logstat_wasm.js');
export const wasmFile = join(outDir, 'logstat_wasm_bg.wasm');
export const manifestFile = join(outDir, 'manifest.json');

export interface LogstatWasmManifest {
	toolchain: string;
	wasmBindgen: string;
	sourceHash: string;
	bytes: number;
}

/** The version of the wasm-bindgen crate in Cargo.lock: the CLI must be the same. */
export function wasmBindgenVersion(root: string = examplesRoot): string {
	const dep = workspace(root).crateNamed(CRATE).tested.find((d) => d.name === 'wasm-bindgen');
	if (!dep) throw new Error(`${CRATE} does not depend on wasm-bindgen`);
	return dep.version;
}

/** Files under `dir`, linked ones followed (logstat's src/ is links to its last step). */
function filesUnder(dir: string): string[] {
	return readdirSync(dir, { recursive: true, withFileTypes: true })
		.map((entry) => join(entry.parentPath, entry.name))
		.filter((path) => statSync(path, { throwIfNoEntry: false })?.isFile() === true);
}

/** sha256 of what the build reads: both crates' manifests and Rust sources (tests aside), and their locked dependencies. */
export function sourceHash(root: string = examplesRoot): string {
	const hash = createHash('sha256');
	for (const name of SOURCE_CRATES) {
		const crate = workspace(root).crateNamed(name);
		const files = filesUnder(join(crate.dir, 'src'))
			.filter((f) => f.endsWith('.rs'))
			.map((f) => relative(crate.dir, f).split(sep).join('/'))
			.concat('Cargo.toml')
			.sort();
		for (const file of files) {
			hash.update(`${name}/${file}\0`);
			hash.update(readFileSync(join(crate.dir, file)));
			hash.update('\0');
		}
		hash.update(crate.tested.map((d) => `${d.name} ${d.version}`).join('\n'));
	}
	return hash.digest('hex');
}

export function readManifest(): LogstatWasmManifest | undefined {
	return existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as LogstatWasmManifest) : undefined;
}

/** Why the committed module is stale or missing; empty when it is current. */
export function staleness(root: string = examplesRoot): string[] {
	const manifest = readManifest();
	const rebuild = '(run node scripts/task.ts wasm:logstat)';
	if (!manifest || !existsSync(glueFile) || !existsSync(wasmFile)) return [`${relative(join(root, '..'), outDir)}: no committed module ${rebuild}`];
	if (readFileSync(wasmFile).length !== manifest.bytes) return [`logstat_wasm_bg.wasm does not match its manifest's size ${rebuild}`];
	if (manifest.wasmBindgen !== wasmBindgenVersion(root)) return [`built with wasm-bindgen ${manifest.wasmBindgen}, Cargo.lock has ${wasmBindgenVersion(root)} ${rebuild}`];
	if (manifest.sourceHash !== sourceHash(root)) return [`the sources of logstat or logstat-wasm changed since the module was built ${rebuild}`];
	return [];
}
