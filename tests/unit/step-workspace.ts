/**
 * A throwaway examples workspace holding three steps of a build, laid out
 * as examples/api/steps/ is (unchanged files are relative links to the step
 * before), for the step model's and the step-diff block's tests:
 *
 *   00-start   Cargo.toml (deps: none)  src/lib.rs  src/main.rs
 *   01-grow    Cargo.toml (same deps)   src/lib.rs changed, src/extra.rs added,
 *              src/main.rs -> 00        captures/run.txt (not the service's)
 *   02-trim    Cargo.toml (adds serde)  src/extra.rs removed,
 *              src/lib.rs -> 01, src/main.rs -> 01
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { forgetWorkspace } from '../../src/build/workspace/model.ts';

export const STEP_DIRS = ['api/steps/00-start', 'api/steps/01-grow', 'api/steps/02-trim'] as const;

/** Twelve lines before the line a step changes, so a diff has a run to fold. */
const longPrelude = Array.from({ length: 12 }, (_, n) => `pub const LINE_${n + 1}: u8 = ${n + 1};`).join('\n');

export const LIB_01 = `${longPrelude}\npub fn greet() -> &'static str {\n    "hi"\n}\n`;
export const LIB_02 = `${longPrelude}\npub fn greet() -> &'static str {\n    "hello"\n}\n`;
export const EXTRA_02 = 'pub fn extra() {}\n';

const manifest = (name: string, deps: string) =>
	`[package]\nname = "${name}"\nversion = "0.1.0"\n\n# ANCHOR: deps\n[dependencies]\n${deps}# ANCHOR_END: deps\n`;

const lockEntry = (name: string, deps: string[]) =>
	`[[package]]\nname = "${name}"\nversion = "0.1.0"\ndependencies = [${deps.map((d) => `"${d}"`).join(', ')}]\n`;

export interface StepWorkspace {
	root: string;
	/** Writes a file (relative to the workspace) in place of any file or link there, making its folders. */
	write(path: string, text: string): void;
	/** Makes `path` (relative to the workspace) a link whose text is `target`. */
	link(path: string, target: string): void;
	remove(): void;
}

export function stepWorkspace(): StepWorkspace {
	const root = mkdtempSync(join(tmpdir(), 'steps-test-'));
	const write = (path: string, text: string) => {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		// Writing through a link would change the earlier step's file.
		rmSync(join(root, path), { force: true });
		writeFileSync(join(root, path), text);
	};
	const link = (path: string, target: string) => {
		mkdirSync(dirname(join(root, path)), { recursive: true });
		rmSync(join(root, path), { force: true });
		symlinkSync(target, join(root, path));
	};
	// One member a line, as examples/Cargo.toml lists them.
	write('Cargo.toml', `[workspace]\nresolver = "3"\nmembers = [\n${STEP_DIRS.map((d) => `    "${d}",\n`).join('')}]\n`);
	write(
		'Cargo.lock',
		[lockEntry('step-00', []), lockEntry('step-01', []), lockEntry('step-02', ['serde']), `[[package]]\nname = "serde"\nversion = "1.0.229"\nsource = "registry+https://github.com/rust-lang/crates.io-index"\n`].join('\n'),
	);
	const [one, two, three] = STEP_DIRS;
	write(`${one}/Cargo.toml`, manifest('step-00', ''));
	write(`${one}/src/lib.rs`, LIB_01);
	write(`${one}/src/main.rs`, 'fn main() {}\n');
	write(`${two}/Cargo.toml`, manifest('step-01', ''));
	write(`${two}/src/lib.rs`, LIB_02);
	write(`${two}/src/extra.rs`, EXTRA_02);
	link(`${two}/src/main.rs`, '../../00-start/src/main.rs');
	write(`${two}/captures/run.txt`, '$ cargo run\n');
	write(`${three}/Cargo.toml`, manifest('step-02', 'serde = "1.0.229"\n'));
	link(`${three}/src/lib.rs`, '../../01-grow/src/lib.rs');
	link(`${three}/src/main.rs`, '../../01-grow/src/main.rs');
	write('api/steps/README.md', 'not a step\n');
	return {
		root,
		write,
		link,
		remove() {
			forgetWorkspace(root);
			rmSync(root, { recursive: true, force: true });
		},
	};
}
