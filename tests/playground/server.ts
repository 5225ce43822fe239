/**
 * A real, sandboxed compile server for the tests in this folder, and the
 * requests they send it, as the course site sends them (its Origin, JSON).
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { request as httpRequest, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { startPlaygroundServer, type PlaygroundLimits } from '../../scripts/playground/server.ts';

export const SITE = 'http://localhost:4321';

const servers: Server[] = [];
const folders: string[] = [];
afterAll(() => {
	servers.forEach((s) => s.close());
	folders.forEach((f) => rmSync(f, { recursive: true, force: true }));
});

export type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Record<string, unknown> };

/** Any HTTP request, with every header under the caller's control (fetch forbids setting Host). */
export function send(url: string, { method = 'POST', path = '/execute', headers = {}, body = '' }: { method?: string; path?: string; headers?: Record<string, string>; body?: string }): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = httpRequest(`${url}${path}`, { method, headers: { 'content-length': String(Buffer.byteLength(body)), ...headers } }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				resolve({ status: res.statusCode!, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} });
			});
		});
		req.on('error', reject);
		req.end(body);
	});
}

/**
 * Each test server runs programs as a uid of its own: the kernel's process
 * limit is per uid, so a thread bomb in one test file must not starve
 * another file's programs running at the same time.
 */
let nextUid = 62_000 + (process.pid % 1000) * 50;

export async function startServer(limits: Partial<PlaygroundLimits> = {}, token?: string) {
	const workRoot = mkdtempSync(join(tmpdir(), 'pg-test-'));
	// Built programs are kept in a folder of this server's own, not the
	// machine's: each test's program is compiled in its sandbox, never
	// taken from an earlier run.
	const programs = mkdtempSync(join(tmpdir(), 'pg-programs-'));
	folders.push(workRoot, programs);
	const { server, url } = await startPlaygroundServer({
		origins: [SITE],
		limits: { workRoot, runTimeMs: 1500, outputCap: 4096, ratePerMinute: 1000, ...limits },
		...(token ? { token } : {}),
		uid: nextUid++,
		programs,
	});
	servers.push(server);
	/** A program sent as the site sends it. */
	const execute = async (code: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
		send(url, {
			headers: { 'content-type': 'application/json', origin: SITE, ...headers },
			body: JSON.stringify({ channel: 'stable', mode: 'debug', edition: '2024', crateType: 'bin', tests: false, code, ...extra }),
		});
	/** After any attack, the server must still answer a plain program, and leave no folder behind. */
	const stillServes = async () => {
		const { status, body } = await execute('fn main() { println!("still here"); }');
		expect(status).toBe(200);
		expect(body).toMatchObject({ success: true, stdout: 'still here\n' });
		expect(readdirSync(workRoot)).toEqual([]);
	};
	return { url, execute, stillServes, workRoot, programs };
}
