import type { Browser, Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import { pageIn, type Theme } from '../../scripts/lib/chromium.ts';

/**
 * A page in a context of its own (scripts/lib/chromium.ts), closed when the
 * current test ends, passed or failed: a failed assertion must not leave a
 * page running its scripts and workers beside the next test's.
 */
export async function testPage(browser: Browser, theme: Theme, width?: number): Promise<Page> {
	const page = await pageIn(browser, theme, width);
	onTestFinished(() => page.context().close());
	return page;
}
