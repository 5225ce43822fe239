/**
 * The curriculum's parts, in the order a learner takes them.
 *
 * Each part is a folder under `src/content/docs/`. The sidebar and the
 * landing page list a part only once that folder holds a page, so the site
 * never shows an empty group or a "coming soon" link.
 */
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface Part {
	/** Sidebar group label. */
	label: string;
	/** Folder under src/content/docs/ holding the part's pages; also its URL prefix. */
	directory: string;
	/** What the learner builds or gets from the part, for the landing page. */
	outcome: string;
}

export const parts: readonly Part[] = [
	{
		label: 'Why Rust',
		directory: 'why-rust',
		outcome: 'The blog posts’ claims about Rust on the backend, each checked against its evidence.',
	},
	{
		label: 'Getting started',
		directory: 'getting-started',
		outcome: 'Rust installed and a first Axum server answering curl, written for current axum.',
	},
	{
		label: 'Rust Book companion',
		directory: 'rust-book',
		outcome: 'Chapters 1 to 11, 13 and 15 to 17 of the Rust Book from a backend developer’s angle, with exercises: tests, closures and iterators, smart pointers, threads and async on the way to the backend parts.',
	},
	{
		label: 'Build a CLI tool',
		directory: 'cli',
		outcome: 'logstat, an access-log analyser: parsing, streaming, errors, tests and speed.',
	},
	{
		label: 'Build an API with Axum + SQLx',
		directory: 'api',
		outcome: 'A users API on PostgreSQL with migrations, checked queries, errors, tests, an OpenAPI document and a fuzzer.',
	},
	{
		label: 'Benchmarking',
		directory: 'benchmarking',
		outcome: 'A small two-endpoint server in Rust, Go, Node.js, Python and Java, measured with a published method, and the course’s own users API beside the Rust one, to show what its production layers cost.',
	},
	{
		label: 'Going further',
		directory: 'going-further',
		outcome: 'Workers, the dev loop, shipping, observability, gRPC, GraphQL and WebAssembly.',
	},
	{
		label: 'Resources',
		directory: 'resources',
		outcome: 'The official books, docs and crates, with when to reach for each.',
	},
];

const docsRoot = fileURLToPath(new URL('../content/docs/', import.meta.url));

/** The Markdown and MDX pages in the part's folder, relative to it. */
export function partPages(part: Part, root: string = docsRoot): string[] {
	const dir = `${root}${part.directory}`;
	if (!existsSync(dir)) return [];
	return readdirSync(dir, { recursive: true })
		.map(String)
		.filter((entry) => /\.mdx?$/.test(entry));
}

/** The parts that exist today, in curriculum order. */
export function publishedParts(root: string = docsRoot): Part[] {
	return parts.filter((part) => partPages(part, root).length > 0);
}

type SidebarEntry = { label: string; link: string } | { label: string; items: [{ autogenerate: { directory: string } }] };

/**
 * Starlight's sidebar: one entry per published part, in order. A part that is
 * a single page is a plain link (a group holding one same-named page reads
 * as a stutter); a larger part is a group of its pages.
 */
export function sidebar(root: string = docsRoot): SidebarEntry[] {
	return publishedParts(root).map((part) => {
		const pages = partPages(part, root);
		return pages.length === 1 && /^index\.mdx?$/.test(pages[0]!)
			? { label: part.label, link: `/${part.directory}/` }
			: { label: part.label, items: [{ autogenerate: { directory: part.directory } }] };
	});
}
