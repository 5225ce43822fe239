/**
 * `npm run bench:cli-steps`: what each speed-up of the "Making it fast"
 * lesson buys, each step of logstat timed against the step before it on the
 * same generated access log. The lesson claims each change is faster; this
 * is the measurement behind the claim, and the one that would show a change
 * that is not.
 *
 *   04 errors and tests   the simple version, the baseline: std HashMap
 *                         (SipHash), a String allocated per line, one thread
 *   05 path table         paths hashed with foldhash, stored inline
 *                         (CompactString), copied only the first time seen
 *   06 fast path          the usual Combined line read in one pass
 *   07 --jobs 1           the chunks on one thread without rayon: 06's work,
 *                         so it should match 06 (a check on the noise)
 *   07                    rayon over the chunks on every core
 *
 *   npm run bench:cli-steps                    print the figures
 *   npm run bench:cli-steps -- --save          also write the lesson's transcript
 *   npm run bench:cli-steps -- --size 20000000 --runs 3   a quick try
 *   npm run bench:cli-steps -- --rounds 1      one comparison, not the median of 3
 *
 * The steps are built as they ship (the `dist` profile, as bench:cli builds
 * logstat), the log is written to a temporary folder and removed afterwards,
 * and all five must give the same --json report before any is timed: a
 * faster step that answers differently is not a speed-up. One hyperfine
 * invocation times all five back to back, so on this shared machine each
 * step is compared with its neighbour within a minute or so, not across
 * sessions; --rounds repeats that comparison (every other round in reverse
 * order) and reports, per step, the median of the rounds' means, for when
 * the machine's speed drifts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { crateNamed, examplesRoot } from '../../src/build/workspace/workspace.ts';
import { ensureDebianPackages, onPath } from '../lib/debian.ts';
import { median } from '../../src/build/measurements/build-times.ts';
import { buildDist, DIST_DIR, generateLog, hyperfine, hyperfineVersion, PROFILE, type Timing } from '../lib/logstat-bench.ts';
import { machine } from '../lib/machine.ts';
import { defineTask } from '../lib/task.ts';
import { saveTranscript } from '../lib/transcript.ts';


export default defineTask({
	name: 'bench:cli-steps',
	description: 'the "Making it fast" steps of logstat (04 to 07) timed each against the one before',
	options: {
		save: { type: 'boolean', description: "also write the lesson's transcript (captures/steps-bench.txt)" },
		size: { type: 'string', integer: { min: 1_000_000 }, valueName: 'BYTES', description: 'the log size (default 250000000)' },
		runs: { type: 'string', integer: { min: 2, max: 100 }, description: 'hyperfine runs of each step (default 15)' },
		rounds: { type: 'string', integer: { min: 1, max: 20 }, description: 'repeat the comparison, report the median (default 3)' },
	},
	run(values) {
		const SIZE = values.size ?? 250_000_000;
		const RUNS = values.runs ?? 15;
		const ROUNDS = values.rounds ?? 3;
		// Looked up before the minutes of measuring, so a moved or renamed crate fails first.
		const TRANSCRIPT = join(crateNamed('logstat').dir, 'captures', 'steps-bench.txt');
		ensureDebianPackages([{ package: 'hyperfine', present: () => onPath('hyperfine') }], 'bench:cli-steps');

		const bin = (step: string) => join(DIST_DIR, `logstat-step-${step}`);
		const threads = cpus().length;
		// Name, what it changed over the row before, binary and arguments.
		const steps: [name: string, change: string, command: string[]][] = [
			['04 errors and tests', 'baseline: SipHash map, a String a line', [bin('04')]],
			['05 path table', 'foldhash, inline keys, copy when new', [bin('05')]],
			['06 fast path', 'Combined line read in one pass', [bin('06')]],
			['07 parallel, --jobs 1', 'chunks on one thread, no rayon', [bin('07'), '--jobs', '1']],
			[`07 parallel, ${threads} threads`, 'rayon over the chunks, every core', [bin('07')]],
		];

		console.error(`Building logstat steps 04 to 07 and the log generator (${PROFILE} profile)...`);
		buildDist([...['04', '05', '06', '07'].flatMap((s) => ['-p', `logstat-step-${s}`, '--bin', `logstat-step-${s}`]), '-p', 'logstat', '--example', 'gen_log']);

		const out: string[] = [];
		const say = (line = '') => {
			console.log(line);
			out.push(line);
		};

		const dir = mkdtempSync(join(tmpdir(), 'logstat-steps-bench-'));
		try {
			const log = join(dir, 'access.log');
			const bytes = generateLog(log, SIZE);

			// Same answer first, every binary against step 04's report.
			const report = ([, , [file, ...args]]: (typeof steps)[number]) => execFileSync(file!, [...args, '--json', log], { encoding: 'utf8', maxBuffer: 1 << 26 });
			const expected = report(steps[0]!);
			for (const step of steps.slice(1)) {
				const got = report(step);
				if (got !== expected) {
					const [want, have] = [expected.split('\n'), got.split('\n')];
					let i = 0;
					while (want[i] === have[i]) i++;
					throw new Error(`${step[2].join(' ')} gives another --json report than ${steps[0]![2][0]}, from line ${i + 1}: ${JSON.stringify(have[i] ?? '')} instead of ${JSON.stringify(want[i] ?? '')}`);
				}
			}

			const commands = Object.fromEntries(steps.map(([name, , command]) => [name, [...command, log].join(' ')]));
			const rounds: Timing[][] = [];
			for (let r = 0; r < ROUNDS; r++) {
				if (ROUNDS > 1) console.error(`Round ${r + 1} of ${ROUNDS}...`);
				const order = r % 2 ? Object.entries(commands).reverse() : Object.entries(commands);
				rounds.push(hyperfine(Object.fromEntries(order), RUNS, join(dir, 'hyperfine.json')));
			}
			const timed = steps.map(([name, change]) => {
				const of = rounds.map((round) => round.find((t) => t.command === name)!);
				return { name, change, mean: median(of.map((t) => t.mean)), stddev: median(of.map((t) => t.stddev)) };
			});

			const rustc = execFileSync('rustc', ['--version'], { cwd: examplesRoot, encoding: 'utf8' }).trim();
			say('$ npm run bench:cli-steps');
			say(`${(bytes / 1e6).toFixed(0)} MB generated access log (Combined + request time), ${machine()}`);
			say(`logstat steps 04 to 07: the ${PROFILE} profile, ${rustc}; ${hyperfineVersion()}, ${RUNS} runs after 1 warm-up${ROUNDS > 1 ? `, the median of ${ROUNDS} rounds` : ''}`);
			say('all five agree on the report (--json)');
			say();
			const [w1, w2] = [0, 1].map((i) => Math.max(...timed.map((t) => [t.name, t.change][i]!.length)));
			say(`${'step'.padEnd(w1!)}  ${'what it changed'.padEnd(w2!)} ${'mean s'.padStart(7)} ${'± s'.padStart(6)} ${'MB/s'.padStart(6)} ${'vs before'.padStart(9)}`);
			timed.forEach((t, i) => {
				const before = i === 0 ? '-' : `${(timed[i - 1]!.mean / t.mean).toFixed(2)}x`;
				say(`${t.name.padEnd(w1!)}  ${t.change.padEnd(w2!)} ${t.mean.toFixed(3).padStart(7)} ${t.stddev.toFixed(3).padStart(6)} ${(bytes / 1e6 / t.mean).toFixed(0).padStart(6)} ${before.padStart(9)}`);
			});
			say();
			const base = timed[0]!.mean;
			say(`step 07 over step 04: ${(base / timed[3]!.mean).toFixed(2)}x on one thread, ${(base / timed[4]!.mean).toFixed(2)}x on all ${threads} cores`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}

		if (values.save === true) {
			saveTranscript(TRANSCRIPT, out.join('\n'));
		}
	},
});
