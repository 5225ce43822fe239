/** The host's Rust toolchain, where the compile server and the exercise check find rustc. */
import { spawnSync } from 'node:child_process';

let found: string | undefined;

/** The host's rustc sysroot (`rustc --print sysroot`), which the sandbox mounts read-only; asked once a process. */
export function rustSysroot(): string {
	if (found !== undefined) return found;
	const printed = spawnSync('rustc', ['--print', 'sysroot'], { encoding: 'utf8' });
	if (printed.status !== 0) throw new Error('The compile server needs Rust: rustc was not found. Install it with rustup (https://rustup.rs).');
	found = printed.stdout.trim();
	return found;
}
