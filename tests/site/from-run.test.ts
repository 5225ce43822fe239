// Numbers a page states about a run are read from the saved transcript when
// the site is built (<FromRun … />, src/build/markdown/remark-from-run.ts). On the
// built pages: none is left unread (written inside `code`, say, where MDX
// sees no element), and the test counts issue 17 found wrong now equal the
// sum of cargo's "N passed" in today's transcripts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { toString } from 'hast-util-to-string';
import { describe, expect, it } from 'vitest';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';
import { distDir, pagePaths, readPage } from './dist.ts';

const text = (page: string) => toString(readPage(page)).replace(/\s+/g, ' ');
const passed = (transcript: string) =>
	[...readFileSync(join(examplesRoot, transcript), 'utf8').matchAll(/^test result: ok\. (\d+) passed/gm)].reduce((sum, [, n]) => sum + Number(n), 0);

describe('numbers read from transcripts', () => {
	// The raw HTML, unparsed: the built pages are many and the machine small.
	it.each(pagePaths())('%s has no <FromRun> left unread', (page) => {
		const html = readFileSync(join(distDir, page.endsWith('.html') ? page : `${page}index.html`), 'utf8');
		expect(html).not.toMatch(/&lt;FromRun|<FromRun/);
	});

	it.each([
		['/api/testing/', 'api/steps/07-testing/captures/cargo-test.txt', (n: number) => `At the end, cargo test runs ${n} tests`],
		['/cli/errors-and-tests/', 'cli/steps/04-errors-and-tests/captures/tests.txt', (n: number) => `how its ${n} tests check both`],
		['/getting-started/', 'getting-started/hello-axum/captures/cargo-test.txt', (n: number) => `with ${n} tests that check it`],
	])('%s states the count of %s', (page, transcript, sentence) => {
		const n = passed(transcript);
		expect(n).toBeGreaterThan(0);
		expect(text(page)).toContain(sentence(n));
	});
});
