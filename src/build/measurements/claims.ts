/**
 * The benchmark tables of the articles the course examines, as figures to set
 * beside our measurements: the claims the results lesson checks. Listed on
 * /why-rust/ with what each leaves out; which article printed which table is
 * in docs/source-articles.md. Keyed by the lab's peer ids.
 */

export interface Claim {
	rps: number;
	/** Megabytes as printed (the article does not say MB or MiB). */
	memoryMb: number;
	coldStartMs?: number;
	p99Ms?: number;
}

export interface ClaimTable {
	/** What the article says it measured. */
	what: string;
	/** The lab's endpoint that does comparable work. */
	endpoint: 'plaintext' | 'user';
	claims: Partial<Record<string, Claim>>;
}

export const CLAIMS: Record<'hello' | 'database', ClaimTable> = {
	hello: {
		what: 'requests per second, memory and cold start, no endpoint or method named (the article builds a hello-world Axum route)',
		endpoint: 'plaintext',
		claims: {
			axum: { rps: 1_250_000, memoryMb: 15, coldStartMs: 20 },
			'go-gin': { rps: 850_000, memoryMb: 45, coldStartMs: 50 },
			'node-fastify': { rps: 120_000, memoryMb: 120, coldStartMs: 250 },
			'python-fastapi': { rps: 45_000, memoryMb: 250, coldStartMs: 800 },
		},
	},
	database: {
		what: 'a "TechEmpower-style" JSON API reading from PostgreSQL',
		endpoint: 'user',
		claims: {
			axum: { rps: 285_000, p99Ms: 1.2, memoryMb: 8 },
			'go-gin': { rps: 198_000, p99Ms: 2.1, memoryMb: 18 },
			'java-spring': { rps: 142_000, p99Ms: 4.8, memoryMb: 180 },
			'node-fastify': { rps: 89_000, p99Ms: 6.2, memoryMb: 55 },
			'python-fastapi': { rps: 12_000, p99Ms: 42, memoryMb: 65 },
		},
	},
};
