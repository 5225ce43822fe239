/**
 * What the tests that compile on a server share: Chromium and a real,
 * sandboxed local compile server that answers the built site, started once
 * for a test file and closed after it, and a way to point a panel at a
 * server in place of the public Playground.
 */
import type { Server } from 'node:http';
import type { Browser, Locator } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch } from '../../scripts/lib/chromium.ts';
import { startPlaygroundServer, type PlaygroundLimits } from '../../scripts/playground/server.ts';

/** Registers the file's hooks; read `browser` and `compileUrl` inside its tests. */
export function chromiumAndCompileServer(limits: Partial<PlaygroundLimits> = {}): { readonly browser: Browser; readonly compileUrl: string } {
	let browser: Browser | undefined;
	let server: Server | undefined;
	let url = '';
	beforeAll(async () => {
		browser = await launch();
		({ server, url } = await startPlaygroundServer({ origins: [inject('siteUrl')], limits }));
	});
	afterAll(async () => {
		await browser?.close();
		server?.close();
	});
	return {
		get browser() {
			return browser!;
		},
		get compileUrl() {
			return url;
		},
	};
}

/** Makes the panel send edited code to the compile server at `url`. */
export function checkOn(panel: Locator, url: string): Promise<string> {
	return panel.evaluate((el, to) => (el.dataset['playground'] = to), url);
}
