import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it, onTestFinished } from 'vitest';
import { ensurePrecompressed, precompress } from '../../src/hosting/precompress.ts';

describe('precompress, the build step behind the served .br and .gz files', () => {
	const page = '<p>a paragraph of a lesson</p>\n'.repeat(300);
	const data = JSON.stringify({ sessions: Array.from({ length: 200 }, (_, i) => ({ id: i, user: `user-${i}` })) });
	const sample = gzipSync('GET / 200\n'.repeat(100));

	/** A small built site, removed when the test ends. */
	function site(): string {
		const dir = mkdtempSync(join(tmpdir(), 'precompress-'));
		onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
		mkdirSync(join(dir, 'guide'));
		mkdirSync(join(dir, 'samples'));
		writeFileSync(join(dir, 'guide/index.html'), page);
		writeFileSync(join(dir, 'data.json'), data);
		writeFileSync(join(dir, 'tiny.txt'), 'x');
		writeFileSync(join(dir, 'photo.png'), Buffer.alloc(4096));
		// A lesson's own sample: a compressed file beside its original.
		writeFileSync(join(dir, 'samples/log.txt'), 'GET / 200\n'.repeat(100));
		writeFileSync(join(dir, 'samples/log.txt.gz'), sample);
		return dir;
	}

	it('writes a brotli and a gzip copy beside each text file, each unpacking to it', async () => {
		const dir = site();
		const done = await precompress(dir);
		for (const [name, text] of [
			['guide/index.html', page],
			['data.json', data],
		] as const) {
			const br = readFileSync(join(dir, `${name}.br`));
			const gz = readFileSync(join(dir, `${name}.gz`));
			expect(br.length, name).toBeLessThan(text.length / 5);
			expect(brotliDecompressSync(br).toString(), name).toBe(text);
			expect(gunzipSync(gz).toString(), name).toBe(text);
		}
		expect(done.files).toBe(3);
		expect(done.bytes).toBe(page.length + data.length + 1);
	});

	it('leaves alone a file that compression would not shrink, and formats that are compressed already', async () => {
		const dir = site();
		await precompress(dir);
		for (const name of ['tiny.txt.br', 'tiny.txt.gz', 'photo.png.br', 'photo.png.gz']) expect(existsSync(join(dir, name)), name).toBe(false);
	});

	it('never overwrites a site file named like a compressed copy', async () => {
		const dir = site();
		const done = await precompress(dir);
		expect(readFileSync(join(dir, 'samples/log.txt.gz')).equals(sample)).toBe(true);
		expect(existsSync(join(dir, 'samples/log.txt.br'))).toBe(false);
		expect(done.skipped).toEqual(['samples/log.txt']);
	});

	it('compresses a build once: a second call leaves it, a newer build is compressed again', async () => {
		const dir = site();
		writeFileSync(join(dir, 'index.html'), page);
		const first = await ensurePrecompressed(dir);
		expect(first[0]).toMatch(/^4 files, .* as brotli, .* as gzip \(\d+\.\d s\)$/);
		expect(first.slice(1)).toEqual(['samples/log.txt left uncompressed: the site has its own samples/log.txt.br or .gz']);
		const copied = statSync(join(dir, 'data.json.br')).mtimeMs;
		expect(await ensurePrecompressed(dir)).toEqual([]);
		expect(statSync(join(dir, 'data.json.br')).mtimeMs).toBe(copied);
		// A new build: astro build rewrites index.html (and empties the folder).
		rmSync(join(dir, 'data.json.br'));
		rmSync(join(dir, 'data.json.gz'));
		const later = new Date(Date.now() + 5000);
		utimesSync(join(dir, 'index.html'), later, later);
		expect((await ensurePrecompressed(dir))[0]).toMatch(/^\d+ files/);
		expect(existsSync(join(dir, 'data.json.br'))).toBe(true);
	});
});
