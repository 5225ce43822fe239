// The readiness wait shared by `npm run fuzz:api` and the benchmarking lab:
// it must give up at once when the server dies, by a status or by a signal,
// instead of polling a dead port until its deadline.
import { spawn, type ChildProcess } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/postgres.ts';
import { exitOf, waitForOk } from '../../scripts/lib/wait-for-ok.ts';

const started: ChildProcess[] = [];
function node(code: string, ...args: string[]): ChildProcess {
	const child = spawn(process.execPath, ['-e', code, ...args], { stdio: 'ignore' });
	started.push(child);
	return child;
}
const ended = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve));
afterEach(() => {
	for (const child of started.splice(0)) if (exitOf(child) === undefined) child.kill('SIGKILL');
});

describe('waiting for a server to answer 200', () => {
	it('resolves once the server answers, with the time of the answer', async () => {
		const port = await freePort();
		const server = node(`require('node:http').createServer((q, s) => s.end('ok')).listen(${port}, '127.0.0.1')`);
		const before = performance.now();
		const readiness = await waitForOk(`http://127.0.0.1:${port}/`, server, { deadline: before + 20_000, intervalMs: 20 });
		expect(readiness.ok).toBe(true);
		if (readiness.ok) expect(readiness.at).toBeGreaterThan(before);
	});

	it('does not take an answer other than 200 for ready', async () => {
		const port = await freePort();
		const server = node(`require('node:http').createServer((q, s) => { s.statusCode = 503; s.end(); }).listen(${port}, '127.0.0.1')`);
		expect(await waitForOk(`http://127.0.0.1:${port}/`, server, { deadline: performance.now() + 1_000, intervalMs: 20 })).toEqual({ ok: false, why: 'timeout' });
	});

	it('stops at once when the server is killed by a signal, which leaves no exit status', async () => {
		const port = await freePort();
		const server = node('setInterval(() => {}, 1000)');
		server.kill('SIGKILL');
		await ended(server);
		expect(server.exitCode).toBeNull();
		const before = performance.now();
		expect(await waitForOk(`http://127.0.0.1:${port}/`, server, { deadline: before + 20_000, intervalMs: 20 })).toEqual({ ok: false, why: 'exited' });
		expect(performance.now() - before).toBeLessThan(5_000);
		expect(exitOf(server)).toBe('signal SIGKILL');
	});

	it('stops when the server exits with a status', async () => {
		const port = await freePort();
		const server = node('process.exit(3)');
		expect(await waitForOk(`http://127.0.0.1:${port}/`, server, { deadline: performance.now() + 20_000, intervalMs: 20 })).toEqual({ ok: false, why: 'exited' });
		expect(exitOf(server)).toBe('status 3');
	});

	it('gives up at the deadline while the server runs without answering', async () => {
		const port = await freePort();
		const server = node('setInterval(() => {}, 1000)');
		expect(await waitForOk(`http://127.0.0.1:${port}/`, server, { deadline: performance.now() + 300, intervalMs: 20 })).toEqual({ ok: false, why: 'timeout' });
		expect(exitOf(server)).toBeUndefined();
	});
});
