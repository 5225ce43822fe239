/**
 * What the course's users-api must answer before the lab times it. It cannot
 * meet the lab's contract (./contract.ts): it has its own table and routes,
 * four fields in its JSON and no /plaintext. So it has this one, on the
 * endpoint it shares with the lab's service, GET /users/{id}, with the rows
 * examples/bench/users-api/seed.sql loads (a fixed created_at, so the bytes
 * are exact), and a check that the production layers the row stands for are
 * really on: a request id on every response, CORS for the allowed origin, and
 * one log line per response carrying that id.
 */
import { caseProblems, type Case } from './contract.ts';

const user = (id: number) => `{"id":${id},"name":"User ${id}","email":"user${id}@example.com","created_at":"2026-01-01T00:00:00Z"}`;

export const USERS_API_CONTRACT: readonly Case[] = [
	{ path: '/users/42', status: 200, type: 'application/json', body: user(42) },
	{ path: '/users/10000', status: 200, type: 'application/json', body: user(10000) },
	{ path: '/users/0', status: 404, type: 'application/json', body: '{"error":"no user with id 0"}' },
	{ path: '/users/10001', status: 404, type: 'application/json', body: '{"error":"no user with id 10001"}' },
	// axum's own wording of the path rejection, in the service's error shape.
	{ path: '/users/abc', status: 400, type: 'application/json', body: undefined },
];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export interface LayerCheck {
	/** An origin in the service's CORS_ALLOW_ORIGINS. */
	origin: string;
	/** The service's log so far. */
	log: () => string;
}

/** Everything that differs from users-api's contract at `url`, one line each; empty when it holds. */
export async function usersApiContractProblems(url: string, { origin, log }: LayerCheck): Promise<string[]> {
	const problems = await caseProblems(url, USERS_API_CONTRACT);
	const response = await fetch(`${url}/users/42`, { headers: { origin } });
	await response.arrayBuffer();
	const id = response.headers.get('x-request-id') ?? '';
	if (!UUID.test(id)) problems.push(`GET /users/42: x-request-id ${JSON.stringify(id)}, expected a UUID (the request id layers)`);
	const allowed = response.headers.get('access-control-allow-origin');
	if (allowed !== origin) problems.push(`GET /users/42 from ${origin}: access-control-allow-origin ${JSON.stringify(allowed)}, expected ${JSON.stringify(origin)} (the CORS layer)`);
	if (UUID.test(id) && !log().split('\n').some((line) => line.includes(id) && line.includes('status=200'))) {
		problems.push(`GET /users/42: no log line with request_id ${id} and status=200 (the trace layer at its default level, info)`);
	}
	return problems;
}
