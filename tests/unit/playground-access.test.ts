// The compile server's access rules as pure functions: which Host names,
// origins, content types and tokens pass. The real server is attacked in
// tests/playground/attacks.test.ts.
import { describe, expect, it } from 'vitest';
import { accessPolicy, checkCaller, checkPost, corsHeaders, hostName } from '../../scripts/playground/access.ts';

const headers = (h: Record<string, string>) => ({ headers: h });

describe('compile server access', () => {
	const policy = accessPolicy('127.0.0.1', { PLAYGROUND_ORIGINS: 'https://class.example.org/, http://10.0.0.5:4321' });

	it('reads the name out of a Host header', () => {
		expect(hostName('LocalHost:3344')).toBe('localhost');
		expect(hostName('[::1]:3344')).toBe('[::1]');
		expect(hostName('127.0.0.1')).toBe('127.0.0.1');
		expect(hostName(undefined)).toBe('');
	});

	it('lets the dev and preview servers and the configured sites in, by name', () => {
		for (const origin of ['http://localhost:4321', 'http://127.0.0.1:4321', 'https://class.example.org', 'http://10.0.0.5:4321']) {
			expect(checkCaller(headers({ host: '127.0.0.1:3344', origin }), policy)).toEqual({ allowed: true, origin });
		}
	});

	it('refuses other origins and requests with none, saying which setting admits them', () => {
		expect(checkCaller(headers({ host: '127.0.0.1:3344', origin: 'https://evil.example' }), policy)).toEqual({
			allowed: false,
			reason: "Refused: https://evil.example is not one of this server's sites; add it to PLAYGROUND_ORIGINS if it is yours.",
		});
		expect(checkCaller(headers({ host: '127.0.0.1:3344', origin: 'http://localhost:4322' }), policy)).toMatchObject({ allowed: false });
		expect(checkCaller(headers({ host: '127.0.0.1:3344' }), policy)).toMatchObject({ allowed: false, reason: expect.stringContaining('no Origin') });
	});

	it('refuses a Host it does not listen as: a DNS-rebinding page', () => {
		const verdict = checkCaller(headers({ host: 'rebind.attacker.example:3344', origin: 'http://localhost:4321' }), policy);
		expect(verdict).toEqual({ allowed: false, reason: 'Refused: this server does not answer as "rebind.attacker.example"; add the name to PLAYGROUND_HOSTS if it is yours.' });
	});

	it('reads origins as browsers send them, and says which setting is not one', () => {
		const policy = accessPolicy('127.0.0.1', { PLAYGROUND_ORIGINS: 'HTTPS://Class.Example.org:443/lessons/' });
		expect(policy.origins.has('https://class.example.org')).toBe(true);
		expect(() => accessPolicy('127.0.0.1', { PLAYGROUND_ORIGINS: 'class.example.org' })).toThrow(/^PLAYGROUND_ORIGINS: "class.example.org" is not an origin/);
		expect(accessPolicy('FE80::1', {}).hostnames.has('[fe80::1]')).toBe(true);
	});

	it('answers as its configured host and listed names, and as every local address when on a wildcard', () => {
		const named = accessPolicy('compile.class.example', { PLAYGROUND_HOSTS: 'Room-Laptop' });
		expect([...named.hostnames]).toEqual(expect.arrayContaining(['localhost', '127.0.0.1', '[::1]', 'compile.class.example', 'room-laptop']));
		const wildcard = accessPolicy('0.0.0.0', {});
		expect(wildcard.hostnames.has('127.0.0.1')).toBe(true);
		expect(wildcard.hostnames.has('0.0.0.0')).toBe(false);
	});

	it('takes JSON only, so every cross-site request needs a preflight', () => {
		expect(checkPost(headers({ 'content-type': 'application/json; charset=utf-8' }), policy)).toBeUndefined();
		expect(checkPost(headers({ 'content-type': 'text/plain' }), policy)).toBe('Refused: the request must be Content-Type: application/json, not "text/plain".');
		expect(checkPost(headers({ 'content-type': 'application/x-www-form-urlencoded' }), policy)).toMatch(/^Refused/);
		expect(checkPost(headers({}), policy)).toBe('Refused: the request must be Content-Type: application/json, not missing.');
	});

	it('asks for the class token when one is set', () => {
		const withToken = accessPolicy('127.0.0.1', { PLAYGROUND_TOKEN: 's3cret' });
		const json = { 'content-type': 'application/json' };
		expect(checkPost(headers(json), withToken)).toMatch(/class token/);
		expect(checkPost(headers({ ...json, authorization: 'Bearer wrong' }), withToken)).toMatch(/class token/);
		expect(checkPost(headers({ ...json, authorization: 'Bearer s3cret' }), withToken)).toBeUndefined();
	});

	it('names the allowed origin in CORS answers, never *', () => {
		expect(corsHeaders('http://localhost:4321')).toMatchObject({ 'access-control-allow-origin': 'http://localhost:4321', vary: 'Origin' });
		expect(corsHeaders(undefined)).toEqual({ vary: 'Origin' });
	});
});
