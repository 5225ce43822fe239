/**
 * Runs one command of the compile server with a wall-clock limit and an
 * output cap, killing its whole process group on either. (The kernel
 * limits are set inside the sandbox; a sleeping program uses no CPU, so
 * only a timer stops it.)
 */
import { constants } from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { spawnGroup } from '../lib/process-group.ts';

export interface Captured {
	code: number | null;
	/** The signal that ended the process, by name; read through bwrap's 128+N exit code too. */
	signal: string | undefined;
	stdout: string;
	stderr: string;
	timedOut: boolean;
	capped: boolean;
}

const signalNames = new Map(Object.entries(constants.signals).map(([name, number]) => [number, name]));

export function capture(
	{ command, args, cwd, env }: { command: string; args: string[]; cwd?: string | undefined; env?: NodeJS.ProcessEnv | undefined },
	timeMs: number,
	cap: number,
	/** bwrap reports a child killed by signal N as exit code 128+N. */
	boxed: boolean,
): Promise<Captured> {
	return new Promise((resolve) => {
		const group = spawnGroup(command, args, { cwd, env: env ?? {}, stdio: ['ignore', 'pipe', 'pipe'] });
		const child = group.child;
		const out = { stdout: '', stderr: '' };
		// Decoded per stream, so a character split across two reads stays whole.
		const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
		let size = 0;
		let timedOut = false;
		let capped = false;
		// At once: the program was given its time or its room already.
		const kill = () => group.signal('SIGKILL');
		const timer = setTimeout(() => {
			timedOut = true;
			kill();
		}, timeMs);
		/** The cap counts bytes, as the page's own runner does. */
		const take = (stream: 'stdout' | 'stderr') => (chunk: Buffer) => {
			if (capped) return;
			const room = cap - size;
			if (chunk.length > room) {
				capped = true;
				kill();
			}
			const kept = chunk.subarray(0, room);
			size += kept.length;
			out[stream] += decoders[stream].write(kept);
		};
		child.stdout!.on('data', take('stdout'));
		child.stderr!.on('data', take('stderr'));
		child.on('error', (error) => {
			out.stderr += `${error.message}\n`;
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			out.stdout += decoders.stdout.end();
			out.stderr += decoders.stderr.end();
			const viaBox = boxed && code !== null && code > 128 ? signalNames.get(code - 128) : undefined;
			resolve({ code: viaBox ? null : code, signal: signal ?? viaBox, ...out, timedOut, capped });
		});
	});
}
