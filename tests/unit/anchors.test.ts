import { describe, expect, it } from 'vitest';
import { AnchorError, dedent, extract } from '../../src/build/workspace/anchors.ts';

const file = [
	'use std::fmt;',
	'// ANCHOR: outer',
	'fn outer() {',
	'    // ANCHOR: inner',
	'    let a = 1;',
	'    if a > 0 {',
	'        println!("{a}");',
	'    }',
	'    // ANCHOR_END: inner',
	'}',
	'// ANCHOR_END: outer',
	'',
].join('\n');

describe('extract', () => {
	it('takes a whole file without any marker line', () => {
		expect(extract(file, undefined, 'f.rs')).toBe(
			['use std::fmt;', 'fn outer() {', '    let a = 1;', '    if a > 0 {', '        println!("{a}");', '    }', '}'].join('\n'),
		);
	});

	it('drops nested markers from the outer region', () => {
		expect(extract(file, 'outer', 'f.rs')).toBe(
			['fn outer() {', '    let a = 1;', '    if a > 0 {', '        println!("{a}");', '    }', '}'].join('\n'),
		);
	});

	it('dedents a nested region, keeping relative indentation', () => {
		expect(extract(file, 'inner', 'f.rs')).toBe(['let a = 1;', 'if a > 0 {', '    println!("{a}");', '}'].join('\n'));
	});

	it('handles overlapping regions', () => {
		const text = ['// ANCHOR: a', 'one', '// ANCHOR: b', 'two', '// ANCHOR_END: a', 'three', '// ANCHOR_END: b'].join('\n');
		expect(extract(text, 'a', 'o.rs')).toBe('one\ntwo');
		expect(extract(text, 'b', 'o.rs')).toBe('two\nthree');
	});

	it('reads CRLF files and returns LF', () => {
		expect(extract('// ANCHOR: x\r\n  a\r\n    b\r\n// ANCHOR_END: x\r\n', 'x', 'w.rs')).toBe('a\n  b');
	});

	it('accepts any comment style, such as TOML #', () => {
		expect(extract('# ANCHOR: deps\n[dependencies]\naxum = "0.8"\n# ANCHOR_END: deps\n', 'deps', 'Cargo.toml')).toBe(
			'[dependencies]\naxum = "0.8"',
		);
	});

	it('keeps blank lines inside a region but trims them at its edges', () => {
		expect(extract('// ANCHOR: x\n\na\n\nb\n\n// ANCHOR_END: x', 'x', 'b.rs')).toBe('a\n\nb');
	});

	it('names the file and the known anchors when an anchor is missing', () => {
		expect(() => extract(file, 'nope', 'src/lib.rs')).toThrow(
			new AnchorError('src/lib.rs: no anchor "nope" (anchors in this file: inner, outer)'),
		);
	});

	it('rejects an unclosed anchor with its line', () => {
		expect(() => extract('a\n// ANCHOR: open\nb\n', 'open', 'u.rs')).toThrow(
			'u.rs:2: anchor "open" is never closed with ANCHOR_END: open',
		);
	});

	it('rejects an unclosed anchor even when another one is asked for', () => {
		expect(() => extract('// ANCHOR: ok\na\n// ANCHOR_END: ok\n// ANCHOR: bad\n', 'ok', 'u.rs')).toThrow(/"bad" is never closed/);
	});

	it('rejects an ANCHOR_END with no ANCHOR', () => {
		expect(() => extract('a\n// ANCHOR_END: x\n', undefined, 'e.rs')).toThrow('e.rs:2: ANCHOR_END "x" has no matching ANCHOR');
	});

	it('rejects a duplicated anchor name', () => {
		const text = '// ANCHOR: x\na\n// ANCHOR_END: x\n// ANCHOR: x\nb\n// ANCHOR_END: x\n';
		expect(() => extract(text, 'x', 'd.rs')).toThrow('d.rs:4: anchor "x" is opened a second time');
	});
});

describe('dedent', () => {
	it('ignores blank lines when finding the common indentation', () => {
		expect(dedent(['    a', '', '      b'])).toEqual(['a', '', '  b']);
	});
});
