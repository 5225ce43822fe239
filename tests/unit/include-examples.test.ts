import { join } from 'node:path';
import type { Code, Paragraph, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { rustcVersion } from '../../src/build/workspace/toolchain.ts';
import { readCrate } from '../../src/build/workspace/workspace.ts';
import { includeInto } from '../../src/build/markdown/remark-include-examples.ts';
import { attachCallouts } from '../../src/build/markdown/callouts.ts';

const root = join(import.meta.dirname, '../fixtures/examples-workspace');
const lesson = 'src/content/docs/part/lesson.mdx';
const fence = (meta: string, value = ''): Code => ({ type: 'code', lang: 'rust', meta, value });
const lineText = (p: Paragraph) => p.children.map((c) => ('value' in c ? c.value : '')).join('');

describe('include step', () => {
	it('fills the fence with the anchor and titles it with the path in the crate', () => {
		const node = fence('include="demo/src/main.rs#greet" {2}');
		const line = includeInto(node, lesson, root)![0]!;
		expect(node.value).toBe('fn greet() -> &\'static str {\n    "hi"\n}');
		expect(node.meta).toBe('{2} title="src/main.rs"');
		expect(line.data?.hProperties).toEqual({ className: ['code-source'], dataSource: 'demo/src/main.rs#greet' });
		expect(lineText(line)).toBe(`From examples/demo/src/main.rs · tested with rustc ${rustcVersion(root)}, serde 1.0.229, tokio 1.54.1`);
		expect(rustcVersion(root)).toMatch(/^\d+\.\d+\.\d+/);
	});

	it('leaves a fence without include alone', () => {
		const node = fence('title="x"', 'echo hi');
		expect(includeInto(node, lesson, root)).toBeUndefined();
		expect(node.value).toBe('echo hi');
	});

	it('fails the build naming the lesson and the anchor when the anchor is missing', () => {
		expect(() => includeInto(fence('include="demo/src/main.rs#gone"'), lesson, root)).toThrow(
			'src/content/docs/part/lesson.mdx: include="demo/src/main.rs#gone": examples/demo/src/main.rs: no anchor "gone" (anchors in this file: greet)',
		);
	});

	it('fails naming the lesson when the file is missing', () => {
		expect(() => includeInto(fence('include="demo/src/nope.rs"'), lesson, root)).toThrow(
			'src/content/docs/part/lesson.mdx: include="demo/src/nope.rs": no file examples/demo/src/nope.rs',
		);
	});

	it('includes from the workspace manifest, which belongs to no crate and names no compiler or versions', () => {
		const node = fence('include="Cargo.toml#profile"');
		node.lang = 'toml';
		const line = includeInto(node, lesson, root)![0]!;
		expect(node.value).toBe('[profile.dist]\ninherits = "release"');
		expect(node.meta).toBe('title="Cargo.toml"');
		expect(lineText(line)).toBe('From examples/Cargo.toml');
	});

	it('refuses a fence that also has pasted code', () => {
		expect(() => includeInto(fence('include="demo/src/main.rs"', 'fn main() {}'), lesson, root)).toThrow(/must be empty/);
	});

	it('requires must-fail snippets to be marked, and only them', () => {
		expect(() => includeInto(fence('include="demo/must-fail/moved.rs"'), lesson, root)).toThrow(/mark the fence must-fail/);
		expect(() => includeInto(fence('include="demo/src/main.rs" must-fail'), lesson, root)).toThrow(/does not declare it/);
		const node = fence('include="demo/must-fail/moved.rs" must-fail');
		const line = includeInto(node, lesson, root)![0]!;
		expect(node.meta).toBe('title="must-fail/moved.rs (does not work)"');
		expect(lineText(line)).toContain('checked to fail to compile with error E0382 · tested with rustc ');
	});
});

describe('workspace reading', () => {
	it('takes each dependency version the crate itself locked', () => {
		expect(readCrate(join(root, 'demo'), root).tested).toEqual([
			{ name: 'serde', version: '1.0.229' },
			{ name: 'tokio', version: '1.54.1' },
		]);
	});

	it('lists must-fail snippets with their expectation', () => {
		expect(readCrate(join(root, 'demo'), root).mustFail).toEqual([
			{ bin: 'moved', source: 'demo/must-fail/moved.rs', expect: { compileError: 'E0382' } },
		]);
	});
});

describe('callouts', () => {
	const tree = (meta: string, items: number): Root => ({
		type: 'root',
		children: [
			{ type: 'code', lang: 'rust', meta, value: 'let a = 1;\nlet b = a;\nprintln!("{b}");' },
			{
				type: 'list',
				ordered: true,
				children: Array.from({ length: items }, (_, n) => ({
					type: 'listItem',
					children: [{ type: 'paragraph', children: [{ type: 'text', value: `note ${n + 1}` }] }],
				})),
			},
		],
	});

	it('records each callout line and leads each note with it', () => {
		const t = tree('title="x" callout="let b" callout="println"', 2);
		attachCallouts(t.children, 0, lesson);
		expect((t.children[0] as Code).meta).toBe('title="x" callout-lines="2,3"');
		const first = (t.children[1] as { children: { children: Paragraph[] }[] }).children[0]!.children[0]!;
		expect(first.children[0]).toEqual({ type: 'strong', children: [{ type: 'text', value: 'Line 2:' }] });
	});

	it('fails when notes and callouts do not pair up', () => {
		expect(() => attachCallouts(tree('callout="let b"', 2).children, 0, lesson)).toThrow('1 callouts but 2 notes');
	});

	it('fails when a callout matches no line or several', () => {
		expect(() => attachCallouts(tree('callout="zzz"', 1).children, 0, lesson)).toThrow(/matches no line/);
		expect(() => attachCallouts(tree('callout="let"', 1).children, 0, lesson)).toThrow(/matches lines 1, 2/);
	});

	it('fails naming the lesson and the notes when the notes are out of line order', () => {
		expect(() => attachCallouts(tree('callout="println" callout="let b"', 2).children, 0, lesson)).toThrow(
			'src/content/docs/part/lesson.mdx: code block with callouts: notes must follow the code from top to bottom, but note 2 (line 2) comes after note 1 (line 3): reorder the callouts and their notes',
		);
	});

	it('accepts two notes on the same line', () => {
		const t = tree('callout="let b" callout="b = a"', 2);
		attachCallouts(t.children, 0, lesson);
		expect((t.children[0] as Code).meta).toBe('callout-lines="2,2"');
	});

	it('fails when no ordered list follows', () => {
		const t: Root = { type: 'root', children: [{ type: 'code', meta: 'callout="a"', value: 'a' }] };
		expect(() => attachCallouts(t.children, 0, lesson)).toThrow(/an ordered list/);
	});
});

describe('include step: a lesson step as a diff', () => {
	it('renders the change between two regions in Expressive Code diff syntax', () => {
		const node = fence('include="demo/src/main.rs#greet" diff-from="demo/must-fail/moved.rs"');
		const line = includeInto(node, lesson, root)![0]!;
		expect(node.lang).toBe('diff');
		expect(node.meta).toBe('lang="rust" title="src/main.rs"');
		expect(node.value.split('\n').every((l) => /^[-+ ]/.test(l))).toBe(true);
		expect(node.value).toContain('+fn greet()');
		expect(node.value).toContain('-    let s = String::from("x");');
		expect(line.data?.hProperties).toMatchObject({ dataDiffFrom: 'demo/must-fail/moved.rs' });
	});

	it('names the lesson when the diff-from region is missing', () => {
		expect(() => includeInto(fence('include="demo/src/main.rs" diff-from="demo/src/main.rs#nope"'), lesson, root)).toThrow(
			/^src\/content\/docs\/part\/lesson.mdx: include="demo\/src\/main.rs": .*no anchor "nope"/,
		);
	});
});

describe('include step: runnable blocks', () => {
	it('puts a Run panel with the defaults of the runnable under the source line', () => {
		const node = fence('include="demo/src/main.rs" runnable');
		const [line, panel] = includeInto(node, lesson, root, 'http://127.0.0.1:3344')!;
		expect(line!.data?.hProperties).toMatchObject({ dataSource: 'demo/src/main.rs' });
		expect(panel!.data?.hName).toBe('br-runner');
		expect(panel!.data?.hProperties).toMatchObject({
			dataWasm: '/wasm/demo/demo.wasm',
			dataBin: 'demo',
			dataFiles: JSON.stringify({ 'data.txt': '/wasm/demo/data.txt' }),
			dataPlayground: 'http://127.0.0.1:3344',
		});
		expect(panel!.data?.hProperties).not.toHaveProperty('dataPlaygroundToken', expect.anything());
		expect(node.meta).toBe('title="src/main.rs"');
	});

	it("carries a class server's token (PLAYGROUND_TOKEN at build) to the panel", () => {
		const [, panel] = includeInto(fence('include="demo/src/main.rs" runnable'), lesson, root, 'https://compile.class.example', 'class-token')!;
		expect(panel!.data?.hProperties).toMatchObject({ dataPlayground: 'https://compile.class.example', dataPlaygroundToken: 'class-token' });
	});

	it('refuses runnable on a file that builds no runnable binary, or on an excerpt', () => {
		expect(() => includeInto(fence('include="demo/must-fail/moved.rs" must-fail runnable'), lesson, root)).toThrow(
			/marked runnable, but no \[\[package.metadata.runnable\]\] of demo is built from demo\/must-fail\/moved.rs/,
		);
		expect(() => includeInto(fence('include="demo/src/main.rs#greet" runnable'), lesson, root)).toThrow(/shows its whole file/);
	});
});
