/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser),
 * with the flags that work on machines without general internet access.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

export function launch(): Promise<Browser> {
	return chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

export type Theme = 'light' | 'dark';

/** A page that opens every URL in the given Starlight theme. */
export async function pageIn(browser: Browser, theme: Theme, width = 1280): Promise<Page> {
	const context = await browser.newContext({ viewport: { width, height: 900 } });
	await context.addInitScript((t) => localStorage.setItem('starlight-theme', t), theme);
	return context.newPage();
}
