// An exercise as a learner does it, in real Chromium on the built site, with
// a local compile server standing in for the Playground: the starter fails
// the tests and says which, a compile error is shown as rustc wrote it, and
// the solution typed into the editor passes them all.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { startPlaygroundServer } from '../../scripts/playground/server.ts';
import { testPage } from './test-page.ts';
import { chromiumAndCompileServer, checkOn } from './compile-server.ts';
import { extract } from '../../src/build/workspace/anchors.ts';
import { crateNamed, examplesRoot } from '../../src/build/workspace/workspace.ts';
import { violations } from './axe.ts';
import { editTo, settle, status, stderr, testCount } from './run-panel.ts';

const LESSON = '/rust-book/ownership/';
const exercise = crateNamed('book-ownership').exercises[0]!;
const solutionFile = readFileSync(join(examplesRoot, exercise.solution), 'utf8');
const solution = extract(solutionFile, 'solution', exercise.solution);
const bookTests = testCount(extract(solutionFile, 'tests', exercise.solution));

const lab = chromiumAndCompileServer();

async function exercisePanel(theme: 'light' | 'dark' = 'light'): Promise<{ page: Page; panel: Locator }> {
	const page = await testPage(lab.browser, theme, 1280);
	await page.goto(inject('siteUrl') + LESSON, { waitUntil: 'networkidle' });
	const panel = page.locator(`br-runner[data-source="${exercise.starter}"]`);
	await checkOn(panel, lab.compileUrl);
	await settle(panel);
	return { page, panel };
}

const results = (panel: Locator) => panel.locator('[data-test-list] li');

describe('Exercise panel', { timeout: 120_000 }, () => {
	it.each(['light', 'dark'] as const)('checks the starter against the tests and lists each failure with its reason (%s theme, axe)', async (theme) => {
		const { page, panel } = await exercisePanel(theme);
		await panel.getByRole('button', { name: 'Check with the tests' }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 60_000 }).toMatch(/^\d+ of \d+ tests passed; \d+ failed\./);
		expect(await results(panel).count()).toBe(bookTests);
		const failed = panel.locator('.runner-test-failed');
		expect(await failed.count()).toBeGreaterThan(0);
		expect(await failed.first().locator('pre').textContent()).toMatch(/panicked at/);
		expect(await violations(page)).toEqual([]);
	});

	it("runs the starter on the compile server and shows rustc's error for code that does not compile", async () => {
		const { page, panel } = await exercisePanel();
		await panel.getByRole('button', { name: 'Run', exact: true }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 60_000 }).toMatch(/on the compile server/);

		await editTo(page, panel, 'fn main() {\n    let n: u32 = "not a number";\n}\n');
		await panel.getByRole('button', { name: 'Check with the tests' }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 60_000 }).toMatch(/^No test ran: your code did not compile with the tests/);
		expect(await stderr(panel).textContent()).toContain('error[E0308]');
		expect(await results(panel).count()).toBe(0);
	});

	it("says the server refused, in its words, when it will not run the code (not that the code did not compile)", async () => {
		const strict = await startPlaygroundServer({ origins: [inject('siteUrl')], limits: { ratePerMinute: 1 } });
		try {
			const { panel } = await exercisePanel();
			await checkOn(panel, strict.url);
			const check = panel.getByRole('button', { name: 'Check with the tests' });
			await check.click();
			await expect.poll(() => status(panel).textContent(), { timeout: 60_000 }).toMatch(/tests passed/);
			await check.click();
			await expect.poll(() => status(panel).textContent(), { timeout: 60_000 }).toMatch(
				/^The course's compile server did not run your code: You sent more than 1 programs in a minute, this server's limit; try again in \d+ s\.$/,
			);
			expect(await results(panel).count()).toBe(0);
		} finally {
			strict.server.close();
		}
	});

	it('passes every test once the learner writes the solution', async () => {
		const { page, panel } = await exercisePanel();
		await editTo(page, panel, solution);
		await panel.getByRole('button', { name: 'Check with the tests' }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 60_000 }).toBe(`All ${bookTests} tests passed. It is marked as passed in your progress. Compare your code with the solution below.`);
		expect(await panel.locator('.runner-test-passed').count()).toBe(bookTests);
	});
});

// An API exercise: its code uses axum, tokio, tower and http-body-util, which
// the compile server offers from its crate cache (the public Playground
// chooses its own), and the panel says so.
describe('API exercise panel (axum, on the compile server)', { timeout: 180_000 }, () => {
	const LESSON = '/api/extractors-and-state/';
	const api = crateNamed('users-api-step-02').exercises.find((x) => x.name === 'request-id')!;
	const apiFile = readFileSync(join(examplesRoot, api.solution), 'utf8');
	const apiTests = testCount(extract(apiFile, 'tests', api.solution));

	it('names the server and the crates, fails the starter and passes the solution', async () => {
		const page = await testPage(lab.browser, 'light', 1280);
		await page.goto(inject('siteUrl') + LESSON, { waitUntil: 'networkidle' });
		const panel = page.locator(`br-runner[data-source="${api.starter}"]`);
		await checkOn(panel, lab.compileUrl);
		await settle(panel);
		expect(await panel.locator('[data-needs]').textContent()).toMatch(/axum 0\.8\.\d+, http-body-util [\d.]+, serde_json [\d.]+, tokio [\d.]+, tower [\d.]+.*npm run exercise api\/request-id/);

		await panel.getByRole('button', { name: 'Check with the tests' }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 90_000 }).toBe(`0 of ${apiTests} tests passed; ${apiTests} failed. Each failure says why below.`);
		expect(await panel.locator('.runner-test-failed').first().locator('pre').textContent()).toContain('not yet implemented: read x-request-id');

		await editTo(page, panel, extract(apiFile, 'solution', api.solution));
		await panel.getByRole('button', { name: 'Check with the tests' }).click();
		await expect.poll(() => status(panel).textContent(), { timeout: 90_000 }).toBe(`All ${apiTests} tests passed. It is marked as passed in your progress. Compare your code with the solution below.`);
		expect(await panel.locator('.runner-test-passed').count()).toBe(apiTests);
	});
});
