/**
 * `npm run playground:image`: the compile server as a container image, with
 * the same sandbox and the same crates as `npm run playground` on this
 * machine (docs/compile-server-image.md).
 *
 *   npm run playground:image                      build the image, tagged backend-rust-playground
 *   npm run playground:image -- --check           build it, then run its server and send it a std and an axum program
 *   npm run playground:image -- --check-only      only that check, on the image already built
 *   npm run playground:image -- --save            also write the image as a tar (podman save), backend-rust-playground.tar
 *   npm run playground:image -- --save-to FILE    the same, to FILE
 *
 * Steps: a Debian base by debootstrap (./rootfs.ts; kept a day outside the
 * clone by ./base-cache.ts); Node, the server,
 * rustc and the crate cache copied in (./contents.ts); a tar of the whole
 * root that the Containerfile ADDs to an empty image (podman build, no
 * RUN step, so no container has to start). Runs as root (debootstrap,
 * chroot and podman image mount need it); installs debootstrap, podman,
 * bubblewrap and binutils (strip) from Debian when missing. Everything but the image, the saved
 * tar and the crate cache (kept under CACHE_ROOT for the next build) is
 * made in a temporary folder and removed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureCommands } from '../../lib/debian.ts';
import { defineTask } from '../../lib/task.ts';
import { checkImage } from './check.ts';
import { addCrateCache, addNode, addServer, addToolchain, buildCrateCache, CACHE_ROOT, hostToolchain, RUST } from './contents.ts';
import { cachedDebianBase } from './base-cache.ts';

const TAG = 'backend-rust-playground';
const CONTAINERFILE = join(import.meta.dirname, 'Containerfile');

const MB = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
const duBytes = (path: string) => Number(execFileSync('du', ['-sb', path], { encoding: 'utf8' }).split('\t')[0]);
const imageId = () => spawnSync('podman', ['image', 'inspect', '--format', '{{.Id}}', TAG], { encoding: 'utf8' }).stdout.trim() || undefined;

let started = Date.now();
/** One line per step, with the time since the start, so a slow step shows. */
const step = (what: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${what}`);

function build(): void {
	const work = mkdtempSync(join(tmpdir(), 'playground-image-'));
	const rootfs = join(work, 'rootfs');
	const context = join(work, 'context');
	try {
		step('Debian base (debootstrap, then updates)…');
		cachedDebianBase(rootfs, (line) => console.log(`       ${line}`));
		const base = duBytes(rootfs);
		step(`Debian base: ${MB(base)}. Node, the server, rustc…`);
		const toolchain = hostToolchain();
		addNode(rootfs);
		const server = addServer(rootfs);
		addToolchain(rootfs, toolchain);
		step(`Server: ${server.modules.length} modules, with ${server.packages.join(' and ')}. rustc ${/^release: (.+)$/m.exec(toolchain.version)?.[1]} (${MB(duBytes(join(rootfs, RUST)))}). Crate cache under ${CACHE_ROOT} (built once, about a minute on 2 cores)…`);
		const cache = buildCrateCache(toolchain);
		addCrateCache(rootfs, cache);
		const cacheBytes = duBytes(join(rootfs, cache.dir));
		const sourceBytes = cache.sources.reduce((sum, source) => sum + duBytes(join(rootfs, source)), 0);
		step(`Crate cache: ${MB(cacheBytes)} of libraries, ${MB(sourceBytes)} of sources (${cache.crates.length} crates edited code may use). Whole root: ${MB(duBytes(rootfs))}. Tar and podman build…`);

		mkdirSync(context);
		// --numeric-owner: the uids and gids of the image's own /etc/passwd, not this machine's names.
		execFileSync('tar', ['--numeric-owner', '-C', rootfs, '-cf', join(context, 'rootfs.tar'), '.']);
		rmSync(rootfs, { recursive: true, force: true });
		const before = imageId();
		// --layers=false: no intermediate image per Containerfile step; each build's tar is new anyway.
		execFileSync('podman', ['build', '--layers=false', '--file', CONTAINERFILE, '--tag', TAG, context], { stdio: 'inherit' });
		// The previous build of this tag would otherwise stay as an unnamed image of the same size.
		const after = imageId();
		if (before && before !== after) spawnSync('podman', ['rmi', before], { stdio: 'ignore' });
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	const size = Number(execFileSync('podman', ['image', 'inspect', '--format', '{{.Size}}', TAG], { encoding: 'utf8' }).trim());
	step(`Image ${TAG} built: ${MB(size)} (podman image inspect).`);
}

export default defineTask({
	name: 'playground:image',
	description: 'the compile server as a container image (root): built, and with --check run and sent two programs',
	options: {
		check: { type: 'boolean', description: 'then run its server and send it a std and an axum program' },
		'check-only': { type: 'boolean', description: 'only that check, on the image already built' },
		save: { type: 'boolean', description: `also write the image as a tar (podman save), ${TAG}.tar` },
		'save-to': { type: 'string', valueName: 'FILE', description: 'the same, to FILE' },
	},
	async run(values) {
		const CHECK = values.check === true || values['check-only'] === true;
		const BUILD = values['check-only'] !== true;
		const SAVE = values['save-to'] !== undefined ? resolve(values['save-to']) : values.save ? resolve(`${TAG}.tar`) : undefined;

		if (process.getuid?.() !== 0) {
			console.error('Building and checking the image needs root (debootstrap, chroot, podman image mount): sudo npm run playground:image');
			return 1;
		}
		ensureCommands(
			[
				['podman', 'podman'],
				['bwrap', 'bubblewrap'],
				...(BUILD ? ([['debootstrap', 'debootstrap'], ['strip', 'binutils']] as [string, string][]) : []),
			],
			'building the compile server image',
		);
		started = Date.now();
		if (BUILD) build();
		if (SAVE) {
			execFileSync('podman', ['save', '--output', SAVE, TAG]);
			step(`Saved to ${SAVE}: ${MB(statSync(SAVE).size)} (load it with podman load -i or docker load -i).`);
		}
		if (BUILD) console.log(`Built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
		if (CHECK) {
			const checkStarted = Date.now();
			const passed = await checkImage(TAG);
			console.log(`Check took ${((Date.now() - checkStarted) / 1000).toFixed(0)} s.`);
			return passed ? 0 : 1;
		}
	},
});
