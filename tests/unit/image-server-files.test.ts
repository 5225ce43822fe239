import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runtimeImports, serverFiles } from '../../scripts/playground/image/server-files.ts';

const repo = resolve(import.meta.dirname, '../..');
const temp: string[] = [];
/** A throwaway repository holding `files` (path → source). */
function fakeRepo(files: Record<string, string>): string {
	const dir = mkdtempSync(join(tmpdir(), 'server-files-'));
	temp.push(dir);
	for (const [path, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, path)), { recursive: true });
		writeFileSync(join(dir, path), text);
	}
	return dir;
}
afterEach(() => {
	for (const dir of temp.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the compile server image's files", () => {
	it('reads value imports, multi-line ones and re-exports, and skips type-only and dynamic ones', () => {
		const source = [
			"import { a, type B } from './a.ts';",
			'import {\n\tc,\n\td,\n} from "./c.ts";',
			"import type { E } from './e.ts';",
			"export { f } from './f.ts';",
			"import './side-effect.ts';",
			"const load = () => import('./dynamic.ts');",
			" * import { g } from './in-a-comment.ts';",
			"export const paths = ['./not-an-import.ts'];",
			"import {\n\tg, // the server's limits\n\t/* h's */ h,\n} from './g.ts';",
			"export * as all from './all.ts';",
			"const url = 'http://example.test/';",
			"import { j } from './j.ts';",
		].join('\n');
		expect(runtimeImports(source)).toEqual(['./a.ts', './c.ts', './f.ts', './side-effect.ts', './g.ts', './all.ts', './j.ts']);
	});

	it("holds every module the server reaches, the workspace schemas included, and only small packages", () => {
		const files = serverFiles(repo);
		expect(files.modules).toContain('scripts/playground/server.ts');
		expect(files.modules).toContain('scripts/playground/crate-cache.ts');
		expect(files.modules).toContain('src/build/workspace/schema.ts');
		expect(files.modules).not.toContain('scripts/captures.ts');
		expect(files.packages).toEqual(['smol-toml', 'zod']);
	});

	it('refuses a package the image does not carry, naming the module that imports it', () => {
		const dir = fakeRepo({
			'scripts/task.ts': "import { x } from './lib.ts';",
			'scripts/lib.ts': "import { z } from 'astro/zod';",
		});
		expect(() => serverFiles(dir, ['scripts/task.ts'])).toThrow(/scripts\/lib\.ts imports astro\/zod, and the compile server's image carries only smol-toml and zod/);
	});

	it('refuses an import of a module that does not exist', () => {
		const dir = fakeRepo({ 'scripts/task.ts': "import { x } from './gone.ts';" });
		expect(() => serverFiles(dir, ['scripts/task.ts'])).toThrow('The compile server imports scripts/gone.ts, which does not exist.');
	});
});
