// Prefetching without a script (src/build/neighbour-prefetch.ts): Chromium
// fetches the next lesson when the pointer rests on a link to it, and
// nothing before that; a link to any other page is fetched on click only.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { launch } from '../../scripts/lib/chromium.ts';
import { testPage } from './test-page.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

it('fetches the next lesson when the pointer rests on Next, and no page before', async () => {
	const page = await testPage(browser, 'light');
	const pages: string[] = [];
	page.on('request', (request) => {
		const path = new URL(request.url()).pathname;
		if (path.endsWith('/')) pages.push(path);
	});
	await page.goto(inject('siteUrl') + '/api/testing/', { waitUntil: 'networkidle' });
	expect(pages).toEqual(['/api/testing/']);

	// A sidebar link to a page that is neither next nor previous: nothing.
	await page.locator('#starlight__sidebar a[href="/why-rust/"]').hover();
	await page.waitForTimeout(500);
	expect(pages).toEqual(['/api/testing/']);

	const next = page.locator('.pagination-links a[rel="next"]');
	const href = await next.getAttribute('href');
	await next.hover();
	await expect.poll(() => pages).toEqual(['/api/testing/', href]);
});
