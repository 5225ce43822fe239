/**
 * What the benchmarking lessons say about the committed run, computed from
 * public/bench/results.json at build time: every figure in their prose, and
 * the wording of every comparison, so a re-run of the lab cannot leave a
 * false sentence on a page. Where the wording cannot follow the data (a
 * verdict the page argues for), `claim` stops the build, naming the sentence.
 */
import { CLAIMS, type Claim } from './claims.ts';
import { type PeerResult, type Results, mib, requirePeer } from './results.ts';
import { about, ceilRound, countWords, fractionWords, growthWords, listWords, mibWords, minutesWords, msWords, numberWord, ordinal, percent, times } from './prose.ts';

/** Stops the build when the data no longer supports a sentence of the page. */
export function claim(results: Results, sentence: string, holds: boolean, why: string): void {
	if (!holds) {
		throw new Error(`The benchmarking lessons say "${sentence}", which the run of ${results.date.slice(0, 10)} in public/bench/results.json no longer supports: ${why}. Rewrite the sentence in src/content/docs/benchmarking/ and its check in src/build/measurements/findings.ts.`);
	}
}

// "Go + Gin" → Go and Gin: the page names a stack by its language, or by its
// framework where the language alone is ambiguous (Rust: Axum and users-api;
// Java: the article tables name Spring).
const language = (p: PeerResult) => p.name.split(' + ')[0]!;
const framework = (p: PeerResult) => p.name.split(' + ')[1] ?? p.name;
const who = (p: PeerResult) => (p.id === 'axum' || p.id === 'java-spring' ? framework(p) : language(p));

const spread = (values: number[]) => Math.max(...values) / Math.min(...values);
/** Every round higher than the one before, and the last at least 15% above the first. */
export const climbs = (rounds: number[]) => rounds.every((r, i) => i === 0 || r > rounds[i - 1]!) && rounds.at(-1)! >= rounds[0]! * 1.15;

/** The seconds of load a run puts on its servers: per endpoint, the warm-up and every round. */
export function loadSeconds(results: Results, roundSeconds = results.method.roundSeconds, warmupSeconds = results.method.warmupSeconds): number {
	const endpoints = results.peers.reduce((sum, p) => sum + Object.keys(p.endpoints).length, 0);
	return endpoints * (warmupSeconds + results.method.rounds * roundSeconds);
}

/**
 * The warm-up of a trial run with short rounds (`npm run bench -- --seconds N`):
 * as scripts/bench/lab.ts sets it, the full run's warm-up or two rounds,
 * whichever is shorter (tests/unit/bench-prose.test.ts holds the two together).
 */
export const trialWarmupSeconds = (results: Results, roundSeconds: number) => Math.min(results.method.warmupSeconds, 2 * roundSeconds);

/** How the load adds up, per stack: "100 s for each of the five stacks of the lab's service and 50 s for the users API, which has one endpoint". */
export function loadBreakdown(results: Results, roundSeconds = results.method.roundSeconds): string {
	const perEndpoint = trialWarmupSeconds(results, roundSeconds) + results.method.rounds * roundSeconds;
	const lab = results.peers.filter((p) => p.endpoints.plaintext !== undefined);
	const own = results.peers.filter((p) => p.endpoints.plaintext === undefined);
	const parts = [`${2 * perEndpoint} s for each of the ${numberWord(lab.length)} stacks of the lab's service`];
	if (own.some((p) => p.id === 'users-api')) parts.push(`${perEndpoint} s for the users API, which has one endpoint`);
	else if (own.length > 0) throw new Error(`src/build/measurements/findings.ts: no wording for the one-endpoint peers ${own.map((p) => p.id).join(', ')}`);
	return listWords(parts);
}

export function findings(results: Results) {
	const m = results.method;
	const axum = requirePeer(results, 'axum');
	const gin = requirePeer(results, 'go-gin');
	const node = requirePeer(results, 'node-fastify');
	const python = requirePeer(results, 'python-fastapi');
	const spring = requirePeer(results, 'java-spring');
	// The lab's own service: every peer that answers /plaintext (users-api does not).
	const lab = results.peers.filter((p) => p.endpoints.plaintext !== undefined);
	const plain = (p: PeerResult) => p.endpoints.plaintext!.rps;
	const user = (p: PeerResult) => p.endpoints.user.rps;
	const hello = CLAIMS.hello.claims;
	const helloPeersOf = (peers: PeerResult[]) => peers.filter((p) => hello[p.id] !== undefined);
	const database = CLAIMS.database.claims;
	const claimed = (table: Partial<Record<string, Claim>>, p: PeerResult) => {
		const c = table[p.id];
		if (!c) throw new Error(`src/build/measurements/claims.ts: the page compares ${p.name} with a claim the table does not have`);
		return c;
	};
	const claimRatio = (table: Partial<Record<string, Claim>>, p: PeerResult) => claimed(table, p).rps / claimed(table, axum).rps;

	// Bare HTTP: the order, and each stack as a part of Axum's figure.
	// A lead over Axum smaller than the spread of either stack's rounds is noise, and the verdict says so.
	const aheadOnPlain = lab.filter((p) => plain(p) > plain(axum)).sort((a, b) => plain(b) - plain(a));
	const withinNoise = aheadOnPlain.every((p) => plain(p) / plain(axum) <= Math.max(spread(p.endpoints.plaintext!.roundsRps), spread(axum.endpoints.plaintext!.roundsRps)));
	const plainLead = aheadOnPlain.length > 0 ? `${aheadOnPlain.length > 1 ? 'up to ' : ''}${percent(plain(aheadOnPlain[0]!) / plain(axum))}` : '';
	const plaintextVerdict =
		aheadOnPlain.length === 0
			? `Holds: on bare HTTP, Axum is the fastest of the ${numberWord(lab.length)}.`
			: withinNoise
				? `Not shown: on bare HTTP, ${listWords(aheadOnPlain.map(framework))} measured ${plainLead} ahead of Axum, which is within the spread of the rounds.`
				: `Does not hold: on bare HTTP, ${listWords(aheadOnPlain.map(framework))} measured ${plainLead} ahead of Axum, more than the spread of the rounds.`;
	// Stacks that land on the same words share them: "Go and Node.js at about the same".
	const shares = new Map<string, string[]>();
	for (const p of helloPeersOf(lab).filter((p) => p !== axum)) {
		const words = fractionWords(plain(p) / plain(axum));
		shares.set(words, [...(shares.get(words) ?? []), language(p)]);
	}
	const shareParts = [...shares].map(([words, names], i) => `${listWords(names)} at ${words}${i === 0 && words !== 'about the same' && !words.endsWith('times') ? ' of that' : ''}`);
	const plaintextShares = [...shares.values()].some((names) => names.length > 1) && shareParts.length > 1 ? `${shareParts.slice(0, -1).join(', ')}, and ${shareParts.at(-1)}` : listWords(shareParts);
	const helloPeers = helloPeersOf(lab);
	const claimedOrder = [...helloPeers].sort((a, b) => claimed(hello, b).rps - claimed(hello, a).rps);
	const measuredOrder = [...helloPeers].sort((a, b) => plain(b) - plain(a));
	const inOrder = (peers: PeerResult[]) => peers.map(framework).join(', then ');
	const sameOrder = claimedOrder.every((p, i) => p === measuredOrder[i]);

	// The size of the hello-world gaps: how far our ratio is from the claimed one, either way.
	const factor = (p: PeerResult) => {
		const f = plain(p) / plain(axum) / claimRatio(hello, p);
		return Math.max(f, 1 / f);
	};
	const offBy = [factor(node), factor(python)].sort((a, b) => a - b);
	claim(results, 'Off: the size of the gaps … the Node.js and Python ratios are off', offBy[0]! >= 1.5, `our Node.js and Python ratios to Axum are within a factor of ${offBy[0]!.toFixed(2)} of the claimed ones`);
	const [lowFactor, highFactor] = offBy.map((f) => Math.round(f));
	const ginOff = plain(gin) / plain(axum) / claimRatio(hello, gin);

	// The database endpoint: Python apart; how close the other four landed, and where Axum placed.
	const pack = lab.filter((p) => p !== python);
	const packSpread = spread(pack.map(user));
	const slowest = pack.reduce((a, b) => (user(b) < user(a) ? b : a));
	const quickest = pack.reduce((a, b) => (user(b) > user(a) ? b : a));
	const packWords =
		packSpread <= 1.3
			? `${listWords(pack.map(framework))} landed within ${about((packSpread - 1) * 100)}% of each other`
			: `${listWords(pack.map(framework))} landed up to ${about(packSpread)} times apart, ${framework(slowest)} slowest and ${framework(quickest)} fastest`;
	// The table is off where most of its ratios to Axum are off from ours by half or more, either way.
	const databaseOff = lab
		.filter((p) => p !== axum && database[p.id] !== undefined)
		.map((p) => {
			const f = user(p) / user(axum) / claimRatio(database, p);
			return Math.max(f, 1 / f) >= 1.5;
		});
	const databaseVerdict = databaseOff.filter(Boolean).length * 2 >= databaseOff.length ? "Off: the database table's spread." : "Holds, roughly: the database table's spread.";
	const ginFastify = [gin, node].map((p, i) => `${framework(p)} at ${times(user(p) / user(axum))}${i === 1 ? ' Axum' : ''}`);
	const ahead = pack.filter((p) => user(p) > user(axum)).sort((a, b) => user(b) - user(a));
	const leadWithinRounds = ahead.map((p) => user(p) / user(axum) <= spread(p.endpoints.user.roundsRps));
	let axumPlace: string;
	if (ahead.length === 0) {
		const next = [...pack].filter((p) => p !== axum).sort((a, b) => user(b) - user(a))[0]!;
		axumPlace = `Axum was first, ${percent(user(axum) / user(next))} ahead of ${framework(next)}`;
	} else {
		const lead = `${ahead.length > 1 ? 'up to ' : ''}${percent(user(ahead[0]!) / user(axum))} ahead`;
		const their = ahead.length > 1 ? 'their' : 'its';
		const rounds = leadWithinRounds.every(Boolean)
			? `which is within the spread of ${their} own rounds`
			: leadWithinRounds.some(Boolean)
				? `which is within the spread of ${listWords(ahead.filter((_, i) => leadWithinRounds[i]).map((p) => `${framework(p)}'s`))} own rounds but not of ${listWords(ahead.filter((_, i) => !leadWithinRounds[i]).map((p) => `${framework(p)}'s`))}`
				: `more than the spread of ${their} own rounds`;
		axumPlace = `Axum was not first: ${listWords(ahead.map(framework))} ${ahead.length > 1 ? 'were' : 'was'} ${lead}, ${rounds}`;
	}
	const pythonRatio = user(python) / user(axum);
	const pythonClaim = claimRatio(database, python);
	const pythonPlace = pythonRatio < 0.5 ? `Python stayed far behind (${times(pythonRatio)})` : `Python reached ${times(pythonRatio)} of Axum`;
	claim(
		results,
		'roughly the direction of the claim but nowhere near its size',
		pythonRatio < 1 && pythonRatio / pythonClaim >= 3,
		pythonRatio >= 1 ? `Python measured ${times(pythonRatio)} Axum, ahead of it` : `Python's ratio (${times(pythonRatio)}) is within a factor of three of the claimed ${times(pythonClaim)}`,
	);

	// Idle memory beside every claim the two tables make for the stack.
	const memoryClaims = (p: PeerResult) =>
		[
			{ table: 'database table', mb: database[p.id]?.memoryMb },
			{ table: 'hello-world table', mb: hello[p.id]?.memoryMb },
		].filter((c): c is { table: string; mb: number } => c.mb !== undefined);
	const idle = (p: PeerResult) => mib(p.idleRssBytes);
	const withClaims = lab.filter((p) => memoryClaims(p).length > 0);
	const below = withClaims.filter((p) => memoryClaims(p).every((c) => idle(p) <= c.mb));
	const above = withClaims.filter((p) => !below.includes(p));
	const belowText = below.map((p, i) => {
		const mbs = memoryClaims(p).map((c) => c.mb).sort((a, b) => a - b);
		return `${who(p)}${i === 0 ? ' idled' : ''} at ${mibWords(idle(p))} (claimed ${listWords(mbs.map(String))}${i === 0 ? ' MB' : ''})`;
	});
	const aboveText = above.map((p, i) => {
		const cs = memoryClaims(p);
		const over = cs.filter((c) => idle(p) > c.mb);
		const which = cs.length === 1 ? `its claimed ${over[0]!.mb}` : over.length === cs.length ? `both tables' ${listWords(over.map((c) => String(c.mb)))}` : `the ${over[0]!.table}'s ${over[0]!.mb}`;
		return `${who(p)}${i === 0 ? ' idled' : ''} at ${mibWords(idle(p))}, above ${which}`;
	});
	const memoryVerdict = above.length === 0 ? 'Holds' : below.length > above.length ? 'Holds, roughly' : 'Does not hold';

	// Cold start: the compiled stacks within tens of milliseconds, well ahead of the interpreted ones.
	const compiledMs = Math.max(axum.coldStartMs, gin.coldStartMs);
	claim(
		results,
		'Holds: cold start for compiled stacks',
		compiledMs < 100 && compiledMs * 2 < Math.min(node.coldStartMs, python.coldStartMs),
		`Go and Axum took up to ${Math.round(compiledMs)} ms, Node.js ${Math.round(node.coldStartMs)} ms and Python ${Math.round(python.coldStartMs)} ms`,
	);

	// Spring Boot's warm-up, read from its rounds.
	const springPlain = spring.endpoints.plaintext!.roundsRps;
	const springUserSpread = spread(spring.endpoints.user.roundsRps);
	const warmup = `${numberWord(m.warmupSeconds)} seconds`;
	const springWarmup = climbs(springPlain)
		? `Spring Boot's plaintext rounds climbed from ${about(springPlain[0]!)} to ${about(springPlain.at(-1)!)} requests per second: after ${warmup} of warm-up on one core, its JIT compiler was still at work, so its median here understates its steady state`
		: `After ${warmup} of warm-up on one core, Spring Boot's plaintext rounds no longer climbed (${listWords(springPlain.map((r) => about(r).replace(/^about /, '')))} requests per second), so its JIT compiler had done most of its work before they began`;
	const springUserRounds = spring.endpoints.user.roundsRps;
	const springUser =
		springUserSpread <= 1.15
			? 'Its database endpoint, measured after, had settled'
			: climbs(springUserRounds)
				? `Its database endpoint, measured after, was still climbing too, from ${about(springUserRounds[0]!)} to ${about(springUserRounds.at(-1)!)} requests per second`
				: `Its database endpoint, measured after, still varied by ${percent(springUserSpread)} between rounds`;
	const othersSpread = Math.max(...lab.filter((p) => p !== spring).flatMap((p) => Object.values(p.endpoints).map((e) => spread(e.roundsRps))));

	return {
		cores: countWords(results.machine.cores, 'core'),
		coresWord: numberWord(results.machine.cores),
		warmup,
		rounds: numberWord(m.rounds),
		roundSeconds: `${numberWord(m.roundSeconds)} seconds`,
		connections: m.connections.toLocaleString('en-US'),
		/** Mean latency × req/s in a closed loop: the connections, in milliseconds per second. */
		littleProduct: (m.connections * 1000).toLocaleString('en-US'),
		/** Little's law for a hypothetical 20,000 req/s: the mean latency in ms. */
		littleMeanAt20k: ((m.connections / 20_000) * 1000).toLocaleString('en-US', { maximumFractionDigits: 1 }),
		nextConnection: ordinal(m.connections + 1),
		labCount: numberWord(lab.length),
		otherLabCount: numberWord(lab.length - 1),
		load: minutesWords(loadSeconds(results)),
		method: {
			warmupS: m.warmupSeconds,
			roundS: m.roundSeconds,
			perEndpointS: m.warmupSeconds + m.rounds * m.roundSeconds,
			breakdown: loadBreakdown(results),
			poolSize: m.poolSize,
			serverCpu: m.serverCpu,
			wrkCpu: m.wrkCpu,
		},
		trial: {
			warmupS: trialWarmupSeconds(results, 2),
			breakdown: loadBreakdown(results, 2),
		},
		plaintext: {
			verdict: plaintextVerdict,
			axum: about(plain(axum)),
			others: plaintextShares,
			claimedOrder: inOrder(claimedOrder),
			order: sameOrder ? 'is the order we measured' : `is not the order we measured: ${inOrder(measuredOrder)}`,
		},
		gaps: {
			nodeClaim: fractionWords(claimRatio(hello, node)),
			pythonClaim: fractionWords(claimRatio(hello, python)),
			node: fractionWords(plain(node) / plain(axum)),
			python: fractionWords(plain(python) / plain(axum)),
			ginClaim: times(claimRatio(hello, gin)),
			gin: `${Math.abs(ginOff - 1) <= 0.15 ? 'close to' : 'far from'} ours (${times(plain(gin) / plain(axum))})`,
			factor: lowFactor === highFactor ? `about ${numberWord(lowFactor!)}` : `about ${numberWord(lowFactor!)} to ${numberWord(highFactor!)}`,
		},
		database: {
			verdict: databaseVerdict,
			spread: packWords,
			ginFastify: listWords(ginFastify),
			pythonPlace,
			axumPlace,
			fastifyClaim: fractionWords(claimRatio(database, node)),
			pythonClaim: times(pythonClaim),
		},
		memory: {
			verdict: memoryVerdict,
			below: below.length > 0 ? `${belowText.join(', ')}.` : '',
			above: above.length > 0 ? `${aboveText.join('; ')}.` : '',
			nodeUnderLoad: growthWords(node.peakRssBytes / node.idleRssBytes),
			axumPeak: mibWords(mib(axum.peakRssBytes)),
		},
		coldStart: {
			compiled: `${ceilRound(compiledMs)} ms`,
			compiledClaims: `${claimed(hello, gin).coldStartMs} and ${claimed(hello, axum).coldStartMs}`,
			node: msWords(node.coldStartMs),
			nodeClaim: `${claimed(hello, node).coldStartMs}`,
			python: msWords(python.coldStartMs),
			pythonClaim: `${claimed(hello, python).coldStartMs}`,
			spring: msWords(spring.coldStartMs),
		},
		warmupLesson: `${springWarmup}. ${springUser}.`,
		/** The how-to lesson's answer to "was the warm-up long enough?", from the same rounds. */
		warmupLongEnough: climbs(springPlain)
			? `not for Spring Boot, whose plaintext rounds kept climbing, from ${about(springPlain[0]!)} to ${about(springPlain.at(-1)!)} requests per second, while the other ${numberWord(lab.length - 1)} stacks' rounds differed by ${percent(othersSpread)} at most`
			: `yes: no stack's plaintext rounds climbed, and the ${numberWord(lab.length - 1)} stacks besides Spring Boot differed by ${percent(othersSpread)} at most between rounds`,
		othersSpread: percent(othersSpread),
	};
}
