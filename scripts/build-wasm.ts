/**
 * `npm run wasm`: builds every runnable example to wasm32-wasip1, copies it
 * and its sample files to public/wasm/<crate path>/ (test-only programs to
 * tests/fixtures/wasm/), and writes a manifest.json in each (example, source
 * hash, size). The outputs are
 * committed, so serving the site needs only Node; the tests fail when one is
 * stale against its sources.
 *
 * Toolchain: where rustup has the wasm32-wasip1 target, a plain
 * `cargo build --target wasm32-wasip1`. Otherwise Debian's rustc-web, which
 * ships std's sources, builds std for the target itself with
 * -Zbuild-std: as root the packages are installed here.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { examplesRoot } from '../src/build/workspace/workspace.ts';
import { installDebianPackages } from './lib/debian.ts';
import { defineTask } from './lib/task.ts';
import { inPageRunnables, outputDir, sourceHash, wasmFile, wasmUrl, type Manifest } from '../src/build/workspace/runnable.ts';

const TARGET = 'wasm32-wasip1';
const targetDir = join(examplesRoot, 'target/wasm');

function rustupHasTarget(): boolean {
	const listed = spawnSync('rustup', ['target', 'list', '--installed'], { encoding: 'utf8' });
	return listed.status === 0 && listed.stdout.split('\n').includes(TARGET);
}

const DEBIAN_PACKAGES = ['rustc-web', 'cargo-web', 'rust-web-src', 'wasi-libc', 'lld'];

function ensureDebianToolchain(): void {
	if (existsSync('/usr/bin/wasm-ld') && existsSync('/usr/lib/wasm32-wasi/crt1-command.o') && existsSync('/usr/bin/cargo')) return;
	installDebianPackages(DEBIAN_PACKAGES, 'building wasm');
}

/**
 * Builds the runnables' binaries, and only those: a crate may also hold
 * programs that start threads (`in-page = false`), which do not link for
 * this target. Returns how, for the manifest's reader.
 */
function build(runnables: readonly { crate: string; bin: string }[]): string {
	const packages = [...new Set(runnables.map((r) => r.crate))];
	const args = ['build', '--profile', 'wasm', '--locked', '--target', TARGET, '--target-dir', targetDir, ...packages.flatMap((p) => ['-p', p]), ...runnables.flatMap((r) => ['--bin', r.bin])];
	if (rustupHasTarget()) {
		execFileSync('cargo', args, { cwd: examplesRoot, stdio: 'inherit' });
		return `cargo build --profile wasm --target ${TARGET} (rustup target)`;
	}
	ensureDebianToolchain();
	const env = {
		...process.env,
		RUSTC: '/usr/bin/rustc',
		RUSTC_BOOTSTRAP: '1',
		CARGO_TARGET_WASM32_WASIP1_LINKER: '/usr/bin/wasm-ld',
		RUSTFLAGS: '-C link-self-contained=no -L /usr/lib/wasm32-wasi -C link-arg=/usr/lib/wasm32-wasi/crt1-command.o',
	};
	execFileSync('/usr/bin/cargo', [...args, '-Zbuild-std=std,panic_abort'], { cwd: examplesRoot, stdio: 'inherit', env });
	const version = execFileSync('/usr/bin/rustc', ['--version'], { encoding: 'utf8' }).trim();
	return `${version} with -Zbuild-std (Debian rustc-web)`;
}

export default defineTask({
	name: 'wasm',
	description: 'builds every runnable example to wasm32-wasip1 into public/wasm/ (committed), with its manifest',
	options: {},
	run() {
		const runnables = inPageRunnables();
		const toolchain = build(runnables);

		const manifests = new Map<string, Manifest>();
		for (const r of runnables) {
			const dir = outputDir(r);
			if (!manifests.has(dir)) {
				rmSync(dir, { recursive: true, force: true });
				manifests.set(dir, { toolchain, examples: [] });
			}
			const url = wasmUrl(r);
			const out = wasmFile(url, dir);
			mkdirSync(dirname(out), { recursive: true });
			copyFileSync(join(targetDir, TARGET, 'wasm', `${r.bin}.wasm`), out);
			for (const file of r.files) {
				mkdirSync(dirname(join(dir, r.example, file)), { recursive: true });
				copyFileSync(join(examplesRoot, r.example, file), join(dir, r.example, file));
			}
			const bytes = readFileSync(out).length;
			manifests.get(dir)!.examples.push({ example: r.example, bin: r.bin, wasm: url, sourceHash: sourceHash(r), bytes });
			console.log(`${out}: ${bytes} bytes`);
		}
		for (const [dir, manifest] of manifests) {
			writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
			console.log(`wrote ${join(dir, 'manifest.json')} (${manifest.examples.length} programs)`);
		}
	},
});
