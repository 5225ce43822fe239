// The committed lab results the results lesson draws: one entry per peer in
// examples/bench (the course's users-api included), every figure present
// for the endpoints each peer is measured on, and the claims keyed by real
// peers. Until `npm run bench` has measured a new peer, the first test
// fails, naming it, and so does the results page's build.
import { describe, expect, it } from 'vitest';
import { peerEndpoints, peerReadyPath, peers } from '../../scripts/bench/lab/peers.ts';
import { CLAIMS } from '../../src/build/measurements/claims.ts';
import { METRICS, metricRows, ratioToAxum, readResults, requirePeer, type Metric, type PeerResult, type Results } from '../../src/build/measurements/results.ts';

describe('committed benchmark results', () => {
	const results = readResults();

	it('has a measured entry for every peer of the lab, and nothing skipped', () => {
		expect(results.peers.map((p) => p.id).sort()).toEqual(peers().map((p) => p.id).sort());
		expect(results.skipped).toEqual([]);
	});

	it('has a positive, finite figure for every chart metric and every round of each endpoint the peer is measured on', () => {
		for (const peer of results.peers) {
			const declared = peers().find((p) => p.id === peer.id);
			const endpoints = declared ? peerEndpoints(declared) : ['plaintext', 'user'];
			expect(Object.keys(peer.endpoints).sort(), peer.id).toEqual([...endpoints].sort());
			for (const metric of Object.keys(METRICS) as Metric[]) {
				const value = METRICS[metric].of(peer);
				if (value === undefined && metric.startsWith('plaintext') && !endpoints.includes('plaintext')) continue;
				expect(value !== undefined && Number.isFinite(value) && value > 0, `${peer.id} ${metric}: ${value}`).toBe(true);
			}
			for (const endpoint of Object.values(peer.endpoints)) expect(endpoint.roundsRps).toHaveLength(results.method.rounds);
		}
	});

	it('records how each peer ran: its pool, its ready path, and the log of one that logs', () => {
		for (const peer of results.peers) {
			const declared = peers().find((p) => p.id === peer.id)!;
			expect(peer.poolSize, peer.id).toBe(results.method.poolSize);
			expect(peer.readyPath, peer.id).toBe(peerReadyPath(declared));
			if (declared.logToFile) expect(peer.logLines, peer.id).toBeGreaterThan(0);
			else expect(peer.logLines, peer.id).toBeUndefined();
		}
	});

	it('keys every article claim by a peer that exists', () => {
		for (const table of Object.values(CLAIMS)) {
			for (const id of Object.keys(table.claims)) expect(peers().map((p) => p.id)).toContain(id);
		}
	});
});

describe('reading results', () => {
	const endpoint = (rps: number) => ({ rps, meanMs: 1, p50Ms: 1, p99Ms: 2, roundsRps: [rps, rps, rps] });
	const peer = (id: string, user: number, plaintext?: number): PeerResult => ({
		id,
		name: id,
		versions: [],
		artifactBytes: 1,
		coldStartMs: 1,
		readyPath: '/plaintext',
		idleRssBytes: 1,
		peakRssBytes: 1,
		poolSize: 8,
		endpoints: { ...(plaintext === undefined ? {} : { plaintext: endpoint(plaintext) }), user: endpoint(user) },
	});
	const results = { date: '2026-12-01T00:00:00Z', peers: [peer('axum', 1000, 4000), peer('users-api', 800)] } as Results;

	it('leaves a peer off a chart of an endpoint it does not have, and gives the others their ratio to Axum', () => {
		expect(metricRows(results, 'plaintext-rps').map((r) => r.peer.id)).toEqual(['axum']);
		expect(metricRows(results, 'user-rps').map((r) => [r.peer.id, r.value, r.ratio])).toEqual([
			['axum', 1000, 1],
			['users-api', 800, 0.8],
		]);
		expect(ratioToAxum(results, 'plaintext-rps', results.peers[1]!)).toBeUndefined();
	});

	it('stops with a message naming a missing peer and the command that measures it', () => {
		expect(requirePeer(results, 'users-api').id).toBe('users-api');
		expect(() => requirePeer(results, 'go-gin')).toThrow('public/bench/results.json has no "go-gin" row (its run of 2026-12-01 measured axum, users-api): run `npm run bench` on a quiet machine to measure it');
	});
});
