/**
 * What the image holds on top of its Debian base, each where the compile
 * server looks for it:
 *
 * - NODE: the Node 24 binary the project itself runs on (node_modules/node);
 * - APP: the modules the server imports, started by scripts/task.ts
 *   (./server-files.ts works them out), examples/Cargo.lock (its crate
 *   versions and part of the cache key) and the npm packages it imports;
 * - RUST: this machine's rustc, only what compiling and linking need;
 * - the crate cache under CACHE_ROOT, and the crates' source folders, at the
 *   same absolute paths as on this machine, because cache.json names them
 *   and the sandbox mounts them at those paths.
 *
 * The Containerfile repeats these paths (ENV, WORKDIR, ENTRYPOINT).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CrateCache } from '../crate-cache.ts';
import { serverFiles, type ServerFiles } from './server-files.ts';

export const NODE = '/usr/local/bin/node';
export const APP = '/app';
export const RUST = '/opt/rust';
/** Where the crate cache is built on this machine and found in the image (PLAYGROUND_CACHE). */
export const CACHE_ROOT = '/var/cache/backend-rust-playground';

const repo = resolve(import.meta.dirname, '../../..');

/** `cp -a` of `source` to the same or another path inside `rootfs`, parents made as needed. */
function copy(rootfs: string, source: string, dest = source): void {
	const target = join(rootfs, dest);
	mkdirSync(dirname(target), { recursive: true });
	execFileSync('cp', ['-a', '--', source, target]);
}

function output(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): string {
	const result = spawnSync(command, args, { cwd: repo, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stderr || result.error?.message}`);
	return result.stdout;
}

/**
 * A command of the image run with the image as its root. Not chroot: without
 * a /proc, the loader cannot resolve rustc's $ORIGIN run path to its libraries.
 */
function inImage(rootfs: string, command: string, args: string[]): string {
	return output('bwrap', ['--ro-bind', rootfs, '/', '--proc', '/proc', '--dev', '/dev', '--', command, ...args]);
}

export interface HostToolchain {
	/** The toolchain folder `rustc --print sysroot` names (what the server mounts). */
	sysroot: string;
	/** The host triple, whose rustlib folder holds std and the linker wrapper. */
	host: string;
	/** `rustc -vV`: part of the crate cache's key, so the image's rustc must print exactly this. */
	version: string;
}

/** The rustc the server would use here, asked from the project's root as the server asks. */
export function hostToolchain(): HostToolchain {
	const sysroot = output('rustc', ['--print', 'sysroot']).trim();
	const version = output('rustc', ['-vV']);
	const host = /^host: (.+)$/m.exec(version)?.[1];
	if (!host) throw new Error(`rustc -vV names no host:\n${version}`);
	return { sysroot, host, version };
}

/** Node, stripped of its debug symbols (about 18 MB nobody reads in a container). */
export function addNode(rootfs: string): void {
	const node = join(repo, 'node_modules/node/bin/node');
	if (!existsSync(node)) throw new Error('node_modules/node/bin/node is missing; run npm install first.');
	copy(rootfs, node, NODE);
	if (spawnSync('strip', [join(rootfs, NODE)]).status !== 0) console.error('  (strip is not installed: Node is copied with its symbols)');
	const version = inImage(rootfs, NODE, ['--version']).trim();
	if (!version.startsWith('v24.')) throw new Error(`The image's node prints ${version}; the server needs Node 24.`);
}

/**
 * The modules `node scripts/task.ts playground` (the ENTRYPOINT) loads, the
 * npm packages they import, and the lock file. package.json makes the .ts
 * files ES modules, as in the project.
 */
export function addServer(rootfs: string): ServerFiles {
	const files = serverFiles(repo);
	for (const module of files.modules) copy(rootfs, join(repo, module), `${APP}/${module}`);
	for (const name of files.packages) copy(rootfs, join(repo, 'node_modules', name), `${APP}/node_modules/${name}`);
	copy(rootfs, join(repo, 'examples/Cargo.lock'), `${APP}/examples/Cargo.lock`);
	writeFileSync(join(rootfs, APP, 'package.json'), `${JSON.stringify({ name: 'backend-rust-playground', private: true, type: 'module' }, null, '\t')}\n`);
	return files;
}

/**
 * rustc and what it loads (librustc_driver, LLVM), std for the host, and
 * rust-lld with its gcc-ld wrapper (rustc links through cc -fuse-ld=lld).
 * Not cargo, rustdoc, clippy or the documentation (800 MB).
 */
export function addToolchain(rootfs: string, { sysroot, host, version }: HostToolchain): void {
	copy(rootfs, join(sysroot, 'bin/rustc'), `${RUST}/bin/rustc`);
	for (const name of readdirSync(join(sysroot, 'lib'))) {
		if (statSync(join(sysroot, 'lib', name)).isFile()) copy(rootfs, join(sysroot, 'lib', name), `${RUST}/lib/${name}`);
	}
	for (const part of ['lib', 'bin']) copy(rootfs, join(sysroot, 'lib/rustlib', host, part), `${RUST}/lib/rustlib/${host}/${part}`);
	// The sanitizer runtimes (about 22 MB): only nightly's -Zsanitizer links them.
	const std = join(rootfs, RUST, 'lib/rustlib', host, 'lib');
	for (const name of readdirSync(std).filter((n) => /_rt\.\w+\.a$/.test(n))) rmSync(join(std, name));
	// Checked here rather than at the first request: a different output would
	// give the image another cache key, and the server would try to rebuild
	// the cache with a cargo it does not have.
	const printed = inImage(rootfs, `${RUST}/bin/rustc`, ['-vV']);
	if (printed !== version) throw new Error(`The image's rustc -vV differs from this machine's:\n${printed}\nversus\n${version}`);
}

/**
 * The crate cache, built (or found) under CACHE_ROOT with this toolchain
 * first on PATH, so that cargo and the key's `rustc -vV` are the compiler
 * the image gets.
 */
export function buildCrateCache({ sysroot }: HostToolchain): CrateCache {
	const env = { ...process.env, PLAYGROUND_CACHE: CACHE_ROOT, PATH: `${join(sysroot, 'bin')}:${process.env['PATH'] ?? ''}` };
	const printed = output(process.execPath, [join(repo, 'scripts/task.ts'), 'playground:crates'], env);
	const dir = printed.slice(0, printed.indexOf(': '));
	return JSON.parse(readFileSync(join(dir, 'cache.json'), 'utf8')) as CrateCache;
}

/**
 * The cache's record and libraries (not cargo's build scripts, fingerprints
 * or .rmeta files: every rlib carries its own metadata), and the sources.
 */
export function addCrateCache(rootfs: string, cache: CrateCache): void {
	for (const name of ['cache.json', 'Cargo.toml', 'Cargo.lock']) copy(rootfs, join(cache.dir, name));
	const deps = join(cache.dir, 'target/debug/deps');
	mkdirSync(join(rootfs, deps), { recursive: true });
	const libraries = readdirSync(deps).filter((n) => n.endsWith('.rlib') || n.endsWith('.so'));
	execFileSync('cp', ['-a', '--', ...libraries.map((n) => join(deps, n)), join(rootfs, deps)]);
	for (const source of cache.sources) copy(rootfs, source);
	const missing = cache.rustcArgs.map((arg) => arg.replace(/^[^/]*/, '')).filter((path) => path && !existsSync(join(rootfs, path)));
	if (missing.length > 0) throw new Error(`The image lacks what cache.json names: ${missing.join(', ')}`);
}
