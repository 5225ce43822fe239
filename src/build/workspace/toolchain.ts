/**
 * The compiler that builds and tests the examples, as pages name it under
 * each block. Asked of `rustc --version` inside examples/, so a
 * rust-toolchain.toml placed there would be honoured, exactly as cargo
 * honours it when the tests run; like cargo, `RUSTC` names another compiler.
 */
import { execFileSync } from 'node:child_process';
import { examplesRoot } from './workspace.ts';

/** `rustc 1.95.0 (59807616e 2026-04-14)` → `1.95.0`; a nightly or beta keeps its suffix. */
export function parseRustcVersion(output: string): string {
	const match = /^rustc (\d+\.\d+\.\d+(?:-[\w.]+)?)(?:\s|$)/.exec(output.trim());
	if (!match) throw new Error(`rustc --version printed “${output.trim()}”, not “rustc <version> …”`);
	return match[1]!;
}

const asked = new Map<string, string>();

/** The rustc version in `dir`, asked once per build (per folder and command). */
export function rustcVersion(dir: string = examplesRoot, command = process.env['RUSTC'] || 'rustc'): string {
	const key = `${command}\0${dir}`;
	const known = asked.get(key);
	if (known !== undefined) return known;
	let output: string;
	try {
		output = execFileSync(command, ['--version'], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
	} catch (error) {
		const e = error as NodeJS.ErrnoException & { stderr?: string };
		const why =
			e.code === 'ENOENT'
				? `${command} is not installed or not on PATH`
				: `\`${command} --version\` failed: ${(e.stderr ?? '').trim() || e.message}`;
		throw new Error(
			`${why}. Every page names the compiler its code was tested with, read from \`rustc --version\` in ${dir}: install Rust with rustup (see README.md, Set-up) and build again.`,
		);
	}
	const version = parseRustcVersion(output);
	asked.set(key, version);
	return version;
}
