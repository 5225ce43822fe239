// The client against the exact JSON of the execute contract; no network.
import { describe, expect, it } from 'vitest';
import { execute, playgroundLink, PlaygroundUnreachable, UNREACHABLE_MESSAGE } from '../../src/runtime/playground-client.ts';

const answer = (status: number, body: unknown) =>
	(async () => new Response(typeof body === 'string' ? body : JSON.stringify(body), { status })) as unknown as typeof fetch;

describe('playground client', () => {
	it('posts the execute request and returns its answer', async () => {
		let sent: { url: string; body: Record<string, unknown> } | undefined;
		const fetchImpl = (async (url: string, init: RequestInit) => {
			sent = { url, body: JSON.parse(String(init.body)) };
			return new Response(JSON.stringify({ success: true, exitDetail: 'Exited with status 0', stdout: 'hi\n', stderr: '   Compiling playground' }));
		}) as unknown as typeof fetch;
		const result = await execute('http://127.0.0.1:9/', 'fn main() {}', { fetchImpl });
		expect(sent).toEqual({
			url: 'http://127.0.0.1:9/execute',
			body: { channel: 'stable', mode: 'debug', edition: '2024', crateType: 'bin', tests: false, backtrace: false, code: 'fn main() {}' },
		});
		expect(result).toEqual({ success: true, exitDetail: 'Exited with status 0', stdout: 'hi\n', stderr: '   Compiling playground' });
	});

	it('passes a compile failure through as rustc printed it', async () => {
		const stderr = 'error[E0308]: mismatched types';
		expect(await execute('x', 'c', { fetchImpl: answer(200, { success: false, exitDetail: '', stdout: '', stderr }) })).toMatchObject({ success: false, stderr });
	});

	it('shows a server error answer as text', async () => {
		expect((await execute('x', 'c', { fetchImpl: answer(500, { error: 'busy' }) })).stderr).toBe('busy');
	});

	it('reports an unreachable Playground in one plain sentence', async () => {
		const offline = (async () => {
			throw new TypeError('Failed to fetch');
		}) as unknown as typeof fetch;
		await expect(execute('x', 'c', { fetchImpl: offline })).rejects.toThrow(new PlaygroundUnreachable(UNREACHABLE_MESSAGE));
		await expect(execute('x', 'c', { fetchImpl: answer(502, '<html>bad gateway</html>') })).rejects.toThrow(PlaygroundUnreachable);
		expect(UNREACHABLE_MESSAGE.split(/[.!?](\s|$)/).filter((s) => s.trim()).length).toBe(1);
	});

	it('links the code to the public Playground', () => {
		expect(playgroundLink('fn main() { println!("a&b"); }')).toBe(
			'https://play.rust-lang.org/?version=stable&mode=debug&edition=2024&code=fn+main%28%29+%7B+println%21%28%22a%26b%22%29%3B+%7D',
		);
	});
});
