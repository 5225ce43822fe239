/**
 * Fills code fences from the examples/ workspace, so no lesson pastes code.
 *
 *   ```rust include="getting-started/hello-axum/src/main.rs#serve"
 *   ```
 *
 * The fence must be empty; its body becomes the anchor's text (or the whole
 * file). Under the block goes a line naming the source file, the compiler
 * (`rustc --version` in examples/) and the crate versions (Cargo.lock) it
 * was tested with, carrying `data-source` so the site tests can re-extract
 * the region and prove the page shows exactly it.
 *
 * Flags:
 * - `diff-from="path#anchor"`: show the step from that region to this one
 *   as a diff (deleted and inserted lines marked by Expressive Code).
 * - `runnable`: the file is a binary declared runnable in its crate; a Run
 *   panel goes under the block (see ./runner-markup.ts).
 * - `exercise`: the file is an exercise's starter, declared in its crate's
 *   [[package.metadata.exercise]]; an exercise panel (Edit, Run, Check
 *   with the tests) goes under the block.
 * - `must-fail`: the file is a snippet declared in its crate's
 *   [package.metadata.must-fail]; the line under it says how it fails.
 * - `callout="text"` (repeatable): numbered notes; see ./callouts.ts.
 *
 * A missing file, an unknown anchor, a pasted body or a must-fail mismatch
 * stops the build with a message naming the lesson and the include.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Code, Paragraph, PhrasingContent, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { extract } from '../workspace/anchors.ts';
import { lineDiff } from '../workspace/line-diff.ts';
import { runnableFor } from '../workspace/runnable.ts';
import { rustcVersion } from '../workspace/toolchain.ts';
import { crateOf, examplesRoot, type Failure } from '../workspace/workspace.ts';
import { exerciseMarkup, runnerMarkup } from './runner-markup.ts';
import { attachCallouts, CALLOUT_KEY } from './callouts.ts';
import { parseMeta, quote, withoutKeys } from './fence-meta.ts';

export const INCLUDE_KEY = 'include';
export const MUST_FAIL_KEY = 'must-fail';
export const DIFF_FROM_KEY = 'diff-from';
export const RUNNABLE_KEY = 'runnable';
export const EXERCISE_KEY = 'exercise';

/** Where edited code is sent; set in astro.config.mjs. */
export interface IncludeOptions {
	playground: string;
	/** A hosted class compile server's shared token (PLAYGROUND_TOKEN), sent with edited code. */
	playgroundToken?: string | undefined;
}

/** Where a shown block came from, as the `data-source` attribute records it. */
export function sourceRef(path: string, anchor: string | undefined): string {
	return anchor === undefined ? path : `${path}#${anchor}`;
}

function describeFailure(expect: Failure): string {
	return 'compileError' in expect
		? `checked to fail to compile with error ${expect.compileError}`
		: `checked to panic with “${expect.panic}”`;
}

function inlineCode(value: string): PhrasingContent {
	return { type: 'inlineCode', value };
}

function text(value: string): PhrasingContent {
	return { type: 'text', value };
}

/** The line under a block: where it comes from and what it was checked with. */
function provenance(path: string, anchor: string | undefined, root: string, from?: string): Paragraph {
	const crate = crateOf(join(root, path), root);
	const isOutput = /(^|\/)captures\/|\.(stderr|stdout)$/.test(path);
	const parts: PhrasingContent[] = [text(isOutput ? 'Output of a real run, saved in ' : 'From '), inlineCode(`examples/${path}`)];
	if (from !== undefined) parts.push(text(', changed from '), inlineCode(`examples/${from.split('#')[0]}`));
	// A crate's file was built and tested by this compiler with these crates;
	// the workspace manifest belongs to no crate, so it names neither.
	const inCrate = crate.dir !== resolve(root);
	if (!isOutput && inCrate) {
		const snippet = crate.mustFail.find((m) => m.source === path);
		const versions = [`rustc ${rustcVersion(root)}`, ...crate.tested.map((d) => `${d.name} ${d.version}`)].join(', ');
		if (snippet) parts.push(text(` · ${describeFailure(snippet.expect)}`));
		parts.push(text(` · tested with ${versions}`));
	}
	return {
		type: 'paragraph',
		data: {
			hName: 'p',
			hProperties: {
				className: ['code-source'],
				dataSource: sourceRef(path, anchor),
				...(from === undefined ? {} : { dataDiffFrom: from }),
			},
		},
		children: parts,
	};
}

/** Replaces one include fence's body; returns what goes under it (the source line, and a Run panel). */
export function includeInto(node: Code, lesson: string, root: string = examplesRoot, playground = '', playgroundToken?: string): Paragraph[] | undefined {
	const entries = parseMeta(node.meta);
	const include = entries.find((e) => e.key === INCLUDE_KEY)?.value;
	if (include === undefined) return undefined;
	const fail = (why: string): never => {
		throw new Error(`${lesson}: include="${include}": ${why}`);
	};
	if (node.value.trim() !== '') fail('the fence must be empty: code comes from examples/, never pasted');
	const read = (ref: string) => {
		const [path = '', anchor] = ref.split('#', 2);
		if (!path || !existsSync(join(root, path))) return fail(`no file examples/${path}`);
		try {
			return { path, anchor, text: extract(readFileSync(join(root, path), 'utf8'), anchor, `examples/${path}`) };
		} catch (error) {
			return fail((error as Error).message);
		}
	};
	const { path, anchor, text } = read(include);
	const file = join(root, path);
	const crate = crateOf(file, root);
	const from = entries.find((e) => e.key === DIFF_FROM_KEY)?.value;
	node.value = from === undefined ? text : lineDiff(read(from).text, text);

	const snippet = crate.mustFail.find((m) => m.source === path);
	const flagged = entries.some((e) => e.key === MUST_FAIL_KEY);
	if (flagged && !snippet) fail(`marked must-fail, but ${crate.name}'s [package.metadata.must-fail] does not declare it`);
	if (!flagged && snippet) fail(`this snippet must fail; mark the fence must-fail so the page says so`);

	// Expressive Code shows the title in the frame: the path inside the crate,
	// as the learner's own project would have it.
	const runnable = entries.some((e) => e.key === RUNNABLE_KEY) ? runnableFor(path, root) : undefined;
	if (entries.some((e) => e.key === RUNNABLE_KEY) && (!runnable || anchor !== undefined || from !== undefined)) {
		fail(
			runnable
				? 'a runnable block shows its whole file, without an anchor or a diff, so the code on the page is the code that runs'
				: `marked runnable, but no [[package.metadata.runnable]] of ${crate.name} is built from ${path}`,
		);
	}
	const flaggedExercise = entries.some((e) => e.key === EXERCISE_KEY);
	const exercise = flaggedExercise ? crate.exercises.find((x) => x.starter === path) : undefined;
	if (flaggedExercise && (!exercise || anchor !== undefined || from !== undefined || runnable)) {
		fail(
			exercise
				? 'an exercise block shows its whole starter file, without an anchor, a diff or a Run panel of its own'
				: `marked exercise, but no [[package.metadata.exercise]] of ${crate.name} has the starter ${path}`,
		);
	}
	const keep = withoutKeys(entries, [INCLUDE_KEY, MUST_FAIL_KEY, DIFF_FROM_KEY, RUNNABLE_KEY, EXERCISE_KEY]);
	// Expressive Code's diff syntax, highlighted as the original language.
	const asDiff = from === undefined ? '' : `lang=${quote(node.lang ?? 'text')}`;
	if (from !== undefined) node.lang = 'diff';
	const isSource = /\.(rs|toml)$/.test(path);
	const hasTitle = entries.some((e) => e.key === 'title');
	const title = isSource && !hasTitle ? `title=${quote(file.slice(crate.dir.length + 1) + (snippet ? ' (does not work)' : exercise ? ' (starter)' : ''))}` : '';
	node.meta = [keep, asDiff, title].filter(Boolean).join(' ') || null;
	const under = [provenance(path, anchor, root, from)];
	if (runnable) under.push(runnerMarkup(runnable, node.value, playground, playgroundToken));
	if (exercise) {
		const tests = extract(readFileSync(join(root, exercise.solution), 'utf8'), 'tests', `examples/${exercise.solution}`);
		under.push(exerciseMarkup(exercise, node.value, tests, playground, playgroundToken));
	}
	return under;
}

/** The remark plugin: every include fence in a lesson, then its callouts. */
export function remarkIncludeExamples(options: IncludeOptions = { playground: 'https://play.rust-lang.org' }) {
	return (tree: Root, file: VFile) => {
		const lesson = file.path ? file.path.replace(/^.*?src\/content\/docs\//, 'src/content/docs/') : '(a lesson)';
		const visit = (children: RootContent[]) => {
			for (let i = 0; i < children.length; i++) {
				const node = children[i]!;
				if (node.type === 'code') {
					const under = includeInto(node, lesson, examplesRoot, options.playground, options.playgroundToken);
					const notes = parseMeta(node.meta).some((e) => e.key === CALLOUT_KEY);
					if (notes) attachCallouts(children, i, lesson);
					if (under) {
						// The source line right under the block; a Run panel after the
						// block's numbered notes, so code and notes read together.
						const [line, ...panel] = under;
						children.splice(i + 1, 0, line!);
						const at = i + (notes ? 3 : 2);
						children.splice(at, 0, ...panel);
						i = at + panel.length - 1;
					}
				} else if ('children' in node) {
					visit(node.children as RootContent[]);
				}
			}
		};
		visit(tree.children);
	};
}
