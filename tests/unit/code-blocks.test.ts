// The built-site check itself must be able to fail: fed a pasted block, a
// stale one and a good one, it flags exactly the first two.
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { codeBlocks, expandTabs, problems, showsDiff } from '../site/code-blocks.ts';

const sources: Record<string, string> = { 'a/src/main.rs#x': 'fn main() {}\nlet a = 1;', 'a/old.rs': 'fn main() {}\nlet a = 0;' };

/** A block as Expressive Code renders it, in the include step's wrapper when it has a source. */
const block = (lang: string, code: string, source?: string, diffFrom?: string, data = source && sources[source], copy = diffFrom ? data : code) => {
	const lines = code
		.split('\n')
		.map((line) => `<div class="ec-line"><div class="code">${line}</div></div>`)
		.join('');
	const button = `<div class="copy"><button data-code="${(copy ?? '').replace(/\n/g, '\u007f')}"></button></div>`;
	const shown = `<div class="expressive-code"><figure><pre data-language="${lang}"><code>${lines}</code></pre>${button}</figure></div>`;
	if (!source) return shown;
	const from = diffFrom ? ` data-diff-from="${diffFrom}"` : '';
	return `<div class="example" data-example data-source="${source}"${from} data-code="${data}">${shown}<p class="code-source">From …</p></div>`;
};

describe('tabs in included text', () => {
	it('become spaces to the next stop of 2, as Expressive Code shows them', () => {
		expect(expandTabs('\tstatically linked\na\tb\n\t\tc')).toBe('  statically linked\na b\n    c');
	});
});

describe('built-site code block check', () => {
	const read = (source: string) => sources[source] ?? '';

	it('flags a Rust block with no source line as pasted', () => {
		const tree = fromHtml(block('rust', 'fn main() {}'));
		expect(problems(codeBlocks(tree), '/p/', read)).toEqual(['/p/ block 1 (rust): not included from examples/ (pasted code is not allowed)']);
	});

	it('flags an included block whose text differs from its source', () => {
		const tree = fromHtml(block('rust', 'fn main() { edited }', 'a/src/main.rs#x'));
		expect(problems(codeBlocks(tree), '/p/', read)).toEqual(['/p/ block 1 (rust): differs from examples/a/src/main.rs#x']);
	});

	it('accepts an exact include, and shell blocks without a source', () => {
		const tree = fromHtml(block('rust', 'fn main() {}\nlet a = 1;', 'a/src/main.rs#x') + block('sh', 'cargo run'));
		expect(problems(codeBlocks(tree), '/p/', read)).toEqual([]);
	});

	it('flags TOML too', () => {
		expect(problems(codeBlocks(fromHtml(block('toml', '[dependencies]'))), '/p/', read)).toHaveLength(1);
	});

	it('checks a diff block against both versions', () => {
		const good = fromHtml(block('diff', 'fn main() {}\nlet a = 0;\nlet a = 1;', 'a/src/main.rs#x', 'a/old.rs'));
		expect(problems(codeBlocks(good), '/p/', read)).toEqual([]);
		const stale = fromHtml(block('diff', 'fn main() {}\nlet a = 1;', 'a/src/main.rs#x', 'a/old.rs'));
		expect(problems(codeBlocks(stale), '/p/', read)).toEqual(['/p/ block 1 (diff): differs from examples/a/src/main.rs#x']);
		expect(problems(codeBlocks(fromHtml(block('diff', '+fn x() {}'))), '/p/', read)).toHaveLength(1);
	});

	it("flags a diff whose Copy button copies the lines shown rather than the step's file", () => {
		const shown = 'fn main() {}\nlet a = 0;\nlet a = 1;';
		const tree = fromHtml(block('diff', shown, 'a/src/main.rs#x', 'a/old.rs', sources['a/src/main.rs#x'], shown));
		expect(problems(codeBlocks(tree), '/p/', read)).toEqual(['/p/ block 1 (diff): its Copy button does not copy examples/a/src/main.rs#x']);
	});

	it('lets a snip line stand for exactly its count of unchanged lines, and for no changed one', () => {
		const diff = [' a', ' b', ' c', '+d', ' e'].join('\n');
		expect(showsDiff('// ⋯ 3 unchanged lines\nd\ne', diff)).toBe(true);
		expect(showsDiff('a\nb\nc\nd\ne', diff)).toBe(true);
		expect(showsDiff('// ⋯ 2 unchanged lines\nd\ne', diff)).toBe(false);
		expect(showsDiff('// ⋯ 4 unchanged lines\ne', diff)).toBe(false);
		expect(showsDiff('// ⋯ 3 unchanged lines\nd', diff)).toBe(false);
	});

	it('reads the shown lines without the numbered note badges', () => {
		const html = block('rust', 'fn main() {}\nlet a = 1;<span class="ec-callout"><span class="sr-only"> note </span>1</span>', 'a/src/main.rs#x');
		expect(problems(codeBlocks(fromHtml(html)), '/p/', read)).toEqual([]);
	});

	it('flags a wrapper whose carried code differs from its source, though the block shows it right', () => {
		const tree = fromHtml(block('rust', 'fn main() {}\nlet a = 1;', 'a/src/main.rs#x', undefined, 'fn main() { stale }'));
		expect(problems(codeBlocks(tree), '/p/', read)).toEqual(['/p/ block 1 (rust): the code its panel would run differs from examples/a/src/main.rs#x']);
	});

	it('counts a block outside a wrapper as pasted, even next to a wrapper', () => {
		const html = block('rust', 'fn main() {}\nlet a = 1;', 'a/src/main.rs#x') + block('rust', 'fn main() {}\nlet a = 1;');
		expect(problems(codeBlocks(fromHtml(html)), '/p/', read)).toEqual(['/p/ block 2 (rust): not included from examples/ (pasted code is not allowed)']);
	});
});
