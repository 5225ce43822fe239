/**
 * Reads and rewrites the meta string of a Markdown code fence
 * (```rust include="a.rs#app" must-fail callout="bind"), in the same
 * `key="value"` / `key=value` / `flag` syntax Expressive Code reads, so the
 * keys this site adds can be taken out before Expressive Code sees the rest.
 */

export interface MetaEntry {
	key: string;
	/** undefined for a bare flag. */
	value: string | undefined;
	/** The entry exactly as written, to put back what we do not consume. */
	raw: string;
}

// key="value" | key='value' | key=value | flag, or one of Expressive Code's
// bare forms kept whole: {1-3}, "marked text", 'marked text', /regex/.
const ENTRY = /([\w-]+)(?:=(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|([^\s"']+)))?|\{[^}]*\}|"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|\/(?:[^/\\]|\\.)+\/|\S+/g;

export function parseMeta(meta: string | null | undefined): MetaEntry[] {
	const entries: MetaEntry[] = [];
	for (const match of (meta ?? '').matchAll(ENTRY)) {
		const [raw, key, dq, sq, bare] = match;
		if (key === undefined) {
			// Expressive Code's own syntax such as {1-3}: keep it untouched.
			entries.push({ key: '', value: undefined, raw });
			continue;
		}
		const quoted = dq ?? sq;
		entries.push({
			key,
			value: quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : bare,
			raw,
		});
	}
	return entries;
}

/** The meta string without the given keys. */
export function withoutKeys(entries: readonly MetaEntry[], keys: readonly string[]): string {
	return entries
		.filter((entry) => !keys.includes(entry.key))
		.map((entry) => entry.raw)
		.join(' ');
}

/** Quotes a value for a meta string. */
export function quote(value: string): string {
	return `"${value.replace(/["\\]/g, '\\$&')}"`;
}
