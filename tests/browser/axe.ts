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

export interface AxeRun {
	/** axe's violations, one line each. */
	violations: string[];
	/** The rules that ran, whatever their outcome. */
	ran: string[];
	/** Of those, the ones about colour (axe's `cat.color` tag). */
	colorRules: string[];
}

/** axe on the page as it is now: its default rules, or only `rules`. */
export async function runAxe(page: Page, rules?: readonly string[]): Promise<AxeRun> {
	// Once a page: a second check (say after a theme switch) reuses it.
	if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
	const { found, ran, color } = await page.evaluate(async (only) => {
		type Outcome = 'violations' | 'passes' | 'incomplete' | 'inapplicable';
		const axe = (
			window as unknown as {
				axe: {
					run: (options?: object) => Promise<Record<Outcome, { id: string }[]> & { violations: Violation[] }>;
					getRules: (tags: string[]) => { ruleId: string }[];
				};
			}
		).axe;
		// resultTypes: a rule that passes, or does not apply, is reported with
		// one element instead of all it checked. Every rule is still run on
		// every element and still listed, and violations keep all their
		// elements; what goes is axe building a selector for each of the
		// 20,000 elements of a long lesson that passed (the API testing
		// lesson's full run took 5.4 s instead of 8.3).
		const results = await axe.run({ resultTypes: ['violations'], ...(only ? { runOnly: { type: 'rule', values: only } } : {}) });
		const ran = [...results.violations, ...results.passes, ...results.incomplete, ...results.inapplicable].map((r) => r.id);
		return { found: results.violations as Violation[], ran: [...new Set(ran)], color: axe.getRules(['cat.color']).map((r) => r.ruleId) };
	}, rules);
	return {
		violations: found.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
		ran,
		colorRules: ran.filter((id) => color.includes(id)),
	};
}

/** axe's violations on the page as it is now (its default rules), one line each. */
export async function violations(page: Page): Promise<string[]> {
	return (await runAxe(page)).violations;
}
