// Printing: a lesson of each part printed to PDF by Chromium, as a reader's
// "Save as PDF" does (backgrounds off), then each page rendered to an image
// by poppler's pdftoppm and checked: ink on every page, none in the side
// margins (nothing cut off or running past the paper), no dark page (the
// screen's dark theme left behind); and the text holds the lesson and its
// speaker notes, but not the sidebar, the table of contents or the buttons.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../../scripts/lib/chromium.ts';
import { testPage } from './test-page.ts';

let browser: Browser;
let dir: string;
beforeAll(async () => {
	browser = await launch();
	dir = mkdtempSync(join(tmpdir(), 'print-'));
});
afterAll(async () => {
	await browser?.close();
	rmSync(dir, { recursive: true, force: true });
});

interface PageImage {
	width: number;
	height: number;
	/** Grey levels, 0 black to 255 white, row by row. */
	grey: Uint8Array;
}

/** Reads a binary PPM (P6), as pdftoppm writes it, into grey levels. */
function readPpm(file: string): PageImage {
	const data = readFileSync(file);
	const header = data.toString('latin1', 0, 50).match(/^P6\s+(\d+)\s+(\d+)\s+255\s/)!;
	const [width, height] = [Number(header[1]), Number(header[2])];
	const start = header[0].length;
	const grey = new Uint8Array(width * height);
	for (let i = 0; i < grey.length; i++) grey[i] = Math.round((data[start + 3 * i]! + data[start + 3 * i + 1]! + data[start + 3 * i + 2]!) / 3);
	return { width, height, grey };
}

/** Pixels darker than the faintest text, in columns [from, to) of the page. */
function inkIn(page: PageImage, from: number, to: number): number {
	let ink = 0;
	for (let y = 0; y < page.height; y++) for (let x = from; x < to; x++) if (page.grey[y * page.width + x]! < 200) ink++;
	return ink;
}

// One lesson of each part of the curriculum.
const lessons = ['/why-rust/', '/getting-started/', '/rust-book/ownership/', '/cli/parsing-log-lines/', '/api/errors/', '/benchmarking/how-to-benchmark/', '/going-further/workers/'];

describe('printing a lesson', { timeout: 120_000 }, () => {
	it.each(lessons)('%s prints on clean pages, nothing cut, with its speaker notes and without the site around it', async (path) => {
		const page = await testPage(browser, 'dark');
		await page.goto(inject('siteUrl') + path, { waitUntil: 'networkidle' });
		const title = (await page.locator('h1').textContent())!.trim();
		const notes = (await page.locator('details.speaker-notes li').first().textContent())!.trim();
		const pdf = join(dir, `${path.replaceAll('/', '_')}.pdf`);
		writeFileSync(pdf, await page.pdf({ format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } }));

		const prefix = pdf.replace(/\.pdf$/, '');
		expect(spawnSync('pdftoppm', ['-r', '40', pdf, prefix]).status).toBe(0);
		const images = readdirSync(dir)
			.filter((f) => f.startsWith(prefix.slice(dir.length + 1)) && f.endsWith('.ppm'))
			.sort();
		expect(images.length).toBeGreaterThan(1);
		for (const [index, file] of images.entries()) {
			const image = readPpm(join(dir, file));
			// The 15 mm margins are about 24 px at 40 dpi; the outer 16 px of each side must stay blank.
			const side = 16;
			const where = `page ${index + 1} of ${images.length}`;
			expect(inkIn(image, 0, side), `${where}: ink in the left margin`).toBe(0);
			expect(inkIn(image, image.width - side, image.width), `${where}: ink in the right margin (something cut or too wide)`).toBe(0);
			const ink = inkIn(image, 0, image.width);
			expect(ink, `${where}: blank`).toBeGreaterThan(0);
			expect(ink / (image.width * image.height), `${where}: mostly dark`).toBeLessThan(0.3);
		}

		const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
		expect(text).toContain(title);
		expect(text).toContain('Speaker notes');
		// The plan's first line, open on paper (its first words: the line wraps).
		expect(text).toContain(notes.replace(/\s+/g, ' ').slice(0, 40));
		for (const chrome of ['On this page', 'Skip to content', 'Select theme', 'Open the presenter view']) expect(text).not.toContain(chrome);
		// Run panels' buttons and notes, and the copy buttons, are not printed.
		await page.emulateMedia({ media: 'print' });
		// The page is printed from the dark theme, the harder case: every code
		// token and frame title must read on white paper (WCAG's 4.5:1), and
		// no line of code is wider than its block (it would be cut).
		const faint = await page.locator('.expressive-code .ec-line .code span, .expressive-code .ec-line .code, .expressive-code .frame .title').evaluateAll((all) => {
			const luminance = (css: string) => {
				const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
				return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
			};
			return all
				.filter((el) => el.textContent!.trim() !== '')
				.map((el) => [el.textContent!.trim().slice(0, 30), 1.05 / (luminance(getComputedStyle(el).color) + 0.05)] as const)
				.filter(([, contrast]) => contrast < 4.5);
		});
		expect(faint).toEqual([]);
		const wide = await page.locator('.expressive-code pre').evaluateAll((all) => all.filter((pre) => pre.scrollWidth > pre.clientWidth + 1).length);
		expect(wide).toBe(0);
		const shown = await page.locator('.runner, .expressive-code .copy, .pagination-links, .sidebar-pane').evaluateAll((all) => all.filter((el) => getComputedStyle(el).display !== 'none').length);
		expect(shown).toBe(0);
	});
});
