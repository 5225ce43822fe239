/**
 * `npm run bench:build`: how long the users API takes to build on this
 * machine, clean and after a one-line edit, with rustc's default linker,
 * with mold and with every dependency optimised, and what sccache saves on
 * a clean build. Written to public/bench/build-times.json (read at build time
 * by src/build/measurements/build-times.ts for the "Why Rust" page's
 * compile-times section and the Going further dev-loop lesson) and, as the
 * lesson's transcript, to examples/going-further/dev-loop/captures/build-times.txt.
 *
 *   npm run bench:build               measure and write both (about 20 minutes on 2 cores)
 *   npm run bench:build -- --runs 3   incremental rebuilds per kind (default 5)
 *   npm run bench:build -- --tiny     the same steps on a generated hello-world crate,
 *                                     one rebuild each: a try of the script, nothing written
 *
 * The committed workspace (examples/ at git HEAD) is extracted to a
 * temporary folder, and each clean build gets a fresh target folder of its
 * own, shared with neither examples/target nor another kind of build. Edits
 * in progress neither break nor skew the run, and the incremental edits
 * touch only the copy: the sources in examples/ are never modified, and the
 * copy is removed even when a build fails. Crates are fetched before the
 * clock starts (the figures are compile time, not download time), and SQLx
 * builds from the committed `.sqlx/` data, as it does without a database.
 *
 * The variants leave the workspace as it is: each adds a cargo `--config`
 * file from the dev-loop crate (examples/going-further/dev-loop/cargo-config/,
 * read from the working tree), as a learner's `.cargo/config.toml` would.
 * mold is a Debian package, installed as root when missing; the mold
 * variant's binary must be signed by mold in its `.comment` section, or the
 * run stops. sccache (pinned in scripts/lib/sccache.ts) runs as a server of
 * this run's own, on a free port with an empty cache folder in the
 * temporary folder: the first clean build fills it, the second, after the
 * target folder is removed, reads it.
 *
 * Clean builds are timed once each (minutes apiece); incremental ones are
 * repeated and reported as their median, the variants' runs interleaved (one
 * of each kind per round) so that a change in the machine's load falls on
 * all of them alike. Other work on the machine slows every figure, so the
 * load average is recorded at the start, sampled while it runs and recorded
 * at the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, constants, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import {
	BUILD_TIMES_FILE,
	median,
	type BuildTimes,
	type SccacheStats,
	type Timing,
	type Variant,
} from '../../src/build/measurements/build-times.ts';
import { crateNamed, examplesRoot } from '../../src/build/workspace/workspace.ts';
import { ensureCommands } from '../lib/debian.ts';
import { spawnGroup, type ProcessGroup } from '../lib/process-group.ts';
import { ensurePythonTool } from '../lib/python-tool.ts';
import { SCCACHE } from '../lib/sccache.ts';
import { defineTask } from '../lib/task.ts';

const CRATE = 'users-api';
// The text of the line the incremental runs edit in the handler file: a
// validation message in the list handler, so each edit changes what the
// binary says.
const EDITED_LINE = 'limit must be between 1 and 100';
// The crate whose --config files the variants use, and whose lesson shows
// the transcript.
const DEV_LOOP = 'dev-loop';

type Target = 'debug' | 'mold' | 'depsOpt' | 'check' | 'release' | 'sccache';

/** A free TCP port on loopback, for this run's own sccache server. */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/** The whole measurement, `runs` incremental rebuilds per kind; writes BUILD_TIMES_FILE unless `tiny`. */
async function measure(RUNS: number, tiny: boolean): Promise<void> {
	// The crates are looked up when the run starts, not when the module loads.
	const crate = tiny ? 'tiny' : CRATE;
	const EDITED_FILE = tiny ? 'src/main.rs' : `${crateNamed(CRATE).path}/src/users.rs`;
	const devLoop = crateNamed(DEV_LOOP);
	const configFile = (name: string) => join(devLoop.dir, 'cargo-config', name);
	const configs = { mold: configFile('mold.toml'), depsOpt: configFile('deps-opt.toml') };
	for (const file of Object.values(configs)) if (!existsSync(file)) throw new Error(`${file} is missing: the variants of bench:build read it`);
	const transcript = join(devLoop.dir, 'captures', 'build-times.txt');
	ensureCommands([['readelf', 'binutils'], ['mold', 'mold']], 'bench:build (readelf names the linker; mold is one of the variants)');
	const sccacheBin = ensurePythonTool(SCCACHE);

	const dir = mkdtempSync(join(tmpdir(), 'build-times-'));
	const workspace = tiny ? join(dir, 'tiny') : join(dir, 'examples');
	// One target folder per kind of build, so each clean build is really clean:
	// a check after a debug build in the same folder would reuse its build
	// scripts and proc macros.
	const targets: Record<Target, string> = {
		debug: join(dir, 'target-debug'),
		mold: join(dir, 'target-mold'),
		depsOpt: join(dir, 'target-deps-opt'),
		check: join(dir, 'target-check'),
		release: join(dir, 'target-release'),
		sccache: join(dir, 'target-sccache'),
	};
	const env: NodeJS.ProcessEnv = { ...process.env, SQLX_OFFLINE: 'true', CARGO_TERM_COLOR: 'never' };
	// A database URL would make SQLx check queries against that database instead
	// of the committed data, which adds its round trips to the timings.
	delete env.DATABASE_URL;
	// Settings from the caller's shell would change what is measured.
	for (const name of ['CARGO_INCREMENTAL', 'RUSTFLAGS', 'RUSTC_WRAPPER', 'CARGO_BUILD_RUSTC_WRAPPER', 'SCCACHE_DIR', 'SCCACHE_SERVER_PORT']) delete env[name];
	const sccacheEnv: NodeJS.ProcessEnv = {
		...env,
		RUSTC_WRAPPER: sccacheBin,
		SCCACHE_DIR: join(dir, 'sccache-cache'),
		SCCACHE_SERVER_PORT: String(await freePort()),
		SCCACHE_IDLE_TIMEOUT: '0',
	};
	let sccacheStarted = false;

	// Ctrl-C, or a SIGTERM to this process alone, stops the cargo that is
	// running (its whole process group: rustc and build scripts too); the
	// temporary folder, gigabytes after a clean build, is then removed below
	// and the script exits with 128 + the signal's number.
	let interrupted: NodeJS.Signals | undefined;
	let running: ProcessGroup | undefined;
	class Interrupted extends Error {}
	for (const signal of ['SIGINT', 'SIGTERM'] as const) {
		process.on(signal, () => {
			interrupted ??= signal;
			process.exitCode = 128 + (constants.signals[signal] ?? 0);
			running?.signal('SIGTERM');
		});
	}

	/** Runs cargo in the copy; resolves with its wall time in seconds. */
	function cargo(cargoArgs: string[], target: Target): Promise<number> {
		if (interrupted) return Promise.reject(new Interrupted());
		return new Promise((resolve, reject) => {
			const start = performance.now();
			// Asynchronous, so a signal's handler runs at once; a group of its
			// own, so the handler can stop cargo's rustc and build scripts too.
			const base = target === 'sccache' ? sccacheEnv : env;
			running = spawnGroup('cargo', cargoArgs, { cwd: workspace, env: { ...base, CARGO_TARGET_DIR: targets[target] }, stdio: ['ignore', 'ignore', 'pipe'] });
			const child = running.child;
			let stderr = '';
			child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
			child.once('error', (error) => {
				running = undefined;
				reject(new Error(`cargo could not start: ${error.message}`));
			});
			child.once('close', (status) => {
				const seconds = (performance.now() - start) / 1000;
				running = undefined;
				if (interrupted) reject(new Interrupted());
				else if (status !== 0) reject(new Error(`cargo ${cargoArgs.join(' ')} failed:\n${stderr}`));
				else resolve(seconds);
			});
		});
	}

	const locked = tiny ? [] : ['--locked'];
	// The command as the page shows it: the config file by its path in examples/.
	const shown = (args: string[]) =>
		`cargo ${args.map((a) => (a.startsWith('/') ? relative(examplesRoot, a) : a)).join(' ')}`;
	const timing = (args: string[], seconds: number[], suffix = ''): Timing => ({ command: `${shown(args)}${suffix}`, seconds, median: median(seconds) });
	const once = async (cargoArgs: string[], target: Target): Promise<Timing> => {
		console.error(`  ${shown(cargoArgs)} (${target}, clean)...`);
		return timing(cargoArgs, [await cargo(cargoArgs, target)]);
	};

	let edits = 0;
	/** Rewrites the edited line in the copy, differently each time. */
	function editHandler(): void {
		const file = join(workspace, EDITED_FILE);
		const text = readFileSync(file, 'utf8');
		const lines = text.split('\n');
		const index = lines.findIndex((line) => line.includes(EDITED_LINE));
		if (index < 0) throw new Error(`${EDITED_FILE} no longer has the line this benchmark edits (${EDITED_LINE}); pick another line in scripts/bench/build-times.ts`);
		edits += 1;
		lines[index] = lines[index].replace(/"limit must be between 1 and 100[^"]*"/, `"limit must be between 1 and 100 (edit ${edits})"`);
		writeFileSync(file, lines.join('\n'));
	}

	/**
	 * The incremental runs of every kind, interleaved: each round edits the
	 * line before each kind's build, so every build sees one changed line.
	 */
	async function interleaved(kinds: { args: string[]; target: Target }[]): Promise<Timing[]> {
		const seconds: number[][] = kinds.map(() => []);
		for (let round = 0; round < RUNS; round++) {
			console.error(`  round ${round + 1} of ${RUNS}...`);
			for (const [i, kind] of kinds.entries()) {
				editHandler();
				seconds[i].push(await cargo(kind.args, kind.target));
			}
		}
		return kinds.map((kind, i) => timing(kind.args, seconds[i], ', after a one-line edit'));
	}

	function linkerOf(binary: string): { linker: string; comment: string[] } {
		const dump = spawnSync('readelf', ['-p', '.comment', binary], { encoding: 'utf8' });
		if (dump.status !== 0) throw new Error(`readelf -p .comment ${binary} failed:\n${dump.stderr}`);
		const comment = [...dump.stdout.matchAll(/^\s*\[\s*[0-9a-f]+\]\s+(.*)$/gm)].map((m) => m[1].trim());
		// LLD and mold sign the section; GNU ld and gold write nothing there.
		const signed = comment.find((line) => /^Linker:|^mold /.test(line));
		return { linker: signed ? signed.replace(/^Linker:\s*/, '').replace(/\s*\(.*$/, '') : 'not named in .comment (GNU ld or gold)', comment };
	}

	function sccache(args: string[]): string {
		const run = spawnSync(sccacheBin, args, { env: sccacheEnv, encoding: 'utf8' });
		if (run.status !== 0) throw new Error(`sccache ${args.join(' ')} failed:\n${run.stderr}`);
		return run.stdout;
	}
	/** The counters of this run's sccache server since its last --zero-stats. */
	function sccacheStats(): SccacheStats {
		const stats = (JSON.parse(sccache(['--show-stats', '--stats-format', 'json'])) as { stats: Record<string, unknown> }).stats;
		const counts = (name: string) => ((stats[name] as { counts?: Record<string, number> } | undefined)?.counts ?? {}) as Record<string, number>;
		const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
		return {
			requests: Number(stats['compile_requests'] ?? 0),
			hits: sum(counts('cache_hits')),
			misses: sum(counts('cache_misses')),
			notCached: (stats['not_cached'] ?? {}) as Record<string, number>,
		};
	}

	const samples: number[] = [];
	const sampler = setInterval(() => samples.push(loadavg()[0]), 5000);
	const loadStart = loadavg();
	const started = new Date();
	try {
		let commit: string;
		if (tiny) {
			commit = 'none (--tiny)';
			mkdirSync(join(workspace, 'src'), { recursive: true });
			writeFileSync(join(workspace, 'Cargo.toml'), '[package]\nname = "tiny"\nversion = "0.1.0"\nedition = "2024"\n\n[workspace]\n');
			writeFileSync(join(workspace, EDITED_FILE), `fn main() {\n    println!("{}", "${EDITED_LINE}");\n}\n`);
		} else {
			console.error(`Extracting the committed workspace to ${dir}...`);
			commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: examplesRoot, encoding: 'utf8' }).trim();
			execFileSync('sh', ['-c', 'git archive --format=tar "$1" examples | tar -x -C "$0"', dir, commit], { cwd: dirname(examplesRoot.replace(/\/$/, '')) });
			if (!existsSync(join(workspace, EDITED_FILE))) throw new Error(`${EDITED_FILE} is missing from the workspace`);
			console.error('Fetching crates (not timed)...');
			await cargo(['fetch', '--locked'], 'debug');
		}

		// Asked in the copy, so a rust-toolchain.toml there is honoured as by the builds.
		const rustc = spawnSync('rustc', ['--version'], { cwd: workspace, encoding: 'utf8' }).stdout.trim();
		const cargoVersion = spawnSync('cargo', ['--version'], { cwd: workspace, encoding: 'utf8' }).stdout.trim();

		const build = ['build', ...locked, '-p', crate];
		const moldBuild = [...build, '--config', configs.mold];
		const depsOptBuild = [...build, '--config', configs.depsOpt];
		const check = ['check', ...locked, '-p', crate];

		console.error('Clean builds, one of each kind:');
		const cleanDebug = await once(build, 'debug');
		const { linker, comment } = linkerOf(join(targets.debug, 'debug', crate));
		const cleanMold = await once(moldBuild, 'mold');
		const mold = linkerOf(join(targets.mold, 'debug', crate));
		if (!mold.linker.startsWith('mold')) throw new Error(`the mold variant's binary was linked by ${mold.linker}, not mold: ${configs.mold} did not apply`);
		const cleanDepsOpt = await once(depsOptBuild, 'depsOpt');
		const cleanCheck = await once(check, 'check');

		console.error(`Incremental builds, ${RUNS} rounds of one edit and one build of each kind:`);
		const [incrementalDebug, incrementalMold, incrementalDepsOpt, incrementalCheck] = await interleaved([
			{ args: build, target: 'debug' },
			{ args: moldBuild, target: 'mold' },
			{ args: depsOptBuild, target: 'depsOpt' },
			{ args: check, target: 'check' },
		]);

		console.error('Clean release build:');
		const cleanRelease = await once(['build', '--release', ...locked, '-p', crate], 'release');

		console.error(`Clean builds through sccache (port ${sccacheEnv.SCCACHE_SERVER_PORT}, cache ${sccacheEnv.SCCACHE_DIR}):`);
		sccache(['--start-server']);
		sccacheStarted = true;
		const sccacheVersion = sccache(['--version']).trim();
		const cold = await once(build, 'sccache');
		const coldStats = sccacheStats();
		sccache(['--zero-stats']);
		rmSync(targets.sccache, { recursive: true, force: true });
		const warm = await once(build, 'sccache');
		const warmStats = sccacheStats();

		clearInterval(sampler);
		const loadEnd = loadavg();
		const settings = (file: string) =>
			readFileSync(file, 'utf8')
				.split('\n')
				.filter((line) => line.trim() !== '' && !line.trim().startsWith('#'))
				.join('\n');
		const variant = (name: string, file: string, cleanDebug: Timing, incrementalDebug: Timing, linked: string): Variant => ({
			name,
			config: relative(examplesRoot, file),
			settings: settings(file),
			linker: linked,
			cleanDebug,
			incrementalDebug,
		});
		const results: BuildTimes = {
			date: started.toISOString(),
			crate,
			commit,
			editedFile: tiny ? EDITED_FILE : `examples/${EDITED_FILE}`,
			machine: { cpu: cpus()[0]?.model ?? 'unknown CPU', cores: availableParallelism() },
			rustc,
			cargo: cargoVersion,
			linker,
			comment,
			load: { start: loadStart, end: loadEnd, peak1m: Math.max(loadStart[0], loadEnd[0], ...samples) },
			builds: { cleanDebug, cleanRelease, cleanCheck, incrementalDebug, incrementalCheck },
			variants: {
				mold: variant('mold', configs.mold, cleanMold, incrementalMold, mold.linker),
				depsOpt: variant('dependencies at opt-level 2', configs.depsOpt, cleanDepsOpt, incrementalDepsOpt, linkerOf(join(targets.depsOpt, 'debug', crate)).linker),
			},
			sccache: { version: sccacheVersion, cold, warm, coldStats, warmStats },
		};
		const out = report(results);
		process.stdout.write(out);
		if (tiny) {
			console.error('--tiny: nothing written');
		} else {
			writeFileSync(BUILD_TIMES_FILE, `${JSON.stringify(results, null, '\t')}\n`);
			mkdirSync(dirname(transcript), { recursive: true });
			writeFileSync(transcript, `$ npm run bench:build\n${out}`);
			console.error(`wrote ${BUILD_TIMES_FILE} and ${transcript}`);
		}
	} catch (error) {
		if (!(error instanceof Interrupted)) throw error;
		console.error(`bench:build: stopped by ${interrupted}; removing ${dir}`);
	} finally {
		clearInterval(sampler);
		if (sccacheStarted) spawnSync(sccacheBin, ['--stop-server'], { env: sccacheEnv, stdio: 'ignore' });
		rmSync(dir, { recursive: true, force: true });
	}
}

/** The run as the lesson's transcript shows it. */
function report(r: BuildTimes): string {
	const s = (t: Timing) => `${t.median.toFixed(1).padStart(6)} s`;
	const runs = (t: Timing) => (t.seconds.length > 1 ? `   runs: ${t.seconds.map((x) => x.toFixed(1)).join(', ')}` : '');
	const ratio = (a: Timing, b: Timing) => `${(a.median / b.median).toFixed(2)}x`;
	const row = (label: string, t: Timing, vs?: Timing) => `  ${label.padEnd(30)}${s(t)}${vs ? `  ${ratio(t, vs).padStart(6)} the default` : ''}${runs(t)}`;
	const { mold, depsOpt } = r.variants;
	const notCached = Object.entries(r.sccache.warmStats.notCached)
		.map(([why, n]) => `${n} ${why}`)
		.join(', ');
	return [
		`${r.crate} at ${r.commit.slice(0, 7)}, ${r.rustc.replace(/ \(.*$/, '')}, ${r.machine.cores} cores (${r.machine.cpu})`,
		`load average (1 min): ${r.load.start[0].toFixed(2)} at the start, ${r.load.end[0].toFixed(2)} at the end, peak ${r.load.peak1m.toFixed(2)}`,
		`linked by: ${r.linker} (default), ${mold.linker} (${mold.config})`,
		'',
		'clean builds (one run each)',
		row('cargo build (default linker)', r.builds.cleanDebug),
		row('cargo build, mold', mold.cleanDebug, r.builds.cleanDebug),
		row('cargo build, deps opt-level 2', depsOpt.cleanDebug, r.builds.cleanDebug),
		row('cargo check', r.builds.cleanCheck, r.builds.cleanDebug),
		row('cargo build --release', r.builds.cleanRelease, r.builds.cleanDebug),
		'',
		`after a one-line edit (median of ${r.builds.incrementalDebug.seconds.length}, interleaved)`,
		row('cargo build (default linker)', r.builds.incrementalDebug),
		row('cargo build, mold', mold.incrementalDebug, r.builds.incrementalDebug),
		row('cargo build, deps opt-level 2', depsOpt.incrementalDebug, r.builds.incrementalDebug),
		row('cargo check', r.builds.incrementalCheck, r.builds.incrementalDebug),
		'',
		`clean cargo build through ${r.sccache.version}`,
		row('empty cache', r.sccache.cold, r.builds.cleanDebug),
		row('warm cache, target removed', r.sccache.warm, r.builds.cleanDebug),
		`  warm: ${r.sccache.warmStats.hits} hits, ${r.sccache.warmStats.misses} misses; not cached: ${notCached || 'none'}`,
		'',
	].join('\n');
}

export default defineTask({
	name: 'bench:build',
	description: 'how long the users API takes to build, clean and after a one-line edit, with the default linker, mold, optimised dependencies and sccache; writes public/bench/build-times.json',
	options: {
		runs: { type: 'string', integer: { min: 1, max: 50 }, valueName: 'N', description: 'incremental rebuilds per kind (5 by default)' },
		tiny: { type: 'boolean', description: 'the same steps on a generated hello-world crate, one rebuild each; nothing written' },
	},
	run: (values) => measure(values.runs ?? (values.tiny === true ? 1 : 5), values.tiny === true),
});
