/**
 * Waiting for a freshly started server: polls a URL until it answers 200,
 * giving up as soon as the server's process has ended (by a status or by a
 * signal) rather than polling a dead port until the deadline.
 */
import type { ChildProcess } from 'node:child_process';

/** How a child process ended ("status 1", "signal SIGKILL"), or undefined while it runs. */
export function exitOf(child: ChildProcess): string | undefined {
	if (child.exitCode !== null) return `status ${child.exitCode}`;
	if (child.signalCode !== null) return `signal ${child.signalCode}`;
	return undefined;
}

export type Readiness = { ok: true; at: number } | { ok: false; why: 'exited' | 'timeout' };

/**
 * Polls `url` every `intervalMs` until it answers 200 (`at`: the
 * performance.now() time of that answer), `child` ends, or `deadline` (a
 * performance.now() time) passes.
 */
export async function waitForOk(url: string, child: ChildProcess, { deadline, intervalMs }: { deadline: number; intervalMs: number }): Promise<Readiness> {
	while (performance.now() < deadline) {
		if (exitOf(child) !== undefined) return { ok: false, why: 'exited' };
		try {
			const response = await fetch(url);
			// Read to the end, so the connection is free for the next request.
			await response.arrayBuffer();
			if (response.status === 200) return { ok: true, at: performance.now() };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, intervalMs));
	}
	return { ok: false, why: 'timeout' };
}
