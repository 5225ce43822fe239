/**
 * Writes a brotli (`.br`) and a gzip (`.gz`) copy beside every compressible
 * file of a built site, as nginx's `brotli_static` and `gzip_static`, or S3
 * with a Content-Encoding, serve them; `npm run preview` (sirv) negotiates
 * them by Accept-Encoding. Compressing once, at high levels, costs seconds
 * per build instead of CPU on every request.
 *
 * It is a hosting step, not part of `astro build`: hosts that compress on
 * their own (Netlify, Cloudflare Pages) have no use for the copies, and the
 * tests read the uncompressed files. `npm run precompress` writes them for a
 * host that serves them; the preview server writes them itself, once a
 * build, before it serves (`ensurePrecompressed`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

/**
 * Text formats and wasm (which shrinks to about a third). Pagefind's index
 * files (`.pf_*`, `.pagefind`) are gzip already, and images other than SVG
 * are compressed formats of their own.
 */
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.svg', '.xml', '.txt', '.wasm', '.map', '.webmanifest']);

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export interface Precompressed {
	files: number;
	bytes: number;
	brotliBytes: number;
	gzipBytes: number;
	/** Files left alone because the site itself has a file at `<name>.br` or `<name>.gz`. */
	skipped: string[];
}

/** Compresses every compressible file under `dir` (relative paths in `skipped`). */
export async function precompress(dir: string): Promise<Precompressed> {
	const result: Precompressed = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0, skipped: [] };
	const queue = readdirSync(dir, { recursive: true })
		.map(String)
		.filter((name) => COMPRESSIBLE.has(extname(name)))
		.sort();
	const one = async (name: string) => {
		const path = join(dir, name);
		// A site file already named like a compressed copy (say a sample
		// `data.json.gz` shipped for a lesson) is content: never overwrite
		// it, and leave its original uncompressed so both encodings agree.
		if (existsSync(`${path}.br`) || existsSync(`${path}.gz`)) {
			result.skipped.push(name);
			return;
		}
		if (!(await stat(path)).isFile()) return;
		const bytes = await readFile(path);
		const [br, gz] = await Promise.all([
			brotli(bytes, {
				params: {
					// 10, not the maximum 11: within 3% of its size on this site
					// (HTML, script, wasm) in less than half its time.
					[constants.BROTLI_PARAM_QUALITY]: 10,
					[constants.BROTLI_PARAM_MODE]: extname(name) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
					[constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
				},
			}),
			gzipped(bytes, { level: constants.Z_BEST_COMPRESSION }),
		]);
		// A copy no smaller than the file (a tiny one) would only cost the
		// client a decompression: the file is then sent as it is.
		if (br.length < bytes.length) await writeFile(`${path}.br`, br);
		if (gz.length < bytes.length) await writeFile(`${path}.gz`, gz);
		result.files += 1;
		result.bytes += bytes.length;
		result.brotliBytes += Math.min(br.length, bytes.length);
		result.gzipBytes += Math.min(gz.length, bytes.length);
	};
	// zlib's async calls run on libuv's thread pool: one file per core at a
	// time keeps every core busy without holding the whole site in memory.
	const workers = Array.from({ length: availableParallelism() }, async () => {
		for (let name = queue.shift(); name !== undefined; name = queue.shift()) await one(name);
	});
	await Promise.all(workers);
	result.skipped.sort();
	return result;
}

const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** One line of figures about a finished run, and one per file left alone. */
export function describe(done: Precompressed, seconds: number): string[] {
	return [
		`${done.files} files, ${mb(done.bytes)}: ${mb(done.brotliBytes)} as brotli, ${mb(done.gzipBytes)} as gzip (${seconds.toFixed(1)} s)`,
		...done.skipped.map((name) => `${name} left uncompressed: the site has its own ${name}.br or .gz`),
	];
}

/**
 * Compresses a build unless it is compressed already: `astro build` empties
 * its folder, so an `index.html.br` at least as new as `index.html` means
 * this build has its copies. Returns the lines to print, or none.
 */
export async function ensurePrecompressed(dir: string): Promise<string[]> {
	const page = join(dir, 'index.html');
	const copy = `${page}.br`;
	if (existsSync(copy) && statSync(copy).mtimeMs >= statSync(page).mtimeMs) return [];
	const start = performance.now();
	const done = await precompress(dir);
	return describe(done, (performance.now() - start) / 1000);
}
