/**
 * The image's Debian base, kept between builds as a tar outside the clone
 * (`~/.cache/backend-rust/debian-base/<key>.tar`, or under XDG_CACHE_HOME):
 * debootstrap and the upgrade take about a minute, unpacking the tar a few
 * seconds. The key is everything the base is made from (the release, the
 * packages, the trim rules, the apt sources) plus the day, so a base is
 * made again at least once a day and takes the update and security suites'
 * fixes; a fresh machine simply makes it. Only the newest base is kept.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { debianBase, hostCodename, PACKAGES, releaseSources, SLIM } from './rootfs.ts';

export function baseCacheDir(env: NodeJS.ProcessEnv = process.env): string {
	return join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'backend-rust', 'debian-base');
}

/** What the base is made from, and the day it is made on, as one hex key. */
export function baseKey(inputs: { codename: string; packages: readonly string[]; slim: readonly string[]; sources: unknown }, day: string): string {
	return createHash('sha256').update(JSON.stringify({ ...inputs, day })).digest('hex').slice(0, 16);
}

/**
 * Fills `dir` (empty or missing) with the Debian base: unpacked from the
 * cache when today's base for these inputs is there, else made by
 * debootstrap (./rootfs.ts) and saved for the next build.
 */
export function cachedDebianBase(dir: string, log: (line: string) => void, cacheDir: string = baseCacheDir(), make: typeof debianBase = debianBase): void {
	const codename = hostCodename();
	const key = baseKey({ codename, packages: PACKAGES, slim: SLIM, sources: releaseSources(codename) }, new Date().toISOString().slice(0, 10));
	const tar = join(cacheDir, `${key}.tar`);
	mkdirSync(dir, { recursive: true });
	if (existsSync(tar)) {
		log(`today's base for these packages and sources, from ${tar}`);
		execFileSync('tar', ['--numeric-owner', '-xpf', tar, '-C', dir]);
		return;
	}
	make(dir, log);
	mkdirSync(cacheDir, { recursive: true });
	// Written under another name, then renamed: a build stopped halfway leaves no tar that looks whole.
	const partial = `${tar}.partial`;
	execFileSync('tar', ['--numeric-owner', '-C', dir, '-cf', partial, '.']);
	renameSync(partial, tar);
	for (const old of readdirSync(cacheDir).filter((name) => name !== `${key}.tar`)) rmSync(join(cacheDir, old), { force: true });
	log(`saved for the next build: ${tar}`);
}
