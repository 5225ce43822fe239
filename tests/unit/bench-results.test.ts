// The committed lab results the results lesson draws: one entry per peer in
// examples/bench, every figure present, and the claims keyed by real peers.
import { describe, expect, it } from 'vitest';
import { peers } from '../../scripts/bench/lab/peers.ts';
import { CLAIMS } from '../../src/bench/claims.ts';
import { METRICS, readResults, type Metric } from '../../src/bench/results.ts';

describe('committed benchmark results', () => {
	const results = readResults();

	it('has a measured entry for every peer of the lab, and nothing skipped', () => {
		expect(results.peers.map((p) => p.id).sort()).toEqual(peers().map((p) => p.id).sort());
		expect(results.skipped).toEqual([]);
	});

	it('has a positive, finite figure for every chart metric and every round', () => {
		for (const peer of results.peers) {
			for (const metric of Object.keys(METRICS) as Metric[]) {
				const value = METRICS[metric].of(peer);
				expect(Number.isFinite(value) && value > 0, `${peer.id} ${metric}: ${value}`).toBe(true);
			}
			expect(peer.endpoints.user.roundsRps).toHaveLength(results.method.rounds);
		}
	});

	it("keys every article claim by a peer that exists", () => {
		for (const table of Object.values(CLAIMS)) {
			for (const id of Object.keys(table.claims)) expect(peers().map((p) => p.id)).toContain(id);
		}
	});
});
