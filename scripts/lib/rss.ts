/** A running process's resident memory (VmRSS), in bytes; 0 once it has gone. Linux only. */
import { readFileSync } from 'node:fs';

export function rss(pid: number): number {
	return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;
}
