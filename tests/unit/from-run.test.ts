// <FromRun file=… count=… /> in a lesson becomes the number read from that
// saved transcript, or stops the build naming the lesson.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Paragraph, Root } from 'mdast';
import type { VFile } from 'vfile';
import { afterAll, describe, expect, it } from 'vitest';
import { remarkFromRun, type JsxElement } from '../../src/build/markdown/remark-from-run.ts';

const root = mkdtempSync(join(tmpdir(), 'from-run-'));
mkdirSync(join(root, 'demo/captures'), { recursive: true });
writeFileSync(
	join(root, 'demo/captures/test.txt'),
	'$ cargo test\n\nrunning 2 tests\ntest a ... ok\ntest b ... ok\n\ntest result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s\n',
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

// The plugin reads only the lesson's path from the file.
const lesson = { path: '/home/learner/site/src/content/docs/part/lesson.mdx' } as VFile;
const element = (type: JsxElement['type'], attributes: Record<string, unknown>): JsxElement => ({
	type,
	name: 'FromRun',
	attributes: Object.entries(attributes).map(([name, value]) => ({ type: 'mdxJsxAttribute', name, value })),
	children: [],
});
const sentence = (attributes: Record<string, unknown>): Root => ({
	type: 'root',
	children: [
		{
			type: 'paragraph',
			children: [{ type: 'text', value: 'It runs ' }, element('mdxJsxTextElement', attributes) as never, { type: 'text', value: ' tests.' }],
		},
	],
});
const run = (tree: Root) => {
	remarkFromRun({ root })(tree, lesson);
	return tree;
};
const text = (tree: Root) => (tree.children[0] as Paragraph).children.map((c) => ('value' in c ? c.value : `<${c.type}>`)).join('');

describe('remarkFromRun', () => {
	it('replaces an inline element with the number, as plain text', () => {
		expect(text(run(sentence({ file: 'demo/captures/test.txt', count: 'tests' })))).toBe('It runs 2 tests.');
		expect(text(run(sentence({ file: 'demo/captures/test.txt', after: 'finished in ' })))).toBe('It runs 0.01 tests.');
	});

	it('turns an element on its own line into a paragraph', () => {
		const tree: Root = { type: 'root', children: [element('mdxJsxFlowElement', { file: 'demo/captures/test.txt', count: 'tests' }) as never] };
		expect(run(tree).children).toEqual([{ type: 'paragraph', children: [{ type: 'text', value: '2' }] }]);
	});

	it('leaves other JSX alone', () => {
		const tree = sentence({});
		const other = { ...element('mdxJsxTextElement', { title: 'x' }), name: 'Aside' };
		(tree.children[0] as Paragraph).children[1] = other as never;
		expect(text(run(tree))).toBe('It runs <mdxJsxTextElement> tests.');
	});

	it('stops the build naming the lesson and the element when the file is missing', () => {
		expect(() => run(sentence({ file: 'demo/captures/gone.txt', count: 'tests' }))).toThrow(
			'src/content/docs/part/lesson.mdx: <FromRun file="demo/captures/gone.txt" count="tests" />: no file examples/demo/captures/gone.txt',
		);
	});

	it('stops the build on an unknown count, a missing text, or a malformed element', () => {
		expect(() => run(sentence({ file: 'demo/captures/test.txt', count: 'bytes' }))).toThrow(
			/^src\/content\/docs\/part\/lesson\.mdx: <FromRun file="demo\/captures\/test\.txt" count="bytes" \/>: unknown count "bytes" \(known: tests, errors\)$/,
		);
		expect(() => run(sentence({ file: 'demo/captures/test.txt', after: 'passed in ' }))).toThrow(/lesson\.mdx: .*does not contain “passed in ”/);
		expect(() => run(sentence({ count: 'tests' }))).toThrow(/lesson\.mdx: .*needs file=/);
		expect(() => run(sentence({ file: '../outside.txt', count: 'tests' }))).toThrow(/a path inside examples\//);
		expect(() => run(sentence({ file: 'demo/captures/test.txt', count: 'tests', unit: 's' }))).toThrow(/unknown attribute unit/);
		expect(() => run(sentence({ file: 'demo/captures/test.txt', count: { type: 'mdxJsxAttributeValueExpression', value: 'x' } }))).toThrow(
			/count must be a plain "string"/,
		);
	});
});
