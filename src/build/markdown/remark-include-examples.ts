/**
 * Fills code fences from the examples/ workspace, so no lesson pastes code:
 *
 *   ```rust include="getting-started/hello-axum/src/main.rs#serve"
 *   ```
 *
 * Each fence is parsed into a typed directive (./include-directive.ts, where
 * the keys are listed), then rendered as one wrapper element holding the
 * block, its source line, its numbered notes and its panel
 * (./include-render.ts). A missing file, an unknown anchor, a pasted body or
 * a must-fail mismatch stops the build with a message naming the lesson and
 * the include.
 *
 * A lesson whose frontmatter names a step of the API build (`step:`) must
 * show every file that step adds or changes as a `step-diff` block
 * (./step-coverage.ts); the build stops naming the files it leaves out.
 *
 * Each exercise block must be followed by its tests, a hint and its
 * solution (./exercise-coverage.ts).
 *
 * The page learns from this step whether it has a Run or exercise panel:
 * `hasRunPanel` in the remark frontmatter (Astro's `remarkPluginFrontmatter`),
 * which src/components/MarkdownContent.astro reads to add the runner's loader.
 * It also learns its exercises (`pageExercises`: id, name, where checked), which the progress
 * page lists, and the frontmatter's `exerciseMinutes` must name exactly
 * those exercises (./exercise-minutes.ts).
 */
import type { Root } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { examplesRoot } from '../workspace/workspace.ts';
import { attachCallouts, hasCallouts } from './callouts.ts';
import { parseInclude, sourceRef } from './include-directive.ts';
import { renderInclude, type IncludedExample, type PanelOptions } from './include-render.ts';
import { lessonName } from './lesson-name.ts';
import { checkExercisesComplete } from './exercise-coverage.ts';
import type { Exercise } from '../workspace/model.ts';
import { checkStepShown, STEP_KEY } from './step-coverage.ts';
import { checkExerciseMinutes, PAGE_EXERCISES, type PageExercise } from './exercise-minutes.ts';
import { LINE_LINKS_KEY, lineLinkIds } from './line-link-ids.ts';

/** The remark frontmatter key that says a page has a panel to bring to life. */
export const HAS_RUN_PANEL = 'hasRunPanel';

type AstroData = { astro?: { frontmatter?: Record<string, unknown> } };

/** Tells the page something, where Astro reads a remark plugin's frontmatter. */
function setFrontmatter(file: VFile, key: string, value: unknown): void {
	const data = file.data as AstroData;
	data.astro ??= {};
	data.astro.frontmatter ??= {};
	data.astro.frontmatter[key] = value;
}

/** The transform over one lesson's tree; `root` is the workspace (a fixture in tests). */
export function includeExamples(tree: Root, file: VFile, options: PanelOptions, root: string = examplesRoot): void {
	const lesson = lessonName(file);
	const stepDiffs: string[] = [];
	const exercises = new Map<IncludedExample, Exercise>();
	const onPage: PageExercise[] = [];
	const blockId = lineLinkIds();
	visit(tree, 'code', (node, index, parent) => {
		if (!parent || index === undefined) return;
		const directive = parseInclude(node, lesson, root);
		const next = parent.children[index + 1];
		if (!directive) {
			// A plain fence may still have numbered notes.
			if (hasCallouts(node)) attachCallouts(node, next, lesson);
			return;
		}
		// The notes match lines of the code as shown, so the fence is filled first.
		const wrapper = renderInclude(node, directive, undefined, options, root);
		// Every line of an included block can be linked to (./ec-line-links.ts).
		node.meta = [node.meta, `${LINE_LINKS_KEY}="${blockId(directive.region.path, directive.region.anchor)}"`].filter(Boolean).join(' ');
		const notes = hasCallouts(node) ? attachCallouts(node, next, lesson) : undefined;
		if (notes) wrapper.children.splice(2, 0, notes);
		parent.children.splice(index, notes ? 2 : 1, wrapper);
		// A local exercise's panel only shows its command: nothing for the runner to drive.
		const local = directive.panel.kind === 'exercise' && directive.panel.exercise.checked === 'local';
		if (directive.panel.kind !== 'none' && !local) setFrontmatter(file, HAS_RUN_PANEL, true);
		if (directive.panel.kind === 'exercise') {
			exercises.set(wrapper, directive.panel.exercise);
			onPage.push({ id: directive.panel.id, name: directive.panel.exercise.name, checked: directive.panel.exercise.checked });
		}
		if (directive.display.kind === 'step') stepDiffs.push(sourceRef(directive.region.path, directive.region.anchor));
		return [SKIP, index + 1];
	});
	checkExercisesComplete(lesson, tree, exercises);
	const frontmatter = (file.data as AstroData).astro?.frontmatter;
	// A lesson has `minutes` (src/build/lessons.ts stops the build otherwise);
	// its exercises' durations are checked with it.
	if (frontmatter?.['minutes'] !== undefined) checkExerciseMinutes(lesson, frontmatter['exerciseMinutes'], onPage.map((e) => e.name));
	if (onPage.length) setFrontmatter(file, PAGE_EXERCISES, onPage);
	const step = frontmatter?.[STEP_KEY];
	// One step, or several in order (a lesson whose speed-ups are a step each).
	for (const one of typeof step === 'string' ? [step] : Array.isArray(step) ? step : []) checkStepShown(lesson, String(one), stepDiffs, root);
}

/** The remark plugin, configured in astro.config.mjs. */
export function remarkIncludeExamples(options: PanelOptions = { playground: 'https://play.rust-lang.org' }) {
	return (tree: Root, file: VFile) => includeExamples(tree, file, options);
}
