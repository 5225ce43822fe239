import type { Browser, Page } from 'playwright-core';
import { onTestFailed, onTestFinished } from 'vitest';
import { pageIn, type Theme } from '../../scripts/lib/chromium.ts';

/**
 * A page in a context of its own (scripts/lib/chromium.ts), closed when the
 * current test ends, passed or failed: a failed assertion must not leave a
 * page running its scripts and workers beside the next test's.
 *
 * What the page itself reported (script errors, console errors, requests
 * that failed) is printed when the test fails: a click that did nothing on a
 * loaded CI machine otherwise leaves only a timeout to go on.
 */
export async function testPage(browser: Browser, theme: Theme, width?: number): Promise<Page> {
	const page = await pageIn(browser, theme, width);
	const events: string[] = [];
	const started = performance.now();
	const at = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
	page.on('pageerror', (error) => events.push(`${at()} page error: ${error.message}`));
	page.on('console', (message) => {
		if (message.type() === 'error' || message.type() === 'warning') events.push(`${at()} console ${message.type()}: ${message.text()}`);
	});
	page.on('requestfailed', (request) => events.push(`${at()} request failed: ${request.url()} (${request.failure()?.errorText})`));
	onTestFailed(() => {
		console.error(`What the page reported (${page.url()}):\n${events.length > 0 ? events.join('\n') : 'nothing: no script error, console error or failed request'}`);
	});
	onTestFinished(() => page.context().close());
	return page;
}
