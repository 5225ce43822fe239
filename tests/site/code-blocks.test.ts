import { describe, expect, it } from 'vitest';
import { codeBlocks, problems } from './code-blocks.ts';
import { pagePaths, readPage } from './dist.ts';

describe('every Rust and TOML block on every built page comes from examples/', () => {
	const pages = pagePaths();

	it('finds the built pages', () => {
		expect(pages).toContain('/getting-started/');
	});

	it.each(pages)('%s', (page) => {
		expect(problems(codeBlocks(readPage(page)), page)).toEqual([]);
	});

	// It parses every page of the build again: seconds on a loaded machine.
	it('the lessons do include Rust, TOML, must-fail and output blocks', { timeout: 30_000 }, () => {
		const blocks = pages.flatMap((page) => codeBlocks(readPage(page)));
		const languages = new Set(blocks.filter((b) => b.source).map((b) => b.language));
		expect([...languages].sort()).toEqual(expect.arrayContaining(['console', 'rust', 'text', 'toml']));
		expect(blocks.some((b) => b.source?.includes('must-fail/'))).toBe(true);
	});
});
