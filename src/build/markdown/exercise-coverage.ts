/**
 * An exercise on a page is four things a learner relies on: the starter
 * (the `exercise` block with its panel), the tests it must pass, a hint,
 * and the solution, shown on demand. The build stops, naming what is
 * missing, when an exercise's part of the page leaves one out:
 *
 *   ```rust include="…/starter.rs" exercise        the starter and its panel
 *   ```rust include="…/solution.rs#tests"          the tests
 *   <details><summary>Hint…</summary>              one or more hints
 *   <details><summary>Solution</summary>           holding
 *     ```rust include="…/solution.rs#solution"     the solution
 *
 * An exercise's part runs from its block to the next heading or the next
 * exercise block, whichever comes first.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { Exercise } from '../workspace/model.ts';
import { sourceRef } from './include-directive.ts';
import type { IncludedExample } from './include-render.ts';

/** The `<details>` blocks of the part, each with its summary's text. */
function detailsIn(part: RootContent[]): { summary: string; node: RootContent }[] {
	return part.flatMap((node) => {
		if (node.type !== 'mdxJsxFlowElement' || node.name !== 'details') return [];
		const summary = node.children.find((child) => child.type === 'mdxJsxFlowElement' && child.name === 'summary');
		return [{ summary: summary ? toString(summary).trim() : '', node }];
	});
}

/** The `data-source` of every included block in `nodes`, nested ones too. */
function sourcesIn(nodes: RootContent[]): string[] {
	const sources: string[] = [];
	for (const node of nodes) {
		visit(node, 'includedExample', (example: IncludedExample) => {
			sources.push(String(example.data.hProperties['dataSource']));
		});
	}
	return sources;
}

/**
 * Throws, on one line per exercise, unless every exercise block in `tree`
 * (rendered; `exercises` maps each wrapper to its exercise) is followed by
 * its tests, a hint and a solution.
 */
export function checkExercisesComplete(lesson: string, tree: Root, exercises: ReadonlyMap<IncludedExample, Exercise>): void {
	const problems: string[] = [];
	tree.children.forEach((node, index) => {
		const exercise = node.type === 'includedExample' ? exercises.get(node) : undefined;
		if (!exercise) return;
		const rest = tree.children.slice(index + 1);
		const end = rest.findIndex((next) => next.type === 'heading' || (next.type === 'includedExample' && exercises.has(next)));
		const part = end === -1 ? rest : rest.slice(0, end);
		const details = detailsIn(part);
		const tests = sourceRef(exercise.solution, 'tests');
		const solution = sourceRef(exercise.solution, 'solution');
		const missing = [
			sourcesIn(part.filter((p) => p.type === 'includedExample')).includes(tests) ? undefined : `its tests (include="${tests}")`,
			details.some((d) => /^Hint\b/.test(d.summary)) ? undefined : 'a <details> whose <summary> starts with "Hint"',
			details.some((d) => d.summary === 'Solution' && sourcesIn([d.node]).includes(solution))
				? undefined
				: `a <details><summary>Solution</summary> holding include="${solution}"`,
		].filter((m) => m !== undefined);
		if (missing.length) problems.push(`${lesson}: the exercise ${exercise.starter} lacks ${missing.join(', ')}`);
	});
	if (problems.length) throw new Error(problems.join('\n'));
}
