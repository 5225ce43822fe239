// Every exercise of the built site, done as a learner does it, in real
// Chromium, with a local compile server standing in for the Playground:
// on each page, each exercise panel's Check fails the starter (some tests
// failed, none missing) and passes the solution once it is typed in; each
// exercise that needs PostgreSQL shows the command that checks it (with a
// Copy button), and no Check button. scripts/exercises.ts proves the same programs with rustc;
// this proves the page sends them as that check builds them, and says what
// it promised. exercise.test.ts looks at one panel in depth.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { extract } from '../../src/build/workspace/anchors.ts';
import { exercisesById, type FoundExercise } from '../../src/build/workspace/exercises.ts';
import { workspace } from '../../src/build/workspace/model.ts';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';
import { exerciseCommand } from '../../src/shared/exercise-command.ts';
import { pagePaths, readPage } from '../site/dist.ts';
import { editTo, settle, status, stderr, testCount } from './run-panel.ts';
import { testPage } from './test-page.ts';
import { chromiumAndCompileServer, checkOn } from './compile-server.ts';

const exercises = exercisesById(workspace());

/** The exercise ids each built page shows, split by where they are checked. */
const pages = pagePaths()
	.map((path) => {
		const tree = readPage(path);
		const ids = (selector: string, key: string) => selectAll(selector, tree).map((el) => String(el.properties[key]));
		return { path, inPage: ids('br-runner[data-exercise-id]', 'dataExerciseId'), local: ids('[data-local-exercise]', 'dataLocalExercise') };
	})
	.filter((page) => page.inPage.length + page.local.length > 0);

/** What the page's Check appends to the learner's code, and how many tests that is. */
function testsOf({ exercise }: FoundExercise): { solution: string; count: number } {
	const file = readFileSync(join(examplesRoot, exercise.solution), 'utf8');
	const tests = extract(file, 'tests', exercise.solution);
	return { solution: extract(file, 'solution', exercise.solution), count: testCount(tests) };
}

// Two programs an exercise from one client, faster than any learner: over
// the default 30 a minute, whose 429 has its own test (tests/playground).
const lab = chromiumAndCompileServer({ ratePerMinute: 1_000 });

describe('every exercise, clicked through', () => {
	it('every exercise of the workspace is on exactly one page, as a Check panel or as a local command', () => {
		const shown = pages.flatMap((page) => [...page.inPage, ...page.local]).sort();
		expect(shown).toEqual([...exercises.keys()].sort());
		for (const page of pages) {
			for (const id of page.inPage) expect(exercises.get(id)!.exercise.checked, id).toBe('page');
			for (const id of page.local) expect(exercises.get(id)!.exercise.checked, id).toBe('local');
		}
	});

	async function check(page: Page, id: string, expected: RegExp | string) {
		const panel = page.locator(`br-runner[data-exercise-id="${id}"]`);
		const before = (await status(panel).textContent()) ?? '';
		const button = panel.getByRole('button', { name: 'Check with the tests' });
		await settle(panel);
		await button.click();
		// A Check starts by saying so. On a loaded CI machine a click has been
		// seen to start nothing (the status kept its text): click once more.
		try {
			await expect.poll(() => status(panel).textContent(), { timeout: 15_000 }).not.toBe(before);
		} catch {
			await settle(panel);
			await button.click();
		}
		try {
			await expect.poll(() => status(panel).textContent(), { timeout: 90_000 }).toMatch(expected);
		} catch (error) {
			// What the learner would read under the panel: the compiler's messages.
			const said = await stderr(panel)
				.textContent({ timeout: 1_000 })
				.catch(() => '(no compiler output)');
			throw new Error(`${id}: ${(error as Error).message}\n${said}`);
		}
	}

	it.each(pages.map((page) => [page.path, page] as const))('%s', { timeout: 600_000 }, async (path, { inPage, local }) => {
		const page = await testPage(lab.browser, 'light', 1280);
		await page.goto(inject('siteUrl') + path, { waitUntil: 'load' });
		for (const id of local) {
			const panel = page.locator(`[data-local-exercise="${id}"]`);
			// The command as a shell block whose Copy button copies it; nothing to check it with.
			expect(await panel.locator('pre').textContent()).toBe(exerciseCommand(id));
			expect(await panel.getByRole('button', { name: 'Copy to clipboard' }).getAttribute('data-code')).toBe(exerciseCommand(id));
			expect(await panel.getByRole('button', { name: /Check/ }).count()).toBe(0);
		}
		for (const id of inPage) {
			await checkOn(page.locator(`br-runner[data-exercise-id="${id}"]`), lab.compileUrl);
			const { solution, count } = testsOf(exercises.get(id)!);
			// The starter compiles and fails some of the tests, each listed.
			await check(page, id, new RegExp(`^\\d+ of ${count} tests passed; [1-9]\\d* failed\\.`));
			const panel = page.locator(`br-runner[data-exercise-id="${id}"]`);
			const passed = `All ${count} tests passed. It is marked as passed in your progress. Compare your code with the solution below.`;
			await editTo(page, panel, solution);
			try {
				await check(page, id, passed);
			} catch (error) {
				// What the panel sent is what it holds now: with the solution there,
				// the failure is the solution's, and stands.
				const held = await panel.evaluate((el) => (el as HTMLElement & { code: string }).code);
				if (held === solution) throw error;
				// On a loaded CI machine the editor has been seen holding the
				// starter again after the typing was confirmed: a learner would
				// see their code gone and type it again, so the test does, once.
				console.warn(`${id}: at Check the editor held other code than was typed (${held.length} characters, the solution ${solution.length}); typing it again`);
				await editTo(page, panel, solution);
				await check(page, id, passed);
			}
		}
	});
});
