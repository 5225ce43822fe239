// The instructor's kit in real Chromium on the built site: a link to a code
// line scrolls to it and highlights it (a range too); the presenter view
// moves by keyboard with each section's notes beside it; the classroom
// summary tabulates exported progress files in the page; a schedule's times
// add up as the page shows them. axe checks each in both themes.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../../scripts/lib/chromium.ts';
import { exportFile } from '../../src/client/progress/progress-store.ts';
import { testPage } from './test-page.ts';
import { violations } from './axe.ts';

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(() => browser?.close());

const site = (path: string) => inject('siteUrl') + path;

/** Whether the element is inside the viewport, below the fixed header. */
const onScreen = (page: Page, selector: string) =>
	page.locator(selector).evaluate((el) => {
		const box = el.getBoundingClientRect();
		const header = document.querySelector('header.header')?.getBoundingClientRect().bottom ?? 0;
		return box.top >= header && box.bottom <= innerHeight;
	});

const background = (page: Page, selector: string) => page.locator(selector).evaluate((el) => getComputedStyle(el).backgroundColor);

describe('links to code lines', () => {
	it.each(['light', 'dark'] as const)('scroll to the line and highlight it, then a range (%s theme, axe)', async (theme) => {
		const page = await testPage(browser, theme);
		const id = await (async () => {
			await page.goto(site('/api/errors/'));
			// The third block with 14 lines or more that is not folded away in a <details>.
			return page.locator('.example > .expressive-code .ec-line[id$="-L14"]').evaluateAll((lines) => lines.filter((line) => !line.closest('details'))[2]!.id);
		})();
		await page.goto(site(`/api/errors/#${id}`), { waitUntil: 'networkidle' });
		await page.waitForTimeout(300);
		expect(await page.evaluate(() => document.querySelector(':target')?.id)).toBe(id);
		expect(await onScreen(page, `[id="${id}"]`)).toBe(true);
		const neighbour = id!.replace(/-L14$/, '-L13');
		expect(await background(page, `[id="${id}"]`)).not.toBe(await background(page, `[id="${neighbour}"]`));

		const block = id!.replace(/-L14$/, '');
		await page.goto(site(`/api/errors/#${block}-L2-L4`), { waitUntil: 'networkidle' });
		await page.waitForTimeout(300);
		expect(await page.locator('[data-line-marked]').evaluateAll((lines) => lines.map((l) => l.id))).toEqual([`${block}-L2`, `${block}-L3`, `${block}-L4`]);
		expect(await onScreen(page, `[id="${block}-L2"]`)).toBe(true);
		expect(await background(page, `[id="${block}-L3"]`)).not.toBe(await background(page, `[id="${block}-L5"]`));

		// Clicking a line's number gives its link, as on GitHub.
		await page.locator(`[id="${block}-L5"] a.ec-line-link`).click();
		expect(new URL(page.url()).hash).toBe(`#${block}-L5`);
		expect(await page.locator('[data-line-marked]').count()).toBe(0);
		expect(await violations(page)).toEqual([]);
	});
});

describe('presenter view', () => {
	it.each(['light', 'dark'] as const)('shows one section at a time with its notes, moved by keyboard (%s theme, axe)', async (theme) => {
		const page = await testPage(browser, theme, 1400);
		await page.goto(site('/api/errors/'));
		await page.getByText('Speaker notes').first().click();
		await page.getByRole('link', { name: 'Open the presenter view' }).first().click();
		await page.waitForURL(site('/present/api/errors/#1'));
		const position = page.locator('[data-presenter-position]');
		const sections = await page.locator('[data-presenter-slides] section').count();
		expect(sections).toBe((await page.locator('[data-presenter-slides] h2').count()) + 1);
		expect(await position.textContent()).toBe(`Section 1 of ${sections}: Introduction`);
		expect(await page.locator('[data-presenter-notes]').textContent()).toContain('Timing:');
		expect(await page.locator('[data-presenter-slides] section:visible').count()).toBe(1);
		expect(await violations(page)).toEqual([]);

		await page.keyboard.press('ArrowRight');
		expect(await position.textContent()).toMatch(new RegExp(`^Section 2 of ${sections}: What the articles do with errors$`));
		expect(new URL(page.url()).hash).toBe('#2');
		await page.keyboard.press('PageDown');
		await page.keyboard.press('Space');
		expect(await position.textContent()).toMatch(new RegExp(`^Section 4 of ${sections}: `));
		await page.keyboard.press('ArrowLeft');
		expect(await position.textContent()).toMatch(new RegExp(`^Section 3 of ${sections}: `));
		await page.keyboard.press('End');
		expect(await position.textContent()).toMatch(new RegExp(`^Section ${sections} of ${sections}: `));
		expect(await page.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true);
		await page.keyboard.press('Home');
		expect(await position.textContent()).toBe(`Section 1 of ${sections}: Introduction`);
		expect(await page.getByRole('button', { name: 'Previous' }).isDisabled()).toBe(true);

		// A section with notes of its own shows them instead of the plan.
		const withNotes = await page.locator('[data-presenter-slides] section').evaluateAll((all) => all.findIndex((s, i) => i > 0 && s.querySelector('details.speaker-notes')));
		expect(withNotes).toBeGreaterThan(0);
		await page.goto(site(`/present/api/errors/#${withNotes + 1}`));
		await expect.poll(() => position.textContent()).toMatch(new RegExp(`^Section ${withNotes + 1} of ${sections}: `));
		expect(await page.locator('.presenter-notes-title').textContent()).toBe('Notes for this section');
		expect(await page.locator('[data-presenter-slides] section:visible details.speaker-notes:visible').count()).toBe(0);

		// A heading's own link, clicked in the view, stays in its section.
		const anchor = page.locator('[data-presenter-slides] section:visible .sl-anchor-link').first();
		const before = await position.textContent();
		await anchor.click();
		await page.waitForTimeout(200);
		expect(new URL(page.url()).hash).toBe(`#${await page.locator('[data-presenter-slides] section:visible h2').first().getAttribute('id')}`);
		expect(await position.textContent()).toBe(before);

		// Code is large for the room.
		const size = await page.locator('[data-presenter-slides] .expressive-code pre').first().evaluate((pre) => parseFloat(getComputedStyle(pre).fontSize));
		expect(size).toBeGreaterThanOrEqual(18);

		await page.keyboard.press('Escape');
		await page.waitForURL(site('/api/errors/'));
	});
});

describe('classroom summary', () => {
	it.each(['light', 'dark'] as const)('tabulates the learners’ files in the page and names the ones it cannot read (%s theme, axe)', async (theme) => {
		const page = await testPage(browser, theme);
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.goto(site('/resources/instructors/'), { waitUntil: 'networkidle' });
		const file = (name: string, learner: string, lessons: string[], exercises: string[]) => ({
			name,
			mimeType: 'application/json',
			buffer: Buffer.from(
				JSON.stringify(
					exportFile(
						{ version: 1, lessons: Object.fromEntries(lessons.map((l) => [l, 1])), exercises: Object.fromEntries(exercises.map((e) => [e, 1])) },
						learner,
					),
				),
			),
		});
		const before = requests.length;
		await page.getByLabel('Your learners’ progress files').setInputFiles([
			file('ada.json', 'Ada', ['/why-rust/', '/getting-started/', '/api/errors/'], ['api/error-response', 'rust-book/ch04-ex-request-path']),
			file('mallory.json', '<img src=x onerror="document.title=1">', ['/why-rust/'], []),
			{ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') },
		]);
		const table = page.locator('[data-classroom-table] table');
		await table.waitFor();
		expect(await page.locator('[data-classroom-status]').textContent()).toBe('2 of 3 files summarised.');
		expect(await page.locator('[data-classroom-refused]').textContent()).toBe('notes.txt: it is not valid JSON');
		const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent)));
		expect(rows.map((r) => r[0])).toEqual(['<img src=x onerror="document.title=1">', 'Ada']);
		const ada = rows[1]!;
		expect(ada[1]).toMatch(/^1\/1 read, 0\/0 passed$/);
		expect(ada.at(-1)).toMatch(/^3\/\d+ read, 2\/\d+ passed$/);
		expect(await table.locator('img').count()).toBe(0);
		// Only the summary's own code was fetched: the files went nowhere.
		expect(requests.slice(before).every((url) => url.startsWith(inject('siteUrl')) && /\.js$/.test(url))).toBe(true);
		expect(await violations(page)).toEqual([]);
	});
});

describe('course schedules', () => {
	it('add up as the page shows them: lessons to days, days to the schedule', async () => {
		const page = await testPage(browser, 'light');
		await page.goto(site('/resources/schedules/'));
		const schedules = await page.locator('[data-schedule]').evaluateAll((all) =>
			all.map((s) => ({
				total: Number((s as HTMLElement).dataset['minutes']),
				days: [...s.querySelectorAll<HTMLElement>('[data-day]')].map((d) => ({
					total: Number(d.dataset['minutes']),
					items: [...d.querySelectorAll<HTMLElement>('[data-item]')].map((i) => Number(i.dataset['minutes'])),
				})),
			})),
		);
		expect(schedules.map((s) => s.days.length)).toEqual([1, 3, 5]);
		for (const schedule of schedules) {
			expect(schedule.days.reduce((sum, d) => sum + d.total, 0)).toBe(schedule.total);
			for (const day of schedule.days) {
				expect(day.items.reduce((a, b) => a + b, 0)).toBe(day.total);
				expect(day.total).toBeLessThanOrEqual(360);
			}
		}
	});
});
