/**
 * The users API's build times: their shape, written by `npm run bench:build`
 * (scripts/bench/build-times.ts) to public/bench/build-times.json and read at
 * build time by the "Why Rust" page's compile-times section and the Going
 * further dev-loop lesson (its variants: mold, optimised dependencies, sccache).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD_TIMES_URL = '/bench/build-times.json';
// From the project root, as in results.ts: bundled into dist/ at build time,
// a path relative to import.meta.url would no longer lead to public/.
export const BUILD_TIMES_FILE = join(process.cwd(), 'public/bench/build-times.json');

/** One kind of build: every run's wall-clock seconds and their median. */
export interface Timing {
	command: string;
	seconds: number[];
	median: number;
}

/** A debug build with one cargo --config file added: clean, then after the edit. */
export interface Variant {
	name: string;
	/** The --config file, relative to examples/. */
	config: string;
	/** Its settings as measured (the file without comments). */
	settings: string;
	/** The linker that signed this variant's debug binary. */
	linker: string;
	cleanDebug: Timing;
	incrementalDebug: Timing;
}

/** One sccache server's counters over one build. */
export interface SccacheStats {
	requests: number;
	hits: number;
	misses: number;
	/** Compilations sccache passed through uncached, by its reason (`incremental`, `crate-type`…). */
	notCached: Record<string, number>;
}

export interface BuildTimes {
	date: string;
	crate: string;
	/** The commit whose examples/ was built. */
	commit: string;
	/** The file the incremental runs edited, one line each time. */
	editedFile: string;
	machine: { cpu: string; cores: number };
	rustc: string;
	cargo: string;
	/** The linker that signed the debug binary's .comment section. */
	linker: string;
	comment: string[];
	/** 1, 5 and 15 minute load averages; peak1m is the highest 1 minute figure seen while it ran. */
	load: { start: number[]; end: number[]; peak1m: number };
	builds: { cleanDebug: Timing; cleanRelease: Timing; cleanCheck: Timing; incrementalDebug: Timing; incrementalCheck: Timing };
	/** The same debug builds with a --config file; their incremental runs interleaved with the default's. */
	variants: { mold: Variant; depsOpt: Variant };
	/** A clean debug build through sccache with an empty cache, then again with the target folder removed. */
	sccache: { version: string; cold: Timing; warm: Timing; coldStats: SccacheStats; warmStats: SccacheStats };
}

export function median(values: number[]): number {
	if (values.length === 0) throw new Error('median of no values');
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

function checkTiming(name: string, value: unknown): Timing {
	const t = value as Partial<Timing> | undefined;
	if (!t || typeof t.command !== 'string' || !Array.isArray(t.seconds) || t.seconds.length === 0 || !t.seconds.every((s) => isNumber(s) && s > 0) || !isNumber(t.median)) {
		throw new Error(`build times: builds.${name} needs a command, at least one positive number of seconds and a median`);
	}
	if (Math.abs(t.median - median(t.seconds)) > 1e-9) throw new Error(`build times: builds.${name}.median is not the median of its runs`);
	return t as Timing;
}

/** Reads and checks the file, so a page never prints a figure from a malformed one. */
export function readBuildTimes(path: string = BUILD_TIMES_FILE): BuildTimes {
	const data = JSON.parse(readFileSync(path, 'utf8')) as BuildTimes;
	for (const field of ['date', 'crate', 'commit', 'editedFile', 'rustc', 'cargo', 'linker'] as const) {
		if (typeof data[field] !== 'string' || data[field] === '') throw new Error(`build times: ${path} has no ${field}`);
	}
	if (!isNumber(data.machine?.cores) || data.machine.cores < 1) throw new Error(`build times: ${path} has no core count`);
	if (![data.load?.start, data.load?.end].every((l) => Array.isArray(l) && l.length === 3 && l.every(isNumber)) || !isNumber(data.load.peak1m)) {
		throw new Error(`build times: ${path} needs load.start and load.end (three load averages each) and load.peak1m`);
	}
	for (const name of ['cleanDebug', 'cleanRelease', 'cleanCheck', 'incrementalDebug', 'incrementalCheck'] as const) checkTiming(name, data.builds?.[name]);
	for (const name of ['mold', 'depsOpt'] as const) {
		const v = data.variants?.[name];
		if (!v || typeof v.config !== 'string' || typeof v.settings !== 'string' || typeof v.linker !== 'string') throw new Error(`build times: ${path} has no variants.${name} with its config, settings and linker`);
		checkTiming(`variants.${name}.cleanDebug`, v.cleanDebug);
		checkTiming(`variants.${name}.incrementalDebug`, v.incrementalDebug);
	}
	const sc = data.sccache;
	if (!sc || typeof sc.version !== 'string') throw new Error(`build times: ${path} has no sccache run`);
	checkTiming('sccache.cold', sc.cold);
	checkTiming('sccache.warm', sc.warm);
	for (const stats of [sc.coldStats, sc.warmStats]) {
		if (!stats || ![stats.requests, stats.hits, stats.misses].every(isNumber) || typeof stats.notCached !== 'object') throw new Error(`build times: ${path} has sccache counters missing`);
	}
	return data;
}

/** How many times as long `a` took as `b` (medians), as the pages print it: 1.23×. */
export function ratio(a: Timing, b: Timing): string {
	return `${(a.median / b.median).toFixed(2)}×`;
}

/** Seconds as the page prints them: one decimal, or minutes and seconds past a minute. */
export function formatSeconds(seconds: number): string {
	// Rounded first, so 59.97 s prints as 1 min 00 s rather than 60.0 s.
	if (Math.round(seconds * 10) < 600) return `${seconds.toFixed(1)} s`;
	const whole = Math.round(seconds);
	return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
}
