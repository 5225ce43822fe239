// logstat's Run panel in the CLI part, in real Chromium on the built site:
// the wasm build of the real tool on the sample logs the lesson ships, with
// the arguments a learner would try (JSON, filters, gzip, several formats,
// a missing file, a bad flag).
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from '../../scripts/lib/chromium.ts';
import { testPage } from './test-page.ts';
import { output, status, stderr, transcriptOutput } from './run-panel.ts';

const LESSON = '/cli/arguments/';
// The finished tool's transcripts, and the arguments step's for a usage error (the same message).
const capture = (path: string) => transcriptOutput(`cli/${path}`);

let browser: Browser;
beforeAll(async () => {
	browser = await launch();
});
afterAll(async () => {
	await browser?.close();
});

async function logstatPanel(): Promise<{ page: Page; panel: Locator }> {
	const page = await testPage(browser, 'light');
	await page.goto(inject('siteUrl') + LESSON, { waitUntil: 'networkidle' });
	return { page, panel: page.locator('br-runner[data-wasm$="/logstat.wasm"]') };
}


async function run(panel: Locator, args: string, exit: number) {
	await panel.getByLabel('Arguments').fill(args);
	await panel.getByRole('button', { name: 'Run', exact: true }).click();
	await expect.poll(() => status(panel).textContent(), { timeout: 10_000 }).toMatch(new RegExp(`^Exited with code ${exit} in`));
}

describe('logstat in the page', () => {
	it('prints the same report as the native run the lesson shows', async () => {
		const { panel } = await logstatPanel();
		expect(await panel.getByLabel('Arguments').inputValue()).toBe('samples/access.log');
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 10_000 }).toMatch(/^Exited with code 0 in/);
		expect(await output(panel).textContent()).toBe(capture('logstat/captures/report.txt'));
	});

	it('reads gzip and JSON lines together and prints JSON when asked', async () => {
		const { panel } = await logstatPanel();
		await run(panel, '--json --status 2xx samples/app.jsonl samples/access.log.gz', 0);
		const report = JSON.parse((await output(panel).textContent()) ?? '');
		expect(report.inputs).toEqual([
			{ name: 'samples/app.jsonl', format: 'json' },
			{ name: 'samples/access.log.gz', format: 'combined' },
		]);
		expect(Object.keys(report.status_classes)).toEqual(['2xx']);
		expect(report.malformed.count).toBe(3);
	});

	it('names a missing file in one line and exits 1', async () => {
		const { panel } = await logstatPanel();
		await run(panel, 'nowhere.log', 1);
		// 44 is WASI's number for "no such file"; natively it is 2.
		expect(await stderr(panel).textContent()).toBe('logstat: cannot open nowhere.log: No such file or directory (os error 44)\n');
	});

	it('answers a bad flag value with the possible values and exit 2', async () => {
		const { panel } = await logstatPanel();
		await run(panel, '--format xml samples/access.log', 2);
		expect(await stderr(panel).textContent()).toBe(capture('steps/01-arguments/captures/bad-format.txt'));
	});
});
