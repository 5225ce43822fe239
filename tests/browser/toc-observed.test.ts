// The table of contents marks the section being read from the elements it
// watches. src/client/toc/observed-elements.ts finds them without
// Starlight's whole-page query (src/build/toc-observed-elements.ts swaps it
// in): here, on every built page, the two give the same elements in the
// same order, and on a long lesson the link of the section scrolled to is
// marked as current.
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { observedElements } from '../../src/client/toc/observed-elements.ts';
import { STARLIGHT_SELECTORS } from '../../src/build/toc-observed-elements.ts';
import { distDir, pagePaths } from '../site/dist.ts';
import { launch, pageIn } from '../../scripts/lib/chromium.ts';
import { testPage } from './test-page.ts';

let browser: Browser;
let shared: Page;
beforeAll(async () => {
	browser = await launch();
	// One page for the comparisons, which only read the DOM: a context each
	// cost more than the comparison on most pages.
	shared = await pageIn(browser, 'light');
});
afterAll(() => browser?.close());

describe('the table of contents watches the elements Starlight chose', () => {
	it('the built TOC script carries the new search and not the old query', () => {
		const scripts = readdirSync(`${distDir}/_astro`).filter((file) => /^starlight-toc\..*\.js$/.test(file));
		expect(scripts).toHaveLength(1);
		const code = readFileSync(`${distDir}/_astro/${scripts[0]}`, 'utf8');
		expect(code).not.toContain(':has(');
		expect(code).toContain('.sl-heading-wrapper');
	});

	it.each(pagePaths().filter((path) => path !== '/404.html'))('%s: the same elements as Starlight’s query', async (path) => {
		await shared.goto(inject('siteUrl') + path, { waitUntil: 'domcontentloaded' });
		await shared.evaluate(`window.observedElements = ${observedElements.toString()}`);
		const result = await shared.evaluate((selectors) => {
			const toc = document.querySelector('starlight-toc') as (Element & { tocHeadingSelector: string }) | null;
			if (!toc) return undefined;
			// Starlight's own query, from the selectors the build replaced, with its element's heading selector.
			const query = new Function(`return [${selectors.join(',')}].join();`).call({ tocHeadingSelector: toc.tocHeadingSelector }) as string;
			const starlight = [...document.querySelectorAll(query)];
			const ours = (window as unknown as { observedElements: (h: string) => Element[] }).observedElements(toc.tocHeadingSelector);
			const describe = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`;
			return {
				count: starlight.length,
				onlyStarlight: starlight.filter((el) => !ours.includes(el)).map(describe),
				onlyOurs: ours.filter((el) => !starlight.includes(el)).map(describe),
				// The same elements in the same (document) order: the observer reports them in it.
				sameOrder: ours.length === starlight.length && ours.every((el, i) => el === starlight[i]),
			};
		}, STARLIGHT_SELECTORS);
		if (result === undefined) return; // a page without a table of contents (the splash page)
		expect(result.count).toBeGreaterThan(0);
		expect(result).toEqual({ count: result.count, onlyStarlight: [], onlyOurs: [], sameOrder: true });
	});

	it('marks the section scrolled to as current, on the desktop and the mobile contents', async () => {
		for (const width of [1280, 390]) {
			const page = await testPage(browser, 'light', width);
			await page.goto(inject('siteUrl') + '/api/testing/', { waitUntil: 'load' });
			const heading = page.locator('.sl-markdown-content h2[id]').nth(3);
			const id = await heading.getAttribute('id');
			// To the top of the window, as a click on its contents link does.
			await heading.evaluate((el) => el.scrollIntoView({ block: 'start' }));
			const tag = width === 1280 ? 'starlight-toc' : 'mobile-starlight-toc';
			await expect.poll(() => page.locator(`${tag} a[aria-current="true"]`).getAttribute('href')).toBe(`#${id}`);
		}
	});
});
