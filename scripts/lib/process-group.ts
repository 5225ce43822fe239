/**
 * Starts a command in a process group of its own and stops the whole group:
 * `cargo run`, a shell's background jobs, a JVM's or uvicorn's workers all
 * go with it, where killing the first process alone would leave them
 * running (and holding their port).
 *
 * Every group still running when this process exits, or is interrupted, is
 * stopped too: a detached group does not receive the terminal's Ctrl-C, so
 * without this an interrupted script would leave its servers behind.
 *
 * Linux only: whether a group still has a live process is read from /proc.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** How long a group may take to end after SIGTERM before it gets SIGKILL. */
export const DEFAULT_GRACE_MS = 5_000;
const POLL_MS = 20;

export interface ProcessGroup {
	/** The group's first process; its id is the group's id. */
	readonly child: ChildProcess;
	/** Sends `signal` to every process of the group (nothing if it has ended). */
	signal(signal: NodeJS.Signals): void;
	/** Whether a process of the group is still running (a zombie waiting to be reaped does not count). */
	running(): boolean;
	/**
	 * SIGTERM to the group, SIGKILL after `graceMs` if any of it is left;
	 * resolves once no process of the group runs.
	 */
	stop(graceMs?: number): Promise<void>;
	[Symbol.asyncDispose](): Promise<void>;
}

/** Groups started here that may still have processes, stopped on exit. */
const live = new Set<number>();

export function spawnGroup(command: string, args: readonly string[], options: Omit<SpawnOptions, 'detached'> = {}): ProcessGroup {
	// detached: the child calls setsid(), so its pid is the id of a new group.
	const child = spawn(command, args, { ...options, detached: true });
	const pgid = child.pid;
	if (pgid !== undefined) {
		watchExit();
		live.add(pgid);
		// The common case forgets the group at once; one that outlives its
		// first process (a background job) stays until stopped or exit.
		child.once('exit', () => {
			if (!groupRunning(pgid)) live.delete(pgid);
		});
	}
	const group: ProcessGroup = {
		child,
		signal: (signal) => {
			if (pgid !== undefined) signalGroup(pgid, signal);
		},
		running: () => pgid !== undefined && groupRunning(pgid),
		stop: async (graceMs = DEFAULT_GRACE_MS) => {
			if (pgid === undefined) return;
			signalGroup(pgid, 'SIGTERM');
			if (!(await waitUntilGone(pgid, graceMs))) {
				signalGroup(pgid, 'SIGKILL');
				// SIGKILL cannot be caught; only a process stuck in the kernel outlasts this.
				if (!(await waitUntilGone(pgid, DEFAULT_GRACE_MS))) {
					throw new Error(`\`${[command, ...args].join(' ')}\`: its process group ${pgid} was still running after SIGKILL`);
				}
			}
			live.delete(pgid);
		},
		[Symbol.asyncDispose]: () => group.stop(),
	};
	return group;
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pgid, signal);
	} catch {
		// the group has ended
	}
}

/** Whether a process that is not a zombie belongs to group `pgid`. */
export function groupRunning(pgid: number): boolean {
	try {
		process.kill(-pgid, 0);
	} catch {
		return false;
	}
	// kill() also reaches zombies: a first process that has exited stays one
	// until Node reaps it, and it cannot while a synchronous wait holds the thread.
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		let stat: string;
		try {
			stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
		} catch {
			continue; // ended meanwhile
		}
		// "pid (comm) state ppid pgrp …"; comm may hold spaces and parentheses.
		const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		if (Number(pgrp) === pgid && state !== 'Z' && state !== 'X') return true;
	}
	return false;
}

async function waitUntilGone(pgid: number, ms: number): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (groupRunning(pgid)) {
		if (Date.now() >= deadline) return false;
		await new Promise((resolve) => setTimeout(resolve, POLL_MS));
	}
	return true;
}

/** Blocks the thread: for 'exit' and signal handlers, where nothing asynchronous runs any more. */
function stopAllSync(graceMs: number): void {
	const pause = new Int32Array(new SharedArrayBuffer(4));
	for (const pgid of live) signalGroup(pgid, 'SIGTERM');
	const deadline = Date.now() + graceMs;
	while ([...live].some(groupRunning) && Date.now() < deadline) Atomics.wait(pause, 0, 0, POLL_MS);
	for (const pgid of live) if (groupRunning(pgid)) signalGroup(pgid, 'SIGKILL');
	live.clear();
}

const INTERRUPTS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let watching = false;

function watchExit(): void {
	if (watching) return;
	watching = true;
	process.on('exit', () => stopAllSync(DEFAULT_GRACE_MS));
	for (const signal of INTERRUPTS) {
		const onSignal = () => {
			// A script that handles the signal itself decides when to exit
			// (to remove its temporary files first, say): its groups get
			// SIGTERM now, and what is left of them goes at 'exit'.
			if (process.listenerCount(signal) > 1) {
				for (const pgid of live) signalGroup(pgid, 'SIGTERM');
				return;
			}
			// Otherwise the signal would have ended the process: stop the
			// groups, then let it do so, so the exit status still tells.
			stopAllSync(DEFAULT_GRACE_MS);
			process.removeListener(signal, onSignal);
			process.kill(process.pid, signal);
		};
		process.on(signal, onSignal);
	}
}
