import { describe, expect, it } from 'vitest';
import { joinArgs, splitArgs } from '../../src/shared/args.ts';

describe('splitArgs', () => {
	it('splits on whitespace and groups quotes', () => {
		expect(splitArgs(`  samples/access.log  "two words" 'it''s' a\\ b ""`)).toEqual(['samples/access.log', 'two words', 'its', 'a b', '']);
	});
	it('reads an empty field as no arguments', () => {
		expect(splitArgs('   ')).toEqual([]);
	});
	it('refuses an unclosed quote with a clear message', () => {
		expect(() => splitArgs('"open')).toThrow('the arguments have an unclosed " quote');
	});
	it('round-trips with joinArgs', () => {
		const argv = ['plain', 'two words', "it's", '', '--flag=x'];
		expect(splitArgs(joinArgs(argv))).toEqual(argv);
	});
});
