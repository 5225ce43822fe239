// What the Run panel tests share: the parts of a panel they read, and the
// program output a saved transcript holds (its first line is the command).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';

/** A transcript under examples/ without its `$ command` line: what the program printed. */
export function transcriptOutput(path: string): string {
	const text = readFileSync(join(examplesRoot, path), 'utf8');
	return text.slice(text.indexOf('\n') + 1);
}

export const status = (panel: Locator) => panel.locator('[data-status]');
export const output = (panel: Locator) => panel.locator('[data-output]');
export const stderr = (panel: Locator) => panel.locator('.runner-stderr');

/**
 * Scrolls the panel into view and waits until it stops moving. Code blocks
 * are laid out only near the viewport (src/styles/offscreen-code.css), so
 * right after a jump to a panel far down a long page the blocks around it
 * take their real height and the panel moves (measured: 61 px, three frames
 * after the scroll, on the Ownership chapter). A person cannot click within
 * those frames; Playwright can, and its click then landed beside the button.
 */
export async function settle(panel: Locator) {
	await panel.evaluate(async (element) => {
		element.scrollIntoView({ block: 'center' });
		const frame = () => new Promise((done) => requestAnimationFrame(done));
		let last = NaN;
		// Ten frames in a row at the same place (a second at most).
		for (let still = 0, frames = 0; still < 10 && frames < 60; frames++) {
			await frame();
			const y = element.getBoundingClientRect().y;
			still = y === last ? still + 1 : 0;
			last = y;
		}
	});
}

/** Opens the panel's editor and replaces its code, as a learner typing would. */
export async function editTo(page: Page, panel: Locator, code: string) {
	await settle(panel);
	await panel.getByRole('button', { name: 'Edit' }).click();
	// The editor takes the block's place in the panel's example, beside the
	// panel: scoped to that example, so a page with several open editors works.
	const editor = panel.locator('xpath=ancestor::div[contains(concat(" ", @class, " "), " example ")][1]').locator('.runner-editor .cm-content');
	// The first Edit of a page loads the runner and then CodeMirror: on a
	// loaded 2-core CI machine that took longer than the default 30 s once,
	// so it gets the minute the panel's status waits get.
	await editor.waitFor({ timeout: 60_000 });
	// What the panel will send is what its editor holds. Under a loaded CI
	// machine a Check has run the starter after this typing, so the typing
	// is confirmed through the panel's own `code`, and done again if it did
	// not land (a learner would see their text missing and type it again).
	for (let attempt = 1; ; attempt++) {
		await editor.click();
		await page.keyboard.press('Control+A');
		await page.keyboard.insertText(code);
		const held = await panel.evaluate((el) => (el as HTMLElement & { code: string }).code);
		if (held === code) return;
		if (attempt === 3) throw new Error(`the editor holds other code than was typed, three times over:\n${held}`);
	}
}

/** A test function's attribute on a line of its own (not one a comment quotes). */
const TEST_ATTRIBUTE = /^\s*#\[(?:tokio::)?test(?:\(.*\))?\]\s*$/gm;

/** How many tests an exercise's `tests` region holds: what its Check lists. */
export const testCount = (tests: string) => (tests.match(TEST_ATTRIBUTE) ?? []).length;
