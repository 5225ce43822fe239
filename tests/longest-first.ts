/**
 * The order vitest starts test files in: the longest first, wherever it
 * has no timings of its own.
 *
 * Vitest orders files by their durations from its last run, kept in
 * node_modules/.vite, and without them (a fresh clone, as in CI) by their
 * size, largest first. Size says little here: axe.test.ts is one of the
 * smallest files and the longest to run (280 to 380 s, every page in both
 * themes), so on a fresh clone it started among the last and alone set the
 * end of the run, some 200 s after the other workers were done. These
 * files are started first; the rest keep vitest's order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Measured in CI: axe 276-382 s, every exercise 156 s, the lab's peers 52-130 s (all files run in 390-580 s). */
export const LONGEST = ['tests/browser/axe.test.ts', 'tests/browser/every-exercise.test.ts', 'tests/lab/contract.test.ts'];

export class LongestFirst extends BaseSequencer {
	override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const rank = (spec: TestSpecification) => {
			const index = LONGEST.findIndex((path) => spec.moduleId.endsWith(`/${path}`));
			return index === -1 ? LONGEST.length : index;
		};
		// Array.prototype.sort is stable: files not listed keep vitest's order.
		return sorted.sort((a, b) => rank(a) - rank(b));
	}
}
