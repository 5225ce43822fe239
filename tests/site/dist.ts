/** Reading the built site: its pages and their parsed HTML. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'hast';

export const distDir = join(import.meta.dirname, '../../dist');

/**
 * Every HTML page of the build, as URL paths (`/getting-started/`), but the
 * presenter views (`/present/…/`): each repeats a lesson's content for an
 * instructor's projector, out of search and of the sidebar, so a sweep over
 * the site's pages would check every lesson twice. Tests of the presenter
 * view name its pages (presenterPaths).
 */
export function pagePaths(dir: string = distDir): string[] {
	return allPagePaths(dir).filter((path) => !path.startsWith('/present/'));
}

/** The lessons' presenter views. */
export function presenterPaths(dir: string = distDir): string[] {
	return allPagePaths(dir).filter((path) => path.startsWith('/present/'));
}

function allPagePaths(dir: string): string[] {
	return readdirSync(dir, { recursive: true })
		.map(String)
		.filter((file) => file.endsWith('.html'))
		.map((file) => `/${file}`.replace(/index\.html$/, ''))
		.sort();
}

export function readPage(path: string, dir: string = distDir): Root {
	const file = path.endsWith('.html') ? path : `${path}index.html`;
	return fromHtml(readFileSync(join(dir, file), 'utf8'));
}
