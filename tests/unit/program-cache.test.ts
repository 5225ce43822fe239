// The compile server's kept programs: found by key, marked when used, and
// trimmed to a size with the least recently used going first.
import { mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { keepProgram, keptProgram, programKey } from '../../scripts/playground/program-cache.ts';

const folders: string[] = [];
afterEach(() => folders.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function folder(): string {
	const dir = mkdtempSync(join(tmpdir(), 'program-cache-test-'));
	folders.push(dir);
	return dir;
}
/** A stand-in binary of `bytes` bytes. */
function built(dir: string, name: string, bytes: number): string {
	const path = join(dir, name);
	writeFileSync(path, Buffer.alloc(bytes, 1));
	return path;
}

describe('program cache', () => {
	it('a key changes with any argument and with the source', () => {
		const key = programKey(['--edition', '2024'], 'fn main() {}');
		expect(programKey(['--edition', '2024'], 'fn main() {}')).toBe(key);
		expect(programKey(['--edition', '2021'], 'fn main() {}')).not.toBe(key);
		expect(programKey(['--edition', '2024', '--test'], 'fn main() {}')).not.toBe(key);
		expect(programKey(['--edition', '2024'], 'fn main() { }')).not.toBe(key);
	});

	it('gives back what was kept, messages included, and nothing for an unknown key', () => {
		const work = folder();
		const kept = join(folder(), 'programs');
		keepProgram(kept, 'k1', built(work, 'a', 10), 'warning: unused\n');
		expect(keptProgram(kept, 'k1')).toEqual({ binary: join(kept, 'k1.bin'), messages: 'warning: unused\n' });
		expect(keptProgram(kept, 'k2')).toBeUndefined();
		expect(readdirSync(kept).sort()).toEqual(['k1.bin', 'k1.messages']);
	});

	it('keeps nothing, and throws nothing, where it cannot write', () => {
		const work = folder();
		const notAFolder = built(work, 'a-file', 1);
		keepProgram(join(notAFolder, 'programs'), 'k1', built(work, 'a', 10), '');
		expect(keptProgram(join(notAFolder, 'programs'), 'k1')).toBeUndefined();
		expect(readdirSync(work).sort()).toEqual(['a', 'a-file']);
	});

	it('trims to its size, the least recently used first, a use counting as recent', () => {
		const work = folder();
		const kept = folder();
		const at = (key: string, seconds: number) => utimesSync(join(kept, `${key}.bin`), seconds, seconds);
		keepProgram(kept, 'old', built(work, 'a', 100), '', 300);
		keepProgram(kept, 'used', built(work, 'b', 100), '', 300);
		at('old', 1_000);
		at('used', 900);
		keptProgram(kept, 'used'); // used now: the most recent
		keepProgram(kept, 'new', built(work, 'c', 100), '', 300);
		expect(readdirSync(kept).sort()).toEqual(['new.bin', 'new.messages', 'old.bin', 'old.messages', 'used.bin', 'used.messages']);
		keepProgram(kept, 'newer', built(work, 'd', 100), '', 300);
		expect(readdirSync(kept).filter((name) => name.endsWith('.bin')).sort()).toEqual(['new.bin', 'newer.bin', 'used.bin']);
	});
});
