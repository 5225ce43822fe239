// The committed build times the "Why Rust" page and the dev-loop lesson
// print (written by `npm run bench:build`), and the reader that checks them
// before a page may show a figure.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatSeconds, median, readBuildTimes, type BuildTimes } from '../../src/build/measurements/build-times.ts';

describe('committed build times', () => {
	const times = readBuildTimes();

	it('were measured on users-api, with every run recorded', () => {
		expect(times.crate).toBe('users-api');
		expect(times.commit).toMatch(/^[0-9a-f]{40}$/);
		expect(times.rustc).toMatch(/^rustc \d+\.\d+\.\d+/);
		expect(times.builds.incrementalDebug.seconds.length).toBeGreaterThanOrEqual(3);
		expect(times.builds.incrementalCheck.seconds.length).toBeGreaterThanOrEqual(3);
	});

	it('name the linker the binary says it was linked with', () => {
		expect(times.comment.some((line) => line.includes(times.linker))).toBe(true);
		// rustc 1.90 and later link x86_64-unknown-linux-gnu with its own LLD.
		const [major, minor] = times.rustc.replace(/^rustc /, '').split('.').map(Number);
		if (major > 1 || minor >= 90) expect(times.linker).toMatch(/^LLD /);
	});

	it('link the mold variant with mold, from the config file the lesson shows', () => {
		expect(times.variants.mold.linker).toMatch(/^mold /);
		expect(times.variants.mold.config).toBe('going-further/dev-loop/cargo-config/mold.toml');
		expect(times.variants.mold.settings).toContain('link-arg=-fuse-ld=mold');
		expect(times.variants.depsOpt.config).toBe('going-further/dev-loop/cargo-config/deps-opt.toml');
		expect(times.variants.depsOpt.settings).toContain('opt-level = 2');
		for (const v of Object.values(times.variants)) expect(v.incrementalDebug.seconds.length).toBe(times.builds.incrementalDebug.seconds.length);
	});

	it('read a filled sccache cache, and leave the incremental workspace crates uncached', () => {
		expect(times.sccache.warm.median).toBeLessThan(times.sccache.cold.median);
		expect(times.sccache.warmStats.hits).toBeGreaterThan(0);
		expect(times.sccache.warmStats.notCached['incremental']).toBeGreaterThan(0);
	});

	it('show a one-line edit rebuilding faster than a clean build', () => {
		const b = times.builds;
		expect(b.incrementalDebug.median).toBeLessThan(b.cleanDebug.median);
		expect(b.incrementalCheck.median).toBeLessThan(b.cleanCheck.median);
		expect(b.cleanDebug.median).toBeLessThan(b.cleanRelease.median);
	});
});

describe('reading build times', () => {
	const dir = mkdtempSync(join(tmpdir(), 'build-times-test-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));
	const write = (data: unknown) => {
		const file = join(dir, `${Math.random().toString(36).slice(2)}.json`);
		writeFileSync(file, JSON.stringify(data));
		return file;
	};
	const good = readBuildTimes();

	it('accepts the committed file written back unchanged', () => {
		expect(readBuildTimes(write(good))).toEqual(good);
	});

	it('refuses a median that is not the median of its runs', () => {
		const bad: BuildTimes = structuredClone(good);
		bad.builds.incrementalDebug.median += 1;
		expect(() => readBuildTimes(write(bad))).toThrow(/builds\.incrementalDebug\.median is not the median/);
	});

	it('refuses a missing build, a missing linker and a short load average', () => {
		const { cleanRelease: _, ...otherBuilds } = good.builds;
		const noBuild = { ...good, builds: otherBuilds };
		expect(() => readBuildTimes(write(noBuild))).toThrow(/builds\.cleanRelease/);
		expect(() => readBuildTimes(write({ ...good, linker: '' }))).toThrow(/no linker/);
		expect(() => readBuildTimes(write({ ...good, load: { ...good.load, start: [1, 2] } }))).toThrow(/load\.start/);
	});

	it('refuses a missing variant, a variant without its linker and a missing sccache run', () => {
		const { mold: _, ...onlyDepsOpt } = good.variants;
		expect(() => readBuildTimes(write({ ...good, variants: onlyDepsOpt }))).toThrow(/variants\.mold/);
		const { linker: __, ...noLinker } = good.variants.depsOpt;
		expect(() => readBuildTimes(write({ ...good, variants: { ...good.variants, depsOpt: noLinker } }))).toThrow(/variants\.depsOpt/);
		const { sccache: ___, ...noSccache } = good;
		expect(() => readBuildTimes(write(noSccache))).toThrow(/sccache/);
	});

	it('takes the middle value, or the mean of the two middle ones', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 3, 2])).toBe(2.5);
		expect(() => median([])).toThrow();
	});

	it('prints seconds, then minutes past a minute', () => {
		expect(formatSeconds(4.26)).toBe('4.3 s');
		expect(formatSeconds(59.9)).toBe('59.9 s');
		expect(formatSeconds(59.97)).toBe('1 min 00 s');
		expect(formatSeconds(125.4)).toBe('2 min 05 s');
	});
});
