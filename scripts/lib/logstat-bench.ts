/**
 * What the logstat benchmarks (bench:cli, bench:cli-steps) share: binaries
 * built as they ship (the workspace's `dist` profile: whole-program LTO, one
 * codegen unit, as `cargo install --profile dist` builds them), the
 * generated access log, hyperfine's figures and the machine they ran on.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';

export const PROFILE = 'dist';
/** Where the `dist` profile's binaries land; its examples are in examples/ below it. */
export const DIST_DIR = join(examplesRoot, 'target', PROFILE);

/** `cargo build --profile dist --locked` of `targets` (-p, --bin, --example…), in the workspace. */
export function buildDist(targets: string[]): void {
	execFileSync('cargo', ['build', '--profile', PROFILE, '--locked', ...targets], { cwd: examplesRoot, stdio: 'inherit' });
}

/**
 * Writes a generated access log of about `bytes` bytes to `file` (logstat's
 * gen_log example, deterministic: the same bytes every run; build it first)
 * and returns its exact size.
 */
export function generateLog(file: string, bytes: number): number {
	console.error(`Generating a ${bytes.toLocaleString('en')} byte log...`);
	execFileSync('sh', ['-c', '"$0" "$1" > "$2"', join(DIST_DIR, 'examples', 'gen_log'), String(bytes), file]);
	return statSync(file).size;
}

export interface Timing {
	/** The name given with -n. */
	command: string;
	/** Seconds. */
	mean: number;
	stddev: number;
}

/**
 * One hyperfine invocation timing every command (name: shell command) after
 * a warm-up run, their output sent to /dev/null; `json` is where hyperfine
 * exports the figures read back.
 */
export function hyperfine(commands: Record<string, string>, runs: number, json: string): Timing[] {
	const names = Object.entries(commands).flatMap(([name, command]) => ['-n', name, command]);
	execFileSync('hyperfine', ['--warmup', '1', '--runs', String(runs), '--output', 'null', '--export-json', json, '--style', 'none', ...names], { stdio: ['ignore', 'ignore', 'inherit'] });
	return (JSON.parse(readFileSync(json, 'utf8')) as { results: Timing[] }).results;
}

export function hyperfineVersion(): string {
	return execFileSync('hyperfine', ['--version'], { encoding: 'utf8' }).trim();
}

