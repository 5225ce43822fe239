/**
 * `npm run bench:runner`: how fast the Run panel answers, measured in
 * Chromium on the built site (dist/, built first if missing). Prints:
 * - script and wasm bytes loaded before intent, and after the first run;
 * - click to first output, for the first run (runner and wasm fetched on
 *   the way) and for repeated runs on a warm page (median of 15);
 * - edit to output on the local compile server (median of 5).
 * Figures, not a pass/fail test: timings depend on the machine.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { createPlaygroundServer } from '../playground-server.ts';
import { launch, pageIn } from '../lib/chromium.ts';
import { serveStatic } from '../lib/static-server.ts';

const LESSON = '/getting-started/';
const WARM_RUNS = 15;
const EDIT_RUNS = 5;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** Clicks Run on the first panel and resolves with the time until its first output, in ms. */
function clickToFirstOutput(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((done) => {
				const panel = document.querySelector('br-runner')!;
				const output = panel.querySelector('[data-output]')!;
				let started = 0;
				const seen = new MutationObserver(() => {
					if (output.textContent) {
						seen.disconnect();
						done(performance.now() - started);
					}
				});
				seen.observe(output, { childList: true, subtree: true, characterData: true });
				started = performance.now();
				panel.querySelector<HTMLButtonElement>('button[data-action="run"]')!.click();
			}),
	);
}

async function waitForExit(page: Page) {
	await page.waitForFunction(() => /^(Exited|Ran|Did not)/.test(document.querySelector('br-runner [data-status]')?.textContent ?? ''), null, { timeout: 60_000 });
}

if (!existsSync('dist/index.html')) {
	console.log('dist/ is missing: building the site first');
	spawnSync('npx', ['astro', 'build', '--silent'], { stdio: 'inherit' });
}
const site = await serveStatic(resolve('dist'));
const browser = await launch();
try {
	const page = await pageIn(browser, 'light');
	const bytes = { beforeIntent: 0, afterRun: 0, edit: 0 };
	let phase: keyof typeof bytes = 'beforeIntent';
	const runnerBytes = { beforeIntent: 0, afterRun: 0, edit: 0 };
	page.on('response', async (response) => {
		const type = response.request().resourceType();
		if (type !== 'script' && !response.url().endsWith('.wasm') && !response.url().includes('/wasm/')) return;
		const size = (await response.body().catch(() => Buffer.alloc(0))).length;
		const which = phase;
		bytes[which] += size;
		// preload-helper is Vite's shared chunk, which Starlight's search imports on every page.
		if (/runner-element|wasi-worker|code-editor|\/wasm\//.test(response.url())) runnerBytes[which] += size;
	});
	await page.goto(site.url + LESSON, { waitUntil: 'networkidle' });
	await page.evaluate(() => new Promise((done) => requestIdleCallback(() => done(null))));
	await page.waitForLoadState('networkidle');
	phase = 'afterRun';
	await page.locator('br-runner').first().scrollIntoViewIfNeeded();
	const first = await clickToFirstOutput(page);
	await waitForExit(page);
	await page.waitForLoadState('networkidle');

	const warm: number[] = [];
	for (let i = 0; i < WARM_RUNS; i++) {
		warm.push(await clickToFirstOutput(page));
		await waitForExit(page);
	}

	phase = 'edit';
	const server = createPlaygroundServer();
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
	const compileUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const panel = page.locator('br-runner').first();
	await panel.evaluate((el, url) => (el.dataset['playground'] = url), compileUrl);
	await panel.getByRole('button', { name: 'Edit' }).click();
	await page.locator('.runner-editor .cm-content').click();
	const edits: number[] = [];
	for (let i = 0; i < EDIT_RUNS; i++) {
		await page.keyboard.press('Control+End');
		await page.keyboard.insertText(`\n// edit ${i}\n`);
		edits.push(await clickToFirstOutput(page));
		await waitForExit(page);
	}
	server.close();

	console.log(`Run panel on ${LESSON} (built site, Chromium ${browser.version()})`);
	console.log(`  script before intent:           ${bytes.beforeIntent} B (runner code and wasm in it: ${runnerBytes.beforeIntent} B)`);
	console.log(`  loaded by the first run:        ${bytes.afterRun} B (runner, worker and wasm: ${runnerBytes.afterRun} B)`);
	console.log(`  loaded by the first Edit:       ${bytes.edit} B (the editor, CodeMirror with Rust highlighting)`);
	console.log(`  click to first output, 1st run: ${ms(first)} (fetches runner, worker and wasm)`);
	console.log(`  click to first output, warm:    median ${ms(median(warm))}, min ${ms(Math.min(...warm))}, max ${ms(Math.max(...warm))} over ${WARM_RUNS} runs`);
	console.log(`  edit to output, compile server: median ${ms(median(edits))}, min ${ms(Math.min(...edits))}, max ${ms(Math.max(...edits))} over ${EDIT_RUNS} runs`);
	console.log(`  goal: first output <= 150 ms after the click on a warm page: ${median(warm) <= 150 ? 'met' : 'NOT met'}; 0 runner bytes before intent: ${runnerBytes.beforeIntent === 0 ? 'met' : 'NOT met'}`);
} finally {
	await browser.close();
	site.server.close();
}
