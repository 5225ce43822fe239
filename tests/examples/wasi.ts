/** Runs a committed .wasm under Node's WASI, as the page's worker would, and collects what it prints. */
import { mkdtempSync, openSync, readFileSync, closeSync, rmSync, writeFileSync, cpSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { WASI } from 'node:wasi';
import { trapExitCode } from '../../src/client/runner/exit-status.ts';

export interface WasiRun {
	stdout: string;
	stderr: string;
	exitCode: number;
}

/** `files` are copied into a fresh directory mounted as the working directory. */
export async function runWasi(wasm: string, bin: string, args: string[], files: Record<string, string>, stdin = ''): Promise<WasiRun> {
	const dir = mkdtempSync(join(tmpdir(), 'wasi-'));
	try {
		const root = join(dir, 'root');
		mkdirSync(root);
		for (const [path, source] of Object.entries(files)) {
			mkdirSync(dirname(join(root, path)), { recursive: true });
			cpSync(source, join(root, path));
		}
		writeFileSync(join(dir, 'stdin'), stdin);
		const fds = { stdin: openSync(join(dir, 'stdin'), 'r'), stdout: openSync(join(dir, 'stdout'), 'w'), stderr: openSync(join(dir, 'stderr'), 'w') };
		const wasi = new WASI({ version: 'preview1', args: [bin, ...args], preopens: { '.': root }, returnOnExit: true, ...fds });
		const instance = await WebAssembly.instantiate(await WebAssembly.compile(readFileSync(wasm)), wasi.getImportObject() as WebAssembly.Imports);
		let exitCode: number;
		try {
			exitCode = wasi.start(instance);
		} catch (error) {
			if (!(error instanceof WebAssembly.RuntimeError)) throw error;
			exitCode = -1;
		}
		Object.values(fds).forEach(closeSync);
		const stderr = readFileSync(join(dir, 'stderr'), 'utf8');
		return { stdout: readFileSync(join(dir, 'stdout'), 'utf8'), stderr, exitCode: exitCode === -1 ? trapExitCode(stderr) : exitCode };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
