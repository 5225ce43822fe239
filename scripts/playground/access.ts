/**
 * Who may use the compile server. It runs whatever code it is sent, so the
 * one thing a web page must never do is reach it from another site: a page
 * the learner happens to have open could otherwise POST a program to
 * 127.0.0.1 and read its output. Four checks, all before anything compiles:
 *
 * - Host: the Host header must be a name the server listens as (loopback
 *   names, the configured host, or the names listed in PLAYGROUND_HOSTS).
 *   A DNS-rebinding page reaches 127.0.0.1 under its own domain name, which
 *   fails this check.
 * - Origin: only the site's own origins (the dev and preview servers by
 *   default, plus PLAYGROUND_ORIGINS). CORS answers name that origin, never *.
 * - Content-Type: application/json only. A form or a `text/plain` fetch is a
 *   "simple" request that a browser sends without asking first (no
 *   preflight); requiring JSON means every cross-site attempt is preflighted
 *   and refused.
 * - Token: when PLAYGROUND_TOKEN is set, `Authorization: Bearer <token>`.
 *   The site build embeds the same token, so it keeps out clients that do
 *   not have the class's build; it is not a secret from those who do.
 */
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

export interface AccessPolicy {
	/** Exact origins, such as http://localhost:4321. */
	origins: Set<string>;
	/** Host names (no port) the server answers as. */
	hostnames: Set<string>;
	/** When set, every POST must carry `Authorization: Bearer <token>`. */
	token?: string;
}

/** The dev server (`npm run dev`) and the preview server (`npm run preview`) on their default port. */
export const DEFAULT_ORIGINS = ['http://localhost:4321', 'http://127.0.0.1:4321', 'http://[::1]:4321'];

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];
const WILDCARDS = ['0.0.0.0', '::', '[::]'];

/** A comma- or space-separated setting as a list; empty entries dropped. */
export function listSetting(value: string | undefined): string[] {
	return (value ?? '').split(/[\s,]+/).filter(Boolean);
}

/**
 * The policy for a server listening on `host`: loopback names always; the
 * host itself when it is a name or an address; for a wildcard address, every
 * address of this machine's interfaces and its host name (a rebinding page
 * cannot use an IP literal as its Host).
 */
export function accessPolicy(host: string, env: NodeJS.ProcessEnv = process.env): AccessPolicy {
	const hostnames = new Set([...LOOPBACK_NAMES, ...listSetting(env['PLAYGROUND_HOSTS']).map((h) => h.toLowerCase())]);
	if (WILDCARDS.includes(host)) {
		hostnames.add(hostname().toLowerCase());
		for (const addresses of Object.values(networkInterfaces())) {
			for (const { address, family } of addresses ?? []) hostnames.add(family === 'IPv6' ? `[${address}]` : address);
		}
	} else {
		const name = host.toLowerCase();
		hostnames.add(name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);
	}
	const origins = new Set([...DEFAULT_ORIGINS, ...listSetting(env['PLAYGROUND_ORIGINS']).map(originOf)]);
	const token = env['PLAYGROUND_TOKEN'] || undefined;
	return { origins, hostnames, ...(token ? { token } : {}) };
}

/** An origin as browsers send it (lower-case scheme and host, no default port, no path). */
function originOf(setting: string): string {
	try {
		return new URL(setting).origin;
	} catch {
		throw new Error(`PLAYGROUND_ORIGINS: ${JSON.stringify(setting)} is not an origin such as https://course.example.org`);
	}
}

/** The Host header's name without its port, lower case. */
export function hostName(header: string | undefined): string {
	const value = (header ?? '').trim().toLowerCase();
	if (value.startsWith('[')) return value.slice(0, value.indexOf(']') + 1);
	return value.replace(/:\d*$/, '');
}

export type Verdict = { allowed: true; origin: string | undefined } | { allowed: false; reason: string };

/** Whether a request's Host and Origin may be answered at all (preflights included). */
export function checkCaller(request: Pick<IncomingMessage, 'headers'>, policy: AccessPolicy): Verdict {
	const host = hostName(request.headers.host);
	if (!policy.hostnames.has(host)) {
		return { allowed: false, reason: `Refused: this server does not answer as "${host}"; add the name to PLAYGROUND_HOSTS if it is yours.` };
	}
	const origin = request.headers.origin;
	if (origin === undefined) return { allowed: false, reason: 'Refused: the request has no Origin header; only the course site may call this server.' };
	if (!policy.origins.has(origin)) {
		return { allowed: false, reason: `Refused: ${origin} is not one of this server's sites; add it to PLAYGROUND_ORIGINS if it is yours.` };
	}
	return { allowed: true, origin };
}

/** The checks a POST adds: JSON only, and the shared token when one is set. */
export function checkPost(request: Pick<IncomingMessage, 'headers'>, policy: AccessPolicy): string | undefined {
	const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
	if (type !== 'application/json') return `Refused: the request must be Content-Type: application/json, not ${type ? `"${type}"` : 'missing'}.`;
	if (policy.token !== undefined && request.headers.authorization !== `Bearer ${policy.token}`) {
		return 'Refused: this server needs the class token (PLAYGROUND_TOKEN), which the request did not carry.';
	}
	return undefined;
}

/** CORS headers for an allowed origin: that origin by name, never *. */
export function corsHeaders(origin: string | undefined): Record<string, string> {
	if (origin === undefined) return { vary: 'Origin' };
	return {
		'access-control-allow-origin': origin,
		'access-control-allow-methods': 'GET, POST',
		'access-control-allow-headers': 'content-type, authorization',
		'access-control-max-age': '3600',
		vary: 'Origin',
	};
}
