/**
 * `node scripts/task.ts ship:image`: the Shipping lesson's image, built and
 * run with the users API's image code (../api-image/): the shipping crate's
 * binary, static glibc, built with the `server` profile; its line tables
 * moved to a separate file, as a release would keep them for crash
 * reports; step 14's Dockerfile (the crate links to it) built by podman;
 * then the image's files run under bubblewrap as step 14's are, and, while
 * it serves, /livez and /readyz asked through a non-loopback address before
 * and after SIGTERM. Root only, like api:image; the crate's capture
 * `captures/image.txt` runs this.
 */
import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { crateNamed } from '../../src/build/workspace/workspace.ts';
import { buildImage, buildStaticBinary, MB, needRootForImage } from '../api-image/build.ts';
import { runImage } from '../api-image/run.ts';
import { ensureCommands } from '../lib/debian.ts';
import { defineTask } from '../lib/task.ts';

export const CRATE = 'shipping';
export const BIN = 'users-api-ship';
export const PROFILE = 'server';
export const STATIC = { RUSTFLAGS: '-C target-feature=+crt-static' };
const DRAIN_SECS = '2';

const size = (file: string) => MB(statSync(file).size);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** `built` split in two: the returned copy keeps its symbols but no debug info; `<copy>.debug` holds the line tables. */
export function splitDebugInfo(built: string, dir: string): { shipped: string; debug: string } {
	const shipped = join(dir, 'users-api');
	const debug = `${shipped}.debug`;
	copyFileSync(built, shipped);
	execFileSync('objcopy', ['--only-keep-debug', shipped, debug]);
	execFileSync('objcopy', ['--strip-debug', `--add-gnu-debuglink=${debug}`, shipped]);
	return { shipped, debug };
}

async function ask(host: string, port: string, path: string): Promise<string> {
	try {
		const response = await fetch(`http://${host}:${port}${path}`, { signal: AbortSignal.timeout(5000) });
		return `${response.status} ${await response.text()}`;
	} catch (error) {
		return `no answer (${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message})`;
	}
}

export default defineTask({
	name: 'ship:image',
	description: "the Shipping lesson's image (root): the server profile's static binary, step 14's Dockerfile, then its probes asked through SIGTERM",
	options: {},
	async run() {
		if (!needRootForImage('node scripts/task.ts ship:image')) return 1;
		ensureCommands([['objcopy', 'binutils']], 'splitting the debug info off the binary');
		const crate = crateNamed(CRATE);
		const built = buildStaticBinary(crate, BIN, PROFILE, STATIC);
		const dir = mkdtempSync(join(tmpdir(), 'ship-image-'));
		try {
			const { shipped, debug } = splitDebugInfo(built, dir);
			console.log(`built ${size(built)} with line tables; objcopy: ${size(shipped)} shipped (symbols kept), ${size(debug)} of debug info kept beside it`);
			const config = buildImage(crate, BIN, shipped);
			const passed = await runImage(BIN, config, {
				env: { SHUTDOWN_DRAIN_SECS: DRAIN_SECS },
				async whileServing({ outside, port, pid }) {
					const before = [await ask(outside, port, '/livez'), await ask(outside, port, '/readyz')];
					console.log(`GET /livez, /readyz through the non-loopback address: ${before.join(', ')}`);
					process.kill(pid, 'SIGTERM');
					let during = '';
					for (let i = 0; i < 20 && !during.startsWith('503'); i++) {
						await sleep(50);
						during = await ask(outside, port, '/readyz');
					}
					const live = await ask(outside, port, '/livez');
					console.log(`SIGTERM, SHUTDOWN_DRAIN_SECS=${DRAIN_SECS}: /readyz ${during}; /livez still ${live}`);
					return before.every((answer) => answer.startsWith('200')) && during.startsWith('503') && live.startsWith('200');
				},
			});
			return passed ? 0 : 1;
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	},
});
