/**
 * The render half of the include step: a parsed directive
 * (./include-directive.ts) becomes one wrapper element,
 *
 *   <div class="example" data-example data-source="path#anchor"
 *        [data-diff-from="path#anchor", "" for a step's new file]
 *        data-code="the code as it runs">
 *     the code block (Expressive Code renders it)
 *     <p class="code-source">From examples/… · tested with rustc …</p>
 *     [<ol class="code-notes"> its numbered notes </ol>]
 *     [<br-runner> its Run or exercise panel </br-runner>]
 *   </div>
 *
 * so that whatever needs the code (the Run panel, the editor, the built-site
 * tests) reads it from the wrapper's own data, never from Expressive Code's
 * markup.
 */
import { join } from 'node:path';
import { MetaOptions } from '@astrojs/starlight/expressive-code';
import type { Code, Data, List, Paragraph, Parent, PhrasingContent } from 'mdast';
import { lineDiff } from '../workspace/line-diff.ts';
import { rustcVersion } from '../workspace/toolchain.ts';
import type { Failure } from '../workspace/workspace.ts';
import { CALLOUT_KEY } from './callouts.ts';
import { snipUnchanged } from './diff-snip.ts';
import { copyMeta } from './ec-diff-copy.ts';
import { sourceRef, type Display, type IncludeDirective } from './include-directive.ts';
import { exerciseMarkup, localExerciseMarkup, runnerMarkup } from './runner-markup.ts';

/** The wrapper, an mdast node that remark-rehype turns into its `hName` element. */
export interface IncludedExample extends Parent {
	type: 'includedExample';
	children: (Code | Paragraph | List)[];
	data: Data & { hName: 'div'; hProperties: Record<string, string | string[] | boolean> };
}

declare module 'mdast' {
	interface RootContentMap {
		includedExample: IncludedExample;
	}
	interface BlockContentMap {
		includedExample: IncludedExample;
	}
}

/** Where edited code is sent; set in astro.config.mjs. */
export interface PanelOptions {
	playground: string;
	/** A hosted class compile server's shared token (PLAYGROUND_TOKEN), sent with edited code. */
	playgroundToken?: string | undefined;
}

function describeFailure(expect: Failure): string {
	return 'compileError' in expect
		? `checked to fail to compile with error ${expect.compileError}`
		: `checked to panic with “${expect.panic}”`;
}

const inlineCode = (value: string): PhrasingContent => ({ type: 'inlineCode', value });
const text = (value: string): PhrasingContent => ({ type: 'text', value });

/** The line under a block: where it comes from and what it was checked with. */
export function provenance(d: IncludeDirective, root: string): Paragraph {
	const isOutput = /(^|\/)captures\/|\.(stderr|stdout)$/.test(d.region.path);
	const removed = d.display.kind === 'step' && d.display.removed;
	const from = diffFrom(d.display);
	const parts: PhrasingContent[] = removed
		? [text('Removed in this step: '), inlineCode(`examples/${from!.path}`)]
		: [text(isOutput ? 'Output of a real run, saved in ' : 'From '), inlineCode(`examples/${d.region.path}`)];
	if (from && !removed) parts.push(text(', changed from '), inlineCode(`examples/${from.path}`));
	else if (d.display.kind === 'step' && !from) parts.push(text(', a file new in this step'));
	// A crate's file was built and tested by this compiler with these crates;
	// the workspace manifest belongs to no crate, so it names neither.
	if (!isOutput && d.inCrate) {
		const versions = [`rustc ${rustcVersion(root)}`, ...d.crate.tested.map((dep) => `${dep.name} ${dep.version}`)].join(', ');
		if (d.mustFail) parts.push(text(` · ${describeFailure(d.mustFail.expect)}`));
		parts.push(text(` · tested with ${versions}`));
	}
	return { type: 'paragraph', data: { hName: 'p', hProperties: { className: ['code-source'] } }, children: parts };
}

const quote = (value: string) => `"${value.replace(/["\\]/g, '\\$&')}"`;

/** The region a diff is taken from; undefined when the block is no diff, or a step's new file. */
function diffFrom(display: Display) {
	return display.kind === 'region' ? undefined : display.from;
}

/** 1-based lines of `code` that a callout of the fence names (checked later by ./callouts.ts). */
function calloutLines(code: string, meta: string): number[] {
	const needles = new MetaOptions(meta).getStrings(CALLOUT_KEY);
	return code.split('\n').flatMap((line, index) => (needles.some((needle) => line.includes(needle)) ? [index + 1] : []));
}

/**
 * A diff whose added or removed lines themselves start with `+` or `-` (an
 * SQL file's `--` comments): Expressive Code's diff syntax reads `+--` as
 * text, not as a marker, and a block whose first lines look like `+-- ` as a
 * real diff file, whose markers it leaves in place. Such a diff is shown as
 * its lines without markers, each marker becoming an `ins` or `del` line
 * range, which Expressive Code draws the same way.
 */
export function markersAsRanges(diff: string): { code: string; meta: string } {
	const lines = diff.split('\n');
	const range = (marker: string) => lines.flatMap((line, index) => (line.startsWith(marker) ? [index + 1] : [])).join(',');
	const meta = [`ins={${range('+')}}`, `del={${range('-')}}`].filter((m) => !m.endsWith('{}')).join(' ');
	return { code: lines.map((line) => line.slice(1)).join('\n'), meta };
}

/** Fills the fence for Expressive Code: its code (or diff), language and title. */
export function fillFence(node: Code, d: IncludeDirective, root: string): void {
	const isDiff = d.display.kind !== 'region';
	node.value = d.region.text;
	if (isDiff) {
		// Long unchanged runs left out, each for one line saying so (./diff-snip.ts).
		const diff = lineDiff(diffFrom(d.display)?.text ?? '', d.region.text);
		node.value = snipUnchanged(diff, node.lang ?? 'text', calloutLines(diff, d.codeMeta));
	}
	let asDiff = '';
	if (isDiff && /^[+-][+-]/m.test(node.value)) {
		const { code, meta } = markersAsRanges(node.value);
		node.value = code;
		asDiff = meta;
	} else if (isDiff) {
		// Expressive Code's diff syntax, highlighted as the original language.
		asDiff = `lang=${quote(node.lang ?? 'text')}`;
		node.lang = 'diff';
	}
	// The frame's title: the path inside the crate, as the learner's own
	// project would have it.
	const isSource = /\.(rs|toml)$/.test(d.region.path);
	const inCrate = join(root, d.region.path).slice(d.crate.dir.length + 1);
	const step = d.display.kind === 'step' ? d.display : undefined;
	const stepSuffix = step?.removed ? ' (removed)' : step && !step.from ? ' (new file)' : '';
	const suffix = d.mustFail ? ' (does not work)' : d.panel.kind === 'exercise' ? ' (starter)' : stepSuffix;
	const title = isSource && !d.hasTitle ? `title=${quote(inCrate + suffix)}` : '';
	// Copy gives the file as the step leaves it (./ec-diff-copy.ts); a removed file's block copies what it shows.
	const copy = isDiff && !(d.display.kind === 'step' && d.display.removed) ? copyMeta(d.region.text) : '';
	node.meta = [d.codeMeta, asDiff, title, copy].filter(Boolean).join(' ') || null;
}

/** The wrapper holding the filled block, its source line, its notes and its panel. */
export function renderInclude(node: Code, d: IncludeDirective, notes: List | undefined, options: PanelOptions, root: string): IncludedExample {
	fillFence(node, d, root);
	const children: IncludedExample['children'] = [node, provenance(d, root)];
	if (notes) children.push(notes);
	if (d.panel.kind === 'run') children.push(runnerMarkup(d.panel.runnable, d.panel.needs, d.region.text, options.playground, options.playgroundToken));
	if (d.panel.kind === 'exercise') {
		const { exercise, id, needs, tests } = d.panel;
		children.push(
			exercise.checked === 'local'
				? localExerciseMarkup(exercise, id, needs)
				: exerciseMarkup(exercise, id, needs, d.region.text, tests, options.playground, options.playgroundToken),
		);
	}
	return {
		type: 'includedExample',
		children,
		data: {
			hName: 'div',
			hProperties: {
				className: ['example'],
				dataExample: true,
				dataSource: sourceRef(d.region.path, d.region.anchor),
				// A step's new file is a diff from nothing: an empty data-diff-from.
				...(d.display.kind === 'region' ? {} : { dataDiffFrom: d.display.from ? sourceRef(d.display.from.path, d.display.from.anchor) : '' }),
				dataCode: d.region.text,
			},
		},
	};
}
