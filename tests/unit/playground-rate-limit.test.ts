// The compile server's per-client rate limit, on a clock the test moves.
import { describe, expect, it } from 'vitest';
import { clientOf, RateLimit } from '../../scripts/playground/rate-limit.ts';

describe('compile server rate limit', () => {
	it('lets a client send its programs a minute, then says how long to wait', () => {
		let now = 1_000_000;
		const rate = new RateLimit(3, () => now);
		expect([rate.take('a'), rate.take('a'), rate.take('a')]).toEqual([0, 0, 0]);
		now += 20_000;
		expect(rate.take('a')).toBe(40_000);
		expect(rate.take('b')).toBe(0);
		now += 40_001;
		expect(rate.take('a')).toBe(0);
	});

	it('trusts X-Forwarded-For only behind a load balancer, taking the address it added', () => {
		expect(clientOf('10.0.0.2', '1.2.3.4', false)).toBe('10.0.0.2');
		expect(clientOf('10.0.0.2', 'spoofed, 192.168.1.7', true)).toBe('192.168.1.7');
		expect(clientOf('10.0.0.2', undefined, true)).toBe('10.0.0.2');
	});
});
