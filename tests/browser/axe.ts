// axe-core, injected into a page as it is now: what the accessibility checks share.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
	id: string;
	impact: string;
	help: string;
	nodes: { target: string[] }[];
}

/** axe's violations on the page as it is now, one line each. */
export async function violations(page: Page): Promise<string[]> {
	// Once a page: a second check (say after a theme switch) reuses it.
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
	const found = await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: () => Promise<{ violations: Violation[] }> } }).axe;
		return (await axe.run()).violations;
	});
	return found.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
