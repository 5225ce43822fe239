// Learners' questions, typed into the site's own search dialog: the page that
// answers each must be among the first three results for at least 95% of
// them.
//
// Why the dialog and not pagefind.search(): the dialog is what a learner
// uses, with the `pagefind.ranking` options Starlight passes it from
// astro.config.mjs; a bare pagefind.search() gets them only if the dialog's
// script has already configured Pagefind in that page.
//
// Why the top 3: a learner reads the first few results and then rephrases
// rather than scrolls, and the dialog shows two or three pages, each with
// its matching sections and description, before any scrolling (two at
// 1280x800 and 1440x900, three at 1920x1080).
//
// Why 95% and not 100%: short queries are ambiguous ("pagination" is also a
// struct exercise in the Book companion), and chasing the last few would mean
// writing pages for the search engine instead of the reader. With about 70
// questions, 95% allows three misses; each miss is printed with what ranked
// above it, so a new one is visible at once.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pagePaths } from '../site/dist.ts';
import { launch, pageIn } from '../../scripts/lib/chromium.ts';
import { QUESTIONS } from './search-questions.ts';

const TOP = 3;
const REQUIRED_SHARE = 0.95;

let browser: Browser;
let page: Page;
beforeAll(async () => {
	browser = await launch();
	page = await pageIn(browser, 'dark');
	await page.goto(inject('siteUrl') + '/', { waitUntil: 'networkidle' });
	await page.click('button[data-open-modal]');
	// Starlight mounts Pagefind's UI in an idle callback after load.
	await page.locator('#starlight__search input').waitFor();
});
afterAll(() => browser?.close());

const RESULTS = '#starlight__search ol.pagefind-ui__results > li.pagefind-ui__result';

/** The URLs of the first pages the dialog lists for `query`, in order. */
async function topPages(query: string): Promise<string[]> {
	await page.locator('#starlight__search input').fill(query);
	// Done when the message names this query ("12 results for …", "No
	// results for …"; "Searching for …" ends in an ellipsis) and the first
	// results have loaded their titles (each loads on its own, so a later
	// one may appear before an earlier one).
	await page
		.waitForFunction(
			([query, results, top]) => {
				const message = document.querySelector('#starlight__search .pagefind-ui__message')?.textContent?.trim() ?? '';
				if (!message.endsWith(` for ${query}`)) return false;
				const first = [...document.querySelectorAll(results)].slice(0, top);
				return first.every((result) => result.querySelector('.pagefind-ui__result-inner > .pagefind-ui__result-title > a'));
			},
			[query, RESULTS, TOP] as const,
			{ timeout: 15_000 },
		)
		.catch((error: Error) => {
			throw new Error(`the search dialog did not finish listing results for "${query}" within 15 s: ${error.message}`);
		});
	return page
		.locator(`${RESULTS} > .pagefind-ui__result-inner > .pagefind-ui__result-title > a`)
		.evaluateAll((links, top) => links.slice(0, top).map((link) => link.getAttribute('href') ?? ''), TOP);
}

describe('search answers learners’ questions', () => {
	it('lists only pages that exist, each question once', () => {
		const built = new Set(pagePaths());
		const missing = QUESTIONS.flatMap(([, ...pages]) => pages.filter((path) => !built.has(path)));
		expect(missing, 'expected pages not in dist/').toEqual([]);
		const queries = QUESTIONS.map(([query]) => query);
		expect(queries.filter((query, i) => queries.indexOf(query) !== i), 'repeated questions').toEqual([]);
		expect(QUESTIONS.length).toBeGreaterThanOrEqual(30);
	});

	it(`puts the answering page in the top ${TOP} for at least ${REQUIRED_SHARE * 100}% of questions`, async () => {
		const misses: string[] = [];
		for (const [query, ...pages] of QUESTIONS) {
			const found = await topPages(query);
			if (!found.some((url) => pages.includes(url))) {
				misses.push(`  "${query}": wanted ${pages.join(' or ')}; top ${TOP}: ${found.join(', ') || 'no results'}`);
			}
		}
		const share = (QUESTIONS.length - misses.length) / QUESTIONS.length;
		console.log(
			`search: ${QUESTIONS.length - misses.length} of ${QUESTIONS.length} questions (${(share * 100).toFixed(1)}%) find their page in the top ${TOP}` +
				(misses.length ? `; misses:\n${misses.join('\n')}` : ''),
		);
		expect(share).toBeGreaterThanOrEqual(REQUIRED_SHARE);
	});
});
