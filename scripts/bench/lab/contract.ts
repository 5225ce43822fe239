/**
 * What every peer of the lab must answer, byte for byte, before anything is
 * timed: a benchmark of servers that do different work measures nothing.
 * The table `bench_users` comes from examples/bench/database/migrations.
 */

export interface Case {
	path: string;
	status: number;
	/** The media type; a charset parameter after it is allowed. */
	type: 'text/plain' | 'application/json';
	/** Exact bytes, or undefined where any body will do. */
	body: string | undefined;
}

export const CONTRACT: readonly Case[] = [
	{ path: '/plaintext', status: 200, type: 'text/plain', body: 'Hello, World!' },
	{ path: '/users/42', status: 200, type: 'application/json', body: '{"id":42,"name":"User 42","email":"user42@example.com"}' },
	{ path: '/users/10000', status: 200, type: 'application/json', body: '{"id":10000,"name":"User 10000","email":"user10000@example.com"}' },
	{ path: '/users/0', status: 404, type: 'application/json', body: '{"error":"not found"}' },
	{ path: '/users/999999999', status: 404, type: 'application/json', body: '{"error":"not found"}' },
	{ path: '/users/abc', status: 400, type: 'application/json', body: '{"error":"invalid id"}' },
	{ path: '/users/-1', status: 400, type: 'application/json', body: '{"error":"invalid id"}' },
	{ path: '/users/1234567890', status: 400, type: 'application/json', body: '{"error":"invalid id"}' },
];

/** Everything in `cases` that `url` answers differently, one line each. */
export async function caseProblems(url: string, cases: readonly Case[]): Promise<string[]> {
	const problems: string[] = [];
	for (const expected of cases) {
		const response = await fetch(url + expected.path);
		const body = await response.text();
		const type = response.headers.get('content-type') ?? '(none)';
		const where = `GET ${expected.path}`;
		if (response.status !== expected.status) problems.push(`${where}: status ${response.status}, expected ${expected.status}`);
		if (type.split(';')[0]!.trim().toLowerCase() !== expected.type) problems.push(`${where}: Content-Type ${type}, expected ${expected.type}`);
		if (expected.body !== undefined && body !== expected.body) problems.push(`${where}: body ${JSON.stringify(body)}, expected ${JSON.stringify(expected.body)}`);
	}
	const unknown = await fetch(`${url}/nowhere`);
	await unknown.arrayBuffer();
	if (unknown.status !== 404) problems.push(`GET /nowhere: status ${unknown.status}, expected 404`);
	return problems;
}

/** Everything that differs from the contract at `url`, one line each; empty when it holds. */
export function contractProblems(url: string): Promise<string[]> {
	return caseProblems(url, CONTRACT);
}
