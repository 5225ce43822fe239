/**
 * `node scripts/task.ts bench:wasm`: the Going further WebAssembly lesson's
 * measurement. One generated access log (logstat's gen_log example, fixed
 * seed, about a million Combined lines) parsed into the same totals by:
 *
 *   - two JavaScript parsers (examples/going-further/logstat-wasm/js/): a
 *     regular expression a line, and a hand-written scanner;
 *   - logstat's Rust parser as WebAssembly (the committed module,
 *     public/wasm/going-further/logstat-wasm/), called once a line, once a
 *     1 MiB chunk, or once for the whole buffer;
 *   - the same Rust as a native Node addon (napi-rs, logstat-napi), called
 *     the same three ways;
 *   - the logstat CLI itself on one thread, for reference.
 *
 * The addon and the CLI are built with the workspace's `dist` profile:
 * release with fat LTO and one codegen unit, as the .wasm is built
 * (scripts/build-logstat-wasm.ts), so the native rows and the WebAssembly
 * rows differ by target, not by optimisation settings.
 *
 * Every one starts from the file's bytes in memory, except the CLI, which
 * reads the file (from the page cache). The JavaScript parsers and the
 * per-line calls decode the bytes to a string first, and that is counted;
 * the decode alone is timed too and printed under the table. Each is run
 * once to warm up, then RUNS times; the table gives the median. Before any
 * figure is printed, all of them must agree on the totals, or the script
 * fails: every run of every in-process row gives the same summary, and the
 * CLI's --json report, mapped to the same shape, is compared too (in full
 * on its warm-up run, which lists every path; lines, requests and
 * malformed on the timed runs).
 *
 *   node scripts/task.ts bench:wasm            print the figures
 *   node scripts/task.ts bench:wasm --save     also write captures/bench.txt
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { crateNamed, examplesRoot } from '../../src/build/workspace/workspace.ts';
import { machine } from '../lib/machine.ts';
import { glueFile, readManifest, staleness, wasmFile } from '../lib/logstat-wasm.ts';
import { defineTask } from '../lib/task.ts';
import { saveTranscript } from '../lib/transcript.ts';
import { Totals } from '../../examples/going-further/logstat-wasm/js/summary.ts';
import { LineParser, scanLine, scanText } from '../../examples/going-further/logstat-wasm/js/scanner.ts';
import { regexText } from '../../examples/going-further/logstat-wasm/js/regex.ts';
import { wholeLines } from '../../examples/going-further/logstat-wasm/js/chunks.ts';

const RUNS = 5;
/** About a million lines of gen_log's output (150 bytes a line on average). */
const LOG_BYTES = 150_000_000;
const CHUNK = 1 << 20;
/** Cargo's target folder (CARGO_TARGET_DIR when set, as cargo reads it). */
const targetRoot = process.env['CARGO_TARGET_DIR'] ?? join(examplesRoot, 'target');
const benchDir = join(targetRoot, 'bench-wasm');
/**
 * The native builds' profile (examples/Cargo.toml): release with fat LTO and
 * one codegen unit, the settings the .wasm is built with; it also strips
 * symbols, which changes no speed. Its own folder, target/dist/, so the
 * everyday release builds are not rebuilt.
 */
const PROFILE = 'dist';
const nativeDir = join(targetRoot, PROFILE);

/** What both Rust builds expose to JavaScript (wasm-bindgen's and napi-rs's classes). */
interface RustStats {
	feedLine(line: string): void;
	feedChunk(bytes: Uint8Array): void;
	summary(): string;
	free?(): void;
}

interface Contender {
	name: string;
	run(bytes: Buffer): string;
}

/** Calls `feed` with each line of the decoded text, without its newline. */
function eachLine(bytes: Buffer, feed: (line: string) => void): void {
	const text = bytes.toString('utf8');
	let start = 0;
	while (start < text.length) {
		let end = text.indexOf('\n', start);
		if (end === -1) end = text.length;
		feed(text.slice(start, end));
		start = end + 1;
	}
}

function rustContenders(label: string, make: () => RustStats): Contender[] {
	const finish = (stats: RustStats) => {
		const summary = stats.summary();
		stats.free?.();
		return summary;
	};
	return [
		{
			name: `${label}, a call per line`,
			run(bytes) {
				const stats = make();
				eachLine(bytes, (line) => stats.feedLine(line));
				return finish(stats);
			},
		},
		{
			name: `${label}, a call per 1 MiB chunk`,
			run(bytes) {
				const stats = make();
				for (const chunk of wholeLines(bytes, CHUNK)) stats.feedChunk(chunk);
				return finish(stats);
			},
		},
		{
			name: `${label}, one call for the whole log`,
			run(bytes) {
				const stats = make();
				stats.feedChunk(bytes);
				return finish(stats);
			},
		},
	];
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = sorted.length >> 1;
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function cargo(args: string[]): void {
	execFileSync('cargo', args, { cwd: examplesRoot, stdio: ['ignore', 2, 2] });
}

/** The CLI's --json report (logstat's report.rs) in the shape of the module's summary (src/summary.rs). */
interface CliReport {
	lines: number;
	requests: number;
	malformed: { count: number };
	status_codes: Record<string, number>;
	top_paths: { path: string; requests: number }[];
	per_minute: { peak: { requests: number }; minutes: unknown[] } | null;
}
/** Enough for every path of the log: the report then lists them all, and their count is the summary's `paths`. */
const ALL_PATHS = 1_000_000_000;

function cliSummary(json: string): string {
	const r = JSON.parse(json) as CliReport;
	// The same keys in the same order as the other rows' JSON, so the strings compare.
	return JSON.stringify({
		lines: r.lines,
		requests: r.requests,
		malformed: r.malformed.count,
		status: r.status_codes,
		paths: r.top_paths.length,
		top: r.top_paths.slice(0, 5).map((p) => [p.path, p.requests]),
		minutes: r.per_minute?.minutes.length ?? 0,
		peak: r.per_minute?.peak.requests ?? 0,
	});
}

export default defineTask({
	name: 'bench:wasm',
	description: 'logstat’s parser as WebAssembly and as a napi-rs addon against JavaScript parsers, per line and per chunk, on a generated log',
	options: {
		save: { type: 'boolean', description: 'also write the transcript (examples/going-further/logstat-wasm/captures/bench.txt)' },
	},
	async run(values) {
		const transcript = join(crateNamed('logstat-wasm').dir, 'captures', 'bench.txt');
		const stale = staleness();
		if (stale.length) throw new Error(stale.join('\n'));

		console.error(`Building gen_log, the logstat CLI and the napi addon (--profile ${PROFILE}: fat LTO, one codegen unit)...`);
		cargo(['build', '--profile', PROFILE, '--locked', '-p', 'logstat', '--example', 'gen_log', '--bin', 'logstat']);
		cargo(['build', '--profile', PROFILE, '--locked', '-p', 'logstat-napi']);
		mkdirSync(benchDir, { recursive: true });
		const addon = join(benchDir, 'logstat_napi.node');
		copyFileSync(join(nativeDir, 'liblogstat_napi.so'), addon);
		const log = join(benchDir, 'access.log');
		if (!existsSync(log) || statSync(log).size < LOG_BYTES) {
			console.error(`Generating ${log}...`);
			writeFileSync(log, execFileSync(join(nativeDir, 'examples', 'gen_log'), [String(LOG_BYTES)], { maxBuffer: 2 * LOG_BYTES }));
		}
		const bytes = readFileSync(log);
		const chunks = [...wholeLines(bytes, CHUNK)].length;

		// ANCHOR: load_wasm
		const started = performance.now();
		const glue = await import(glueFile);
		glue.initSync({ module: readFileSync(wasmFile) });
		const loadMs = performance.now() - started;
		// ANCHOR_END: load_wasm
		const { NativeStats } = createRequire(import.meta.url)(addon) as { NativeStats: new () => RustStats };

		const contenders: Contender[] = [
			{
				name: 'JavaScript, a regular expression a line',
				run(b) {
					const totals = new Totals();
					regexText(b.toString('utf8'), totals);
					return JSON.stringify(totals.summary());
				},
			},
			{
				name: 'JavaScript, hand-written scanner',
				run(b) {
					const totals = new Totals();
					scanText(b.toString('utf8'), totals);
					return JSON.stringify(totals.summary());
				},
			},
			{
				name: 'JavaScript, scanner called per line',
				run(b) {
					const totals = new Totals();
					const parser = new LineParser('');
					eachLine(b, (line) => scanLine(line, parser, totals));
					return JSON.stringify(totals.summary());
				},
			},
			...rustContenders('Rust as WebAssembly', () => new glue.LogStats() as RustStats),
			...rustContenders('Rust as napi-rs addon', () => new NativeStats()),
		];

		const rows: { name: string; times: number[]; summary: string }[] = [];
		for (const c of contenders) {
			console.error(`  ${c.name}...`);
			const summary = c.run(bytes); // warm-up, and the totals compared below
			const times: number[] = [];
			for (let i = 0; i < RUNS; i++) {
				const t = performance.now();
				const again = c.run(bytes);
				times.push(performance.now() - t);
				if (again !== summary) throw new Error(`${c.name}: a run gave other totals`);
			}
			rows.push({ name: c.name, times, summary });
		}
		// The decode the JavaScript rows and the per-line rows include, on its own.
		bytes.toString('utf8');
		const decodeTimes: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			const t = performance.now();
			bytes.toString('utf8');
			decodeTimes.push(performance.now() - t);
		}
		// The CLI reads the file itself (page cache warm after the reads above),
		// and reports as JSON: the warm-up run with every path, to compare in full.
		const cli = join(nativeDir, 'logstat');
		const cliRun = (top: number): CliReport & { summary: string } => {
			const run = spawnSync(cli, ['--jobs', '1', '--format', 'combined', '--json', '--top', String(top), log], { encoding: 'utf8', maxBuffer: 1 << 28 });
			if (run.status !== 0) throw new Error(`logstat failed: ${run.stderr}`);
			return { ...(JSON.parse(run.stdout) as CliReport), summary: cliSummary(run.stdout) };
		};
		const cliRow = { name: 'logstat CLI, native, one thread (reference)', times: [] as number[], summary: cliRun(ALL_PATHS).summary };
		for (let i = 0; i < RUNS; i++) {
			const t = performance.now();
			const run = cliRun(10);
			cliRow.times.push(performance.now() - t);
			const expected = JSON.parse(cliRow.summary) as { lines: number; requests: number; malformed: number };
			if (run.lines !== expected.lines || run.requests !== expected.requests || run.malformed.count !== expected.malformed) throw new Error('logstat CLI: a run gave other totals');
		}
		rows.push(cliRow);

		const reference = rows[0]!.summary;
		const disagree = rows.filter((r) => r.summary !== reference);
		if (disagree.length) throw new Error(`totals differ:\n${rows.map((r) => `${r.name}: ${r.summary}`).join('\n')}`);
		const totals = JSON.parse(reference) as { lines: number; requests: number; malformed: number; paths: number; minutes: number };

		const scanner = median(rows[1]!.times);
		const lines = totals.lines;
		const fmt = (ms: number) => ms.toFixed(0).padStart(9);
		const table = rows.map((r) => {
			const ms = median(r.times);
			const perLine = (ms * 1e6) / lines;
			return `${r.name.padEnd(47)}${fmt(ms)}${perLine.toFixed(0).padStart(9)}${(scanner / ms).toFixed(2).padStart(12)}   ${r.times.map((t) => t.toFixed(0)).join(' ')}`;
		});
		const manifest = readManifest()!;
		const nodeVersion = process.version;
		const rustc = execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim();
		const out = [
			'$ node scripts/task.ts bench:wasm',
			`${machine()}; Node ${nodeVersion}`,
			`WebAssembly: logstat_wasm_bg.wasm, ${manifest.bytes} bytes, ${manifest.toolchain} (fat LTO, one codegen unit), wasm-bindgen ${manifest.wasmBindgen}; compiled and instantiated in ${loadMs.toFixed(1)} ms`,
			`napi-rs addon and CLI: ${rustc}, --profile ${PROFILE} (release, fat LTO, one codegen unit, stripped)`,
			`log: ${lines} lines, ${(bytes.length / 1e6).toFixed(1)} MB (gen_log's Combined lines, fixed seed), ${chunks} chunks of about 1 MiB; medians of ${RUNS} runs after one warm-up`,
			'',
			`${'parser'.padEnd(47)}${'ms'.padStart(9)}${'ns/line'.padStart(9)}${'vs scanner'.padStart(12)}   runs (ms)`,
			...table,
			'',
			`decoding the ${(bytes.length / 1e6).toFixed(1)} MB of UTF-8 into one JavaScript string, included in the JavaScript rows and the per-line rows: ${median(decodeTimes).toFixed(0)} ms (runs ${decodeTimes.map((t) => t.toFixed(0)).join(' ')})`,
			`all ${rows.length} rows agree (the CLI's from its --json report): ${totals.lines} lines, ${totals.requests} requests, ${totals.malformed} malformed, the same status codes, ${totals.paths} paths, the same top 5, ${totals.minutes} minutes, the same peak`,
		].join('\n') + '\n';
		process.stdout.write(out);
		if (values.save === true) saveTranscript(transcript, out);
		return 0;
	},
});
