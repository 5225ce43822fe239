/**
 * `npm run bench:cli`: logstat's speed on a generated 1 GB access log, one
 * thread against rayon on every core against an awk pipeline that computes
 * the same top-paths table, timed by hyperfine in one run and printed as
 * MB/s. Before timing, the three must agree on that table; after it, peak
 * memory (RSS) on a tenth of the log and on all of it shows that memory
 * stays flat as the input grows.
 *
 *   npm run bench:cli                  print the figures
 *   npm run bench:cli -- --save        also write the CLI lesson's transcript
 *   npm run bench:cli -- --size 200000000   a smaller log (bytes)
 *
 * logstat is timed as it ships: built with the workspace's `dist` profile
 * (whole-program LTO, one codegen unit), as `cargo install --profile dist`
 * builds it. The log is written to a temporary folder and removed
 * afterwards. awk is the machine's (mawk on Debian) under LC_ALL=C, its
 * fastest setting.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crateNamed, examplesRoot } from '../../src/build/workspace/workspace.ts';
import { ensureCommands } from '../lib/debian.ts';
import { defineTask } from '../lib/task.ts';

const RUNS = 5;
const TOP = 10;

export default defineTask({
	name: 'bench:cli',
	description: "logstat's speed on a generated access log, one thread and rayon against awk, with peak memory",
	options: {
		save: { type: 'boolean', description: "also write the CLI lesson's transcript (captures/bench.txt)" },
		size: { type: 'string', integer: { min: 1_000_000 }, valueName: 'BYTES', description: 'a smaller log than 1 GB, for trying it out' },
	},
	run(values) {
		const SIZE = values.size ?? 1_000_000_000;
		const SAVE = values.save === true;
		// Looked up before the minutes of measuring, so a moved or renamed crate fails first.
		const TRANSCRIPT = join(crateNamed('logstat').dir, 'captures', 'bench.txt');
		ensureCommands(
			[
				['hyperfine', 'hyperfine'],
				['/usr/bin/time', 'time'],
			],
			'bench:cli',
		);

		const out: string[] = [];
		const say = (line = '') => {
			console.log(line);
			out.push(line);
		};

		const PROFILE = 'dist';
		const target = join(examplesRoot, 'target', PROFILE);
		const logstat = join(target, 'logstat');
		console.error(`Building logstat and the log generator (${PROFILE} profile)...`);
		execFileSync('cargo', ['build', '--profile', PROFILE, '--locked', '-p', 'logstat', '--bin', 'logstat', '--example', 'gen_log'], { cwd: examplesRoot, stdio: 'inherit' });

		const dir = mkdtempSync(join(tmpdir(), 'logstat-bench-'));
		try {
			const log = join(dir, 'access.log');
			const tenth = join(dir, 'tenth.log');
			console.error(`Generating a ${SIZE.toLocaleString('en')} byte log...`);
			execFileSync('sh', ['-c', `"$0" "$1" > "$2" && head -c "$3" "$2" > "$4"`, join(target, 'examples', 'gen_log'), String(SIZE), log, String(Math.floor(SIZE / 10)), tenth]);
			const bytes = statSync(log).size;

			// The awk pipeline: count the 7th field without its query string, as
			// logstat does, then sort by count (ties by path) and keep the top.
			const awk = `LC_ALL=C awk '{p=$7; i=index(p,"?"); if(i) p=substr(p,1,i-1); c[p]++} END {for (p in c) print c[p], p}' ${log} | LC_ALL=C sort -k1,1nr -k2,2 | head -n ${TOP}`;
			const commands = {
				'logstat, 1 thread': `${logstat} --jobs 1 --top ${TOP} ${log}`,
				[`logstat, rayon (${cpus().length} threads)`]: `${logstat} --top ${TOP} ${log}`,
				'awk | sort | head': awk,
			};

			// Same answer first: a fast wrong tool is not a result.
			const fromAwk = execFileSync('sh', ['-c', awk], { encoding: 'utf8', maxBuffer: 1 << 20 }).trim().split('\n').map((l) => l.split(' ', 2).reverse().join(' '));
			for (const jobs of ['1', String(cpus().length)]) {
				const report = JSON.parse(execFileSync(logstat, ['--json', '--jobs', jobs, '--top', String(TOP), log], { encoding: 'utf8', maxBuffer: 1 << 26 }));
				const fromLogstat = report.top_paths.map((p: { path: string; requests: number }) => `${p.path} ${p.requests}`);
				if (JSON.stringify(fromLogstat) !== JSON.stringify(fromAwk)) {
					throw new Error(`logstat --jobs ${jobs} and awk disagree on the top paths:\n${fromLogstat.join('\n')}\n---\n${fromAwk.join('\n')}`);
				}
			}

			const results = join(dir, 'hyperfine.json');
			execFileSync('hyperfine', ['--warmup', '1', '--runs', String(RUNS), '--export-json', results, '--style', 'none', ...Object.entries(commands).flatMap(([name, command]) => ['-n', name, command])], { stdio: ['ignore', 'ignore', 'inherit'] });
			const runs = (JSON.parse(readFileSync(results, 'utf8')) as { results: { command: string; mean: number; stddev: number }[] }).results;

			const peakRss = (file: string) => {
				const run = spawnSync('/usr/bin/time', ['-f', '%M', logstat, '--top', String(TOP), file], { encoding: 'utf8' });
				return Number(run.stderr.trim().split('\n').at(-1)) / 1024;
			};

			const cpu = cpus()[0]?.model ?? 'unknown CPU';
			const mawk = spawnSync('sh', ['-c', 'awk -W version 2>&1 | head -n 1'], { encoding: 'utf8' }).stdout.trim();
			say('$ npm run bench:cli');
			say(`${(bytes / 1e9).toFixed(2)} GB generated access log (Combined + request time), ${cpus().length} cores (${cpu})`);
			say(`logstat: the ${PROFILE} profile; awk: ${mawk}; ${execFileSync('hyperfine', ['--version'], { encoding: 'utf8' }).trim()}, ${RUNS} runs after 1 warm-up`);
			say('all three agree on the top-10 paths table');
			say();
			const awkMean = runs.at(-1)!.mean;
			say(`${'command'.padEnd(28)} ${'mean s'.padStart(8)} ${'± s'.padStart(7)} ${'MB/s'.padStart(7)} ${'vs awk'.padStart(7)}`);
			for (const r of runs) {
				say(`${r.command.padEnd(28)} ${r.mean.toFixed(3).padStart(8)} ${r.stddev.toFixed(3).padStart(7)} ${(bytes / 1e6 / r.mean).toFixed(0).padStart(7)} ${(awkMean / r.mean).toFixed(2).padStart(6)}x`);
			}
			say();
			say(`peak memory (RSS), logstat with rayon: ${peakRss(tenth).toFixed(1)} MiB on a tenth of the log, ${peakRss(log).toFixed(1)} MiB on all of it`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}

		if (SAVE) {
			writeFileSync(TRANSCRIPT, `${out.join('\n')}\n`);
			console.error(`wrote ${TRANSCRIPT}`);
		}
	},
});
