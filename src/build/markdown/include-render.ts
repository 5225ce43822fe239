/**
 * The render half of the include step: a parsed directive
 * (./include-directive.ts) becomes one wrapper element,
 *
 *   <div class="example" data-example data-source="path#anchor"
 *        [data-diff-from="path#anchor"] data-code="the code as it runs">
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
import type { Code, Data, List, Paragraph, Parent, PhrasingContent } from 'mdast';
import { lineDiff } from '../workspace/line-diff.ts';
import { rustcVersion } from '../workspace/toolchain.ts';
import type { Failure } from '../workspace/workspace.ts';
import { sourceRef, type IncludeDirective } from './include-directive.ts';
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
	const parts: PhrasingContent[] = [text(isOutput ? 'Output of a real run, saved in ' : 'From '), inlineCode(`examples/${d.region.path}`)];
	if (d.display.kind === 'diff') parts.push(text(', changed from '), inlineCode(`examples/${d.display.from.path}`));
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

/** Fills the fence for Expressive Code: its code (or diff), language and title. */
export function fillFence(node: Code, d: IncludeDirective, root: string): void {
	const isDiff = d.display.kind === 'diff';
	node.value = d.display.kind === 'diff' ? lineDiff(d.display.from.text, d.region.text) : d.region.text;
	// Expressive Code's diff syntax, highlighted as the original language.
	const asDiff = isDiff ? `lang=${quote(node.lang ?? 'text')}` : '';
	if (isDiff) node.lang = 'diff';
	// The frame's title: the path inside the crate, as the learner's own
	// project would have it.
	const isSource = /\.(rs|toml)$/.test(d.region.path);
	const inCrate = join(root, d.region.path).slice(d.crate.dir.length + 1);
	const suffix = d.mustFail ? ' (does not work)' : d.panel.kind === 'exercise' ? ' (starter)' : '';
	const title = isSource && !d.hasTitle ? `title=${quote(inCrate + suffix)}` : '';
	node.meta = [d.codeMeta, asDiff, title].filter(Boolean).join(' ') || null;
}

/** The wrapper holding the filled block, its source line, its notes and its panel. */
export function renderInclude(node: Code, d: IncludeDirective, notes: List | undefined, options: PanelOptions, root: string): IncludedExample {
	fillFence(node, d, root);
	const children: IncludedExample['children'] = [node, provenance(d, root)];
	if (notes) children.push(notes);
	if (d.panel.kind === 'run') children.push(runnerMarkup(d.panel.runnable, d.region.text, options.playground, options.playgroundToken));
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
				...(d.display.kind === 'diff' ? { dataDiffFrom: sourceRef(d.display.from.path, d.display.from.anchor) } : {}),
				dataCode: d.region.text,
			},
		},
	};
}
