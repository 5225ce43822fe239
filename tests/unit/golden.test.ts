import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { golden, mask, maskMeasured } from '../../scripts/lib/golden.ts';

describe('saved-output comparison masks only what changes by nature', () => {
	it('masks panic thread ids, HTTP dates and test timings', () => {
		expect(mask("thread 'main' (7254) panicked at x.rs:1:1:")).toBe(mask("thread 'main' (9) panicked at x.rs:1:1:"));
		expect(mask('date: Tue, 24 Nov 2026 17:51:56 GMT')).toBe(mask('date: Wed, 25 Nov 2026 01:00:00 GMT'));
		expect(mask('ok; finished in 0.00s')).toBe(mask('ok; finished in 1.25s'));
	});

	it('ignores the order of parallel test lines', () => {
		expect(mask('running 2\ntest b ... ok\ntest a ... ok\n')).toBe(mask('running 2\ntest a ... ok\ntest b ... ok\n'));
		// Should-panic tests and doc tests (whose names have spaces) too.
		expect(mask('test b - should panic ... ok\ntest src/lib.rs - f (line 3) ... ok\n')).toBe(mask('test src/lib.rs - f (line 3) ... ok\ntest b - should panic ... ok\n'));
	});

	it('still sees a real change', () => {
		expect(mask('Hello from Backend Rust!')).not.toBe(mask('Hello from Rust!'));
		expect(mask('test a ... ok\ntest b ... FAILED')).not.toBe(mask('test a ... ok\ntest b ... ok'));
	});
});

describe('masks for the API transcripts', () => {
	it('masks request ids, row timestamps and log times only', () => {
		const a = 'x-request-id: 03f52184-2a16-47dd-bc16-9e5351d978f2\n{"id":1,"created_at":"2026-11-24T18:43:27.094435Z"}';
		const b = 'x-request-id: b6de6e56-99f6-40dc-9b15-5919eb805600\n{"id":1,"created_at":"2026-11-25T01:00:00Z"}';
		expect(mask(a)).toBe(mask(b));
		expect(mask(a)).not.toBe(mask(a.replace('"id":1', '"id":2')));
	});

	it('masks a session token and its expiry, not the user it names', () => {
		const session = (token: string, expiry: string, user = 1) => `{"token":"${token}","user_id":${user},"expires_at":"${expiry}"}`;
		const a = session('9f'.repeat(32), '2026-12-10T18:43:27.094435Z');
		expect(mask(a)).toBe(mask(session('0a'.repeat(32), '2026-12-11T01:00:00Z')));
		expect(mask(a)).not.toBe(mask(session('9f'.repeat(32), '2026-12-10T18:43:27.094435Z', 2)));
		// Only what a token looks like: another value in its place still shows.
		expect(mask(session('not-a-token', 'x'))).not.toBe(mask(a));
	});

	it('masks the length of a body that holds a timestamp, and no other length', () => {
		const head = (length: number) => `HTTP/1.1 201 Created\ncontent-length: ${length}\ndate: Thu, 03 Dec 2026 08:41:55 GMT\n\n`;
		const withTime = (length: number, time: string) => `${head(length)}{"id":1,"created_at":"${time}"}`;
		expect(mask(withTime(99, '2026-12-03T08:41:55.715984Z'))).toBe(mask(withTime(98, '2026-12-03T08:41:55.71598Z')));
		expect(mask(`${head(15)}{"status":"ok"}`)).not.toBe(mask(`${head(16)}{"status":"ok"}`));
	});
});

describe('masks for the fuzzer transcript', () => {
	it('masks phase timings and the width of the timed closing rule, not the counts', () => {
		const a = ' ✅  Coverage (in 6.74s)\n  433 generated, 433 passed\n========================== No issues found in 20.49s ===========================';
		const b = ' ✅  Coverage (in 12.1s)\n  433 generated, 433 passed\n========================= No issues found in 120.49s ==========================';
		expect(mask(a)).toBe(mask(b));
		expect(mask(a)).not.toBe(mask(a.replace('433 passed', '432 passed')));
		expect(mask(a)).not.toBe(mask(a.replace('No issues found', '1 failure')));
	});
});

describe('a stale saved output', () => {
	it('is reported as a unified diff of what changed, not the two whole texts', () => {
		const dir = mkdtempSync(join(tmpdir(), 'golden-'));
		try {
			const file = join(dir, 'run.txt');
			const lines = Array.from({ length: 30 }, (_, n) => `line ${n + 1}`);
			writeFileSync(file, lines.join('\n'));
			const changed = lines.map((line) => (line === 'line 15' ? 'line fifteen' : line)).join('\n');
			const result = golden(file, changed, 'demo', dir, false);
			expect(result.ok).toBe(false);
			expect(result.message).toContain('demo: run.txt is stale.\n--- run.txt (saved)\n+++ run.txt (this run)\n@@ -12,7 +12,7 @@');
			expect(result.message).toContain('-line 15\n+line fifteen\n');
			expect(result.message).not.toContain('line 1\n');
			expect(readFileSync(file, 'utf8')).toBe(lines.join('\n'));
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});

describe('a measured transcript (measured = true)', () => {
	const saved = 'sum of 1000000 codes, 15 rounds, median:\nloop          812.4 µs\niterator      798.0 µs\n';

	it('passes with other figures, in columns one digit wider or narrower', () => {
		const dir = mkdtempSync(join(tmpdir(), 'golden-'));
		try {
			const file = join(dir, 'bench.txt');
			writeFileSync(file, saved);
			const rerun = 'sum of 1000000 codes, 15 rounds, median:\nloop         1012.9 µs\niterator       98.1 µs\n';
			const result = golden(file, rerun, 'demo', dir, false, true);
			expect(result).toMatchObject({ ok: true, message: 'bench.txt has the same shape (measured: its figures are not compared)' });
			// Without the flag, the same run is a difference.
			expect(golden(file, rerun, 'demo', dir, false).ok).toBe(false);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('still fails on changed words, a missing row or another unit', () => {
		expect(maskMeasured(saved)).not.toBe(maskMeasured(saved.replace('iterator', 'for_each')));
		expect(maskMeasured(saved)).not.toBe(maskMeasured(saved.replace('iterator      798.0 µs\n', '')));
		expect(maskMeasured(saved)).not.toBe(maskMeasured(saved.replace('798.0 µs', '0.8 ms')));
	});
});
