import { describe, expect, it, vi } from 'vitest';
import { cannotStart, unavailableReason, within, type Environment } from '../../src/shared/sandbox-availability.ts';

const ready: Environment = { online: true, crossOriginIsolated: true, sharedArrayBuffer: true, hostname: 'localhost', apiKey: '' };

describe('unavailableReason', () => {
	it('lets a capable, isolated browser on localhost start without a key', () => {
		expect(unavailableReason(ready)).toBeNull();
		expect(unavailableReason({ ...ready, hostname: 'learn.example.org', apiKey: 'k' })).toBeNull();
	});

	it('names the first thing missing, in one sentence', () => {
		expect(unavailableReason({ ...ready, online: false })).toMatch(/offline/);
		expect(unavailableReason({ ...ready, sharedArrayBuffer: false })).toMatch(/SharedArrayBuffer/);
		// A page served without the headers: browsers then hide SharedArrayBuffer too.
		expect(unavailableReason({ ...ready, crossOriginIsolated: false, sharedArrayBuffer: false })).toMatch(/cross-origin isolation headers/);
		expect(unavailableReason({ ...ready, hostname: 'learn.example.org' })).toMatch(/API key/);
		const sentence = cannotStart(unavailableReason({ ...ready, online: false })!);
		expect(sentence).toMatch(/^The terminal cannot start: .*\. The Run buttons in the lessons still work, offline too\.$/);
		expect(sentence.match(/\. /g)).toHaveLength(1);
	});
});

describe('within', () => {
	it('passes on a value or an error that comes in time', async () => {
		await expect(within(Promise.resolve(1), 50, 'late')).resolves.toBe(1);
		await expect(within(Promise.reject(new Error('boom')), 50, 'late')).rejects.toThrow('boom');
	});

	it('gives up with the message when the promise never settles', async () => {
		vi.useFakeTimers();
		const pending = within(new Promise(() => {}), 15_000, 'did not arrive');
		vi.advanceTimersByTime(15_000);
		await expect(pending).rejects.toThrow('did not arrive');
		vi.useRealTimers();
	});
});
