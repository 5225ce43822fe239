/**
 * Keeps a learner's edit of a runnable block across reloads, in local
 * storage. Storage can be missing (private mode), full, or hold something
 * unreadable: every call copes and says whether it worked, and the page goes
 * on working without it.
 */
export const EDIT_PREFIX = 'backend-rust:edit:';

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function storage(): Store | undefined {
	try {
		return globalThis.localStorage;
	} catch {
		return undefined;
	}
}

/** The saved edit for a block, or undefined (also when what is stored is unreadable, which is then dropped). */
export function loadEdit(key: string, store: Store | undefined = storage()): string | undefined {
	try {
		const raw = store?.getItem(EDIT_PREFIX + key);
		if (raw === null || raw === undefined) return undefined;
		const saved = JSON.parse(raw) as { code?: unknown };
		if (typeof saved?.code === 'string') return saved.code;
	} catch {
		// unreadable: fall through and drop it
	}
	clearEdit(key, store);
	return undefined;
}

/** Saves an edit; false when the browser would not store it (full, or disabled). */
export function saveEdit(key: string, code: string, store: Store | undefined = storage()): boolean {
	try {
		if (!store) return false;
		store.setItem(EDIT_PREFIX + key, JSON.stringify({ code }));
		return true;
	} catch {
		return false;
	}
}

export function clearEdit(key: string, store: Store | undefined = storage()): void {
	try {
		store?.removeItem(EDIT_PREFIX + key);
	} catch {
		// nothing to clear in a storage that cannot be read
	}
}
