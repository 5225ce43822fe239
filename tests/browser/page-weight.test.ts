// Budget: a page ships no more script before interaction than a stock
// Starlight page of the same version, plus 2 KB. Prints the figures.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pagePaths } from '../site/dist.ts';
import { launch, pageIn } from '../../scripts/lib/chromium.ts';
import { testPage } from './test-page.ts';
import { scriptWeight, type ScriptWeight } from './script-weight.ts';

const BUDGET_OVER_STOCK = 2048;

let browser: Browser;
let stock: ScriptWeight;
beforeAll(async () => {
	browser = await launch();
	const page = await pageIn(browser, 'dark');
	try {
		stock = await scriptWeight(page, `${inject('stockUrl')}/guides/lesson/`);
	} finally {
		await page.context().close();
	}
	console.log(`stock Starlight lesson page: ${stock.total} B of script (${stock.inlineBytes} B inline; ${stock.files.map((f) => `${f.url} ${f.bytes} B`).join(', ')})`);
});
afterAll(() => browser?.close());

describe('script before interaction, against stock Starlight + 2 KB', () => {
	it('measures a real baseline', () => {
		expect(stock.total).toBeGreaterThan(1000);
	});

	// pagePaths() leaves out the presenter views (/present/…/): one is opened
	// by an instructor's click on a lesson's speaker notes, so the budget for
	// a page nobody has acted on does not apply to it.
	it.each(pagePaths().filter((p) => p !== '/404.html'))('%s', async (path) => {
		const page = await testPage(browser, 'dark');
		const ours = await scriptWeight(page, inject('siteUrl') + path);
		const extra = ours.total - stock.total;
		console.log(`${path}: ${ours.total} B of script, ${extra >= 0 ? '+' : ''}${extra} B against stock (budget +${BUDGET_OVER_STOCK} B)`);
		expect(ours.total).toBeLessThanOrEqual(stock.total + BUDGET_OVER_STOCK);
	});
});
