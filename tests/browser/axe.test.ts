// axe-core in real Chromium on every built page, in both themes: 0 violations.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pagePaths, presenterPaths } from '../site/dist.ts';
import { launch } from '../../scripts/lib/chromium.ts';
import { testPage } from './test-page.ts';
import { runAxe, violations } from './axe.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

describe('accessibility (axe-core)', () => {
	// One load a page: checked in the light theme, then switched to dark with
	// the header's theme picker, as a reader does, and checked again. (The
	// load event, not network idle: nothing a page fetches later changes
	// what axe reads, and the idle wait cost half a second a page.) A theme
	// changes colours and nothing else (the same elements, roles, names and
	// layout), so the dark pass runs the rules about colour that the light
	// pass ran: the others would find the same again, at a third of axe's
	// time on a long lesson.
	// The presenter views are one template over the lessons' content, which
	// the lessons' own pages check: one of them stands for all (and
	// tests/browser/course-kit.test.ts checks one in use, in both themes).
	const PRESENTER = '/present/going-further/workers/';
	it('has the presenter view it samples', () => {
		expect(presenterPaths()).toContain(PRESENTER);
	});
	const pages = [...pagePaths(), PRESENTER];
	it.each(pages)('light, then dark theme: %s', async (path) => {
		const page = await testPage(browser, 'light');
		await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
		expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('light');
		const light = await runAxe(page);
		expect(light.violations, 'light theme').toEqual([]);
		expect(light.colorRules).toContain('color-contrast');
		await page.getByRole('combobox', { name: 'Select theme' }).first().selectOption('dark');
		expect(await page.evaluate(() => document.documentElement.dataset['theme'])).toBe('dark');
		const dark = await runAxe(page, light.colorRules);
		expect(dark.violations, 'dark theme').toEqual([]);
		expect(dark.ran.sort()).toEqual([...light.colorRules].sort());
	});

	// The Run panel in its live states: output shown, then the editor open.
	it.each([
		['light', 1280],
		['dark', 1280],
		['light', 390],
		['dark', 390],
	] as const)('Run panel after a run and while editing, %s theme, %i px wide', async (theme, width) => {
		const page = await testPage(browser, theme, width);
		await page.goto(inject('siteUrl') + '/getting-started/', { waitUntil: 'networkidle' });
		const panel = page.locator('br-runner').first();
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => panel.locator('[data-status]').textContent()).toMatch(/^Exited/);
		expect(await violations(page)).toEqual([]);
		await panel.getByRole('button', { name: 'Edit' }).click();
		await page.locator('.runner-editor .cm-content').waitFor();
		expect(await violations(page)).toEqual([]);
		const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
		expect(overflow).toBe(0);
	});
});
