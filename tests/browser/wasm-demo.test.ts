// The WebAssembly lesson's demo in real Chromium on the built site: nothing
// of it loads before the learner acts; Parse runs logstat's Rust parser in
// the page and shows the same totals Node gets from the same module; a
// file parses too, and a large one is streamed to the module a 1 MiB chunk
// a call; once loaded it works with the network off, and no
// request ever leaves the site; a path in a log is shown as text, never
// markup; axe finds nothing on it, results shown.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../../scripts/lib/chromium.ts';
import { glueFile, wasmFile } from '../../scripts/lib/logstat-wasm.ts';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';
import { wholeLines } from '../../examples/going-further/logstat-wasm/js/chunks.ts';
import { runAxe } from './axe.ts';
import { testPage } from './test-page.ts';

const LESSON = '/going-further/wasm/';
const accessLog = readFileSync(join(examplesRoot, 'cli/logstat/samples/access.log'), 'utf8');

interface Totals {
	lines: number;
	requests: number;
	malformed: number;
}
let browser: Browser;
let nodeTotals: (bytes: Buffer) => Totals;
let expected: Totals;
beforeAll(async () => {
	browser = await launch();
	// What Node gets from the same committed module, for the page to match.
	const glue = await import(glueFile);
	glue.initSync({ module: readFileSync(wasmFile) });
	nodeTotals = (bytes) => {
		const stats = new glue.LogStats();
		stats.feedChunk(bytes);
		const totals = JSON.parse(stats.summary()) as Totals;
		stats.free();
		return totals;
	};
	expected = nodeTotals(Buffer.from(accessLog));
});
afterAll(() => browser?.close());

async function lesson(): Promise<{ page: Page; requests: URL[] }> {
	const page = await testPage(browser, 'light');
	const requests: URL[] = [];
	page.on('request', (r) => requests.push(new URL(r.url())));
	await page.goto(inject('siteUrl') + LESSON, { waitUntil: 'networkidle' });
	return { page, requests };
}

const status = (page: Page) => page.locator('[data-logstat-demo] [data-status]');

describe('WebAssembly demo', () => {
	it('loads no demo script before the learner acts, and the module only on Parse', async () => {
		const { page, requests } = await lesson();
		const code = () => requests.map((u) => u.pathname).filter((p) => /runner-element|logstat-demo|demo\.|logstat_wasm|\.wasm$/.test(p));
		const module = () => code().filter((p) => /logstat_wasm|\.wasm$/.test(p));
		expect(code()).toEqual([]);
		// Intent (the pointer over the demo) loads the demo's code, not the module.
		await page.locator('[data-logstat-demo] textarea').hover();
		await expect.poll(() => code().length, { timeout: 30_000 }).toBeGreaterThan(0);
		expect(module()).toEqual([]);
		await page.locator('[data-logstat-demo] [data-parse]').click();
		await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Parsed/);
		expect(module().some((p) => p.endsWith('.wasm'))).toBe(true);
	});

	it('replays a first click that arrives before the code: one press of Parse is enough', async () => {
		const { page } = await lesson();
		// A click with no pointer movement before it (keyboard users, touch).
		await page.locator('[data-logstat-demo] [data-parse]').dispatchEvent('click');
		await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Parsed/);
	});

	it('parses pasted lines in the page: the totals Node gets from the same module', async () => {
		const { page } = await lesson();
		await page.locator('[data-logstat-demo] textarea').fill(accessLog);
		await page.locator('[data-logstat-demo] [data-parse]').click();
		await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Parsed/);
		expect(await status(page).textContent()).toContain(`Parsed ${expected.lines} lines`);
		expect(await status(page).textContent()).toContain(`${expected.requests} requests, ${expected.malformed} malformed`);
		const statusTable = await page.locator('[data-logstat-demo] table').first().innerText();
		expect(statusTable).toMatch(/200\s+40/);
		expect(await page.locator('[data-logstat-demo] table').nth(1).innerText()).toMatch(/\/api\/users\s+13/);
		const axe = await runAxe(page);
		expect(axe.violations).toEqual([]);
	});

	it('parses a file chosen from disk', async () => {
		const { page } = await lesson();
		// Focus is the intent that loads the code; the file may arrive before it.
		await page.locator('[data-logstat-demo] [data-file]').focus();
		await page.locator('[data-logstat-demo] [data-file]').setInputFiles({ name: 'access.log', mimeType: 'text/plain', buffer: Buffer.from(accessLog) });
		await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Parsed/);
		expect(await status(page).textContent()).toContain(`${expected.requests} requests`);
	});

	it('streams a file larger than a chunk to the module a 1 MiB chunk a call, with the totals Node gets', async () => {
		const { page } = await lesson();
		const log = accessLog.endsWith('\n') ? accessLog : `${accessLog}\n`;
		const big = Buffer.from(log.repeat(Math.ceil((3.5 * 2 ** 20) / log.length)));
		const want = nodeTotals(big);
		// The cuts the page must make: the chunker's over the whole file, though the page reads it as a stream.
		const calls = [...wholeLines(big, 2 ** 20)].length;
		expect(calls).toBeGreaterThan(3);
		await page.locator('[data-logstat-demo] [data-file]').focus();
		await page.locator('[data-logstat-demo] [data-file]').setInputFiles({ name: 'big.log', mimeType: 'text/plain', buffer: big });
		await expect.poll(() => status(page).textContent(), { timeout: 60_000 }).toMatch(/^Parsed/);
		const text = await status(page).textContent();
		expect(text).toContain(`Parsed ${want.lines.toLocaleString('en')} lines`);
		expect(text).toContain(`(${calls} calls into WebAssembly)`);
		expect(text).toContain(`${want.requests.toLocaleString('en')} requests, ${want.malformed.toLocaleString('en')} malformed`);
	});

	it('works offline once loaded, and never leaves the site', async () => {
		const { page, requests } = await lesson();
		const parse = page.locator('[data-logstat-demo] [data-parse]');
		await parse.click();
		await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Parsed/);
		await page.context().setOffline(true);
		await page.locator('[data-logstat-demo] textarea').fill(accessLog.split('\n').slice(0, 3).join('\n'));
		await parse.click();
		await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Parsed 3 lines/);
		const site = new URL(inject('siteUrl')).origin;
		expect(requests.filter((u) => u.protocol.startsWith('http') && u.origin !== site)).toEqual([]);
	});

	it('shows a path from the log as text, not markup', async () => {
		const { page } = await lesson();
		const hostile = '10.0.0.1 - - [24/Nov/2026:10:00:05 +0000] "GET /<img src=x onerror=window.pwned=1> HTTP/1.1" 200 5 "-" "curl/8.5.0" 0.010';
		await page.locator('[data-logstat-demo] textarea').fill(hostile);
		await page.locator('[data-logstat-demo] [data-parse]').click();
		await expect.poll(() => status(page).textContent(), { timeout: 30_000 }).toMatch(/^Parsed 1 line in/);
		expect(await page.locator('[data-logstat-demo] img').count()).toBe(0);
		expect(await page.locator('[data-logstat-demo] table').nth(1).innerText()).toContain('/<img src=x onerror=window.pwned=1>');
		expect(await page.evaluate(() => 'pwned' in window)).toBe(false);
	});
});
