// The client against the exact JSON of the execute contract; no network.
import { describe, expect, it } from 'vitest';
import {
	COMPILE_SERVER_UNREACHABLE,
	cratesNote,
	execute,
	listCrates,
	PlaygroundRefused,
	PlaygroundUnreachable,
	serverName,
	UNREACHABLE_MESSAGE,
} from '../../src/client/runner/playground-client.ts';
import { playgroundLink } from '../../src/shared/playground-link.ts';

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

	it("reports a refusal in the server's words, not as compiler output", async () => {
		// A refusal is the server's reason, as one message, not compiler output.
		await expect(execute('http://127.0.0.1:3344', 'c', { fetchImpl: answer(429, { error: 'You sent more than 30 programs in a minute.' }) })).rejects.toThrow(
			new PlaygroundRefused("The course's compile server did not run your code: You sent more than 30 programs in a minute."),
		);
		await expect(execute('https://play.rust-lang.org', 'c', { fetchImpl: answer(200, { error: 'busy' }) })).rejects.toThrow(
			new PlaygroundRefused('The Rust Playground did not run your code: busy'),
		);
	});

	it('reports an unreachable Playground in one plain sentence', async () => {
		const offline = (async () => {
			throw new TypeError('Failed to fetch');
		}) as unknown as typeof fetch;
		await expect(execute('https://play.rust-lang.org', 'c', { fetchImpl: offline })).rejects.toThrow(new PlaygroundUnreachable(UNREACHABLE_MESSAGE));
		await expect(execute('http://127.0.0.1:3344', 'c', { fetchImpl: offline })).rejects.toThrow(new PlaygroundUnreachable(COMPILE_SERVER_UNREACHABLE));
		await expect(execute('x', 'c', { fetchImpl: answer(502, '<html>bad gateway</html>') })).rejects.toThrow(PlaygroundUnreachable);
		for (const message of [UNREACHABLE_MESSAGE, COMPILE_SERVER_UNREACHABLE]) expect(message.split(/[.!?](\s|$)/).filter((s) => s.trim()).length).toBe(1);
	});

	it('sends a class token only when the page has one', async () => {
		const seen: (string | null)[] = [];
		const fetchImpl = (async (_url: string, init: RequestInit) => {
			seen.push(new Headers(init.headers).get('authorization'));
			return new Response(JSON.stringify({ success: true, exitDetail: '', stdout: '', stderr: '' }));
		}) as unknown as typeof fetch;
		await execute('http://127.0.0.1:3344', 'c', { fetchImpl, token: 'class-token' });
		await execute('https://play.rust-lang.org', 'c', { fetchImpl });
		expect(seen).toEqual(['Bearer class-token', null]);
	});

	it('reads the crates a server offers, and says which server it is', async () => {
		const crates = [{ name: 'axum', version: '0.8.9', id: 'axum' }, { name: 'tokio', version: '1.54.1', id: 'tokio' }];
		expect(await listCrates('http://127.0.0.1:3344', { fetchImpl: answer(200, { crates }) })).toEqual([{ name: 'axum', version: '0.8.9' }, { name: 'tokio', version: '1.54.1' }]);
		expect(await listCrates('http://127.0.0.1:3344', { fetchImpl: answer(403, { error: 'Refused' }) })).toBeUndefined();
		expect(await listCrates('http://127.0.0.1:3344', { fetchImpl: answer(200, '<html>') })).toBeUndefined();
		expect(serverName('https://play.rust-lang.org')).toBe('the Rust Playground');
		expect(serverName('http://127.0.0.1:3344')).toBe("the course's compile server");
	});

	it('tells the learner in one sentence which crates an edit may use', () => {
		expect(cratesNote([{ name: 'axum', version: '0.8.9' }], "the course's compile server")).toBe('Besides the standard library, your edit may use: axum 0.8.9.');
		const many = Array.from({ length: 100 }, (_, i) => ({ name: i === 7 ? 'serde' : i === 9 ? 'tokio' : `crate${i}`, version: '1.0.0' }));
		expect(cratesNote(many, 'the Rust Playground')).toBe('Besides the standard library, your edit may use the 100 crates the Rust Playground offers, among them serde, tokio.');
		expect(cratesNote(undefined, 'the Rust Playground')).toBe('Could not list the crates the Rust Playground offers; the standard library is always there.');
	});

	it('links the code to the public Playground', () => {
		expect(playgroundLink('fn main() { println!("a&b"); }')).toBe(
			'https://play.rust-lang.org/?version=stable&mode=debug&edition=2024&code=fn+main%28%29+%7B+println%21%28%22a%26b%22%29%3B+%7D',
		);
	});
});
