/**
 * `node scripts/task.ts api:image <crate>`: the users API's container image,
 * built and then run from its own files (./run.ts). The crate is a step of
 * the API with a Dockerfile (api/steps/14-container on); the capture
 * `captures/image.txt` of that step runs this, so CI builds the image and
 * answers /health from it on every run.
 *
 * Steps: the binary, statically linked (glibc's crt-static; no musl target
 * needed) with the release profile and its symbols stripped; a build context
 * holding that binary, named users-api as the Dockerfile expects, and the
 * step's nsswitch.conf;
 * `podman build` (FROM scratch: nothing to pull, and no RUN step, so no
 * container has to start). Runs as root: podman's storage and
 * `podman image mount` need it. The captures run this only as root
 * (`root = true`), and say so otherwise.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crateNamed, examplesRoot, type Crate } from '../../src/build/workspace/workspace.ts';
import { ensureCommands } from '../lib/debian.ts';
import { defineTask, UsageError } from '../lib/task.ts';
import { imageConfig, runImage, type ImageConfig } from './run.ts';

export const TARGET = 'x86_64-unknown-linux-gnu';
/** What the lesson shows: static glibc, and no symbol table (9.3 MB of binary became 7.3 MB when measured). */
const BUILD_ENV = { RUSTFLAGS: '-C target-feature=+crt-static', CARGO_PROFILE_RELEASE_STRIP: 'symbols' };

export const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const imageId = (tag: string) => spawnSync('podman', ['image', 'inspect', '--format', '{{.Id}}', tag], { encoding: 'utf8' }).stdout.trim() || undefined;

/** Fails unless this runs as root with podman and bubblewrap (installing them when missing). */
export function needRootForImage(command: string): boolean {
	if (process.getuid?.() !== 0) {
		console.error(`Building and running the image needs root (podman storage, podman image mount): sudo ${command}`);
		return false;
	}
	ensureCommands(
		[
			['podman', 'podman'],
			['bwrap', 'bubblewrap'],
		],
		'building and running the users API image',
	);
	return true;
}

/**
 * `bin` of `crate`, statically linked for TARGET with `env` (crt-static
 * among it) and the Cargo profile `profile`; prints the command and what
 * `ldd` says of the result, and returns its path.
 */
export function buildStaticBinary(crate: Crate, bin: string, profile: string, env: Record<string, string>): string {
	const flags = Object.entries(env).map(([k, v]) => `${k}=${v.includes(' ') ? `'${v}'` : v}`).join(' ');
	const profileArgs = profile === 'release' ? ['--release'] : ['--profile', profile];
	console.log(`build: ${flags} cargo build ${profileArgs.join(' ')} --target ${TARGET} --bin ${bin}`);
	execFileSync('cargo', ['build', '--quiet', '--locked', ...profileArgs, '--target', TARGET, '--bin', bin], {
		cwd: crate.dir,
		env: { ...process.env, ...env },
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	const binary = join(examplesRoot, 'target', TARGET, profile, bin);
	console.log(`ldd: ${spawnSync('ldd', [binary], { encoding: 'utf8' }).stdout.trim()}`);
	return binary;
}

/**
 * `podman build` of `crate`'s Dockerfile as `tag`, from a context holding
 * only `binary` (as users-api, the name the Dockerfile copies) and the
 * crate's nsswitch.conf; then what `podman image inspect` says of it.
 */
export function buildImage(crate: Crate, tag: string, binary: string): ImageConfig {
	const context = mkdtempSync(join(tmpdir(), 'users-api-image-'));
	const before = imageId(tag);
	try {
		copyFileSync(binary, join(context, 'users-api'));
		copyFileSync(join(crate.dir, 'nsswitch.conf'), join(context, 'nsswitch.conf'));
		console.log(`image: podman build --file Dockerfile --tag ${tag} <a folder holding only the binary, as users-api, and nsswitch.conf>`);
		// --layers=false: no cached intermediate image per step of the Dockerfile.
		execFileSync('podman', ['build', '--quiet', '--layers=false', '--file', join(crate.dir, 'Dockerfile'), '--tag', tag, context], { stdio: ['ignore', 'ignore', 'inherit'] });
	} finally {
		rmSync(context, { recursive: true, force: true });
	}
	// The previous build of this tag would otherwise stay as an unnamed image.
	const after = imageId(tag);
	if (before && before !== after) spawnSync('podman', ['rmi', before], { stdio: 'ignore' });

	const config = imageConfig(tag);
	console.log(`image ${tag}: ${MB(config.size)} (podman image inspect), ${config.layers} layer${config.layers === 1 ? '' : 's'}`);
	console.log(`  User ${config.user}; Env ${config.env.join(' ')}`);
	console.log(`  ExposedPorts ${config.exposed.join(' ')}; Entrypoint ${JSON.stringify(config.entrypoint)}`);
	return config;
}

export default defineTask({
	name: 'api:image',
	description: "a users API step's container image (root): the static binary built, the Dockerfile built by podman, then run from its files",
	options: {},
	positionals: '<crate>',
	async run(_values, positionals) {
		const [name] = positionals;
		if (name === undefined || positionals.length > 1) throw new UsageError('name one crate, e.g. users-api-step-14');
		if (!needRootForImage('node scripts/task.ts api:image ' + name)) return 1;
		const crate = crateNamed(name);
		const bin = crate.bins[0]?.name ?? crate.name;
		const binary = buildStaticBinary(crate, bin, 'release', BUILD_ENV);
		const config = buildImage(crate, name, binary);
		return (await runImage(name, config)) ? 0 : 1;
	},
});
