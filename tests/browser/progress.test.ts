// Progress without an account, in real Chromium on the built site: an
// exercise passed in the page is recorded, kept over a reload, exported and
// imported in another browser; a lesson read to the end gets its sidebar
// mark with no layout shift, and the landing page offers to resume it;
// unreadable and full storage are explained and lose nothing; reset asks
// first. axe checks the Your progress page in its live states.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { extract } from '../../src/build/workspace/anchors.ts';
import { crateNamed, examplesRoot } from '../../src/build/workspace/workspace.ts';
import { PROGRESS_KEY } from '../../src/client/progress/progress-key.ts';
import { testPage } from './test-page.ts';
import { chromiumAndCompileServer, checkOn } from './compile-server.ts';
import { violations } from './axe.ts';
import { editTo, status } from './run-panel.ts';

const LESSON = '/rust-book/ownership/';
const exercise = crateNamed('book-ownership').exercises[0]!;
const exerciseId = `rust-book/${exercise.name}`;
const solution = extract(readFileSync(join(examplesRoot, exercise.solution), 'utf8'), 'solution', exercise.solution);
const PROGRESS = '/resources/progress/';

const lab = chromiumAndCompileServer();

const site = (path: string) => inject('siteUrl') + path;
const stored = (page: Page) => page.evaluate((key) => localStorage.getItem(key), PROGRESS_KEY);
const progressStatus = (page: Page) => page.locator('[data-progress-status]');

/** The page's layout shifts so far, as Chromium reports them: each one's score and what moved. */
const layoutShifts = (page: Page) =>
	page.evaluate(
		() =>
			new Promise<string[]>((done) => {
				const shifts: string[] = [];
				type Shift = PerformanceEntry & { value: number; sources: { node?: Node; previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] };
				new PerformanceObserver((list) => {
					for (const entry of list.getEntries() as Shift[]) {
						const moved = entry.sources.map((s) => `${s.node instanceof Element ? s.node.outerHTML.slice(0, 80) : s.node?.textContent?.slice(0, 40)} from y ${s.previousRect.y} to ${s.currentRect.y}`);
						shifts.push(`${entry.value.toFixed(4)} at ${Math.round(entry.startTime)} ms: ${moved.join('; ')}`);
					}
				}).observe({ type: 'layout-shift', buffered: true });
				setTimeout(() => done(shifts), 300);
			}),
	);

describe('progress', { timeout: 180_000 }, () => {
	it('records an exercise passed in the page, keeps it over a reload, exports it and imports it in another browser', async () => {
		const page = await testPage(lab.browser, 'light');
		await page.goto(site(LESSON), { waitUntil: 'networkidle' });
		const panel = page.locator(`br-runner[data-source="${exercise.starter}"]`);
		await checkOn(panel, lab.compileUrl);
		await editTo(page, panel, solution);
		await panel.getByRole('button', { name: 'Check with the tests' }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 90_000 }).toMatch(/^All \d+ tests passed\. It is marked as passed in your progress\./);

		await page.goto(site(PROGRESS));
		await page.reload();
		const item = page.locator(`[data-exercise="${exerciseId}"]`);
		await expect.poll(() => item.getAttribute('data-done')).toBe('');
		expect(await item.locator('[data-state]').textContent()).toBe('passed');
		expect(await page.locator('[data-progress-totals]').textContent()).toMatch(/, 1 of \d+ exercises passed\.$/);

		await page.getByLabel('Name on the exported file (optional)').fill('Ada Lovelace');
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to a file' }).click()]);
		expect(download.suggestedFilename()).toMatch(/^backend-rust-progress-\d{4}-\d{2}-\d{2}\.json$/);
		const text = readFileSync(await download.path(), 'utf8');
		const exported = JSON.parse(text);
		const file = { name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) };
		expect(exported).toMatchObject({ format: 'backend-rust-progress', name: 'Ada Lovelace', progress: { version: 1, exercises: { [exerciseId]: expect.any(Number) } } });

		// Another browser: a fresh context with nothing stored.
		const other = await testPage(lab.browser, 'dark');
		await other.goto(site(PROGRESS));
		expect(await other.locator(`[data-exercise="${exerciseId}"] [data-state]`).textContent()).toBe('not yet');
		await other.getByLabel('Import a file').setInputFiles(file);
		await expect.poll(() => progressStatus(other).textContent()).toMatch(/^Imported backend-rust-progress-.*\.json: \d+ lessons? and 1 exercise added to what this browser had\.$/);
		expect(await other.locator(`[data-exercise="${exerciseId}"]`).getAttribute('data-done')).toBe('');
		expect(JSON.parse((await stored(other))!).exercises[exerciseId]).toBe(exported.progress.exercises[exerciseId]);
		expect(await violations(other)).toEqual([]);
	});

	it('marks a lesson read once its end is on screen, in the sidebar without a layout shift, and the landing page resumes it', async () => {
		const page = await testPage(lab.browser, 'light');
		const lesson = '/api/errors/';
		await page.goto(site(lesson), { waitUntil: 'networkidle' });
		const link = page.locator(`#starlight__sidebar a[href="${lesson}"]`);
		expect(await link.getAttribute('data-read')).toBeNull();
		expect(JSON.parse((await stored(page))!)).toMatchObject({ lessons: {}, last: { path: lesson, title: 'Errors that scale' } });
		await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
		await expect.poll(async () => JSON.parse((await stored(page))!).lessons[lesson]).toEqual(expect.any(Number));
		expect(await link.getAttribute('data-read')).toBe('');

		// The mark is there from the first paint after a reload, and nothing moved for it.
		await page.goto(site('/api/testing/'), { waitUntil: 'networkidle' });
		expect(await page.locator(`#starlight__sidebar a[href="${lesson}"]`).getAttribute('data-read')).toBe('');
		expect(await page.locator(`#starlight__sidebar a[href="${lesson}"]`).evaluate((a) => getComputedStyle(a, '::after').content)).toBe('"✓" / "read"');
		expect(await layoutShifts(page)).toEqual([]);
		// The mark takes no room: the link's box and its text's lines are the same without it.
		const boxes = await page.locator(`#starlight__sidebar a[href="${lesson}"]`).evaluate((a) => {
			const measure = () => JSON.stringify([a.getBoundingClientRect(), [...a.getClientRects()].length, a.firstElementChild!.getBoundingClientRect()]);
			const marked = measure();
			a.removeAttribute('data-read');
			const unmarked = measure();
			a.setAttribute('data-read', '');
			return [marked, unmarked];
		});
		expect(boxes[0]).toBe(boxes[1]);

		await page.goto(site('/'), { waitUntil: 'networkidle' });
		const resume = page.locator('[data-resume]');
		await expect.poll(() => resume.isVisible()).toBe(true);
		// The last lesson opened was /api/testing/.
		expect(await resume.getByRole('link').getAttribute('href')).toBe('/api/testing/');
		expect(await resume.textContent()).toBe('Resume where you stopped: Testing against a real database.');
		expect(await layoutShifts(page)).toEqual([]);
		await resume.getByRole('link').click();
		await page.waitForURL(site('/api/testing/'));
	});

	it('leaves unreadable progress as it is, says so, offers it as a download, and resets it only when confirmed', async () => {
		const page = await testPage(lab.browser, 'dark');
		await page.goto(site('/'));
		await page.evaluate((key) => localStorage.setItem(key, '{"version": 1, "lessons": oops'), PROGRESS_KEY);
		await page.goto(site('/api/errors/'), { waitUntil: 'networkidle' });
		await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
		await page.waitForTimeout(300);
		expect(await stored(page)).toBe('{"version": 1, "lessons": oops');

		await page.goto(site(PROGRESS));
		expect((await page.locator('[data-problem="unreadable"]').textContent())!.replace(/\s+/g, ' ').trim()).toBe(
			'The progress stored in this browser cannot be read: it is not valid JSON. It has not been changed. Download it as it is to keep it, or reset to start again.',
		);
		const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download as it is' }).click()]);
		expect(readFileSync(await download.path(), 'utf8')).toBe('{"version": 1, "lessons": oops');
		expect(await violations(page)).toEqual([]);

		await page.getByRole('button', { name: 'Reset…' }).click();
		const dialog = page.getByRole('dialog', { name: 'Reset your progress?' });
		await dialog.waitFor();
		// In the middle of the window, where a modal belongs (Starlight's reset had put it in a corner).
		const box = (await dialog.boundingBox())!;
		expect(Math.abs(box.x + box.width / 2 - 640)).toBeLessThan(2);
		expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Keep it');
		expect(await violations(page)).toEqual([]);
		await dialog.getByRole('button', { name: 'Keep it' }).click();
		await expect.poll(() => progressStatus(page).textContent()).toBe('Nothing was reset.');
		expect(await stored(page)).toBe('{"version": 1, "lessons": oops');

		await page.getByRole('button', { name: 'Reset…' }).click();
		await dialog.waitFor();
		await page.keyboard.press('Escape');
		await expect.poll(() => progressStatus(page).textContent()).toBe('Nothing was reset.');
		expect(await stored(page)).toBe('{"version": 1, "lessons": oops');

		await page.getByRole('button', { name: 'Reset…' }).click();
		await dialog.waitFor();
		await dialog.getByRole('button', { name: 'Reset my progress' }).click();
		await expect.poll(() => progressStatus(page).textContent()).toBe('Your progress was reset.');
		expect(await stored(page)).toBeNull();
		expect(await page.locator('[data-problem="unreadable"]').isHidden()).toBe(true);
	});

	it.each([
		['{"version": 1, "lessons": {"/why-rust/": 1e999}, "exercises": {}}'],
		['{"version": 1, "lessons": {}, "exercises": {"api/x": "yesterday"}}'],
		['{"version": 1, "lessons": {"/why-rust/": -5}, "exercises": {}}'],
		['{"version": 2, "lessons": {}, "exercises": {}}'],
	])('a lesson page leaves a stored value the Your progress page cannot read as it is: %s', async (raw) => {
		const page = await testPage(lab.browser, 'light');
		await page.goto(site('/'));
		await page.evaluate(([key, value]) => localStorage.setItem(key!, value!), [PROGRESS_KEY, raw]);
		await page.goto(site('/api/errors/'), { waitUntil: 'networkidle' });
		await page.locator('[data-lesson-end]').scrollIntoViewIfNeeded();
		await page.waitForTimeout(300);
		expect(await stored(page)).toBe(raw);
		await page.goto(site(PROGRESS));
		expect(await page.locator('[data-problem="unreadable"]').isVisible()).toBe(true);
	});

	it('says so when storage is full, and keeps what was saved', async () => {
		const page = await testPage(lab.browser, 'light');
		await page.goto(site(PROGRESS));
		const before = JSON.stringify({ version: 1, lessons: { '/why-rust/': 1 }, exercises: {} });
		// Fill this origin's storage with junk until the browser refuses more.
		await page.evaluate(
			([key, value]) => {
				localStorage.setItem(key!, value!);
				let chunk = 'x'.repeat(1 << 20);
				for (let i = 0; chunk.length > 0; i++) {
					try {
						localStorage.setItem(`junk-${i}`, chunk);
					} catch {
						chunk = chunk.slice(chunk.length / 2);
						if (chunk.length < 16) break;
					}
				}
			},
			[PROGRESS_KEY, before],
		);
		await page.reload();
		expect((await page.locator('[data-problem="full"]').textContent())!.replace(/\s+/g, ' ').trim()).toMatch(/^This browser’s storage for the site is full, so new progress may not be saved/);
		expect(await page.locator('[data-problem="full"]').isVisible()).toBe(true);
		const local = page.locator('[data-action="mark-passed"]').first();
		await local.scrollIntoViewIfNeeded();
		await local.click();
		await expect.poll(() => progressStatus(page).textContent()).toBe(
			'Your progress could not be saved: this browser’s storage for the site is full. Free some space (or export your progress to a file), then try again.',
		);
		expect(await stored(page)).toBe(before);
	});

	it('refuses a file that is not a progress export, naming it, and changes nothing', async () => {
		const page = await testPage(lab.browser, 'light');
		await page.goto(site(PROGRESS));
		await page.getByLabel('Import a file').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') });
		await expect.poll(() => progressStatus(page).textContent()).toBe('notes.json was not imported: it is not a progress file exported from this site. Your progress here is unchanged.');
		expect(await stored(page)).toBeNull();
	});
});
