// The layers docs/architecture.md describes, held by their imports: build
// code never imports client code (or the page would depend on what the
// browser loads), client code never imports build code (or the browser
// bundle would pull in Node's fs), and what both use lives in src/shared/,
// which imports neither.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');

/** Relative imports (static, dynamic and type-only) of every source file under a folder, resolved to repo paths. */
function importsUnder(folder: string): { file: string; target: string }[] {
	return readdirSync(join(repo, folder), { recursive: true })
		.map(String)
		.filter((file) => /\.(ts|astro|cjs|mjs)$/.test(file))
		.flatMap((file) => {
			const path = join(repo, folder, file);
			const text = readFileSync(path, 'utf8');
			return [...text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => ({
				file: relative(repo, path),
				target: relative(repo, resolve(dirname(path), m[1]!)),
			}));
		});
}

const crossing = (folder: string, forbidden: string[]) =>
	importsUnder(folder)
		.filter(({ target }) => forbidden.some((f) => target.startsWith(f)))
		.map(({ file, target }) => `${file} imports ${target}`);

describe('the layers of src/', () => {
	it('finds imports to check', () => {
		expect(importsUnder('src/client').length).toBeGreaterThan(10);
		expect(importsUnder('src/build').length).toBeGreaterThan(10);
	});

	it('client code imports no build-time, hosting or script code', () => {
		expect(crossing('src/client', ['src/build/', 'src/hosting/', 'scripts/'])).toEqual([]);
	});

	it('build code imports no client code', () => {
		expect(crossing('src/build', ['src/client/'])).toEqual([]);
	});

	it('shared code imports neither', () => {
		expect(crossing('src/shared', ['src/build/', 'src/client/', 'src/hosting/', 'scripts/'])).toEqual([]);
	});
});
