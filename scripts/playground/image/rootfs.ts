/**
 * The image's Debian base: a minimal root filesystem made by debootstrap
 * from the mirror this machine's apt already uses (no host name is written
 * into the project), brought up to date from the same release's update and
 * security suites, then trimmed of what a compile server never reads.
 *
 * Base images cannot be pulled where this runs (no container registry), so
 * the base is built here rather than taken FROM debian.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One apt source: a mirror URI and the suites and components taken from it. */
export interface AptSource {
	uri: string;
	suites: string[];
	components: string[];
}

/**
 * What the image needs besides Debian's required packages: the linker
 * driver and C runtime files rustc links with (gcc, libc6-dev), the sandbox
 * (bubblewrap, and util-linux for prlimit and setpriv), and the libraries
 * Node and rustc load (libstdc++6, zlib1g).
 */
export const PACKAGES = ['gcc', 'libc6-dev', 'bubblewrap', 'util-linux', 'ca-certificates', 'libstdc++6', 'zlib1g'];

/** The host's release codename (bookworm on Debian 12): the image gets the same release. */
export function hostCodename(): string {
	const release = readFileSync('/etc/os-release', 'utf8');
	const codename = /^VERSION_CODENAME=(.+)$/m.exec(release)?.[1]?.replace(/"/g, '');
	if (!codename) throw new Error('/etc/os-release names no VERSION_CODENAME; the image is built from a Debian host.');
	return codename;
}

/** `deb [options] uri suite components…` lines. */
function oneLineSources(text: string): AptSource[] {
	const sources: AptSource[] = [];
	for (const raw of text.split('\n')) {
		const line = raw.replace(/#.*/, '').replace(/\[[^\]]*\]/, '').trim();
		const [type, uri, suite, ...components] = line.split(/\s+/);
		if (type === 'deb' && uri && suite) sources.push({ uri, suites: [suite], components });
	}
	return sources;
}

/** deb822 paragraphs (`Types: deb`, `URIs:`, `Suites:`, `Components:`), skipping `Enabled: no`. */
function deb822Sources(text: string): AptSource[] {
	const sources: AptSource[] = [];
	for (const paragraph of text.split(/\n\s*\n/)) {
		const fields = new Map<string, string>();
		let last = '';
		for (const line of paragraph.split('\n')) {
			if (line.startsWith('#')) continue;
			if (/^\s/.test(line) && last) fields.set(last, `${fields.get(last)} ${line.trim()}`);
			const field = /^([\w-]+):\s*(.*)$/.exec(line);
			if (field) fields.set((last = field[1]!.toLowerCase()), field[2]!);
		}
		const list = (name: string) => (fields.get(name) ?? '').split(/\s+/).filter(Boolean);
		if (!list('types').includes('deb') || fields.get('enabled')?.toLowerCase() === 'no') continue;
		for (const uri of list('uris')) sources.push({ uri, suites: list('suites'), components: list('components') });
	}
	return sources;
}

/** Every enabled binary source of this machine's apt configuration (files apt does not read are skipped). */
export function hostAptSources(): AptSource[] {
	const sources = existsSync('/etc/apt/sources.list') ? oneLineSources(readFileSync('/etc/apt/sources.list', 'utf8')) : [];
	const dir = '/etc/apt/sources.list.d';
	for (const name of existsSync(dir) ? readdirSync(dir).sort() : []) {
		const text = () => readFileSync(join(dir, name), 'utf8');
		if (name.endsWith('.list')) sources.push(...oneLineSources(text()));
		else if (name.endsWith('.sources')) sources.push(...deb822Sources(text()));
	}
	return sources;
}

/** The mirror serving `codename` itself, and every source of that release (updates, security). */
export function releaseSources(codename: string): { mirror: string; sources: AptSource[] } {
	const sources = hostAptSources()
		.map((s) => ({ ...s, suites: s.suites.filter((suite) => suite === codename || suite.startsWith(`${codename}-`)) }))
		.filter((s) => s.suites.length > 0);
	const mirror = sources.find((s) => s.suites.includes(codename))?.uri;
	if (!mirror) throw new Error(`No apt source of this machine serves ${codename}; add one to /etc/apt/sources.list.d/ first.`);
	return { mirror, sources };
}

function sh(command: string, args: string[], log: string, env: NodeJS.ProcessEnv = {}): void {
	// Quiet unless it fails: debootstrap prints one line per package.
	try {
		execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
	} catch (error) {
		const { stdout, stderr } = error as { stdout?: Buffer; stderr?: Buffer };
		throw new Error(`${log} failed: ${command} ${args.join(' ')}\n${String(stdout ?? '').slice(-4000)}${String(stderr ?? '').slice(-4000)}`);
	}
}

/** Files dpkg should never unpack in the image (also for an instructor's later apt-get install). */
export const SLIM = ['/usr/share/doc/*', '/usr/share/man/*', '/usr/share/info/*', '/usr/share/locale/*', '/usr/share/lintian/*'];

/** Makes the Debian base in `dir` (empty or missing). */
export function debianBase(dir: string, log: (line: string) => void): void {
	const codename = hostCodename();
	const { mirror, sources } = releaseSources(codename);
	log(`debootstrap ${codename} (minbase + ${PACKAGES.join(', ')}) from this machine's apt mirror…`);
	sh('debootstrap', ['--variant=minbase', `--include=${PACKAGES.join(',')}`, codename, dir, mirror], 'debootstrap');

	// The release's update and security suites too, as the host has them:
	// an image a class sends code to should carry the security fixes.
	const lines = sources.flatMap((s) => s.suites.map((suite) => `deb ${s.uri} ${suite} ${(s.components.length ? s.components : ['main']).join(' ')}`));
	writeFileSync(join(dir, 'etc/apt/sources.list'), `${lines.join('\n')}\n`);
	mkdirSync(join(dir, 'etc/dpkg/dpkg.cfg.d'), { recursive: true });
	writeFileSync(join(dir, 'etc/dpkg/dpkg.cfg.d/01-slim'), `${SLIM.map((p) => `path-exclude=${p}`).join('\n')}\n`);
	log('apt-get upgrade inside the new root (update and security suites)…');
	const apt = { DEBIAN_FRONTEND: 'noninteractive' };
	sh('chroot', [dir, 'apt-get', 'update', '-qq'], 'apt-get update', apt);
	sh('chroot', [dir, 'apt-get', 'upgrade', '-y', '-qq'], 'apt-get upgrade', apt);
	sh('chroot', [dir, 'apt-get', 'clean'], 'apt-get clean', apt);

	trim(dir);
}

/** What a compile server never reads, removed from the new root. */
function trim(dir: string): void {
	// rmSync below must not reach into a live /proc or /dev; debootstrap
	// unmounts what it mounted, but a failed run may have left them.
	const mounted = readFileSync('/proc/mounts', 'utf8').split('\n').map((l) => l.split(' ')[1] ?? '').filter((m) => m.startsWith(`${dir}/`));
	if (mounted.length > 0) throw new Error(`Still mounted inside the new root: ${mounted.join(', ')}; unmount them and run again.`);
	const empty = (path: string) => {
		rmSync(join(dir, path), { recursive: true, force: true });
		mkdirSync(join(dir, path), { recursive: true });
	};
	// Package lists and downloaded .debs (about 130 MB), documentation and
	// translations (about 70 MB); apt-get update brings the lists back.
	for (const path of ['var/lib/apt/lists', 'var/cache/apt', ...SLIM.map((p) => p.slice(1, -2))]) empty(path);
	for (const path of ['var/lib/apt/lists/partial', 'var/cache/apt/archives/partial']) mkdirSync(join(dir, path), { recursive: true });
	// gcc's link-time optimiser (about 64 MB): rustc only asks cc to link, never for LTO.
	const gccLibs = join(dir, 'usr/lib/gcc');
	for (const triple of readdirSync(gccLibs)) for (const version of readdirSync(join(gccLibs, triple))) rmSync(join(gccLibs, triple, version, 'lto1'), { force: true });
	for (const name of readdirSync(join(dir, 'usr/bin')).filter((n) => n.includes('lto-dump'))) rmSync(join(dir, 'usr/bin', name));
	// The container engine provides these; debootstrap copied the build
	// machine's resolver and host name, which have no place in the image.
	for (const path of ['etc/resolv.conf', 'etc/hostname']) rmSync(join(dir, path), { force: true });
	for (const path of ['dev', 'proc', 'sys', 'run']) empty(path);
}
