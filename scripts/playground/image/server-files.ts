/**
 * The files the compile server's image must hold for `node scripts/task.ts
 * playground` to start: every module reached by static imports from the
 * entry points, and the npm packages those import. Worked out from the
 * source rather than listed by hand, because a hand list went stale: a
 * module the server came to import (the workspace schemas) was missing from
 * the image, and the server stopped at start-up in the last step of CI.
 *
 * Only static imports count. `import type` is erased when Node strips the
 * types, and task.ts loads every other task with a dynamic import() that
 * `playground` never reaches, so following those would copy the whole
 * project into the image.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** What `node scripts/task.ts playground` loads first. */
export const SERVER_ENTRIES = ['scripts/task.ts', 'scripts/playground/server.ts'];

/**
 * The npm packages the image may carry, each small and with no dependencies
 * of its own: smol-toml reads Cargo.lock, zod checks what it read. Anything
 * else fails the build, so a heavy import (all of Astro, say) is a decision
 * rather than an accident.
 */
export const IMAGE_PACKAGES = ['smol-toml', 'zod'];

export interface ServerFiles {
	/** Repository-relative paths of the .ts modules, sorted. */
	modules: string[];
	/** The npm packages they import, sorted. */
	packages: string[];
}

/** `from '…'` of every static, value-level import or re-export (multi-line ones included). */
const STATIC_IMPORT = /^(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm;

/**
 * Comments, which may sit inside a multi-line import and hold a quote
 * (`a, // the server's limits`) that would end the match early. A `//`
 * after a non-space (`'http://…'`) is left alone: it is in a string.
 */
const COMMENT = /\/\*[\s\S]*?\*\/|(^|\s)\/\/[^\n]*/g;

/** The specifiers a module imports at run time. */
export function runtimeImports(source: string): string[] {
	return [...source.replace(COMMENT, '$1').matchAll(STATIC_IMPORT)].map((m) => m[1]!);
}

/** `zod/v4` → `zod`, `@scope/pkg/x` → `@scope/pkg`. */
function packageName(specifier: string): string {
	const parts = specifier.split('/');
	return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

export function serverFiles(repo: string, entries = SERVER_ENTRIES, allowed = IMAGE_PACKAGES): ServerFiles {
	const modules = new Set<string>();
	const packages = new Set<string>();
	const queue = entries.map((entry) => resolve(repo, entry));
	while (queue.length > 0) {
		const file = queue.pop() as string;
		const path = relative(repo, file);
		if (modules.has(path)) continue;
		if (!existsSync(file)) throw new Error(`The compile server imports ${path}, which does not exist.`);
		modules.add(path);
		for (const specifier of runtimeImports(readFileSync(file, 'utf8'))) {
			if (specifier.startsWith('node:')) continue;
			if (specifier.startsWith('.')) {
				queue.push(resolve(dirname(file), specifier));
				continue;
			}
			const name = packageName(specifier);
			if (!allowed.includes(name)) {
				throw new Error(`${path} imports ${specifier}, and the compile server's image carries only ${allowed.join(' and ')}. Import something lighter, or add the package to IMAGE_PACKAGES in ${relative(repo, import.meta.filename)} if the image should hold it.`);
			}
			if (!existsSync(join(repo, 'node_modules', name, 'package.json'))) throw new Error(`${path} imports ${specifier}, which is not installed (run npm install).`);
			packages.add(name);
		}
	}
	return { modules: [...modules].sort(), packages: [...packages].sort() };
}
