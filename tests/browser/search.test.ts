// Pagefind finds lessons by the identifiers in their code, as a learner
// types them into the search box.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { codeBlocks } from '../site/code-blocks.ts';
import { pagePaths, readPage } from '../site/dist.ts';
import { launch, pageIn } from '../../scripts/lib/chromium.ts';

// Identifiers a learner searches for. Each must lead to every page whose
// code uses it; those not yet in any lesson's code are reported, not tested.
const IDENTIFIERS = ['axum::serve', 'TcpListener', 'Router', 'oneshot', 'FromRow', 'HashMap', 'E0433', 'LogLine', 'par_bridge', 'E0597', 'E0382', 'E0499', 'Box<dyn', 'pub(crate)'];

let browser: Browser;
let page: Page;
beforeAll(async () => {
	browser = await launch();
	page = await pageIn(browser, 'dark');
	await page.goto(inject('siteUrl') + '/', { waitUntil: 'networkidle' });
});
afterAll(() => browser?.close());

async function search(term: string): Promise<string[]> {
	// Passed as a string: a function would be rewritten by Vite, whose
	// import() helper does not exist in the page.
	return page.evaluate(`(async () => {
		const pagefind = await import('/pagefind/pagefind.js');
		await pagefind.init();
		const found = await pagefind.search(${JSON.stringify(term)});
		const data = await Promise.all(found.results.map((r) => r.data()));
		return data.map((d) => d.url);
	})()`);
}

// Each page's code, read once: parsing the 41 built pages again for every
// identifier took most of this file's time.
let codeByPage: Map<string, string[]> | undefined;
const usedIn = (id: string) => {
	codeByPage ??= new Map(pagePaths().map((path) => [path, codeBlocks(readPage(path)).map((block) => block.code)]));
	return [...codeByPage].filter(([, code]) => code.some((text) => text.includes(id))).map(([path]) => path);
};

describe('search finds pages by the identifiers in their code', () => {
	const present = IDENTIFIERS.filter((id) => usedIn(id).length > 0);

	it('has identifiers to check', () => {
		console.log(`identifiers in lesson code: ${present.join(', ')}; not yet in any lesson: ${IDENTIFIERS.filter((id) => !present.includes(id)).join(', ')}`);
		expect(present).toContain('axum::serve');
	});

	it.each(present)('%s', async (id) => {
		expect(await search(id)).toEqual(expect.arrayContaining(usedIn(id)));
	});
});

// Each part's main terms, as a learner would type them, and the lesson each
// must find: the Rust Book companion's chapter topics; the API part's
// concepts; the CLI part's ways to parse arguments, read gzip, satisfy the
// borrow checker, test and speed up a tool.
const TERMS: [string, string][] = [
	['cargo new', '/rust-book/getting-started/'],
	['read_line', '/rust-book/guessing-game/'],
	['shadowing', '/rust-book/common-concepts/'],
	['overflow', '/rust-book/common-concepts/'],
	['ownership', '/rust-book/ownership/'],
	['borrow', '/rust-book/ownership/'],
	['move', '/rust-book/ownership/'],
	['struct', '/rust-book/structs/'],
	['newtype', '/rust-book/structs/'],
	['enum', '/rust-book/enums-and-match/'],
	['match', '/rust-book/enums-and-match/'],
	['Option', '/rust-book/enums-and-match/'],
	['module', '/rust-book/packages-and-modules/'],
	['pub', '/rust-book/packages-and-modules/'],
	['HashMap', '/rust-book/collections/'],
	['Vec', '/rust-book/collections/'],
	['Result', '/rust-book/error-handling/'],
	['panic', '/rust-book/error-handling/'],
	['trait', '/rust-book/generics-traits-lifetimes/'],
	['generic', '/rust-book/generics-traits-lifetimes/'],
	['lifetime', '/rust-book/generics-traits-lifetimes/'],
	['coordinated omission', '/benchmarking/how-to-benchmark/'],
	['Spring Boot', '/benchmarking/results/'],
	['npm run bench', '/benchmarking/reproduce/'],
	['extractor', '/api/extractors-and-state/'],
	['State', '/api/extractors-and-state/'],
	['FromRow', '/api/postgres-with-sqlx/'],
	['migrate', '/api/postgres-with-sqlx/'],
	['IntoResponse', '/api/errors/'],
	['CORS', '/api/middleware/'],
	['graceful shutdown', '/api/configuration-and-shutdown/'],
	['clap', '/cli/arguments/'],
	['gzip', '/cli/reading-input/'],
	['lifetime', '/cli/parsing-log-lines/'],
	['Cow', '/cli/parsing-log-lines/'],
	['thiserror', '/cli/errors-and-tests/'],
	['proptest', '/cli/errors-and-tests/'],
	['rayon', '/cli/making-it-fast/'],
	['static binary', '/cli/shipping-a-binary/'],
];

describe('search finds each lesson by its main terms', () => {
	it.each(TERMS)('%s finds %s', async (term, page) => {
		expect(await search(term)).toContain(page);
	});
});
