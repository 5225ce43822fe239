// A click on a table-of-contents entry brings its heading to the top of the
// window. Code blocks are laid out only near the viewport
// (src/styles/offscreen-code.css), so the jump is computed with estimated
// heights and the blocks above the heading then take their real ones; the
// browser's scroll anchoring must keep the heading in place. It did not
// while the contents column was picked as the anchor: on the API testing
// lesson a heading landed 15,000 px below the window.
//
// The longest page is where the estimates are furthest off, so it is the
// one tried, each entry from a freshly loaded page (a block shown once
// keeps its real height), on the desktop and the mobile contents. (The
// column that was picked exists only on the desktop layout; on a phone the
// contents are a bar fixed under the header, and the test guards the jump
// in general.)
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../../scripts/lib/chromium.ts';
import { distDir, pagePaths } from '../site/dist.ts';
import { testPage } from './test-page.ts';

const LONGEST = 1;
const longest = pagePaths()
	.filter((path) => path.endsWith('/'))
	.map((path) => ({ path, bytes: statSync(join(distDir, path, 'index.html')).size }))
	.sort((a, b) => b.bytes - a.bytes)
	.slice(0, LONGEST)
	.map(({ path }) => path);

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

/** Where the heading ended up, and where a jump to it should put it. */
async function landing(page: Page, id: string) {
	return page.evaluate(async (id) => {
		const frame = () => new Promise((done) => requestAnimationFrame(done));
		// Blocks near the new position are laid out over the next frames.
		for (let i = 0; i < 10; i++) await frame();
		const root = document.documentElement;
		return {
			top: Math.round(document.getElementById(id)!.getBoundingClientRect().top),
			// Starlight keeps headings clear of its fixed header this way.
			expected: Math.round(parseFloat(getComputedStyle(root).scrollPaddingTop)),
			// The last sections cannot reach the top: the page ends first.
			atBottom: Math.ceil(scrollY + innerHeight) >= root.scrollHeight - 1,
			height: innerHeight,
		};
	}, id);
}

describe.each([
	{ width: 1280, contents: 'starlight-toc' },
	{ width: 390, contents: 'mobile-starlight-toc' },
])('a contents entry at $width px brings its heading to the top', ({ width, contents }) => {
	it.each(longest)('%s', async (path) => {
		const page = await testPage(browser, 'light', width);
		const url = inject('siteUrl') + path;
		await page.goto(url, { waitUntil: 'load' });
		const hrefs = await page.locator(`${contents} nav a`).evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
		// The first entry is the page's title, at the top already.
		const entries = hrefs.slice(1);
		expect(entries.length).toBeGreaterThan(3);
		const misplaced: string[] = [];
		for (const href of entries) {
			// Native links and <details>: nothing to wait for past the HTML and its styles.
			await page.goto(url, { waitUntil: 'domcontentloaded' });
			if (contents === 'mobile-starlight-toc') await page.locator(`${contents} summary`).click();
			await page.locator(`${contents} a[href="${href}"]`).click();
			const { top, expected, atBottom, height } = await landing(page, decodeURIComponent(href.slice(1)));
			// At the page's end, the heading anywhere below the header and in the window.
			const placed = atBottom ? top >= expected - 1 && top < height : Math.abs(top - expected) <= 1;
			if (!placed) misplaced.push(`${href}: at ${top} px, expected ${expected}${atBottom ? ' or lower at the end of the page' : ''}`);
		}
		expect(misplaced).toEqual([]);
	});
});
