/**
 * Compiled programs, kept by everything their build depends on, so that the
 * same program is compiled once.
 *
 * Why: the compile server answers a Check on an unchanged starter (every
 * learner of a class sends the same one) by running the binary it built
 * before. And in CI, scripts/exercises.ts builds every exercise's starter
 * and solution as the server does, then the browser test that clicks
 * through every exercise sends the server those same programs: it runs them
 * at once instead of compiling each a second time.
 *
 * The key is a hash of rustc's whole argument list (flags, edition, test
 * harness, the crate cache's folder, which is itself named by the
 * compiler's version, the crates' manifest and the lock file) and the
 * program's text. Only a build that succeeded is kept, with the compiler's
 * messages (warnings), which a reuse shows again. The program still runs
 * every time, in its sandbox: only the compile is saved.
 *
 * Where: `programs/` beside the crate caches (crate-cache.ts's cacheRoot),
 * outside any folder a sandbox mounts, so no program can read another's
 * binary (say with include_bytes!). At most MAX_BYTES; the programs used
 * least recently are removed first. Only a sandboxed server keeps programs:
 * unsandboxed, a program could overwrite the folder's binaries.
 *
 * The cache only ever saves work: a folder that cannot be written (the
 * compile server image's read-only root, a full disk) means programs are
 * compiled each time, never that a request fails.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cacheRoot } from './crate-cache.ts';

/** A debug test binary with axum is about 15 MB: room for some 130 of them. */
export const MAX_BYTES = 2 * 1024 ** 3;

export interface CompiledProgram {
	/** The kept binary: copy it, never run or change it in place. */
	binary: string;
	/** What rustc printed while building it. */
	messages: string;
}

export function programsDir(root: string = cacheRoot()): string {
	return join(root, 'programs');
}

/** The key of a build: rustc's arguments and the source it compiled. (The callers also give rustc the same environment and folder names.) */
export function programKey(rustcArgs: readonly string[], source: string): string {
	return createHash('sha256').update(JSON.stringify([rustcArgs, source])).digest('hex');
}

/** The program built under `key`, marked as just used; undefined when there is none. */
export function keptProgram(dir: string, key: string): CompiledProgram | undefined {
	const binary = join(dir, `${key}.bin`);
	const messages = join(dir, `${key}.messages`);
	// The binary is renamed into place last (keepProgram), so with it the messages are there.
	if (!existsSync(binary)) return undefined;
	const now = new Date();
	try {
		utimesSync(binary, now, now);
		return { binary, messages: readFileSync(messages, 'utf8') };
	} catch {
		// Removed by another server's clean-up in between: build it again.
		return undefined;
	}
}

/**
 * Copies the program kept under `key` to `to`, ready to run there: its
 * compiler messages, or undefined when none is kept (or it was trimmed away
 * between finding and copying it), and the caller compiles.
 */
export function copyKeptProgram(dir: string, key: string, to: string): string | undefined {
	const kept = keptProgram(dir, key);
	if (kept === undefined) return undefined;
	try {
		copyFileSync(kept.binary, to);
		chmodSync(to, 0o755);
	} catch {
		return undefined;
	}
	return kept.messages;
}

/**
 * Keeps a binary that built without errors, then trims the folder to
 * `maxBytes`. Both files are written under a name of their own and renamed
 * into place, so a reader sees a whole file or none, and two servers keeping
 * the same key write the same thing. Failing to keep is not an error.
 */
export function keepProgram(dir: string, key: string, built: string, messages: string, maxBytes: number = MAX_BYTES): void {
	const partial = (suffix: string) => join(dir, `${key}.${suffix}.${randomBytes(6).toString('hex')}.partial`);
	const messagesPartial = partial('messages');
	const binaryPartial = partial('bin');
	try {
		mkdirSync(dir, { recursive: true, mode: 0o700 });
		writeFileSync(messagesPartial, messages);
		renameSync(messagesPartial, join(dir, `${key}.messages`));
		copyFileSync(built, binaryPartial);
		// The binary last: with it in place, its messages are too (keptProgram).
		renameSync(binaryPartial, join(dir, `${key}.bin`));
		trim(dir, maxBytes);
	} catch {
		// Read-only, full or not ours: this program is simply not kept.
	} finally {
		for (const leftover of [messagesPartial, binaryPartial]) {
			try {
				rmSync(leftover, { force: true });
			} catch {
				// No folder to clean (it could not be made).
			}
		}
	}
}

/** A partial file older than this was left by a process that stopped while writing it. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** Removes the least recently used programs until the folder holds at most `maxBytes` of binaries, and stale partial files. */
function trim(dir: string, maxBytes: number): void {
	const entries = readdirSync(dir).flatMap((name) => {
		try {
			const { size, mtimeMs } = statSync(join(dir, name));
			return [{ name, size, used: mtimeMs }];
		} catch {
			return [];
		}
	});
	for (const { name, used } of entries) if (name.endsWith('.partial') && Date.now() - used > STALE_PARTIAL_MS) rmSync(join(dir, name), { force: true });
	const binaries = entries.filter(({ name }) => name.endsWith('.bin')).sort((a, b) => b.used - a.used);
	let total = 0;
	for (const { name, size } of binaries) {
		total += size;
		if (total <= maxBytes) continue;
		const key = name.slice(0, -'.bin'.length);
		rmSync(join(dir, `${key}.bin`), { force: true });
		rmSync(join(dir, `${key}.messages`), { force: true });
	}
}
