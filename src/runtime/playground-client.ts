/**
 * Runs edited code on a Rust Playground, through the execute API that
 * play.rust-lang.org serves and that `npm run playground` imitates
 * (../shared/notes/models.md, "Playground contract"): POST {endpoint}/execute
 * with JSON, answered by {success, exitDetail, stdout, stderr}, or by
 * {error} with HTTP 500.
 */

export interface ExecuteResult {
	success: boolean;
	exitDetail: string;
	stdout: string;
	stderr: string;
}

/** The Playground could not be reached; `message` is one sentence for the learner. */
export class PlaygroundUnreachable extends Error {
	override name = 'PlaygroundUnreachable';
}

export const UNREACHABLE_MESSAGE =
	'The Rust Playground could not be reached, so your edited code did not run: check your connection and try again, or ask your instructor for a local compile server (npm run playground).';

export const EXECUTE_TIMEOUT_MS = 30_000;

export async function execute(
	endpoint: string,
	code: string,
	{
		edition = '2024',
		tests = false,
		timeoutMs = EXECUTE_TIMEOUT_MS,
		fetchImpl = fetch,
	}: {
		edition?: string;
		/** Run the program's #[test] functions (cargo test) instead of main. Default false. */
		tests?: boolean;
		timeoutMs?: number;
		fetchImpl?: typeof fetch;
	} = {},
): Promise<ExecuteResult> {
	let response: Response;
	try {
		response = await fetchImpl(`${endpoint.replace(/\/$/, '')}/execute`, {
			method: 'POST',
			mode: 'cors',
			headers: { 'Content-Type': 'application/json' },
			body: JSON.stringify({ channel: 'stable', mode: 'debug', edition, crateType: 'bin', tests, backtrace: false, code }),
			signal: AbortSignal.timeout(timeoutMs),
		});
	} catch {
		throw new PlaygroundUnreachable(UNREACHABLE_MESSAGE);
	}
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		throw new PlaygroundUnreachable(UNREACHABLE_MESSAGE);
	}
	const answer = body as Partial<ExecuteResult> & { error?: unknown };
	if (!response.ok || typeof answer.error === 'string') {
		return { success: false, exitDetail: '', stdout: '', stderr: String(answer.error ?? `The Playground answered HTTP ${response.status}.`) };
	}
	if (typeof answer.success !== 'boolean') throw new PlaygroundUnreachable(UNREACHABLE_MESSAGE);
	return { success: answer.success, exitDetail: answer.exitDetail ?? '', stdout: answer.stdout ?? '', stderr: answer.stderr ?? '' };
}

/** A link that opens the code in the public Rust Playground. */
export function playgroundLink(code: string, edition = '2024'): string {
	const query = new URLSearchParams({ version: 'stable', mode: 'debug', edition, code });
	return `https://play.rust-lang.org/?${query}`;
}
