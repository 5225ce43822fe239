// A clone of this repository must stand alone: no tracked file may lean on
// a file beside the clone or on where this machine keeps its clones. What a
// maintainer needs from outside is written down under docs/ instead.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Folders that are never the project's own text, even if something in them gets tracked. */
const SKIPPED = [/^node_modules\//, /^examples\/target\//, /^dist\//];

/** The one folder named `shared` inside the repository: code both the build and the browser import. */
const OWN_SHARED = 'src/shared';

/**
 * Why a line of `file` (a path from the repository's root) points outside
 * the repository, or undefined when it does not. Three rules:
 * - a relative path (`../…`) that climbs above the repository's root;
 * - a relative path to a `shared` folder that is not src/shared, and any
 *   mention of the notes and sources folders kept beside the clones;
 * - an absolute path under /work/, where this machine keeps its clones.
 */
export function outsideReference(file: string, line: string): string | undefined {
	const from = dirname(file);
	for (const [path] of line.matchAll(/(?:\.\.\/)+[\w.@-]*/g)) {
		const target = posix.normalize(posix.join(from, path));
		if (target === '..' || target.startsWith('../')) return `${path} leaves the repository`;
		if (/(?:^|\/)shared$/.test(target) && target !== OWN_SHARED) return `${path} is not ${OWN_SHARED}`;
	}
	const folder = /\bshared\/(?:notes|sources|hooks)\b/.exec(line);
	if (folder) return `${folder[0]} is a folder beside the clone`;
	const absolute = /(?<![\w.~-])\/work\/[\w.-]+/.exec(line);
	if (absolute) return `${absolute[0]} is a path on one machine`;
	return undefined;
}

function trackedTextFiles(): string[] {
	const files = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
	// A file deleted in the working tree but not yet in a commit has nothing left to check.
	return files.filter((file) => !SKIPPED.some((re) => re.test(file)) && existsSync(file));
}

describe('the repository stands alone', () => {
	it('finds each kind of outside reference, and lets the repository refer to itself', () => {
		// Built from parts, so that this file does not trip its own scan.
		const notes = ['shared', 'notes'].join('/');
		const sources = ['shared', 'sources'].join('/');
		const clone = ['', 'work', 'main'].join('/');
		const twoUpShared = ['..', '..', 'shared'].join('/');
		expect(outsideReference('README.md', `see ../${notes}/toolchain.md`)).toMatch(/leaves the repository/);
		expect(outsideReference('scripts/lib/postgres.ts', ` * as ../${notes}/toolchain.md says`)).toMatch(/is not src\/shared/);
		expect(outsideReference('scripts/lib/postgres.ts', ` * the server ${notes} checked`)).toMatch(/beside the clone/);
		expect(outsideReference('docs/x.md', `the articles in ${sources}/`)).toMatch(/beside the clone/);
		expect(outsideReference('tests/unit/a.test.ts', `const p = '${clone}/src/a.ts';`)).toMatch(/one machine/);
		expect(outsideReference('src/client/runner/runner-element.ts', `import { splitArgs } from '${twoUpShared}/args.ts';`)).toBeUndefined();
		expect(outsideReference('scripts/a.ts', `import { splitArgs } from '${twoUpShared}/args.ts';`)).toMatch(/leaves the repository/);
		expect(outsideReference('tests/unit/a.test.ts', `from '${twoUpShared}/playground-link.ts'`)).toMatch(/is not src\/shared/);
		expect(outsideReference('docs/toolchain.md', '[lesson](../src/content/docs/benchmarking/how-to-benchmark.mdx)')).toBeUndefined();
		expect(outsideReference('src/content/docs/api/a.mdx', 'An Arc shares one map between requests: https://example.org/work/x')).toBeUndefined();
	});

	it('has no tracked file that points outside it', () => {
		const found: string[] = [];
		for (const file of trackedTextFiles()) {
			// A committed link (the steps' unchanged files, their samples/ folder)
			// holds a path, which must lead to a file of this repository.
			if (lstatSync(file).isSymbolicLink()) {
				if (!realpathSync(file).startsWith(`${realpathSync('.')}/`)) found.push(`${file}: links outside the repository`);
				continue;
			}
			const bytes = readFileSync(file);
			if (bytes.includes(0)) continue; // binary: wasm, images
			bytes
				.toString('utf8')
				.split('\n')
				.forEach((line, i) => {
					const why = outsideReference(file, line);
					if (why) found.push(`${file}:${i + 1}: ${why}`);
				});
		}
		// Say the fact itself, or point at a file under docs/ (docs/toolchain.md, docs/source-articles.md, docs/playground-api.md).
		expect(found).toEqual([]);
	});
});
