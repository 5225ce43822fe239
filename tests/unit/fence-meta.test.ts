import { describe, expect, it } from 'vitest';
import { parseMeta, quote, withoutKeys } from '../../src/build/markdown/fence-meta.ts';

describe('fence meta', () => {
	it('reads quoted, bare and flag entries, keeping Expressive Code ranges', () => {
		const entries = parseMeta('include="a/b.rs#x" must-fail {2-3} title=main.rs callout="say \\"hi\\""');
		expect(entries.map((e) => [e.key, e.value])).toEqual([
			['include', 'a/b.rs#x'],
			['must-fail', undefined],
			['', undefined],
			['title', 'main.rs'],
			['callout', 'say "hi"'],
		]);
	});

	it('removes only the named keys', () => {
		expect(withoutKeys(parseMeta('include="x" {2} title="t" must-fail'), ['include', 'must-fail'])).toBe('{2} title="t"');
	});

	it('quotes so that parsing gives the value back', () => {
		const value = 'src/main.rs "x" \\ y';
		expect(parseMeta(`title=${quote(value)}`)[0]?.value).toBe(value);
	});

	it("keeps Expressive Code's bare text markers and regexes", () => {
		expect(withoutKeys(parseMeta('include="a.rs" "/users/:id" /fn \\w+/ ins={3}'), ['include'])).toBe(
			'"/users/:id" /fn \\w+/ ins={3}',
		);
	});

	it('keeps a bare marked text with spaces as one entry', () => {
		const entries = parseMeta('include="a.rs" "length limit exceeded" /fn \\w+ x/');
		expect(entries.map((e) => e.raw)).toEqual(['include="a.rs"', '"length limit exceeded"', '/fn \\w+ x/']);
		expect(withoutKeys(entries, ['include'])).toBe('"length limit exceeded" /fn \\w+ x/');
	});

	it('treats an empty meta as no entries', () => {
		expect(parseMeta(null)).toEqual([]);
	});
});
