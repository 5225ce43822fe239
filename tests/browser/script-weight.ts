/**
 * How much first-party script a page runs before the learner does anything:
 * every same-origin script file it loads plus its inline scripts, in bytes
 * as served (uncompressed), measured in Chromium once the page is idle:
 * Starlight itself loads its search UI in an idle callback, so stopping at
 * the first quiet network would count it on some runs and not others.
 */
import type { Page, Response } from 'playwright-core';

export interface ScriptWeight {
	files: { url: string; bytes: number }[];
	inlineBytes: number;
	total: number;
}

export async function scriptWeight(page: Page, url: string): Promise<ScriptWeight> {
	const origin = new URL(url).origin;
	const pending: Promise<{ url: string; bytes: number }>[] = [];
	const onResponse = (response: Response) => {
		const request = response.request();
		if (request.resourceType() === 'script' && response.url().startsWith(origin)) {
			pending.push(response.body().then((body) => ({ url: response.url().slice(origin.length), bytes: body.length })));
		}
	};
	page.on('response', onResponse);
	await page.goto(url, { waitUntil: 'networkidle' });
	await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(() => done(null)))));
	await page.waitForLoadState('networkidle');
	const inlineBytes = await page.evaluate(() =>
		[...document.querySelectorAll('script:not([src])')]
			.filter((s) => !/json/.test(s.getAttribute('type') ?? ''))
			.reduce((sum, s) => sum + new TextEncoder().encode(s.textContent ?? '').length, 0),
	);
	// Stop counting before awaiting: a script arriving later would otherwise
	// read its body after the test closed the page, an unhandled rejection.
	page.off('response', onResponse);
	const files = (await Promise.all(pending)).sort((a, b) => a.url.localeCompare(b.url));
	return { files, inlineBytes, total: inlineBytes + files.reduce((sum, f) => sum + f.bytes, 0) };
}
