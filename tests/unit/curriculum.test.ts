import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { parts, sidebar } from '../../src/build/curriculum.ts';

/** A docs folder holding `pages`, removed when the test ends, passed or failed. */
function docs(pages: string[]): string {
	const root = mkdtempSync(join(tmpdir(), 'docs-')) + '/';
	onTestFinished(() => rmSync(root, { recursive: true, force: true }));
	for (const page of pages) {
		mkdirSync(join(root, page, '..'), { recursive: true });
		writeFileSync(join(root, page), '---\ntitle: t\n---\n');
	}
	return root;
}

describe('sidebar', () => {
	it('lists the parts in curriculum order whatever order the folders appear in', () => {
		const root = docs(['resources/index.mdx', 'api/a.mdx', 'api/b.mdx', 'why-rust/index.mdx']);
		expect(sidebar(root)).toEqual([
			{ label: 'Why Rust', link: '/why-rust/' },
			{ label: 'Build an API with Axum + SQLx', items: [{ autogenerate: { directory: 'api' } }] },
			{ label: 'Resources', link: '/resources/' },
		]);
	});

	it('leaves out a part whose folder is empty or missing', () => {
		const root = docs(['getting-started/index.mdx']);
		mkdirSync(join(root, 'cli'));
		expect(sidebar(root).map((entry) => entry.label)).toEqual(['Getting started']);
	});

	it('has the eight parts of the curriculum, in order', () => {
		expect(parts.map((p) => p.label)).toEqual([
			'Why Rust',
			'Getting started',
			'Rust Book companion',
			'Build a CLI tool',
			'Build an API with Axum + SQLx',
			'Benchmarking',
			'Going further',
			'Resources',
		]);
	});
});
