import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headersFor, matches, parseHeaders, readHeaders } from '../../src/hosting/headers.ts';

const ISOLATION = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };

describe('public/_headers, as dev, preview and the tests serve it', () => {
	const rules = readHeaders(join(import.meta.dirname, '../../public/_headers'));

	it('isolates the sandbox routes and their files', () => {
		expect(headersFor(rules, '/sandbox/logstat/')).toEqual(ISOLATION);
		expect(headersFor(rules, '/sandbox/node-fastify/files.json')).toEqual(ISOLATION);
	});

	it('leaves every other page unisolated', () => {
		for (const path of ['/', '/cli/arguments/', '/sandbox', '/wasm/cli/logstat/logstat.wasm', '/x/sandbox/logstat/']) {
			expect(headersFor(rules, path), path).toEqual({});
		}
	});
});

describe('parseHeaders', () => {
	it('reads patterns, indented headers and comments; later rules win', () => {
		const rules = parseHeaders('# c\n/*\n  X-A: 1\n\n/a/*\n  X-A: 2\n  X-B: three words\n');
		expect(headersFor(rules, '/a/b')).toEqual({ 'X-A': '2', 'X-B': 'three words' });
		expect(headersFor(rules, '/b')).toEqual({ 'X-A': '1' });
	});

	it('names the line of a mistake instead of dropping it', () => {
		expect(() => parseHeaders('sandbox/*\n  X: 1', 'h')).toThrow('h:1: a path pattern starts with "/"');
		expect(() => parseHeaders('/a\n  no colon here', 'h')).toThrow('h:2: expected "  Name: value"');
		expect(() => parseHeaders('  X-A: 1', 'h')).toThrow('h:1:');
	});

	it('matches * across slashes and nothing else loosely', () => {
		expect(matches('/sandbox/*', '/sandbox/a/b.json')).toBe(true);
		expect(matches('/a.b', '/aXb')).toBe(false);
		expect(matches('/a', '/a/')).toBe(false);
	});

	it('reads no rules from a missing file', () => {
		expect(readHeaders('/nonexistent/_headers')).toEqual([]);
	});
});
