// Every page names the compiler its Rust code was tested with, as it names
// crate versions: the line under each included Rust block says
// "tested with rustc X", and X is what `rustc --version` prints in
// examples/ today, the compiler the test suite builds the examples with.
import { execFileSync } from 'node:child_process';
import { selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';
import { pagePaths, readPage } from './dist.ts';

// The compiler cargo would use there (RUSTC, as cargo reads it, or rustc).
const printed = execFileSync(process.env['RUSTC'] || 'rustc', ['--version'], { cwd: examplesRoot, encoding: 'utf8' });
const version = printed.split(' ')[1]!;

/** The lines under included Rust sources (not their saved output) on one page. */
function rustSourceLines(page: string): string[] {
	return selectAll('[data-example]', readPage(page))
		.filter((example) => /\.rs(#|$)/.test(String(example.properties['dataSource'])))
		.flatMap((example) => selectAll(':scope > p.code-source', example))
		.map((p) => toString(p).replace(/\s+/g, ' '));
}

describe('the compiler version under included Rust code', () => {
	// Each page parsed once: the lines are read while collecting the tests.
	const linesOf = new Map(pagePaths().map((page) => [page, rustSourceLines(page)]));
	const pages = [...linesOf].filter(([, lines]) => lines.length > 0).map(([page]) => page);

	it('finds the pages with included Rust code', () => {
		expect(version).toMatch(/^\d+\.\d+\.\d+/);
		expect(pages).toEqual(expect.arrayContaining(['/getting-started/', '/api/testing/', '/rust-book/ownership/']));
	});

	it.each(pages)(`%s states rustc ${version} under every Rust block`, (page) => {
		const missing = linesOf.get(page)!.filter((line) => !line.includes(`tested with rustc ${version}`));
		expect(missing).toEqual([]);
	});
});
