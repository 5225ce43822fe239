/**
 * The compile server's limits, and the one sentence that tells the learner
 * which of them stopped a program. Timers and the output cap are the
 * server's own; memory, processes, file size and CPU time are kernel limits
 * (./sandbox.ts), which hold even against a program that ignores signals.
 */
import { tmpdir } from 'node:os';
import type { StageLimits } from './sandbox.ts';

export interface PlaygroundLimits {
	/** Largest request body accepted, in bytes. */
	maxRequestBytes: number;
	compileTimeMs: number;
	runTimeMs: number;
	/** Bytes of stdout plus stderr kept from a run. */
	outputCap: number;
	/** Requests allowed to wait while one compiles; more are answered "busy". */
	queueLength: number;
	/** Programs one client may send a minute (PLAYGROUND_RATE); more are answered 429. */
	ratePerMinute: number;
	/** Take the client's address from X-Forwarded-For, behind a load balancer (PLAYGROUND_TRUST_PROXY=1). */
	trustProxy: boolean;
	/** Where per-request folders are made. */
	workRoot: string;
	/** Kernel limits on the compiler (rustc, the linker). */
	compile: StageLimits;
	/** Kernel limits on the learner's program. */
	run: StageLimits;
	/** What the program's folder may hold in all (an in-memory folder of this size). */
	runFolderBytes: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: PlaygroundLimits = {
	maxRequestBytes: 64 * 1024,
	compileTimeMs: 60_000,
	runTimeMs: 10_000,
	outputCap: 64 * 1024,
	queueLength: 8,
	// A learner pressing Run every two seconds for a minute.
	ratePerMinute: 30,
	trustProxy: false,
	workRoot: tmpdir(),
	// rustc maps every rlib it links (about 700 MB of address space for a
	// small axum program, measured); 4 GB leaves room for bigger edits.
	// A small axum program's binary is about 7 MB; 128 MB bounds what a
	// compile can write to the host's disk.
	compile: { memoryBytes: 4096 * MiB, processes: 128, fileBytes: 128 * MiB, cpuSeconds: 60 },
	run: { memoryBytes: 512 * MiB, processes: 64, fileBytes: 16 * MiB, cpuSeconds: 10 },
	runFolderBytes: 64 * MiB,
};

const mb = (bytes: number) => `${Math.round(bytes / MiB)} MB`;

/** How a sandboxed process ended: a signal by name, or an exit code. */
export interface Ending {
	signal: string | undefined;
	code: number | null;
	stderr: string;
}

/**
 * The limit that stopped a program, in one sentence, or undefined when it
 * ended on its own. The clues are the signal the kernel sends (SIGXCPU,
 * SIGXFSZ) and the message Rust's standard library prints when the kernel
 * refuses memory, a thread, or disk space.
 */
export function limitThatStopped(ending: Ending, limits: StageLimits, folderBytes: number, who = 'the program'): string | undefined {
	if (ending.signal === 'SIGXCPU' || (ending.signal === 'SIGKILL' && /CPU time/.test(ending.stderr))) {
		return `Stopped: ${who} used more than ${limits.cpuSeconds} s of CPU time, the limit.`;
	}
	if (ending.signal === 'SIGXFSZ') return `Stopped: ${who} wrote a file larger than ${mb(limits.fileBytes)}, the file size limit.`;
	if (/memory allocation of \d+ bytes failed|Cannot allocate memory|out of memory/i.test(ending.stderr)) {
		return `Stopped: ${who} asked for more than ${mb(limits.memoryBytes)} of memory, the memory limit.`;
	}
	if (/failed to spawn thread|Resource temporarily unavailable/.test(ending.stderr)) {
		return `Stopped: ${who} tried to start more than ${limits.processes} threads and processes, the limit.`;
	}
	if (/No space left on device/.test(ending.stderr)) {
		return `Stopped: ${who} filled its folder, which may hold ${mb(folderBytes)} in all, the disk limit.`;
	}
	return undefined;
}
