/**
 * `npm run bench:cli`: logstat's speed on a generated 1 GB access log, one
 * thread against rayon on every core against an awk pipeline that computes
 * the same top-paths table and against GoAccess, the tool many would pick
 * instead, timed by hyperfine in one run and printed as MB/s. logstat and
 * awk must agree on that table before timing, GoAccess after (its report
 * from the timed runs); then peak memory (RSS) on a tenth of the log and on
 * all of it shows whether memory stays flat as the input grows.
 *
 * The tools do different amounts of work, and the transcript says what each
 * computes. GoAccess is asked for the least that still answers the same
 * questions: a JSON report (no terminal dashboard, no HTML), the request,
 * static-file, 404 and status panels and its requests per hour (its finest time panel
 * without --hour-spec, which buckets by ten minutes at most), the other panels off (visitors, hosts, OSes, browsers, referrers…),
 * query strings, methods and protocols dropped from the paths as logstat
 * drops them. It still keeps per path hits, unique visitors, bytes and
 * mean, total and maximum time served. Debian's GoAccess (1.7) parses on
 * one thread.
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
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crateNamed } from '../../src/build/workspace/workspace.ts';
import { ensureDebianPackages, isExecutable, onPath } from '../lib/debian.ts';
import { buildDist, DIST_DIR, generateLog, hyperfine, hyperfineVersion, PROFILE } from '../lib/logstat-bench.ts';
import { machine } from '../lib/machine.ts';
import { defineTask } from '../lib/task.ts';
import { saveTranscript } from '../lib/transcript.ts';

const RUNS = 5;
const TOP = 10;
/**
 * The GoAccess 1.7 panels turned off: all but REQUESTS, REQUESTS_STATIC,
 * NOT_FOUND, STATUS_CODES and VISIT_TIMES (`man goaccess`, --ignore-panel).
 */
const GOACCESS_PANELS_OFF = ['VISITORS', 'HOSTS', 'OS', 'BROWSERS', 'VIRTUAL_HOSTS', 'REFERRERS', 'REFERRING_SITES', 'KEYPHRASES', 'GEO_LOCATION', 'REMOTE_USER', 'CACHE_STATUS', 'MIME_TYPE', 'TLS_TYPE'];

export default defineTask({
	name: 'bench:cli',
	description: "logstat's speed on a generated access log, one thread and rayon against GoAccess and awk, with peak memory",
	options: {
		save: { type: 'boolean', description: "also write the CLI lesson's transcript (captures/bench.txt)" },
		size: { type: 'string', integer: { min: 1_000_000 }, valueName: 'BYTES', description: 'a smaller log than 1 GB, for trying it out' },
	},
	run(values) {
		const SIZE = values.size ?? 1_000_000_000;
		const SAVE = values.save === true;
		// Looked up before the minutes of measuring, so a moved or renamed crate fails first.
		const TRANSCRIPT = join(crateNamed('logstat').dir, 'captures', 'bench.txt');
		ensureDebianPackages(
			[
				{ package: 'hyperfine', present: () => onPath('hyperfine') },
				// A path, not a command: PATH's `time` is the shell keyword, which has no -f.
				{ package: 'time', present: () => isExecutable('/usr/bin/time') },
				{ package: 'goaccess', present: () => onPath('goaccess') },
			],
			'bench:cli',
		);
		const goaccessVersion = execFileSync('goaccess', ['--version'], { encoding: 'utf8' }).split('\n')[0]!.replace(/^GoAccess - /, 'GoAccess ').replace(/\.$/, '').trim();

		const out: string[] = [];
		const say = (line = '') => {
			console.log(line);
			out.push(line);
		};

		const logstat = join(DIST_DIR, 'logstat');
		console.error(`Building logstat and the log generator (${PROFILE} profile)...`);
		buildDist(['-p', 'logstat', '--bin', 'logstat', '--example', 'gen_log']);

		const dir = mkdtempSync(join(tmpdir(), 'logstat-bench-'));
		try {
			const log = join(dir, 'access.log');
			const tenth = join(dir, 'tenth.log');
			const bytes = generateLog(log, SIZE);
			execFileSync('sh', ['-c', 'head -c "$0" "$1" > "$2"', String(Math.floor(SIZE / 10)), log, tenth]);

			// The awk pipeline: count the 7th field without its query string, as
			// logstat does, then sort by count (ties by path) and keep the top.
			const awk = `LC_ALL=C awk '{p=$7; i=index(p,"?"); if(i) p=substr(p,1,i-1); c[p]++} END {for (p in c) print c[p], p}' ${log} | LC_ALL=C sort -k1,1nr -k2,2 | head -n ${TOP}`;
			// GoAccess reads the same Combined + request time lines (%T: seconds
			// with milliseconds) and writes a JSON report; see the top comment.
			const goaccessJson = join(dir, 'goaccess.json');
			const goaccess = [
				'goaccess',
				log,
				'--no-global-config',
				`--log-format='%h %^[%d:%t %^] "%r" %s %b "%R" "%u" %T'`,
				'--date-format=%d/%b/%Y',
				'--time-format=%T',
				'--no-progress',
				'--no-query-string',
				'--http-method=no',
				'--http-protocol=no',
				...GOACCESS_PANELS_OFF.map((panel) => `--ignore-panel=${panel}`),
				'-o',
				goaccessJson,
			].join(' ');
			const commands = {
				'logstat, 1 thread': `${logstat} --jobs 1 --top ${TOP} ${log}`,
				[`logstat, rayon (${cpus().length} threads)`]: `${logstat} --top ${TOP} ${log}`,
				'GoAccess, JSON report': goaccess,
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

			const runs = hyperfine(commands, RUNS, join(dir, 'hyperfine.json'));

			// GoAccess's answer, from its last timed run. It splits paths over
			// three panels (requests, static files, 404s), each listing its
			// busiest 366; summed, the busiest paths are logstat's table.
			const report = JSON.parse(readFileSync(goaccessJson, 'utf8')) as Record<string, { data: { data: string; hits: { count: number } }[] }>;
			const hits = new Map<string, number>();
			for (const panel of ['requests', 'static_requests', 'not_found']) {
				for (const item of report[panel]?.data ?? []) hits.set(item.data, (hits.get(item.data) ?? 0) + item.hits.count);
			}
			const fromGoaccess = [...hits]
				.sort(([a, m], [b, n]) => n - m || (a < b ? -1 : a > b ? 1 : 0))
				.slice(0, TOP)
				.map(([path, count]) => `${path} ${count}`);
			if (JSON.stringify(fromGoaccess) !== JSON.stringify(fromAwk)) {
				throw new Error(`GoAccess and awk disagree on the top paths:\n${fromGoaccess.join('\n')}\n---\n${fromAwk.join('\n')}`);
			}

			const peakRss = (command: string[]) => {
				const run = spawnSync('/usr/bin/time', ['-f', '%M', ...command], { encoding: 'utf8' });
				return Number(run.stderr.trim().split('\n').at(-1)) / 1024;
			};
			const logstatRss = (file: string) => peakRss([logstat, '--top', String(TOP), file]);
			const goaccessRss = (file: string) => peakRss(['sh', '-c', goaccess.replace(log, file)]);

			const mawk = spawnSync('sh', ['-c', 'awk -W version 2>&1 | head -n 1'], { encoding: 'utf8' }).stdout.trim();
			say('$ npm run bench:cli');
			say(`${(bytes / 1e9).toFixed(2)} GB generated access log (Combined + request time), ${machine()}`);
			say(`logstat: the ${PROFILE} profile; ${goaccessVersion}; awk: ${mawk}; ${hyperfineVersion()}, ${RUNS} runs after 1 warm-up`);
			say('all four agree on the top-10 paths table (GoAccess: its requests, static-file and 404 panels summed)');
			say();
			say('what each computes:');
			say('  logstat   checks every field; status codes, top paths, latency p50/p90/p99/max, requests per minute, malformed lines');
			say(`  GoAccess  per path and per status code: hits, unique visitors, bytes, mean/total/max time; requests per hour; ${GOACCESS_PANELS_OFF.length} panels off`);
			say('  awk       the top-paths table only: field 7 counted, nothing checked');
			say();
			const awkMean = runs.find((r) => r.command === 'awk | sort | head')!.mean;
			say(`${'command'.padEnd(28)} ${'mean s'.padStart(8)} ${'± s'.padStart(7)} ${'MB/s'.padStart(7)} ${'vs awk'.padStart(7)}`);
			for (const r of runs) {
				say(`${r.command.padEnd(28)} ${r.mean.toFixed(3).padStart(8)} ${r.stddev.toFixed(3).padStart(7)} ${(bytes / 1e6 / r.mean).toFixed(0).padStart(7)} ${(awkMean / r.mean).toFixed(2).padStart(6)}x`);
			}
			say();
			say(`peak memory (RSS), logstat with rayon: ${logstatRss(tenth).toFixed(1)} MiB on a tenth of the log, ${logstatRss(log).toFixed(1)} MiB on all of it`);
			say(`peak memory (RSS), GoAccess: ${goaccessRss(tenth).toFixed(1)} MiB on a tenth of the log, ${goaccessRss(log).toFixed(1)} MiB on all of it`);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}

		if (SAVE) {
			saveTranscript(TRANSCRIPT, out.join('\n'));
		}
	},
});
