/**
 * `npm run bench:build`: how long the users API takes to build on this
 * machine, clean and after a one-line edit, written to
 * public/bench/build-times.json for the "Why Rust" page's compile-times
 * section (read at build time by src/build/measurements/build-times.ts).
 *
 *   npm run bench:build               measure and write the JSON
 *   npm run bench:build -- --runs 3   incremental rebuilds per kind (default 5)
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
 * Clean builds are timed once each (minutes apiece); incremental ones are
 * repeated and reported as their median. Other work on the machine slows
 * every figure, so the load average is recorded at the start, sampled while
 * it runs and recorded at the end.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, constants, cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUILD_TIMES_FILE, median, type BuildTimes, type Timing } from '../../src/build/measurements/build-times.ts';
import { crateNamed, examplesRoot } from '../../src/build/workspace/workspace.ts';
import { ensureCommands } from '../lib/debian.ts';
import { spawnGroup, type ProcessGroup } from '../lib/process-group.ts';
import { defineTask } from '../lib/task.ts';

const CRATE = 'users-api';
// The text of the line the incremental runs edit in the handler file: a
// validation message in the list handler, so each edit changes what the
// binary says.
const EDITED_LINE = 'limit must be between 1 and 100';

type Target = 'debug' | 'check' | 'release';

/** The whole measurement, `runs` incremental rebuilds per kind; writes BUILD_TIMES_FILE. */
async function measure(RUNS: number): Promise<void> {
	// The crate is looked up when the run starts, not when the module loads.
	const EDITED_FILE = `${crateNamed(CRATE).path}/src/users.rs`;
	ensureCommands([['readelf', 'binutils']], 'bench:build');

	const dir = mkdtempSync(join(tmpdir(), 'build-times-'));
	const workspace = join(dir, 'examples');
	// One target folder per kind of build, so each clean build is really clean:
	// a check after a debug build in the same folder would reuse its build
	// scripts and proc macros.
	const targets = { debug: join(dir, 'target-debug'), check: join(dir, 'target-check'), release: join(dir, 'target-release') };
	const env: NodeJS.ProcessEnv = { ...process.env, SQLX_OFFLINE: 'true', CARGO_TERM_COLOR: 'never' };
	// A database URL would make SQLx check queries against that database instead
	// of the committed data, which adds its round trips to the timings.
	delete env.DATABASE_URL;
	// Incremental settings from the caller's shell would change what is measured.
	delete env.CARGO_INCREMENTAL;
	delete env.RUSTFLAGS;

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
			running = spawnGroup('cargo', cargoArgs, { cwd: workspace, env: { ...env, CARGO_TARGET_DIR: targets[target] }, stdio: ['ignore', 'ignore', 'pipe'] });
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

	const once = async (cargoArgs: string[], target: Target): Promise<Timing> => {
		const seconds = [await cargo(cargoArgs, target)];
		return { command: `cargo ${cargoArgs.join(' ')}`, seconds, median: median(seconds) };
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

	const incremental = async (cargoArgs: string[], target: Target): Promise<Timing> => {
		const seconds: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			editHandler();
			seconds.push(await cargo(cargoArgs, target));
		}
		return { command: `cargo ${cargoArgs.join(' ')}, after a one-line edit`, seconds, median: median(seconds) };
	};

	function linkerOf(binary: string): { linker: string; comment: string[] } {
		const dump = spawnSync('readelf', ['-p', '.comment', binary], { encoding: 'utf8' });
		if (dump.status !== 0) throw new Error(`readelf -p .comment ${binary} failed:\n${dump.stderr}`);
		const comment = [...dump.stdout.matchAll(/^\s*\[\s*[0-9a-f]+\]\s+(.*)$/gm)].map((m) => m[1].trim());
		// LLD and mold sign the section; GNU ld and gold write nothing there.
		const signed = comment.find((line) => /^Linker:|^mold /.test(line));
		return { linker: signed ? signed.replace(/^Linker:\s*/, '').replace(/\s*\(.*$/, '') : 'not named in .comment (GNU ld or gold)', comment };
	}

	const samples: number[] = [];
	const sampler = setInterval(() => samples.push(loadavg()[0]), 5000);
	const loadStart = loadavg();
	const started = new Date();
	try {
		console.error(`Extracting the committed workspace to ${dir}...`);
		const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: examplesRoot, encoding: 'utf8' }).trim();
		execFileSync('sh', ['-c', 'git archive --format=tar "$1" examples | tar -x -C "$0"', dir, commit], { cwd: dirname(examplesRoot.replace(/\/$/, '')) });
		if (!existsSync(join(workspace, EDITED_FILE))) throw new Error(`${EDITED_FILE} is missing from the workspace`);
		console.error('Fetching crates (not timed)...');
		await cargo(['fetch', '--locked'], 'debug');

		// Asked in the copy, so a rust-toolchain.toml there is honoured as by the builds.
		const rustc = spawnSync('rustc', ['--version'], { cwd: workspace, encoding: 'utf8' }).stdout.trim();
		const cargoVersion = spawnSync('cargo', ['--version'], { cwd: workspace, encoding: 'utf8' }).stdout.trim();

		console.error('Clean debug build...');
		const cleanDebug = await once(['build', '--locked', '-p', CRATE], 'debug');
		const { linker, comment } = linkerOf(join(targets.debug, 'debug', CRATE));
		console.error(`Incremental debug builds (${RUNS})...`);
		const incrementalDebug = await incremental(['build', '--locked', '-p', CRATE], 'debug');
		console.error('Clean check...');
		const cleanCheck = await once(['check', '--locked', '-p', CRATE], 'check');
		console.error(`Incremental checks (${RUNS})...`);
		const incrementalCheck = await incremental(['check', '--locked', '-p', CRATE], 'check');
		console.error('Clean release build...');
		const cleanRelease = await once(['build', '--release', '--locked', '-p', CRATE], 'release');

		clearInterval(sampler);
		const loadEnd = loadavg();
		const results: BuildTimes = {
			date: started.toISOString(),
			crate: CRATE,
			commit,
			editedFile: `examples/${EDITED_FILE}`,
			machine: { cpu: cpus()[0]?.model ?? 'unknown CPU', cores: availableParallelism() },
			rustc,
			cargo: cargoVersion,
			linker,
			comment,
			load: { start: loadStart, end: loadEnd, peak1m: Math.max(loadStart[0], loadEnd[0], ...samples) },
			builds: { cleanDebug, cleanRelease, cleanCheck, incrementalDebug, incrementalCheck },
		};
		writeFileSync(BUILD_TIMES_FILE, `${JSON.stringify(results, null, '\t')}\n`);
		console.log(`${CRATE}, ${rustc}, linker: ${linker}, ${results.machine.cores} cores (${results.machine.cpu})`);
		console.log(`load average (1 min): ${loadStart[0].toFixed(2)} at the start, ${loadEnd[0].toFixed(2)} at the end, peak ${results.load.peak1m.toFixed(2)}`);
		for (const [name, t] of Object.entries(results.builds)) {
			console.log(`  ${name.padEnd(17)} median ${t.median.toFixed(1).padStart(6)} s   runs: ${t.seconds.map((s) => s.toFixed(1)).join(', ')}`);
		}
		console.error(`wrote ${BUILD_TIMES_FILE}`);
	} catch (error) {
		if (!(error instanceof Interrupted)) throw error;
		console.error(`bench:build: stopped by ${interrupted}; removing ${dir}`);
	} finally {
		clearInterval(sampler);
		rmSync(dir, { recursive: true, force: true });
	}
}

export default defineTask({
	name: 'bench:build',
	description: 'how long the users API takes to build, clean and after a one-line edit; writes public/bench/build-times.json',
	options: {
		runs: { type: 'string', integer: { min: 1, max: 50 }, valueName: 'N', description: 'incremental rebuilds per kind (5 by default)' },
	},
	run: (values) => measure(values.runs ?? 5),
});
