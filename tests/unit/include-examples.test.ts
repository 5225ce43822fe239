import { join } from 'node:path';
import type { Code, Paragraph, Root } from 'mdast';
import type { ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rustcVersion } from '../../src/build/workspace/toolchain.ts';
import { workspace } from '../../src/build/workspace/model.ts';
import { MetaOptions } from '@astrojs/starlight/expressive-code';
import type { VFile } from 'vfile';
import { includeExamples, HAS_RUN_PANEL } from '../../src/build/markdown/remark-include-examples.ts';
import { metaWithout, parseInclude } from '../../src/build/markdown/include-directive.ts';
import { renderInclude, type IncludedExample } from '../../src/build/markdown/include-render.ts';
import { attachCallouts } from '../../src/build/markdown/callouts.ts';
import { snippedRanges, MIN_SNIPPED, snipCount, snipLine, snipUnchanged } from '../../src/build/markdown/diff-snip.ts';
import { lineDiff } from '../../src/build/workspace/line-diff.ts';
import { LIB_01, LIB_02, STEP_DIRS, stepWorkspace, type StepWorkspace } from './step-workspace.ts';

const root = join(import.meta.dirname, '../fixtures/examples-workspace');
const lesson = 'src/content/docs/part/lesson.mdx';
const fence = (meta: string, value = ''): Code => ({ type: 'code', lang: 'rust', meta, value });
const lineText = (p: Paragraph) => p.children.map((c) => ('value' in c ? c.value : '')).join('');
/** Parse, then render: the wrapper's children after the block (its source line, then its panel, if any). */
const includeInto = (node: Code, _lesson: string, root: string, playground = '', playgroundToken?: string): Paragraph[] | undefined => {
	const wrapper = wrap(node, root, playground, playgroundToken);
	return wrapper?.children.slice(1) as Paragraph[] | undefined;
};
const wrap = (node: Code, root: string, playground = '', playgroundToken?: string): IncludedExample | undefined => {
	const directive = parseInclude(node, lesson, root);
	return directive && renderInclude(node, directive, undefined, { playground, playgroundToken }, root);
};


/** A diff fence's meta without its `copy` (the step's file for the Copy button, tested on its own). */
const withoutCopy = (meta: string | null | undefined) => (meta ?? '').replace(/ copy="[^"]*"/, '');
/** The text a diff fence's Copy button will copy. */
const copyOf = (meta: string | null | undefined) => decodeURIComponent(/ copy="([^"]*)"/.exec(meta ?? '')?.[1] ?? '');

describe('include step', () => {
	it('fills the fence with the anchor and titles it with the path in the crate', () => {
		const node = fence('include="demo/src/main.rs#greet" {2}');
		const wrapper = wrap(node, root)!;
		const line = wrapper.children[1] as Paragraph;
		expect(node.value).toBe('fn greet() -> &\'static str {\n    "hi"\n}');
		expect(node.meta).toBe('{2} title="src/main.rs"');
		expect(line.data?.hProperties).toEqual({ className: ['code-source'] });
		expect(wrapper.data.hProperties).toEqual({ className: ['example'], dataExample: true, dataSource: 'demo/src/main.rs#greet', dataCode: node.value });
		expect(wrapper.children[0]).toBe(node);
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
		expect(workspace(root).crateNamed('demo').tested).toEqual([
			{ name: 'serde', version: '1.0.229' },
			{ name: 'tokio', version: '1.54.1' },
		]);
	});

	it('lists must-fail snippets with their expectation', () => {
		expect(workspace(root).crateNamed('demo').mustFail).toEqual([
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

	const attach = (t: Root) => attachCallouts(t.children[0] as Code, t.children[1], lesson);

	it('records each callout line and leads each note with it', () => {
		const t = tree('title="x" callout="let b" callout="println"', 2);
		attachCallouts(t.children[0] as Code, t.children[1], lesson);
		expect((t.children[0] as Code).meta).toBe('title="x" callout-lines="2,3"');
		const first = (t.children[1] as { children: { children: Paragraph[] }[] }).children[0]!.children[0]!;
		expect(first.children[0]).toEqual({ type: 'strong', children: [{ type: 'text', value: 'Line 2:' }] });
	});

	it('fails when notes and callouts do not pair up', () => {
		expect(() => attach(tree('callout="let b"', 2))).toThrow('1 callouts but 2 notes');
	});

	it('fails when a callout matches no line or several', () => {
		expect(() => attach(tree('callout="zzz"', 1))).toThrow(/matches no line/);
		expect(() => attach(tree('callout="let"', 1))).toThrow(/matches lines 1, 2/);
	});

	it('fails naming the lesson and the notes when the notes are out of line order', () => {
		expect(() => attach(tree('callout="println" callout="let b"', 2))).toThrow(
			'src/content/docs/part/lesson.mdx: code block with callouts: notes must follow the code from top to bottom, but note 2 (line 2) comes after note 1 (line 3): reorder the callouts and their notes',
		);
	});

	it('accepts two notes on the same line', () => {
		const t = tree('callout="let b" callout="b = a"', 2);
		attachCallouts(t.children[0] as Code, t.children[1], lesson);
		expect((t.children[0] as Code).meta).toBe('callout-lines="2,2"');
	});

	it('fails when no ordered list follows', () => {
		const t: Root = { type: 'root', children: [{ type: 'code', meta: 'callout="a"', value: 'a' }] };
		expect(() => attach(t)).toThrow(/an ordered list/);
	});
});

describe('include step: a lesson step as a diff', () => {
	it('renders the change between two regions in Expressive Code diff syntax', () => {
		const node = fence('include="demo/src/main.rs#greet" diff-from="demo/must-fail/moved.rs"');
		const wrapper = wrap(node, root)!;
		expect(node.lang).toBe('diff');
		expect(withoutCopy(node.meta)).toBe('lang="rust" title="src/main.rs"');
		expect(node.value.split('\n').every((l) => /^[-+ ]/.test(l))).toBe(true);
		expect(node.value).toContain('+fn greet()');
		expect(node.value).toContain('-    let s = String::from("x");');
		expect(wrapper.data.hProperties).toMatchObject({ dataDiffFrom: 'demo/must-fail/moved.rs', dataSource: 'demo/src/main.rs#greet' });
		// The wrapper carries the code as it is now, not the diff.
		expect(wrapper.data.hProperties['dataCode']).toBe('fn greet() -> &\'static str {\n    "hi"\n}');
		expect(lineText(wrapper.children[1] as Paragraph)).toContain(', changed from examples/demo/must-fail/moved.rs');
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
		const wrapper = wrap(node, root, 'http://127.0.0.1:3344')!;
		const [, line, panel] = wrapper.children as Paragraph[];
		expect(line!.data?.hProperties).toEqual({ className: ['code-source'] });
		expect(wrapper.data.hProperties).toMatchObject({ dataSource: 'demo/src/main.rs', dataCode: node.value });
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

	it('gives a program that cannot run in the page a panel without wasm, saying where Run sends it, why, and what it needs', () => {
		const node = fence('include="demo/src/bin/workers.rs" runnable');
		const [, , panel] = wrap(node, root, 'https://play.rust-lang.org')!.children as Paragraph[];
		expect(panel!.data?.hName).toBe('br-runner');
		expect(panel!.data?.hProperties).toMatchObject({ dataBin: 'workers', dataPlayground: 'https://play.rust-lang.org' });
		expect(panel!.data?.hProperties).not.toHaveProperty('dataWasm');
		expect(panel!.data?.hProperties).not.toHaveProperty('dataFiles');
		const html = toHtml(panel!.data!.hChildren as ElementContent[]);
		expect(html).toContain(
			"This program runs on the Rust Playground, not in the page: it starts threads, which the page's WebAssembly runner does not have. It needs tokio 1.54.1.",
		);
		expect(html).toContain("if one is missing, use the course's compile server");
		// A server takes no arguments, input or files.
		expect(html).not.toContain('name="args"');
		expect(html).not.toContain('name="stdin"');
		const onClassServer = toHtml((wrap(fence('include="demo/src/bin/workers.rs" runnable'), root, 'http://127.0.0.1:3344')!.children[2] as Paragraph).data!.hChildren as ElementContent[]);
		expect(onClassServer).toContain("This program runs on the course's compile server, not in the page:");
		expect(onClassServer).not.toContain('if one is missing');
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

describe('include step: the remark transform', () => {
	const notes = (count: number) => ({
		type: 'list' as const,
		ordered: true,
		children: Array.from({ length: count }, (_, n) => ({
			type: 'listItem' as const,
			children: [{ type: 'paragraph' as const, children: [{ type: 'text' as const, value: `note ${n + 1}` }] }],
		})),
	});
	const run = (tree: Root) => {
		const file = { path: '/repo/src/content/docs/part/lesson.mdx', data: {} } as unknown as VFile;
		includeExamples(tree, file, { playground: 'https://play.rust-lang.org' }, root);
		return file.data as { astro?: { frontmatter?: Record<string, unknown> } };
	};

	it('wraps the block, its source line, its notes and its panel in one element, in that order', () => {
		const tree: Root = { type: 'root', children: [fence('include="demo/src/main.rs" runnable callout="fn main"'), notes(1)] };
		const data = run(tree);
		expect(tree.children).toHaveLength(1);
		const wrapper = tree.children[0] as unknown as IncludedExample;
		expect(wrapper.type).toBe('includedExample');
		expect(wrapper.children.map((c) => c.type)).toEqual(['code', 'paragraph', 'list', 'paragraph']);
		expect((wrapper.children[3] as Paragraph).data?.hName).toBe('br-runner');
		expect(data.astro?.frontmatter?.[HAS_RUN_PANEL]).toBe(true);
	});

	it('finds include fences nested in other content, and marks no run panel on a page without one', () => {
		const tree: Root = {
			type: 'root',
			children: [{ type: 'blockquote', children: [fence('include="demo/src/main.rs#greet"')] }],
		};
		const data = run(tree);
		const quote = tree.children[0] as { children: { type: string }[] };
		expect(quote.children[0]!.type).toBe('includedExample');
		expect(data.astro?.frontmatter?.[HAS_RUN_PANEL]).toBeUndefined();
	});

	it('leaves plain fences alone', () => {
		const tree: Root = { type: 'root', children: [fence('title="x"', 'echo hi')] };
		run(tree);
		expect(tree.children[0]).toMatchObject({ type: 'code', value: 'echo hi', meta: 'title="x"' });
	});
});

describe("fence meta, read with Expressive Code's parser", () => {
	it("keeps Expressive Code's ranges, bare text markers and regexes, dropping only this step's keys", () => {
		const meta = new MetaOptions('include="a.rs" must-fail {2-3} "/users/:id" /fn \\w+ x/ ins={3} title=main.rs');
		expect(metaWithout(meta, ['include', 'must-fail'])).toBe('{2-3} "/users/:id" /fn \\w+ x/ ins={3} title=main.rs');
	});

	it('reads escaped quotes in a value', () => {
		expect(new MetaOptions('callout="say \\"hi\\""').getStrings('callout')).toEqual(['say "hi"']);
	});

	it('quotes a title so that Expressive Code reads it back', () => {
		const node = fence('include="demo/must-fail/moved.rs" must-fail');
		wrap(node, root);
		expect(new MetaOptions(node.meta ?? '').getString('title')).toBe('must-fail/moved.rs (does not work)');
	});
});

describe('include step: a step of the API build as a diff (step-diff)', () => {
	let ws: StepWorkspace;
	beforeEach(() => {
		ws = stepWorkspace();
	});
	afterEach(() => ws.remove());
	const [one, two, three] = STEP_DIRS;
	const stepWrap = (meta: string) => {
		const node = fence(meta);
		return { node, wrapper: wrap(node, ws.root)! };
	};

	it("shows a changed file against the same file of the step before, one line standing for the long unchanged run", () => {
		const { node, wrapper } = stepWrap(`include="${two}/src/lib.rs" step-diff`);
		expect(node.lang).toBe('diff');
		// 13 unchanged lines, then the change: the first 10 left out, 3 stay as context.
		const full = lineDiff(LIB_01, LIB_02).split('\n');
		expect(node.value).toBe([' // ⋯ 10 unchanged lines', ...full.slice(10)].join('\n'));
		expect(node.value).toContain('-    "hi"\n+    "hello"');
		expect(withoutCopy(node.meta)).toBe('lang="rust" title="src/lib.rs"');
		// Copy gives the file as the step leaves it, not the lines shown.
		expect(copyOf(node.meta)).toBe(LIB_02.trimEnd());
		expect(wrapper.data.hProperties).toMatchObject({ dataSource: `${two}/src/lib.rs`, dataDiffFrom: `${one}/src/lib.rs`, dataCode: LIB_02.trimEnd() });
		expect(lineText(wrapper.children[1] as Paragraph)).toContain(`From examples/${two}/src/lib.rs, changed from examples/${one}/src/lib.rs · tested with rustc`);
	});

	it('shows a file new in the step as all added, from nothing', () => {
		const { node, wrapper } = stepWrap(`include="${two}/src/extra.rs" step-diff`);
		expect(node.value).toBe('+pub fn extra() {}');
		expect(withoutCopy(node.meta)).toBe('lang="rust" title="src/extra.rs (new file)"');
		expect(wrapper.data.hProperties['dataDiffFrom']).toBe('');
		expect(lineText(wrapper.children[1] as Paragraph)).toContain(`From examples/${two}/src/extra.rs, a file new in this step · tested with`);
	});

	it("diffs a manifest's deps region against the step before's", () => {
		const node = fence(`include="${three}/Cargo.toml#deps" step-diff`);
		node.lang = 'toml';
		wrap(node, ws.root);
		expect(node.value).toBe(' [dependencies]\n+serde = "1.0.229"');
		expect(withoutCopy(node.meta)).toBe('lang="toml" title="Cargo.toml"');
	});

	it('keeps a line a callout names visible inside a long unchanged run, and the notes work on the diff', () => {
		const tree: Root = {
			type: 'root',
			children: [
				fence(`include="${two}/src/lib.rs" step-diff callout="LINE_4:" callout="hello"`),
				{
					type: 'list',
					ordered: true,
					children: ['the fourth', 'the change'].map((value) => ({ type: 'listItem', children: [{ type: 'paragraph', children: [{ type: 'text', value }] }] })),
				},
			],
		};
		includeExamples(tree, { path: '/repo/src/content/docs/part/lesson.mdx', data: {} } as unknown as VFile, { playground: '' }, ws.root);
		const code = (tree.children[0] as unknown as IncludedExample).children[0] as Code;
		// The noted line 4 splits the unchanged run: 1-3 and 5-13, which keeps
		// 5-7 and 11-13 as context around its ends, leaving 8-10: too few to
		// leave out. Line 15 is the change.
		expect(withoutCopy(code.meta)).toBe('lang="rust" title="src/lib.rs" line-links="lib-rs" callout-lines="4,15"');
	});

	it('refuses step-diff outside a step, with diff-from, or on a file the step left as it was', () => {
		expect(() => includeInto(fence('include="demo/src/main.rs" step-diff'), lesson, root)).toThrow(
			'src/content/docs/part/lesson.mdx: include="demo/src/main.rs": step-diff shows a file of a step, but examples/demo/src/main.rs is in none (steps are folders api/steps/NN-slug)',
		);
		expect(() => wrap(fence(`include="${two}/src/lib.rs" step-diff diff-from="${one}/src/lib.rs"`), ws.root)).toThrow('step-diff diffs against the step before; drop diff-from');
		expect(() => wrap(fence(`include="${two}/src/main.rs" step-diff`), ws.root)).toThrow(
			`include="${two}/src/main.rs": examples/${two}/src/main.rs is as ${one} left it: show it without step-diff, or show a file this step changes`,
		);
	});
});

describe('a lesson that names its step shows every file the step changes', () => {
	let ws: StepWorkspace;
	beforeEach(() => {
		ws = stepWorkspace();
	});
	afterEach(() => ws.remove());
	const [, two] = STEP_DIRS;
	const page = (step: string | string[], ...includes: string[]) => {
		const tree: Root = { type: 'root', children: includes.map((ref) => fence(`include="${ref}" step-diff`)) };
		const file = { path: '/repo/src/content/docs/part/lesson.mdx', data: { astro: { frontmatter: { step } } } } as unknown as VFile;
		includeExamples(tree, file, { playground: '' }, ws.root);
	};

	it('passes when each added or changed file has its step-diff block', () => {
		expect(() => page(two, `${two}/src/lib.rs`, `${two}/src/extra.rs`)).not.toThrow();
	});

	it('fails on one line naming the file left out and the block to add', () => {
		expect(() => page(two, `${two}/src/lib.rs`)).toThrow(
			new Error(`src/content/docs/part/lesson.mdx: step ${two} changes src/extra.rs, but the page does not show it: add include="${two}/src/extra.rs" step-diff`),
		);
	});

	it('checks each step of a lesson that builds several, in order', () => {
		const [, , three] = STEP_DIRS;
		expect(() => page([two, three], `${two}/src/lib.rs`, `${two}/src/extra.rs`, `${three}/Cargo.toml#deps`, `${three}/src/extra.rs`)).not.toThrow();
		expect(() => page([two, three], `${two}/src/lib.rs`, `${two}/src/extra.rs`, `${three}/src/extra.rs`)).toThrow(`step ${three} changes Cargo.toml#deps, but the page does not show it`);
	});

	it('names a manifest by the deps region it must show, every file left out, and an unknown step by the steps there are', () => {
		expect(() => page(STEP_DIRS[2])).toThrow(
			`step ${STEP_DIRS[2]} changes Cargo.toml#deps, src/extra.rs, but the page does not show them: add include="${STEP_DIRS[2]}/Cargo.toml#deps" step-diff, include="${STEP_DIRS[2]}/src/extra.rs" step-diff`,
		);
		expect(() => page('api/steps/07-gone')).toThrow(
			'src/content/docs/part/lesson.mdx: frontmatter step: no step api/steps/07-gone (the steps: api/steps/00-start, api/steps/01-grow, api/steps/02-trim)',
		);
	});
});

describe('leaving the long unchanged runs out of a diff', () => {
	const diff = (marks: string) => [...marks].map((mark, n) => `${mark}line ${n + 1}`).join('\n');

	it('leaves out a long run between changes, keeping three lines of context on each side', () => {
		expect(snippedRanges(diff('+' + ' '.repeat(12) + '-'))).toEqual([{ from: 5, to: 10 }]);
	});

	it('needs no context at the ends of the file', () => {
		expect(snippedRanges(diff(' '.repeat(9) + '+'))).toEqual([{ from: 1, to: 6 }]);
		expect(snippedRanges(diff('+' + ' '.repeat(9)))).toEqual([{ from: 5, to: 10 }]);
	});

	it('leaves short runs and an all-new file alone', () => {
		expect(snippedRanges(diff('+' + ' '.repeat(11) + '-'))).toEqual([]);
		expect(snippedRanges(diff(' '.repeat(6) + '+' + ' '.repeat(6)))).toEqual([]);
		expect(snippedRanges(diff('+'.repeat(MIN_SNIPPED * 3)))).toEqual([]);
	});

	it('keeps a noted line and its context in view', () => {
		expect(snippedRanges(diff(' '.repeat(30) + '+'), [12])).toEqual([
			{ from: 1, to: 8 },
			{ from: 16, to: 27 },
		]);
	});

	it("puts one line in each run's place, a comment of the language, indented as the run begins", () => {
		const lines = ['+use a;', ...Array.from({ length: 12 }, (_, n) => `     let x${n} = ${n};`), '-    done()'];
		const snipped = snipUnchanged(lines.join('\n'), 'rust').split('\n');
		expect(snipped).toEqual([...lines.slice(0, 4), '     // ⋯ 6 unchanged lines', ...lines.slice(10)]);
		expect(snipUnchanged(lines.join('\n'), 'toml')).toContain('\n     # ⋯ 6 unchanged lines\n');
		expect(snipUnchanged(lines.join('\n'), 'text')).toContain('\n     ⋯ 6 unchanged lines\n');
		expect(snipUnchanged('+a\n b', 'rust')).toBe('+a\n b');
	});

	it('reads back how many lines a snip line stands for, and nothing else', () => {
		for (const lang of ['rust', 'sql', 'toml', 'text']) expect(snipCount(snipLine(42, lang, '    '))).toBe(42);
		expect(snipCount('// ⋯ unchanged lines')).toBeUndefined();
		expect(snipCount('let x = 1; // ⋯ 3 unchanged lines')).toBeUndefined();
	});
});

describe('step-diff on a file the step removes', () => {
	let ws: StepWorkspace;
	beforeEach(() => {
		ws = stepWorkspace();
	});
	afterEach(() => ws.remove());
	const [, two, three] = STEP_DIRS;

	it('shows it from the step before, all removed, and the page must show it', () => {
		const node = fence(`include="${three}/src/extra.rs" step-diff`);
		const wrapper = wrap(node, ws.root)!;
		expect(node.value).toBe('-pub fn extra() {}');
		expect(node.meta).toBe('lang="rust" title="src/extra.rs (removed)"');
		expect(wrapper.data.hProperties).toMatchObject({ dataSource: `${three}/src/extra.rs`, dataDiffFrom: `${two}/src/extra.rs`, dataCode: '' });
		expect(lineText(wrapper.children[1] as Paragraph)).toMatch(new RegExp(`^Removed in this step: examples/${two}/src/extra.rs · tested with`));

		const page = (...refs: string[]) => {
			const tree: Root = { type: 'root', children: refs.map((ref) => fence(`include="${ref}" step-diff`)) };
			includeExamples(tree, { path: '/repo/src/content/docs/part/lesson.mdx', data: { astro: { frontmatter: { step: three } } } } as unknown as VFile, { playground: '' }, ws.root);
		};
		expect(() => page(`${three}/Cargo.toml#deps`)).toThrow(`step ${three} changes src/extra.rs, but the page does not show it`);
		expect(() => page(`${three}/Cargo.toml#deps`, `${three}/src/extra.rs`)).not.toThrow();
	});

	it('refuses a file neither the step nor the one before has', () => {
		expect(() => wrap(fence(`include="${three}/src/nope.rs" step-diff`), ws.root)).toThrow(`include="${three}/src/nope.rs": no file examples/${three}/src/nope.rs, nor in the step before`);
	});
});
