import { describe, expect, it } from 'vitest';
import { mask } from '../../scripts/lib/golden.ts';

describe('saved-output comparison masks only what changes by nature', () => {
	it('masks panic thread ids, HTTP dates and test timings', () => {
		expect(mask("thread 'main' (7254) panicked at x.rs:1:1:")).toBe(mask("thread 'main' (9) panicked at x.rs:1:1:"));
		expect(mask('date: Tue, 24 Nov 2026 17:51:56 GMT')).toBe(mask('date: Wed, 25 Nov 2026 01:00:00 GMT'));
		expect(mask('ok; finished in 0.00s')).toBe(mask('ok; finished in 1.25s'));
	});

	it('ignores the order of parallel test lines', () => {
		expect(mask('running 2\ntest b ... ok\ntest a ... ok\n')).toBe(mask('running 2\ntest a ... ok\ntest b ... ok\n'));
	});

	it('still sees a real change', () => {
		expect(mask('Hello from Backend Rust!')).not.toBe(mask('Hello from Rust!'));
		expect(mask('test a ... ok\ntest b ... FAILED')).not.toBe(mask('test a ... ok\ntest b ... ok'));
	});
});
