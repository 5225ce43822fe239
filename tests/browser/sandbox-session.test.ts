// The sandbox after boot, as a learner uses it: the real session module
// (terminal, file list, editor, Reset) built with Vite against a fake
// WebContainer (tests/fixtures/sandbox), since the real runtime cannot be
// fetched here. What the fake cannot show is the real jsh and WASI.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, pageIn } from '../../scripts/lib/chromium.ts';
import { serveStatic } from '../../scripts/lib/static-server.ts';
import { violations } from './axe.ts';

const fixture = resolve('tests/fixtures/sandbox');
let out: string;
let site: { url: string; server: Server };
let browser: Browser;
let page: Page;

beforeAll(async () => {
	out = mkdtempSync(join(tmpdir(), 'sandbox-harness-'));
	await build({
		root: fixture,
		logLevel: 'error',
		resolve: { alias: { '@webcontainer/api': join(fixture, 'fake-webcontainer.ts') } },
		build: { outDir: out, emptyOutDir: true },
	});
	copyFileSync(resolve('dist/sandbox/logstat/files.json'), join(out, 'files.json'));
	site = await serveStatic(out);
	browser = await launch();
	page = await pageIn(browser, 'dark');
	page.on('dialog', (dialog) => void dialog.accept());
	await page.goto(`${site.url}/`);
	await page.evaluate(() => (window as unknown as { opened: Promise<void> }).opened);
});

afterAll(async () => {
	await browser?.close();
	site?.server.close();
	if (out) rmSync(out, { recursive: true, force: true });
});

const files = () => page.locator('.sandbox-files li button');

describe('the sandbox session', () => {
	it('lists the mounted project, commands included', async () => {
		const listed = await files().allTextContents();
		expect(listed).toEqual(expect.arrayContaining(['Cargo.toml', 'bin/logstat', 'bin/logstat.wasm', 'samples/access.log', 'samples/access.log.gz', 'src/main.rs']));
	});

	it('starts jsh with bin/ first on PATH, after making the commands executable', async () => {
		const spawned = await page.evaluate(() => (globalThis as unknown as { fakeContainer: { spawned: string[] } }).fakeContainer.spawned);
		expect(spawned).toEqual(['chmod -R +x bin', 'jsh']);
	});

	it('sends what is typed to the shell and shows what it prints', async () => {
		await page.click('.sandbox-terminal');
		await page.keyboard.type('ls samples');
		await page.keyboard.press('Enter');
		await expect.poll(() => page.locator('.sandbox-terminal .xterm-rows').textContent()).toContain('you typed: ls samples');
	});

	it('opens a text file in the editor and saves an edit into the container', async () => {
		await files().filter({ hasText: /^samples\/app\.jsonl$/ }).click();
		await expect.poll(() => page.locator('.sandbox-files label').textContent()).toBe('Contents of samples/app.jsonl');
		const editor = page.locator('.sandbox-files textarea');
		expect(await editor.inputValue()).toMatch(/^\{"time":/);
		await editor.fill('{"edited": true}\n');
		await page.click('[data-save]');
		await expect.poll(() => page.locator('.sandbox-editor-controls [role=status]').textContent()).toBe('Saved samples/app.jsonl; run the command again to see the change.');
		const saved = await page.evaluate(async () => {
			const fc = (globalThis as unknown as { fakeContainer: { fs: { readFile(p: string): Promise<Uint8Array> } } }).fakeContainer;
			return new TextDecoder().decode(await fc.fs.readFile('samples/app.jsonl'));
		});
		expect(saved).toBe('{"edited": true}\n');
	});

	it('does not open binary files for editing, and says why', async () => {
		await files().filter({ hasText: /^bin\/logstat\.wasm$/ }).click();
		await expect.poll(() => page.locator('.sandbox-files label').textContent()).toMatch(/^bin\/logstat\.wasm: [\d,]+ bytes, binary or too large to edit here$/);
		expect(await page.locator('.sandbox-files textarea').isDisabled()).toBe(true);
		expect(await page.locator('[data-save]').isDisabled()).toBe(true);
	});

	it('Reset puts the original files back and starts a new shell', async () => {
		await page.click('[data-reset]');
		await expect
			.poll(() => page.evaluate(() => (globalThis as unknown as { fakeContainer: { spawned: string[] } }).fakeContainer.spawned.length))
			.toBe(4);
		await files().filter({ hasText: /^samples\/app\.jsonl$/ }).click();
		await expect.poll(() => page.locator('.sandbox-files textarea').inputValue()).toMatch(/^\{"time":/);
	});

	it('passes axe with the terminal open', async () => {
		expect(await violations(page)).toEqual([]);
	});
});
