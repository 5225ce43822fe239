/**
 * Puts numbers read from saved transcripts into a lesson's prose:
 *
 *   its <FromRun file="api/steps/07-testing/captures/cargo-test.txt" count="tests" /> tests
 *   capacity <FromRun file="rust-book/collections/captures/ch08-latency-vec.txt" after="len 7, capacity " />
 *   (<FromRun file="rust-book/collections/captures/ch08-count-requests.txt" match="^ *(\d+) +/health$" /> requests)
 *   line <FromRun file="rust-book/ownership/must-fail/ch04-use-after-move.stderr" line="body.len()" />
 *
 * `file` is relative to examples/; `count` names a count over the whole
 * transcript, `line` a piece of code whose line number a compiler
 * diagnostic shows, `after` the text the number follows and `match` a
 * pattern whose one group is the number (see ../examples/transcript-numbers.ts).
 * The element becomes plain text at build time, so MDX never needs a
 * component of that name and nothing runs on the page. (Inside `inline
 * code` it is not an element, so write such a number outside the backticks.) A missing file, an unknown count or text that is absent (or
 * not unique) stops the build with a message naming the lesson.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize } from 'node:path';
import type { Paragraph, Root, RootContent, Text } from 'mdast';
import { SKIP, visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { lessonName } from './lesson-name.ts';
import { readNumber } from '../workspace/transcript-numbers.ts';
import { examplesRoot } from '../workspace/workspace.ts';

export const FROM_RUN = 'FromRun';
const ATTRIBUTES = ['file', 'count', 'line', 'after', 'match'];

/** The part of an MDX JSX element (mdast-util-mdx-jsx) this plugin reads. */
export interface JsxElement {
	type: 'mdxJsxTextElement' | 'mdxJsxFlowElement';
	name: string | null;
	attributes: { type: string; name?: string; value?: unknown }[];
	children: unknown[];
}

function isFromRun(node: { type: string }): node is JsxElement {
	return (node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && (node as JsxElement).name === FROM_RUN;
}

/** The text one `<FromRun … />` stands for; throws naming the lesson and the element. */
export function fromRunText(element: JsxElement, lesson: string, root: string = examplesRoot): string {
	const given = new Map<string, string>();
	const written: string[] = [];
	const fail = (why: string): never => {
		throw new Error(`${lesson}: <${FROM_RUN} ${written.join(' ')} />: ${why}`);
	};
	for (const attribute of element.attributes) {
		const { name, value } = attribute;
		if (attribute.type !== 'mdxJsxAttribute' || name === undefined) return fail('takes no {...spread}; write each attribute as name="value"');
		if (typeof value !== 'string') return fail(`${name} must be a plain "string", not an expression or a bare flag`);
		written.push(`${name}="${value}"`);
		given.set(name, value);
	}
	const unknown = [...given.keys()].filter((name) => !ATTRIBUTES.includes(name));
	if (unknown.length > 0) fail(`unknown attribute ${unknown.join(', ')} (known: ${ATTRIBUTES.join(', ')})`);
	if (element.children.length > 0) fail('must be empty: the number comes from the transcript');
	const file = given.get('file');
	if (file === undefined) return fail('needs file="<crate>/captures/<name>.txt", relative to examples/');
	if (isAbsolute(file) || normalize(file).startsWith('..')) fail('file must be a path inside examples/');
	const path = join(root, file);
	if (!existsSync(path)) fail(`no file examples/${file}`);
	try {
		return readNumber(readFileSync(path, 'utf8'), { count: given.get('count'), line: given.get('line'), after: given.get('after'), match: given.get('match') });
	} catch (error) {
		return fail((error as Error).message);
	}
}

/** The remark plugin: every `<FromRun … />` of a lesson, inline or on its own line. */
export function remarkFromRun(options: { root?: string } = {}) {
	const root = options.root ?? examplesRoot;
	return (tree: Root, file: VFile) => {
		const lesson = lessonName(file);
		visit(tree, (node, index, parent) => {
			if (!isFromRun(node) || !parent || index === undefined) return;
			const element: JsxElement = node;
			const value: Text = { type: 'text', value: fromRunText(element, lesson, root) };
			const paragraph: Paragraph = { type: 'paragraph', children: [value] };
			parent.children[index] = element.type === 'mdxJsxTextElement' ? value : paragraph;
			return SKIP;
		});
	};
}
