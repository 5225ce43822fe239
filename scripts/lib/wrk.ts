/**
 * wrk, run without blocking (so a memory sampler keeps running meanwhile)
 * and read: requests per second, mean and percentile latencies, and what
 * went wrong. Used by bench:api, the lab (npm run bench) and its smoke test.
 */
import { spawn } from 'node:child_process';

export interface WrkOptions {
	/** Full URL of the first request, e.g. http://127.0.0.1:3900/users/42. */
	url: string;
	connections: number;
	seconds: number;
	/** Pin wrk to this CPU (taskset). */
	cpu?: number;
	/** A Lua script for wrk's -s, and arguments after `--` for it. */
	script?: string;
	scriptArgs?: string[];
}

export interface WrkResult {
	requests: number;
	rps: number;
	/** Latencies as wrk prints them, converted to milliseconds. */
	meanMs: number;
	p50Ms: number;
	p99Ms: number;
	non2xx: number;
	/** wrk's "Socket errors" line, or "none". */
	errors: string;
}

/** wrk's "1.23ms", "456.00us", "2.01s" in milliseconds. */
export function wrkMs(text: string): number {
	const match = /^([\d.]+)(us|ms|s|m)$/.exec(text.trim());
	if (!match) return Number.NaN;
	const factor = { us: 0.001, ms: 1, s: 1000, m: 60_000 }[match[2] as 'us' | 'ms' | 's' | 'm'];
	return Number(match[1]) * factor;
}

/** Reads wrk's report (run with --latency). */
export function parseWrk(out: string): WrkResult {
	const pick = (re: RegExp) => re.exec(out)?.[1] ?? '';
	return {
		requests: Number(pick(/(\d+) requests in /)),
		rps: Number(pick(/Requests\/sec:\s+([\d.]+)/)),
		meanMs: wrkMs(pick(/^\s+Latency\s+(\S+)/m)),
		p50Ms: wrkMs(pick(/^\s+50%\s+(\S+)/m)),
		p99Ms: wrkMs(pick(/^\s+99%\s+(\S+)/m)),
		non2xx: Number(pick(/Non-2xx or 3xx responses: (\d+)/) || 0),
		errors: pick(/Socket errors: (.*)/) || 'none',
	};
}

export async function runWrk({ url, connections, seconds, cpu, script, scriptArgs = [] }: WrkOptions): Promise<WrkResult> {
	const wrk = ['wrk', '-t1', `-c${connections}`, `-d${seconds}s`, '--latency', ...(script ? ['-s', script] : []), url, ...(scriptArgs.length ? ['--', ...scriptArgs] : [])];
	const command = cpu === undefined ? wrk : ['taskset', '-c', String(cpu), ...wrk];
	const out = await new Promise<string>((resolve, reject) => {
		const child = spawn(command[0]!, command.slice(1));
		let text = '';
		child.stdout.on('data', (chunk: Buffer) => (text += chunk));
		child.stderr.on('data', (chunk: Buffer) => (text += chunk));
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`wrk exited with ${code}:\n${text}`))));
	});
	return parseWrk(out);
}
