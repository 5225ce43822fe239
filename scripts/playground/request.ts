/** The body of POST /execute, checked against the Rust Playground's execute contract. */

export interface ExecuteRequest {
	code: string;
	edition: string;
	/** cargo test instead of running main, as the Playground's "tests": true. */
	tests: boolean;
}

const EDITIONS = ['2015', '2018', '2021', '2024'];

/** The request, or the one-line reason it cannot be served. */
export function parseRequest(text: string): ExecuteRequest | string {
	let json: Record<string, unknown>;
	try {
		json = JSON.parse(text) as Record<string, unknown>;
	} catch {
		return 'The request is not JSON.';
	}
	if (typeof json !== 'object' || json === null) return 'The request is not a JSON object.';
	if (typeof json['code'] !== 'string') return 'The request has no "code" string.';
	if (json['crateType'] !== undefined && json['crateType'] !== 'bin') return 'This local server runs programs only ("crateType": "bin").';
	// The crates are prebuilt in debug mode only; a release build of them
	// would double the cache for a course that never asks for one.
	if (json['mode'] !== undefined && json['mode'] !== 'debug') return 'This local server builds in debug mode only ("mode": "debug").';
	const edition = String(json['edition'] ?? '2024');
	if (!EDITIONS.includes(edition)) return `Unknown edition ${edition}; use one of ${EDITIONS.join(', ')}.`;
	return { code: json['code'], edition, tests: json['tests'] === true };
}
