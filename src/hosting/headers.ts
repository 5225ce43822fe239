/**
 * Reads `public/_headers` (the format Netlify and Cloudflare Pages use) and
 * answers which headers a path gets. The dev server, the preview server and
 * the tests' static server all call this, so the file is the one source of
 * the sandbox's cross-origin isolation.
 *
 * The subset read: a line starting in column 0 is a path pattern, where `*`
 * matches any run of characters (including `/`); each indented
 * `Name: value` line under it is a header for the paths it matches; `#`
 * starts a comment line. Anything else is an error naming the line, so a
 * typo cannot silently drop isolation.
 */
import { readFileSync } from 'node:fs';

export interface HeaderRule {
	pattern: string;
	headers: Record<string, string>;
}

export function parseHeaders(text: string, file = '_headers'): HeaderRule[] {
	const rules: HeaderRule[] = [];
	text.split(/\r?\n/).forEach((line, index) => {
		if (line.trim() === '' || line.trimStart().startsWith('#')) return;
		if (!/^\s/.test(line)) {
			if (!line.startsWith('/')) throw new Error(`${file}:${index + 1}: a path pattern starts with "/", not ${JSON.stringify(line)}`);
			rules.push({ pattern: line.trim(), headers: {} });
			return;
		}
		const header = /^\s+([A-Za-z0-9-]+):\s*(.+)$/.exec(line);
		const rule = rules.at(-1);
		if (!header || !rule) throw new Error(`${file}:${index + 1}: expected "  Name: value" under a path pattern, not ${JSON.stringify(line)}`);
		rule.headers[header[1]!] = header[2]!.trim();
	});
	return rules;
}

/** Does `pattern` (with `*` wildcards) match the whole of `path`? */
export function matches(pattern: string, path: string): boolean {
	const regex = new RegExp('^' + pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
	return regex.test(path);
}

/** The headers for `path`, from every rule that matches it (later rules win). */
export function headersFor(rules: HeaderRule[], path: string): Record<string, string> {
	return Object.assign({}, ...rules.filter((rule) => matches(rule.pattern, path)).map((rule) => rule.headers));
}

/** The rules in a `_headers` file; none when the file does not exist. */
export function readHeaders(file: string): HeaderRule[] {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
		throw error;
	}
	return parseHeaders(text, file);
}
