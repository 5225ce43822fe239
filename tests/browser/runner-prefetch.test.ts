// The Run panel gets its program ready on the learner's intent, in real
// Chromium on the built site: the wasm and the worker's script are fetched
// when the pointer rests on a panel or focus goes into it, never on a page
// nobody touches; and a prefetch that fails offline stays silent until Run,
// which then says what it always said.
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../../scripts/lib/chromium.ts';
import { status } from './run-panel.ts';
import { testPage } from './test-page.ts';

const LESSON = '/getting-started/';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

/** The lesson, with every request it makes recorded by path; closed when the test ends. */
async function lesson(): Promise<{ page: Page; requested: string[] }> {
	const page = await testPage(browser, 'light');
	const requested: string[] = [];
	page.on('request', (r: Request) => requested.push(new URL(r.url()).pathname));
	await page.goto(inject('siteUrl') + LESSON, { waitUntil: 'networkidle' });
	return { page, requested };
}

const wasmOf = (page: Page) => page.locator('br-runner').first().getAttribute('data-wasm') as Promise<string>;
const runButton = (page: Page) => page.locator('br-runner').first().getByRole('button', { name: 'Run', exact: true });

/** The pointer enters the panel (which loads the runner), then goes on to Run, as a learner's does. */
async function pointAtRun(page: Page) {
	await page.locator('br-runner').first().hover({ position: { x: 2, y: 2 } });
	await page.waitForFunction(() => customElements.get('br-runner'));
	await runButton(page).hover();
}

describe('Run panel prefetch', () => {
	it('fetches no wasm and starts no worker on a page nobody points at', async () => {
		const { page, requested } = await lesson();
		// Long enough for an idle-time prefetch, had there been one.
		await page.waitForTimeout(1500);
		expect(requested.filter((p) => /\.wasm$|wasi-worker|runner-element/.test(p))).toEqual([]);
	});

	it("fetches the panel's wasm and the worker's script while the pointer rests on it, before any click", async () => {
		const { page, requested } = await lesson();
		const wasm = await wasmOf(page);
		const fetched = page.waitForRequest((r) => new URL(r.url()).pathname === wasm);
		await pointAtRun(page);
		await fetched;
		await expect.poll(() => requested.some((p) => p.includes('wasi-worker'))).toBe(true);
		expect(await page.locator('br-runner').first().locator('[data-result]').isHidden()).toBe(true);
		expect(requested.filter((p) => p.endsWith('.wasm'))).toEqual([wasm]);
	});

	it('fetches the wasm when focus moves into the panel', async () => {
		const { page } = await lesson();
		const wasm = await wasmOf(page);
		const fetched = page.waitForRequest((r) => new URL(r.url()).pathname === wasm);
		await page.locator('br-runner').first().getByLabel('Arguments').focus();
		await fetched;
	});

	it('shows nothing when the prefetch fails offline; Run then reports the failure, and runs once back online', async () => {
		const { page } = await lesson();
		const wasm = await wasmOf(page);
		await page.route(`**${wasm}`, (route) => route.abort('internetdisconnected'));
		const failed = page.waitForEvent('requestfailed', (r) => new URL(r.url()).pathname === wasm);
		await pointAtRun(page);
		await failed;
		const panel = page.locator('br-runner').first();
		expect(await panel.locator('[data-result]').isHidden()).toBe(true);
		await runButton(page).click();
		await expect.poll(() => status(panel).textContent()).toBe('Could not start the program: Failed to fetch');
		await page.unroute(`**${wasm}`);
		await runButton(page).click();
		await expect.poll(() => status(panel).textContent()).toMatch(/^Exited with code 0 in/);
	});

	it('a runner that cannot load says so on the click, and loads on the next one once back online', async () => {
		const { page } = await lesson();
		// The runner's own module: the first thing a click on a panel fetches.
		await page.route('**/runner-element*.js', (route) => route.abort('internetdisconnected'));
		const panel = page.locator('br-runner').first();
		await runButton(page).click();
		await expect.poll(() => status(panel).textContent()).toBe('The runner could not be loaded (is the network down?). Press the button again to retry.');
		await page.unroute('**/runner-element*.js');
		await runButton(page).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 60_000 }).toMatch(/^Exited with code 0 in/);
	});
});
