/**
 * A lesson that names a step of the API build in its frontmatter
 * (`step: api/steps/02-extractors`) promises the learner every change of
 * that step: each file the step adds, changes or removes must appear on the
 * page as a `step-diff` block, or the build stops naming the files left out. A
 * step's manifest is shown (and compared) by its `deps` region, any other
 * file whole (../workspace/steps.ts).
 */
import { changedFiles, shownAnchor, stepAt } from '../workspace/steps.ts';
import { examplesRoot } from '../workspace/workspace.ts';
import { sourceRef } from './include-directive.ts';

/** The frontmatter key naming the step a lesson builds. */
export const STEP_KEY = 'step';

/**
 * Throws, on one line, unless `shown` (the `path#anchor` of each step-diff
 * block on the page) covers every file `step` adds, changes or removes.
 */
export function checkStepShown(lesson: string, step: string, shown: readonly string[], root: string = examplesRoot): void {
	let changes;
	try {
		changes = changedFiles(stepAt(step, root), root);
	} catch (error) {
		throw new Error(`${lesson}: frontmatter ${STEP_KEY}: ${(error as Error).message}`);
	}
	const missing = changes
		.map((change) => sourceRef(`${step}/${change.file}`, shownAnchor(change.file)))
		.filter((ref) => !shown.includes(ref));
	if (missing.length === 0) return;
	const blocks = missing.map((ref) => `include="${ref}" step-diff`).join(', ');
	throw new Error(`${lesson}: step ${step} changes ${missing.map((ref) => ref.slice(step.length + 1)).join(', ')}, but the page does not show ${missing.length === 1 ? 'it' : 'them'}: add ${blocks}`);
}
