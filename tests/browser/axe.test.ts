// axe-core in real Chromium on every built page, in both themes: 0 violations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pagePaths } from '../site/dist.ts';
import { launch, pageIn, type Theme } from './chromium.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
	id: string;
	impact: string;
	help: string;
	nodes: { target: string[] }[];
}

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

const cases = (['light', 'dark'] as Theme[]).flatMap((theme) => pagePaths().map((path) => [theme, path] as const));

describe('accessibility (axe-core)', () => {
	it.each(cases)('%s theme: %s', async (theme, path) => {
		const page = await pageIn(browser, theme);
		await page.goto(inject('siteUrl') + path, { waitUntil: 'networkidle' });
		expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe(theme);
		await page.addScriptTag({ content: axeSource });
		const violations = await page.evaluate(async () => {
			const axe = (window as unknown as { axe: { run: () => Promise<{ violations: Violation[] }> } }).axe;
			return (await axe.run()).violations;
		});
		await page.context().close();
		const summary = violations.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
		expect(summary).toEqual([]);
	});
});
