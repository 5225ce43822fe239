import { describe, expect, it } from 'vitest';
import { lineDiff } from '../../src/build/workspace/line-diff.ts';

describe('lineDiff', () => {
	it('marks removed and added lines and keeps the rest in place', () => {
		expect(lineDiff('a\nb\nc', 'a\nB\nc\nd')).toBe(' a\n-b\n+B\n c\n+d');
	});

	it('ignores a missing final newline on either side', () => {
		expect(lineDiff('a\n', 'a')).toBe(' a');
	});

	it('shows an unchanged file with no markers', () => {
		expect(lineDiff('x\ny', 'x\ny')).toBe(' x\n y');
	});
});
