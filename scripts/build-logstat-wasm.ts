/**
 * `node scripts/task.ts wasm:logstat`: builds the Going further WebAssembly
 * lesson's module (examples/going-further/logstat-wasm) for
 * wasm32-unknown-unknown, runs wasm-bindgen on it, and writes the .wasm, its
 * JavaScript glue and a manifest (toolchain, wasm-bindgen version, source
 * hash, size) to public/wasm/going-further/logstat-wasm/. The output is
 * committed, like `npm run wasm`'s; tests/examples/logstat-wasm.test.ts
 * fails when it is stale against its sources.
 *
 * Toolchain: where rustup has the target, a plain cargo build. Otherwise
 * Debian's rustc-web (which ships std's sources) builds std for the target
 * with -Zbuild-std, and lld links. wasm-bindgen-cli must be the exact
 * version of the wasm-bindgen crate in Cargo.lock: it is installed with
 * cargo once per version into ~/.cache/backend-rust/, outside the clone.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { examplesRoot } from '../src/build/workspace/workspace.ts';
import { installDebianPackages } from './lib/debian.ts';
import { CRATE, glueFile, manifestFile, outDir, sourceHash, wasmBindgenVersion, wasmFile, type LogstatWasmManifest } from './lib/logstat-wasm.ts';
import { defineTask } from './lib/task.ts';

const TARGET = 'wasm32-unknown-unknown';
const targetDir = join(examplesRoot, 'target/wasm-bindgen');
const DEBIAN_PACKAGES = ['rustc-web', 'cargo-web', 'rust-web-src', 'lld'];

function rustupHasTarget(): boolean {
	const listed = spawnSync('rustup', ['target', 'list', '--installed'], { encoding: 'utf8' });
	return listed.status === 0 && listed.stdout.split('\n').includes(TARGET);
}

/** wasm-bindgen-cli at `version`, installed once into the cache; its path. */
export function ensureWasmBindgen(version: string, env: NodeJS.ProcessEnv = process.env): string {
	const root = join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'backend-rust', `wasm-bindgen-cli-${version}`);
	const bin = join(root, 'bin', 'wasm-bindgen');
	if (existsSync(bin)) return bin;
	console.error(`Installing wasm-bindgen-cli ${version} into ${root} (once, a few minutes)...`);
	// Not --locked: the lock file shipped in wasm-bindgen-cli 0.2.130 pins
	// webpki-roots 1.0.11, which the crate registry no longer serves (the
	// resolver picks 1.0.10). The CLI's own version is still exact.
	execFileSync('cargo', ['install', 'wasm-bindgen-cli', '--version', version, '--root', root], { stdio: ['ignore', 2, 2] });
	return bin;
}

/** Builds the cdylib; returns the .wasm's path and how it was built. */
function build(): { wasm: string; toolchain: string } {
	// Speed over size: the lesson measures this module. Whole-program LTO
	// and one codegen unit, set here rather than in a workspace profile.
	const args = ['build', '--release', '--locked', '-p', CRATE, '--lib', '--target', TARGET, '--target-dir', targetDir];
	// simd128: WebAssembly's 128-bit vectors, which memchr (logstat's newline
	// and quote search) uses when the target has them. Every current browser
	// and Node runs them (Safari since 16.4); without them memchr
	// falls back to its portable search, eight bytes at a time.
	const env: NodeJS.ProcessEnv = { ...process.env, CARGO_PROFILE_RELEASE_LTO: 'true', CARGO_PROFILE_RELEASE_CODEGEN_UNITS: '1', RUSTFLAGS: '-C target-feature=+simd128' };
	const wasm = join(targetDir, TARGET, 'release', 'logstat_wasm.wasm');
	if (rustupHasTarget()) {
		execFileSync('cargo', args, { cwd: examplesRoot, stdio: 'inherit', env });
		return { wasm, toolchain: `${execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim()} (rustup target), release, LTO, simd128` };
	}
	if (!existsSync('/usr/bin/wasm-ld') || !existsSync('/usr/bin/cargo') || !existsSync('/usr/bin/rustc')) installDebianPackages(DEBIAN_PACKAGES, 'building the logstat-wasm module');
	execFileSync('/usr/bin/cargo', [...args, '-Zbuild-std=std,panic_abort'], {
		cwd: examplesRoot,
		stdio: 'inherit',
		env: { ...env, RUSTC: '/usr/bin/rustc', RUSTC_BOOTSTRAP: '1', CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER: '/usr/bin/wasm-ld' },
	});
	return { wasm, toolchain: `${execFileSync('/usr/bin/rustc', ['--version'], { encoding: 'utf8' }).trim()} with -Zbuild-std (Debian rustc-web), release, LTO, simd128` };
}

export default defineTask({
	name: 'wasm:logstat',
	description: 'builds examples/going-further/logstat-wasm with wasm-bindgen into public/wasm/going-further/logstat-wasm/ (committed)',
	options: {},
	run() {
		const version = wasmBindgenVersion();
		const bindgen = ensureWasmBindgen(version);
		const { wasm, toolchain } = build();
		const staging = mkdtempSync(join(tmpdir(), 'logstat-wasm-'));
		try {
			// --target web: an ES module with `init(url)` for the page and
			// `initSync({ module: bytes })` for Node, one file for both.
			execFileSync(bindgen, ['--target', 'web', '--no-typescript', '--out-dir', staging, wasm], { stdio: 'inherit' });
			rmSync(outDir, { recursive: true, force: true });
			mkdirSync(outDir, { recursive: true });
			copyFileSync(join(staging, 'logstat_wasm.js'), glueFile);
			copyFileSync(join(staging, 'logstat_wasm_bg.wasm'), wasmFile);
		} finally {
			rmSync(staging, { recursive: true, force: true });
		}
		const manifest: LogstatWasmManifest = { toolchain, wasmBindgen: version, sourceHash: sourceHash(), bytes: readFileSync(wasmFile).length };
		writeFileSync(manifestFile, JSON.stringify(manifest, null, '\t') + '\n');
		console.log(`${wasmFile}: ${manifest.bytes} bytes; wrote ${manifestFile}`);
	},
});
