/**
 * The crates edited code may use on the compile server, built once into a
 * read-only cache, the way the Rust Playground offers its top crates: a
 * Cargo project that depends on them all is built, and every request's
 * program is then compiled by rustc alone against those rlibs (--extern),
 * which takes a fraction of a second instead of a cargo run.
 *
 * Versions are the ones in examples/Cargo.lock, so an edit builds against
 * exactly what the lessons were tested with. The cache lives outside the
 * clone, under a key made of the compiler's version, the manifest and the
 * locked crates those depend on (cacheKey); a fresh machine rebuilds it
 * (30 to 70 s on 2 cores).
 *
 *   node scripts/task.ts playground:crates     builds it (if needed) and prints where it is
 *
 * Environment: PLAYGROUND_CACHE, the folder holding cache versions
 * (default $XDG_CACHE_HOME/backend-rust/playground, else ~/.cache/…).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { lockSchema, parseToml, validate } from '../../src/build/workspace/schema.ts';
import { defineTask } from '../lib/task.ts';

/** A crate offered to edited code, with the features the lessons use. */
interface CourseCrate {
	name: string;
	features?: string[];
}

/**
 * What the lessons, their Run panels and their exercises use, minus SQLx (it
 * needs a database). pollster drives the API part's in-page examples.
 */
export const COURSE_CRATES: CourseCrate[] = [
	{ name: 'axum' },
	// The CLI part's exercises: logstat's arguments, and its property tests.
	{ name: 'clap', features: ['derive'] },
	{ name: 'http-body-util' },
	{ name: 'pollster' },
	{ name: 'proptest' },
	// The Book companion's concurrency chapter: par_iter in its examples and exercises.
	{ name: 'rayon' },
	{ name: 'serde', features: ['derive'] },
	{ name: 'serde_json' },
	{ name: 'thiserror' },
	{ name: 'time', features: ['serde', 'formatting', 'parsing', 'macros'] },
	{ name: 'tokio', features: ['full'] },
	// The Book companion's async chapter: streams over tokio's channels.
	{ name: 'tokio-stream' },
	{ name: 'tower', features: ['util'] },
	{ name: 'tower-http', features: ['catch-panic', 'cors', 'limit', 'request-id', 'timeout', 'trace'] },
	{ name: 'tracing' },
	{ name: 'tracing-subscriber', features: ['env-filter'] },
	// The OpenAPI lesson's exercises: a handler's #[utoipa::path] and a Modify.
	{ name: 'utoipa', features: ['time', 'preserve_order'] },
];

export interface CrateCache {
	/** The cache folder, mounted read-only at this same path in the sandbox. */
	dir: string;
	/** rustc arguments that make the crates available: -L dependency=… and one --extern each. */
	rustcArgs: string[];
	/** What edited code may use, as the Playground's crates endpoint lists it. */
	crates: { name: string; version: string; id: string }[];
	/** The crates' source folders, mounted read-only so rustc can quote them in its notes. */
	sources: string[];
}

const root = resolve(import.meta.dirname, '../..');
const LOCK = join(root, 'examples/Cargo.lock');

export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
	return env['PLAYGROUND_CACHE'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'backend-rust/playground');
}

/** The packages a Cargo.lock pins. */
function lockPackages(lockText: string) {
	return validate(lockSchema, parseToml(lockText, 'examples/Cargo.lock'), 'examples/Cargo.lock').package;
}

/** Each course crate's version in examples/Cargo.lock; a crate missing there is a mistake in COURSE_CRATES. */
export function lockedVersions(lockText: string): Map<string, string> {
	const packages = lockPackages(lockText);
	const versions = new Map<string, string>();
	for (const { name } of COURSE_CRATES) {
		const found = packages.filter((p) => p.name === name);
		if (found.length !== 1) throw new Error(`examples/Cargo.lock has ${found.length} versions of ${name}; the compile server offers exactly one.`);
		versions.set(name, found[0]!.version);
	}
	return versions;
}

export function cacheManifest(versions: Map<string, string>): string {
	const lines = COURSE_CRATES.map(({ name, features }) => {
		const exact = `"=${versions.get(name)}"`;
		return features ? `${name} = { version = ${exact}, features = ${JSON.stringify(features)} }` : `${name} = ${exact}`;
	});
	// No debug info: smaller rlibs and faster links, and panics still name
	// their line (that comes from #[track_caller], not from debug info).
	return `[package]\nname = "playground"\nversion = "0.0.0"\nedition = "2024"\n\n[dependencies]\n${lines.join('\n')}\n\n[profile.dev]\ndebug = false\n`;
}

function run(command: string, args: string[], cwd: string): string {
	const result = spawnSync(command, args, { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, CARGO_TERM_COLOR: 'never' } });
	if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed in ${cwd}:\n${result.stderr}`);
	return result.stdout;
}

interface Artifact {
	reason: string;
	package_id: string;
	manifest_path: string;
	target: { name: string; kind: string[] };
	filenames: string[];
}

/** Builds the cache in `dir`: the manifest, the examples' lock file, a build, and what rustc needs from it. */
function build(dir: string, versions: Map<string, string>, manifest: string, lockText: string): CrateCache {
	mkdirSync(join(dir, 'src'), { recursive: true });
	writeFileSync(join(dir, 'Cargo.toml'), manifest);
	// The whole lock file: cargo keeps its versions and drops what is unused.
	writeFileSync(join(dir, 'Cargo.lock'), lockText);
	writeFileSync(join(dir, 'src/main.rs'), 'fn main() {}\n');
	const messages = run('cargo', ['build', '--message-format=json'], dir)
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as Artifact)
		.filter((m) => m.reason === 'compiler-artifact');
	const externs: string[] = [];
	for (const { name } of COURSE_CRATES) {
		const version = versions.get(name)!;
		const artifact = messages.find((m) => m.package_id.endsWith(`${name}@${version}`) && m.target.kind.some((k) => k === 'lib' || k === 'proc-macro'));
		const file = artifact?.filenames.find((f) => f.endsWith('.rlib') || f.endsWith('.so'));
		if (!artifact || !file) throw new Error(`The crate cache build produced no library for ${name} ${version}.`);
		externs.push('--extern', `${artifact.target.name}=${file}`);
	}
	// Every crate built must be one the lessons were tested with: a feature
	// that pulls in a crate examples/ does not use would have cargo pick
	// whatever version is newest.
	const locked = new Set(lockPackages(lockText).map((p) => `${p.name}@${p.version}`));
	const built = lockPackages(readFileSync(join(dir, 'Cargo.lock'), 'utf8'));
	const strays = built.filter((p) => p.name !== 'playground' && !locked.has(`${p.name}@${p.version}`)).map((p) => `${p.name} ${p.version}`);
	if (strays.length > 0) throw new Error(`The crate cache needs crates that examples/Cargo.lock does not have: ${strays.join(', ')}. Use only features the examples use, or add them to an example.`);
	const sources = [...new Set(messages.map((m) => dirname(m.manifest_path)).filter((d) => !d.startsWith(dir)))].sort();
	readableByAll(dir);
	return {
		dir,
		rustcArgs: ['-L', `dependency=${join(dir, 'target/debug/deps')}`, ...externs],
		crates: COURSE_CRATES.map(({ name }) => ({ name, version: versions.get(name)!, id: name.replaceAll('-', '_') })),
		sources,
	};
}

/**
 * Programs are compiled as another uid than the one that built the cache (a
 * root server's sandbox uid), so every library must be readable by all.
 * cargo's own files are (umask 022), but a build through sccache, as
 * `npm test` runs it, restores cached outputs as 0640, and rustc in the
 * sandbox then fails with "Permission denied" on the rlib. Also applied to a
 * cache built before this rule, the first time it is used again.
 */
function readableByAll(dir: string): void {
	const chmod = spawnSync('chmod', ['-R', 'a+rX', dir], { encoding: 'utf8' });
	if (chmod.status !== 0) throw new Error(`chmod -R a+rX ${dir} failed: ${chmod.stderr}`);
}

/** Whether every library of a built cache is readable by all (see readableByAll). */
function librariesReadable(cache: CrateCache): boolean {
	return cache.rustcArgs.filter((arg) => arg.includes('=/')).every((arg) => (statSync(arg.slice(arg.indexOf('=') + 1)).mode & 0o004) !== 0);
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** Whether the process that took a lock folder (its pid inside) is gone. */
function lockIsStale(lock: string): boolean {
	const pid = Number(readFileSync(join(lock, 'pid'), { encoding: 'utf8', flag: 'r' }).trim() || 0);
	if (!pid) return Date.now() - statSync(lock).mtimeMs > 60_000;
	try {
		process.kill(pid, 0);
		return false;
	} catch {
		return true;
	}
}


/**
 * The cache's folder name: the compiler, the manifest, and the locked
 * packages the course's crates depend on, directly or not (name, version,
 * checksum). Only those reach the cache's build (cargo drops the rest of
 * the lock file), so a crate an example adds elsewhere (argon2 for a step of
 * the API build), or a new step itself, does not throw away a minute's build.
 */
export function cacheKey(compiler: string, manifest: string, lockText: string): string {
	const packages = lockPackages(lockText);
	const find = (dependency: string) => {
		const [name, version] = dependency.split(' ');
		return packages.filter((p) => p.name === name && (version === undefined || p.version === version));
	};
	const reached = new Set<(typeof packages)[number]>();
	const queue = COURSE_CRATES.flatMap(({ name }) => find(name));
	for (let next = queue.pop(); next; next = queue.pop()) {
		if (reached.has(next)) continue;
		reached.add(next);
		for (const dependency of next.dependencies) queue.push(...find(dependency));
	}
	const used = [...reached].map((p) => `${p.name} ${p.version} ${String(p['checksum'] ?? '')}`).sort();
	return createHash('sha256').update(compiler).update(manifest).update(used.join('\n')).digest('hex').slice(0, 16);
}

/**
 * The cache for this compiler and lock file, built first if missing. Servers
 * and tests started together share one build: the first takes a lock
 * folder (with its pid), the others wait for its cache.json, written last.
 * A lock left by a process that is gone (Ctrl-C during a build) is taken over.
 */
export async function ensureCrateCache({ rootDir = cacheRoot(), log = (line: string) => console.error(line) } = {}): Promise<CrateCache> {
	const lockText = readFileSync(LOCK, 'utf8');
	const versions = lockedVersions(lockText);
	const manifest = cacheManifest(versions);
	const compiler = run('rustc', ['-vV'], root);
	const key = cacheKey(compiler, manifest, lockText);
	const dir = join(rootDir, key);
	const done = join(dir, 'cache.json');
	const lock = `${dir}.lock`;
	mkdirSync(rootDir, { recursive: true });
	let told = false;
	for (;;) {
		if (existsSync(done)) {
			const cache = JSON.parse(readFileSync(done, 'utf8')) as CrateCache;
			if (!librariesReadable(cache)) readableByAll(dir);
			return cache;
		}
		try {
			mkdirSync(lock);
			writeFileSync(join(lock, 'pid'), String(process.pid));
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			let stale = false;
			try {
				stale = lockIsStale(lock);
			} catch {
				// the lock went away, or its pid is not written yet: look again
			}
			if (stale) rmSync(lock, { recursive: true, force: true });
			else if (!told) {
				log(`Waiting for another process to finish building the crate cache (${lock})…`);
				told = true;
			}
			await sleep(500);
			continue;
		}
		try {
			if (existsSync(done)) continue;
			rmSync(dir, { recursive: true, force: true });
			log(`Building the compile server's crates (${COURSE_CRATES.length} crates from examples/Cargo.lock) into ${dir}, once…`);
			const started = Date.now();
			const cache = build(dir, versions, manifest, lockText);
			writeFileSync(`${done}.tmp`, JSON.stringify(cache, null, 2));
			renameSync(`${done}.tmp`, done);
			log(`Crate cache ready in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
		} finally {
			rmSync(lock, { recursive: true, force: true });
		}
	}
}

export default defineTask({
	name: 'playground:crates',
	description: "the compile server's crate cache, built once outside the clone; prints its folder and crates",
	options: {},
	async run() {
		const cache = await ensureCrateCache();
		console.log(`${cache.dir}: ${cache.crates.map((c) => `${c.name} ${c.version}`).join(', ')}`);
	},
});
