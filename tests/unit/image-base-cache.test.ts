import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baseKey, cachedDebianBase } from '../../scripts/playground/image/base-cache.ts';

const inputs = { codename: 'bookworm', packages: ['gcc'], slim: ['/usr/share/doc/*'], sources: [{ uri: 'http://mirror/debian', suites: ['bookworm'] }] };
const temp: string[] = [];
const folder = () => {
	const dir = mkdtempSync(join(tmpdir(), 'base-cache-'));
	temp.push(dir);
	return dir;
};
afterEach(() => {
	for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the image's Debian base, cached outside the clone", () => {
	it('keys a base on what it is made from and on the day', () => {
		const key = baseKey(inputs, '2026-12-03');
		expect(baseKey({ ...inputs }, '2026-12-03')).toBe(key);
		expect(baseKey({ ...inputs, packages: ['gcc', 'zlib1g'] }, '2026-12-03')).not.toBe(key);
		expect(baseKey({ ...inputs, sources: [] }, '2026-12-03')).not.toBe(key);
		expect(baseKey(inputs, '2026-12-04')).not.toBe(key);
	});

	it('makes the base once, then unpacks it, and keeps only the newest', () => {
		const cache = folder();
		writeFileSync(join(cache, 'yesterday.tar'), 'old');
		let made = 0;
		const make = (dir: string) => {
			made++;
			writeFileSync(join(dir, 'os-release'), 'debian');
		};
		const first = folder();
		cachedDebianBase(first, () => {}, cache, make);
		const second = join(folder(), 'rootfs');
		const lines: string[] = [];
		cachedDebianBase(second, (line) => lines.push(line), cache, make);
		expect(made).toBe(1);
		expect(readFileSync(join(second, 'os-release'), 'utf8')).toBe('debian');
		expect(lines[0]).toMatch(/^today's base for these packages and sources, from .*\.tar$/);
		expect(readdirSync(cache)).toHaveLength(1);
		expect(existsSync(join(cache, 'yesterday.tar'))).toBe(false);
	});
});
