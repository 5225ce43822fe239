import { describe, expect, it } from 'vitest';
import { clearEdit, EDIT_PREFIX, loadEdit, saveEdit } from '../../src/client/runner/edit-store.ts';

function memory(): Storage {
	const map = new Map<string, string>();
	return {
		getItem: (k: string) => map.get(k) ?? null,
		setItem: (k: string, v: string) => void map.set(k, v),
		removeItem: (k: string) => void map.delete(k),
		clear: () => map.clear(),
		key: () => null,
		get length() {
			return map.size;
		},
	};
}

describe('edit store', () => {
	it('saves, loads and clears an edit', () => {
		const store = memory();
		expect(saveEdit('a/src/main.rs', 'fn main() {}', store)).toBe(true);
		expect(loadEdit('a/src/main.rs', store)).toBe('fn main() {}');
		clearEdit('a/src/main.rs', store);
		expect(loadEdit('a/src/main.rs', store)).toBeUndefined();
	});

	it('drops unreadable contents instead of failing', () => {
		const store = memory();
		store.setItem(EDIT_PREFIX + 'k', '{not json');
		expect(loadEdit('k', store)).toBeUndefined();
		expect(store.getItem(EDIT_PREFIX + 'k')).toBeNull();
		store.setItem(EDIT_PREFIX + 'k', JSON.stringify({ code: 42 }));
		expect(loadEdit('k', store)).toBeUndefined();
	});

	it('reports a full or disabled storage without throwing', () => {
		const full = { ...memory(), setItem: () => { throw new DOMException('quota', 'QuotaExceededError'); } };
		expect(saveEdit('k', 'code', full)).toBe(false);
		expect(saveEdit('k', 'code', undefined)).toBe(false);
		const broken = { getItem: () => { throw new Error('denied'); }, setItem: () => {}, removeItem: () => { throw new Error('denied'); } };
		expect(loadEdit('k', broken)).toBeUndefined();
	});
});
