// A step's diff whose lines themselves start with + or - (an SQL file's --
// comments) cannot go through Expressive Code's diff syntax, which would
// read `+--` as text: its markers become ins/del line ranges instead.
import { describe, expect, it } from 'vitest';
import { markersAsRanges } from '../../src/build/markdown/include-render.ts';

describe('diff markers as line ranges', () => {
	it('keeps every line, without its marker, and lists the added and removed ones', () => {
		const diff = ['+-- a comment', ' CREATE TABLE t (', '-    a INT', '+    b INT', ' );'].join('\n');
		expect(markersAsRanges(diff)).toEqual({
			code: ['-- a comment', 'CREATE TABLE t (', '    a INT', '    b INT', ');'].join('\n'),
			meta: 'ins={1,4} del={3}',
		});
	});

	it('leaves out a kind of marker the diff does not have', () => {
		expect(markersAsRanges('+-- new\n+SELECT 1;')).toEqual({ code: '-- new\nSELECT 1;', meta: 'ins={1,2}' });
	});
});
