/**
 * Build time: the files a sandbox project mounts, read from `examples/` and
 * `public/`, as JSON-safe entries. Text stays text (the learner reads and
 * edits it); anything that is not UTF-8, such as a gzip sample or a wasm
 * build, travels as base64.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { MountEntry } from '../../shared/mount-entry.ts';
import type { SandboxProject } from './projects.ts';

export type { MountEntry };

/** Never mounted: build output and installed dependencies. */
const SKIP = new Set(['target', 'node_modules', '.git']);

export interface Roots {
	/** The Cargo workspace, `examples/`. */
	examples: string;
	/** The site's static files, `public/`. */
	public: string;
	/** The command wrapper, `src/container/wasi-command.cjs`. */
	command: string;
}

export function mountEntries(project: SandboxProject, roots: Roots): MountEntry[] {
	const base = join(roots.examples, project.example);
	const entries: MountEntry[] = [];
	for (const included of project.include) {
		for (const file of walk(join(base, included))) entries.push(entry(relative(base, file).split('\\').join('/'), readFileSync(file)));
	}
	const wrapper = readFileSync(roots.command, 'utf8');
	// The wrapper is CommonJS without a file extension, which Node reads by
	// the nearest package.json's "type": this one settles it.
	if (project.commands.length > 0) entries.push({ path: 'bin/package.json', text: '{ "type": "commonjs" }\n' });
	for (const command of project.commands) {
		entries.push({ path: `bin/${command.name}`, text: wrapper });
		entries.push(entry(`bin/${command.name}.wasm`, readFileSync(join(roots.public, command.wasm))));
	}
	return entries.sort((a, b) => a.path.localeCompare(b.path));
}

function* walk(path: string): Generator<string> {
	const stat = statSync(path, { throwIfNoEntry: false });
	if (!stat) throw new Error(`sandbox: ${path} does not exist (listed in a project's include)`);
	if (stat.isFile()) {
		yield path;
		return;
	}
	for (const name of readdirSync(path).sort()) {
		if (!SKIP.has(name)) yield* walk(join(path, name));
	}
}

function entry(path: string, bytes: Buffer): MountEntry {
	const text = new TextDecoder('utf-8', { fatal: true });
	try {
		return { path, text: text.decode(bytes) };
	} catch {
		return { path, base64: bytes.toString('base64') };
	}
}
