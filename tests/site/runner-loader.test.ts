// The runner's intent loader goes exactly where a panel was rendered: a page
// with a Run or exercise panel whose loader is missing would show buttons
// that do nothing, and a page without one must not carry the script (the
// page-weight budget). The include step decides it from the panels it
// rendered, so this holds for pages with exercise panels only, too.
import { selectAll } from 'hast-util-select';
import { describe, expect, it } from 'vitest';
import { pagePaths, presenterPaths, readPage } from './dist.ts';

const LOADER = /\/_astro\/RunnerLoader\.[^"]*\.js$/;

describe('the runner loader on built pages', () => {
	// The presenter views add the loader by a rule of their own.
	const pages = [...pagePaths(), ...presenterPaths()].map((page) => {
		const tree = readPage(page);
		return {
			page,
			panels: selectAll('br-runner', tree).length,
			exercisePanels: selectAll('br-runner[data-tests]', tree).length,
			loader: selectAll('script[src]', tree).some((script) => LOADER.test(String(script.properties['src']))),
		};
	});

	it('finds pages with Run panels, pages with exercise panels, and pages with neither', () => {
		expect(pages.some((p) => p.panels > p.exercisePanels)).toBe(true);
		expect(pages.some((p) => p.exercisePanels > 0)).toBe(true);
		expect(pages.some((p) => p.panels === 0)).toBe(true);
	});

	it.each(pages.map((p) => [p.page, p] as const))('%s has the loader if and only if it has a panel', (_, p) => {
		expect({ page: p.page, loader: p.loader }).toEqual({ page: p.page, loader: p.panels > 0 });
	});
});
