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
	const editor = page.locator('.runner-editor .cm-content');
	// The first Edit of a page loads the runner and then CodeMirror: on a
	// loaded 2-core CI machine that took longer than the default 30 s once,
	// so it gets the minute the panel's status waits get.
	await editor.waitFor({ timeout: 60_000 });
	await editor.click();
	await page.keyboard.press('Control+A');
	await page.keyboard.insertText(code);
}
