/**
 * The Web Worker that runs one compiled example at a time, through the WASI
 * shim (@bjorn3/browser_wasi_shim), so a busy program never blocks the page:
 * the page can always end it with worker.terminate(). Output is posted as
 * it is written, so it streams; past the cap nothing more is posted.
 */
import { ConsoleStdout, Directory, File, OpenFile, PreopenDirectory, WASI, type Inode } from '@bjorn3/browser_wasi_shim';
import { trapExitCode } from './exit-status.ts';
import type { RunEvent, RunRequest } from './run-protocol.ts';

const post = (event: RunEvent) => (self as unknown as Worker).postMessage(event);

/** Builds the directory tree for files given by relative path ("samples/a.log"). */
function tree(files: [string, Uint8Array][]): Map<string, Inode> {
	const root = new Map<string, Inode>();
	for (const [path, bytes] of files) {
		const parts = path.split('/').filter(Boolean);
		let dir = root;
		for (const part of parts.slice(0, -1)) {
			let next = dir.get(part);
			if (!(next instanceof Directory)) {
				next = new Directory(new Map());
				dir.set(part, next);
			}
			dir = (next as Directory).contents;
		}
		dir.set(parts.at(-1)!, new File(bytes));
	}
	return root;
}

self.onmessage = async (message: MessageEvent<RunRequest>) => {
	const request = message.data;
	let written = 0;
	let capped = false;
	let stderrSeen = '';
	const stream = (name: 'stdout' | 'stderr') => {
		const decoder = new TextDecoder();
		return new ConsoleStdout((bytes: Uint8Array) => {
			if (capped) return;
			written += bytes.length;
			const text = decoder.decode(bytes, { stream: true });
			if (name === 'stderr') stderrSeen = (stderrSeen + text).slice(-4096);
			post({ type: 'output', stream: name, text });
			if (written > request.outputCap) {
				capped = true;
				post({ type: 'capped' });
			}
		});
	};
	const wasi = new WASI(
		[request.bin, ...request.args],
		[],
		[new OpenFile(new File(request.stdin)), stream('stdout'), stream('stderr'), new PreopenDirectory('.', tree(request.files))],
		{ debug: false },
	);
	const started = performance.now();
	try {
		const instance = await WebAssembly.instantiate(request.module, { wasi_snapshot_preview1: wasi.wasiImport });
		const code = wasi.start(instance as unknown as { exports: { memory: WebAssembly.Memory; _start: () => unknown } });
		post({ type: 'exit', code, panicked: false, ms: performance.now() - started });
	} catch (error) {
		const ms = performance.now() - started;
		if (error instanceof WebAssembly.RuntimeError) {
			const code = trapExitCode(stderrSeen);
			post({ type: 'exit', code, panicked: code === 101, ms });
		} else {
			post({ type: 'crash', message: String(error), ms });
		}
	}
};
