// The terminal sandbox in real Chromium. WebContainer's runtime comes from
// StackBlitz, which this machine cannot reach, so these tests check what
// happens around the boot: isolation only on the sandbox routes, nothing
// loaded before the learner presses Start, and one plain sentence (never a
// hang) when the runtime cannot come.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, type Theme } from '../../scripts/lib/chromium.ts';
import { testPage } from './test-page.ts';
import { BOOT_LIMIT_MS } from '../../src/shared/sandbox-availability.ts';
import { projects } from '../../src/build/sandbox/projects.ts';
import { pagePaths, presenterPaths } from '../site/dist.ts';
import { violations } from './axe.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

const sandboxPaths = projects.map((p) => `/sandbox/${p.id}/`);
/** Requests that only a started sandbox makes. */
const SANDBOX_BYTES = /\/_astro\/(start|session)\.[^/]*\.js$|\/sandbox\/[^/]+\/files\.json$|stackblitz|webcontainer/;

async function open(path: string, theme: Theme = 'dark'): Promise<{ page: Page; requests: string[] }> {
	const page = await testPage(browser, theme);
	const requests: string[] = [];
	page.on('request', (request) => requests.push(request.url()));
	await page.goto(inject('siteUrl') + path, { waitUntil: 'networkidle' });
	return { page, requests };
}

const status = (page: Page) => page.locator('br-sandbox .sandbox-status');

describe('cross-origin isolation', () => {
	it.each(sandboxPaths)('%s is isolated', async (path) => {
		const { page } = await open(path);
		expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
	});

	it('no other page is, so the rest of the site can still embed cross-origin content', async () => {
		const others = [...pagePaths(), ...presenterPaths()].filter((p) => p !== '/404.html' && !p.startsWith('/sandbox/'));
		expect(others.length).toBeGreaterThan(20);
		const page = await testPage(browser, 'dark');
		const isolated: string[] = [];
		for (const path of others) {
			await page.goto(inject('siteUrl') + path);
			if (await page.evaluate(() => crossOriginIsolated)) isolated.push(path);
		}
		expect(isolated).toEqual([]);
	});
});

describe('before the learner presses Start', () => {
	it('no sandbox byte is loaded, even on pointer-over and focus; Start then loads them', async () => {
		const { page, requests } = await open('/sandbox/logstat/');
		await page.hover('br-sandbox');
		await page.focus('[data-sandbox-start]');
		await page.waitForTimeout(500);
		expect(requests.filter((url) => SANDBOX_BYTES.test(url))).toEqual([]);

		// Proof the check can fail: after Start the same filter catches them.
		await page.route(/stackblitz/, (route) => route.abort());
		await page.click('[data-sandbox-start]');
		await expect.poll(() => requests.filter((url) => /\/(start|session)\.[^/]*\.js$|files\.json$/.test(url)).length, { timeout: 10_000 }).toBe(3);
	});
});

describe('when the runtime cannot come', () => {
	it('offline: one plain sentence within a few seconds, and the page stays usable', async () => {
		const { page, requests } = await open('/sandbox/logstat/');
		await page.context().setOffline(true);
		const pressed = Date.now();
		await page.click('[data-sandbox-start]');
		await expect.poll(() => page.locator('br-sandbox').getAttribute('data-state'), { timeout: 3_000 }).toBe('unavailable');
		expect(Date.now() - pressed).toBeLessThan(3_000);
		expect(await status(page).textContent()).toBe(
			'The terminal cannot start: this browser is offline, and the terminal’s runtime has to be fetched from StackBlitz when it starts. The Run buttons in the lessons still work, offline too.',
		);
		const button = page.locator('[data-sandbox-start]');
		expect(await button.isEnabled()).toBe(true);
		expect(await button.textContent()).toBe('Try again');
		expect(requests.filter((url) => SANDBOX_BYTES.test(url))).toEqual([]);
		// Usable: the page still scrolls to its sections and Try again answers again.
		await page.locator('a[href="#when-it-cannot-start"]:visible').first().click();
		expect(await page.evaluate(() => location.hash)).toBe('#when-it-cannot-start');
		await button.click();
		await expect.poll(() => status(page).textContent()).toMatch(/offline/);
	});

	it(`a blocked network: the boot gives up after ${BOOT_LIMIT_MS / 1000} s with one sentence`, async () => {
		const { page } = await open('/sandbox/logstat/');
		await page.route(/stackblitz|webcontainer/, (route) => route.abort());
		const pressed = Date.now();
		await page.click('[data-sandbox-start]');
		await expect.poll(() => page.locator('br-sandbox').getAttribute('data-state'), { timeout: BOOT_LIMIT_MS + 5_000, interval: 250 }).toBe('unavailable');
		expect(Date.now() - pressed).toBeLessThan(BOOT_LIMIT_MS + 3_000);
		expect(await status(page).textContent()).toMatch(/^The terminal cannot start: WebContainer’s runtime did not arrive from StackBlitz within 15 seconds.*offline too\.$/);
		expect(await page.locator('[data-sandbox-start]').isEnabled()).toBe(true);
	});

	it.each(['light', 'dark'] as const)('the message passes axe (%s theme)', async (theme) => {
		const { page } = await open('/sandbox/logstat/', theme);
		await page.context().setOffline(true);
		await page.click('[data-sandbox-start]');
		await expect.poll(() => page.locator('br-sandbox').getAttribute('data-state')).toBe('unavailable');
		expect(await violations(page)).toEqual([]);
	});
});
