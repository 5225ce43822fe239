/**
 * Runs edited code on a Rust Playground, through the execute API that
 * play.rust-lang.org serves and that `npm run playground` imitates
 * (docs/playground-api.md): POST {endpoint}/execute
 * with JSON, answered by {success, exitDetail, stdout, stderr}, or by
 * {error} with an error status.
 */
import { isPublicPlayground, serverName } from '../../shared/playground-name.ts';

export { isPublicPlayground, serverName } from '../../shared/playground-name.ts';

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

/**
 * The server answered but did not run the program: too many programs a
 * minute, code too large, a site or token it refuses. `message` gives its
 * reason, for the learner: shown as the panel's status, never as compiler
 * output (a check would otherwise say the code "did not compile").
 */
export class PlaygroundRefused extends Error {
	override name = 'PlaygroundRefused';
}

export const UNREACHABLE_MESSAGE =
	'The Rust Playground could not be reached, so your edited code did not run: check your connection and try again, or ask your instructor for a local compile server (npm run playground).';

export const COMPILE_SERVER_UNREACHABLE =
	'The compile server could not be reached, so your edited code did not run: check that it is still running (npm run playground) and that this site is one of its PLAYGROUND_ORIGINS.';

function unreachable(endpoint: string) {
	return new PlaygroundUnreachable(isPublicPlayground(endpoint) ? UNREACHABLE_MESSAGE : COMPILE_SERVER_UNREACHABLE);
}

/** The header a hosted class server asks for (PLAYGROUND_TOKEN); none for the public Playground. */
function authorization(token: string | undefined): Record<string, string> {
	return token ? { Authorization: `Bearer ${token}` } : {};
}

export const EXECUTE_TIMEOUT_MS = 30_000;

export async function execute(
	endpoint: string,
	code: string,
	{
		edition = '2024',
		tests = false,
		token,
		timeoutMs = EXECUTE_TIMEOUT_MS,
		fetchImpl = fetch,
	}: {
		edition?: string;
		/** Run the program's #[test] functions (cargo test) instead of main. Default false. */
		tests?: boolean;
		/** A class server's shared token. */
		token?: string | undefined;
		timeoutMs?: number;
		fetchImpl?: typeof fetch;
	} = {},
): Promise<ExecuteResult> {
	let response: Response;
	try {
		response = await fetchImpl(`${endpoint.replace(/\/$/, '')}/execute`, {
			method: 'POST',
			mode: 'cors',
			headers: { 'Content-Type': 'application/json', ...authorization(token) },
			body: JSON.stringify({ channel: 'stable', mode: 'debug', edition, crateType: 'bin', tests, backtrace: false, code }),
			signal: AbortSignal.timeout(timeoutMs),
		});
	} catch {
		throw unreachable(endpoint);
	}
	let body: unknown;
	try {
		body = await response.json();
	} catch {
		throw unreachable(endpoint);
	}
	const answer = body as Partial<ExecuteResult> & { error?: unknown };
	if (!response.ok || typeof answer.error === 'string') {
		const server = serverName(endpoint);
		const why = typeof answer.error === 'string' ? answer.error : `it answered HTTP ${response.status}.`;
		throw new PlaygroundRefused(`${server[0]!.toUpperCase()}${server.slice(1)} did not run your code: ${why}`);
	}
	if (typeof answer.success !== 'boolean') throw unreachable(endpoint);
	return { success: answer.success, exitDetail: answer.exitDetail ?? '', stdout: answer.stdout ?? '', stderr: answer.stderr ?? '' };
}

export interface OfferedCrate {
	name: string;
	version: string;
}

/**
 * The crates edited code may use there: GET {endpoint}/meta/crates, which
 * the Playground and the course's compile server both serve as
 * {crates: [{name, version, id}]}. Undefined when it cannot be read.
 */
export async function listCrates(endpoint: string, { token, fetchImpl = fetch }: { token?: string | undefined; fetchImpl?: typeof fetch } = {}): Promise<OfferedCrate[] | undefined> {
	try {
		const response = await fetchImpl(`${endpoint.replace(/\/$/, '')}/meta/crates`, { mode: 'cors', headers: authorization(token), signal: AbortSignal.timeout(10_000) });
		if (!response.ok) return undefined;
		const { crates } = (await response.json()) as { crates?: unknown };
		if (!Array.isArray(crates)) return undefined;
		return crates
			.filter((c): c is OfferedCrate => typeof c?.name === 'string' && typeof c?.version === 'string')
			.map(({ name, version }) => ({ name, version }));
	} catch {
		return undefined;
	}
}

/** The sentence that tells the learner which crates an edit may use. */
export function cratesNote(crates: OfferedCrate[] | undefined, where: string): string {
	if (!crates) return `Could not list the crates ${where} offers; the standard library is always there.`;
	if (crates.length === 0) return `${where[0]!.toUpperCase()}${where.slice(1)} offers the standard library only.`;
	if (crates.length <= 24) return `Besides the standard library, your edit may use: ${crates.map((c) => `${c.name} ${c.version}`).join(', ')}.`;
	const known = ['serde', 'tokio', 'axum', 'rand', 'regex'].filter((name) => crates.some((c) => c.name === name));
	return `Besides the standard library, your edit may use the ${crates.length} crates ${where} offers${known.length ? `, among them ${known.join(', ')}` : ''}.`;
}
