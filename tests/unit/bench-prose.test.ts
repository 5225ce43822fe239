// The benchmarking lessons' prose figures: the helpers that write a number
// as a person would, and the findings computed from the committed run, whose
// checks stop the build when a sentence stops holding.
import { describe, expect, it } from 'vitest';
import { warmupSeconds } from '../../scripts/bench/lab.ts';
import { climbs, findings, loadBreakdown, loadSeconds, trialWarmupSeconds } from '../../src/build/measurements/findings.ts';
import { about, ceilRound, floorRound, fractionWords, growthWords, listWords, mibWords, minutesWords, msWords, numberWord, ordinal, over, percent, roundish, under } from '../../src/build/measurements/prose.ts';
import { readResults, type Results } from '../../src/build/measurements/results.ts';

describe('figures in words', () => {
	it('rounds to the roundest number within 4%', () => {
		expect([105_515.88, 196.88, 13.598, 46.33, 410.04, 252.32, 13_418.32, 4.64].map(roundish)).toEqual([105_000, 200, 14, 45, 400, 250, 13_000, 4.5]);
		expect(about(105_515.88)).toBe('about 105,000');
		expect(about(75.38, 'MiB')).toBe('about 75 MiB');
		expect(() => roundish(0)).toThrow(/positive/);
	});

	it('bounds a figure from above and below with a round number', () => {
		expect([4.64, 7.39, 13.6, 46.33, 5].map(ceilRound)).toEqual([5, 8, 14, 50, 6]);
		expect([6.449, 13.4, 252].map(floorRound)).toEqual([6, 13, 200]);
		expect(under(4.64, 'MiB')).toBe('under 5 MiB');
		expect(over(6.449, 'seconds')).toBe('over 6 seconds');
		// "over 6" of exactly 6 would be false.
		expect(over(6, 'seconds')).toBe('exactly 6 seconds');
	});

	it('writes memory and time the way the lessons do', () => {
		expect(mibWords(4.64)).toBe('under 5 MiB');
		expect(mibWords(53.36)).toBe('about 55 MiB');
		expect(msWords(196.88)).toBe('about 200 ms');
		expect(msWords(6448.99)).toBe('over 6 seconds');
	});

	it('names a ratio as a fraction, with how close it is', () => {
		expect(fractionWords(0.0968)).toBe('about a tenth');
		expect(fractionWords(0.547)).toBe('a little over half');
		expect(fractionWords(0.648)).toBe('about two thirds');
		expect(fractionWords(0.036)).toBe('under a twentieth');
		expect(fractionWords(0.07)).toBe('under a tenth');
		expect(fractionWords(0.225)).toBe('a little under a quarter');
		expect(fractionWords(1.02)).toBe('about the same');
		expect(fractionWords(1.31)).toBe('about 1.3 times');
		expect(() => fractionWords(-1)).toThrow(/positive/);
	});

	it('writes durations, counts, lists and growth', () => {
		expect(minutesWords(550)).toBe('a little over nine minutes');
		expect(minutesWords(530)).toBe('a little under nine minutes');
		expect(minutesWords(602)).toBe('about ten minutes');
		expect(minutesWords(90)).toBe('90 seconds');
		expect([1, 20, 45, 100, 1500].map(numberWord)).toEqual(['one', 'twenty', 'forty-five', '100', '1,500']);
		expect([1, 2, 3, 11, 12, 65, 112, 121].map(ordinal)).toEqual(['1st', '2nd', '3rd', '11th', '12th', '65th', '112th', '121st']);
		expect(listWords(['Gin'])).toBe('Gin');
		expect(listWords(['Axum', 'Gin', 'Fastify'])).toBe('Axum, Gin and Fastify');
		expect(() => listWords([])).toThrow(/empty/);
		expect(percent(1.091)).toBe('9%');
		expect([2.58, 3.2, 1.6, 1.25, 1.04, 0.5].map(growthWords)).toEqual(['more than doubled', 'more than tripled', 'grew by more than half', 'grew by 25%', 'stayed about the same', 'shrank by 50%']);
	});
});

describe('the committed run', () => {
	const results = readResults();

	// Fails when a re-run no longer supports a sentence the lessons argue
	// for; the build stops with the same message.
	it('still supports every verdict the lessons state about it', () => {
		expect(() => findings(results)).not.toThrow();
	});

	it('gives the load as the method adds it up', () => {
		const m = results.method;
		const endpoints = results.peers.reduce((sum, p) => sum + Object.keys(p.endpoints).length, 0);
		expect(loadSeconds(results)).toBe(endpoints * (m.warmupSeconds + m.rounds * m.roundSeconds));
		expect(findings(results).load).toBe(minutesWords(loadSeconds(results)));
	});

	it('shortens the warm-up of a trial run as scripts/bench/lab.ts does', () => {
		// The page computes the lab's rule from the saved run rather than import the lab.
		for (const seconds of [1, 2, 5, 10, 60]) expect(trialWarmupSeconds(results, seconds)).toBe(warmupSeconds(seconds));
		expect(trialWarmupSeconds(results, 2)).toBe(4);
		expect(trialWarmupSeconds(results, 60)).toBe(results.method.warmupSeconds);
	});
});

describe('findings from a run', () => {
	const endpoint = (rps: number, rounds = [rps, rps, rps]) => ({ rps, meanMs: 1, p50Ms: 1, p99Ms: 2, roundsRps: rounds });
	const peer = (id: string, name: string, plaintext: number | undefined, user: number, idleMiB: number, coldStartMs: number, plaintextRounds?: number[]) => ({
		id,
		name,
		versions: [],
		artifactBytes: 1,
		coldStartMs,
		readyPath: plaintext === undefined ? '/health' : '/plaintext',
		idleRssBytes: idleMiB * 1024 * 1024,
		peakRssBytes: idleMiB * 2.5 * 1024 * 1024,
		poolSize: 8,
		endpoints: { ...(plaintext === undefined ? {} : { plaintext: endpoint(plaintext, plaintextRounds) }), user: endpoint(user) },
	});
	// Shaped like the committed run of 2026-11-24, in round figures.
	const run = (): Results => ({
		date: '2026-12-03T09:55:00.000Z',
		machine: { cpu: 'test', cores: 2, os: 'Linux' },
		method: { connections: 64, poolSize: 8, warmupSeconds: 20, rounds: 3, roundSeconds: 10, serverCpu: 0, wrkCpu: 1, wrk: 'wrk', postgres: '15' },
		skipped: [],
		peers: [
			peer('axum', 'Rust + Axum', 100_000, 11_000, 4.6, 46),
			peer('users-api', 'Rust + Axum, users-api', undefined, 9_000, 6, 60),
			peer('go-gin', 'Go + Gin', 66_000, 12_000, 13.6, 20),
			peer('java-spring', 'Java + Spring Boot', 24_000, 10_800, 252, 6449, [13_000, 24_000, 39_000]),
			peer('node-fastify', 'Node.js + Fastify', 55_000, 12_100, 75, 197),
			peer('python-fastapi', 'Python + FastAPI', 10_000, 3_150, 53, 410),
		],
	});

	it('words the order, the gaps and the warm-up from the figures', () => {
		const f = findings(run());
		expect(f.plaintext.verdict).toBe('Holds: on bare HTTP, Axum is the fastest of the five.');
		expect(f.plaintext.others).toBe('Go at about two thirds of that, Node.js at a little over half and Python at about a tenth');
		expect(f.plaintext.order).toBe('is the order we measured');
		expect(f.database.axumPlace).toBe('Axum was not first: Fastify and Gin were up to 10% ahead, more than the spread of their own rounds');
		expect(f.memory.verdict).toBe('Holds, roughly');
		expect(f.memory.above).toBe("Spring Boot idled at about 250 MiB, above its claimed 180; Node.js at about 75 MiB, above the database table's 55.");
		expect(f.warmupLesson).toMatch(/^Spring Boot's plaintext rounds climbed from about 13,000 to about 40,000 requests per second/);
		expect(f.load).toBe('a little over nine minutes');
		expect(loadBreakdown(run())).toBe("100 s for each of the five stacks of the lab's service and 50 s for the users API, which has one endpoint");
		expect(loadBreakdown(run(), 2)).toBe("20 s for each of the five stacks of the lab's service and 10 s for the users API, which has one endpoint");
	});

	it('rewords a comparison that the figures turn around', () => {
		const results = run();
		const gin = results.peers.find((p) => p.id === 'go-gin')!;
		gin.endpoints.plaintext!.rps = 120_000;
		const f = findings(results);
		expect(f.plaintext.verdict).toBe('Does not hold: on bare HTTP, Gin measured 20% ahead of Axum, more than the spread of the rounds.');
		expect(f.plaintext.order).toBe('is not the order we measured: Gin, then Axum, then Fastify, then FastAPI');
		const spring = results.peers.find((p) => p.id === 'java-spring')!;
		spring.endpoints.plaintext!.roundsRps = [38_000, 39_000, 38_500];
		expect(climbs(spring.endpoints.plaintext!.roundsRps)).toBe(false);
		expect(findings(results).warmupLesson).toMatch(/^After twenty seconds of warm-up on one core, Spring Boot's plaintext rounds no longer climbed/);
		for (const p of results.peers) if (p.id !== 'axum' && p.id !== 'python-fastapi' && p.id !== 'users-api') p.endpoints.user.rps = 10_000;
		expect(findings(results).database.axumPlace).toBe('Axum was first, 10% ahead of Gin');
		// A lead smaller than the spread of the rounds is not a result either way.
		const noisy = run();
		noisy.peers.find((p) => p.id === 'axum')!.endpoints.plaintext!.roundsRps = [100_000, 60_000, 101_000];
		noisy.peers.find((p) => p.id === 'go-gin')!.endpoints.plaintext!.rps = 102_000;
		expect(findings(noisy).plaintext.verdict).toBe('Not shown: on bare HTTP, Gin measured 2% ahead of Axum, which is within the spread of the rounds.');
		// Spring Boot at its claimed half of Axum, Python far from its claim, and Gin and Fastify well ahead.
		const wide = run();
		for (const [id, rps] of [['go-gin', 15_000], ['java-spring', 5_000], ['node-fastify', 12_200]] as const) wide.peers.find((p) => p.id === id)!.endpoints.user.rps = rps;
		const db = findings(wide).database;
		expect(db.verdict).toBe("Off: the database table's spread.");
		expect(db.spread).toBe('Axum, Gin, Spring Boot and Fastify landed up to about 3 times apart, Spring Boot slowest and Gin fastest');
		expect(db.axumPlace).toBe("Axum was not first: Gin and Fastify were up to 36% ahead, more than the spread of their own rounds");
		expect(db.pythonPlace).toBe('Python stayed far behind (0.29×)');
	});

	it('stops, naming the sentence, when a verdict no longer holds', () => {
		const results = run();
		// Node.js at the claimed tenth of Axum and Python at the claimed twenty-eighth: the gaps would no longer be "off".
		results.peers.find((p) => p.id === 'node-fastify')!.endpoints.plaintext!.rps = 9_600;
		results.peers.find((p) => p.id === 'python-fastapi')!.endpoints.plaintext!.rps = 3_600;
		expect(() => findings(results)).toThrow(/say "Off: the size of the gaps … the Node\.js and Python ratios are off", which the run of 2026-12-03 in public\/bench\/results\.json no longer supports/);
		const slow = run();
		slow.peers.find((p) => p.id === 'axum')!.coldStartMs = 300;
		expect(() => findings(slow)).toThrow(/"Holds: cold start for compiled stacks"/);
		const close = run();
		close.peers.find((p) => p.id === 'python-fastapi')!.endpoints.user.rps = 12_000;
		expect(() => findings(close)).toThrow(/"roughly the direction of the claim but nowhere near its size"/);
	});
});
