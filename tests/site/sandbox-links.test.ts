// The links validator cannot see the sandbox routes (they are Astro pages,
// not docs), so this checks every link into /sandbox/ on the built site.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projects } from '../../src/build/sandbox/projects.ts';
import { distDir, pagePaths } from './dist.ts';

describe('links to the terminal sandbox', () => {
	const links = pagePaths().flatMap((page) =>
		[...readFileSync(join(distDir, page.endsWith('/') ? `${page}index.html` : page), 'utf8').matchAll(/href="(\/sandbox\/[^"#]*)/g)].map((m) => ({ page, href: m[1]! })),
	);

	it('exist, from the lessons each project names', () => {
		for (const project of projects) {
			expect(links, project.id).toContainEqual({ page: project.lesson.href, href: `/sandbox/${project.id}/` });
		}
	});

	it('each point at a built sandbox page', () => {
		const built = new Set(pagePaths());
		expect(links.filter(({ href }) => !built.has(href))).toEqual([]);
	});
});
