import { join } from 'node:path';
import type { Code, Root, RootContent } from 'mdast';
import type { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { includeExamples } from '../../src/build/markdown/remark-include-examples.ts';

// The fixture's exercise: starter demo/exercises/ex-shout.rs, solution demo/src/bin/ex-shout.rs.
const root = join(import.meta.dirname, '../fixtures/examples-workspace');
const fence = (meta: string): Code => ({ type: 'code', lang: 'rust', meta, value: '' });
const starter = () => fence('include="demo/exercises/ex-shout.rs" exercise');
const tests = () => fence('include="demo/src/bin/ex-shout.rs#tests"');
/** `<details><summary>{summary}</summary>…</details>`, as the MDX parser gives it. */
const details = (summary: string, ...children: RootContent[]): RootContent =>
	({
		type: 'mdxJsxFlowElement',
		name: 'details',
		attributes: [],
		children: [{ type: 'mdxJsxFlowElement', name: 'summary', attributes: [], children: [{ type: 'text', value: summary }] }, ...children],
	}) as unknown as RootContent;
const hint = () => details('Hint 1', { type: 'paragraph', children: [{ type: 'text', value: 'Use to_uppercase.' }] });
const solution = () => details('Solution', fence('include="demo/src/bin/ex-shout.rs#solution"'));
const heading = (text: string): RootContent => ({ type: 'heading', depth: 3, children: [{ type: 'text', value: text }] });

const build = (...children: RootContent[]) => () =>
	includeExamples({ type: 'root', children } as Root, { path: '/repo/src/content/docs/part/lesson.mdx', data: {} } as unknown as VFile, { playground: '' }, root);

describe('an exercise on a page has its tests, a hint and a solution', () => {
	it('accepts an exercise with all four parts, however many hints', () => {
		expect(build(starter(), tests(), hint(), hint(), solution())).not.toThrow();
	});

	it('names every part an exercise leaves out', () => {
		expect(build(starter(), tests())).toThrow(
			'src/content/docs/part/lesson.mdx: the exercise demo/exercises/ex-shout.rs lacks a <details> whose <summary> starts with "Hint", a <details><summary>Solution</summary> holding include="demo/src/bin/ex-shout.rs#solution"',
		);
		expect(build(starter(), hint(), solution())).toThrow('lacks its tests (include="demo/src/bin/ex-shout.rs#tests")');
	});

	it('wants the solution inside the Solution block, not beside it', () => {
		expect(build(starter(), tests(), hint(), details('Solution'), fence('include="demo/src/bin/ex-shout.rs#solution"'))).toThrow(
			'lacks a <details><summary>Solution</summary>',
		);
	});

	it("does not count another section's hint and solution: a heading or the next exercise ends the part", () => {
		expect(build(starter(), tests(), heading('Next'), hint(), solution())).toThrow('lacks a <details> whose <summary> starts with "Hint"');
		expect(build(starter(), tests(), starter(), tests(), hint(), solution())).toThrow(/lacks a <details> whose <summary> starts with "Hint"/);
	});
});
