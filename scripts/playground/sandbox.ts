/**
 * The box every compile and every run of the compile server happens in:
 * bubblewrap (Debian's `bubblewrap`, the sandbox Flatpak uses), with kernel
 * limits set by util-linux's `prlimit`.
 *
 * Inside the box:
 * - no network at all (a new network namespace with only its own loopback);
 * - an empty root filesystem with only /usr, two files of /etc the linker
 *   needs, and the mounts a stage asks for (the toolchain and the crate cache
 *   read-only, the request's own folder writable);
 * - nothing of the user's home or of the project, but the crate cache and
 *   the crates' sources (read-only, at their own paths, while compiling);
 * - its own process, IPC and host-name namespaces, a new session (so it
 *   cannot type into the server's terminal), and it dies with the server;
 * - rlimits on address space, processes and threads, file size and CPU time;
 * - no user namespaces of its own (bubblewrap's --disable-userns).
 *
 * As root, a user namespace would map the program to root outside, and the
 * kernel never applies the process limit to root. So as root the box is
 * made without one and the program is switched to an unused uid (setpriv)
 * before it starts; as any other user, bubblewrap's user namespace does it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';

/** Kernel limits for one stage (compile or run). */
export interface StageLimits {
	/** Address space (RLIMIT_AS), bytes. */
	memoryBytes: number;
	/** Processes and threads (RLIMIT_NPROC). */
	processes: number;
	/** Largest file it may write (RLIMIT_FSIZE), bytes. */
	fileBytes: number;
	/** CPU time (RLIMIT_CPU), seconds. */
	cpuSeconds: number;
}

export type Mount =
	| { kind: 'read-only' | 'writable'; source: string; dest: string }
	/** A fresh in-memory folder of at most `sizeBytes`, writable by the program. */
	| { kind: 'tmpfs'; dest: string; sizeBytes: number };

export type Isolation =
	| { kind: 'bubblewrap'; bwrap: string; root: boolean; uid: number }
	/** `--unsandboxed`: kernel limits only, and only where prlimit exists. */
	| { kind: 'none'; prlimit: boolean };

/**
 * The uid a root server runs programs as: unused, so the process limit
 * counts only them. The kernel counts processes per uid across the whole
 * machine, so servers sharing one machine each need their own
 * (PLAYGROUND_UID).
 */
export const SANDBOX_UID = 61_000;

export interface BoxedCommand {
	command: string;
	args: string[];
	/** The working folder inside the box. */
	cwd: string;
	/** The same folder on the host, used when there is no box. */
	hostCwd: string;
	env: Record<string, string>;
	mounts: Mount[];
	limits: StageLimits;
}

/** Where a command is on PATH, or undefined. */
export function which(command: string): string | undefined {
	const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : undefined;
}

function prlimitArgs(limits: StageLimits): string[] {
	// CPU: the soft limit sends SIGXCPU, which names the cause; the hard limit
	// a second later is SIGKILL for a program that ignores it.
	return [
		`--as=${limits.memoryBytes}`,
		`--nproc=${limits.processes}`,
		`--fsize=${limits.fileBytes}`,
		`--cpu=${limits.cpuSeconds}:${limits.cpuSeconds + 1}`,
		'--core=0',
		'--',
	];
}

/**
 * bwrap makes missing mount points with mode 0700, which a program that is
 * not root could not enter; every folder above a mount is made 0755 first.
 */
function parents(dest: string, made: Set<string>): string[] {
	const args: string[] = [];
	const chain: string[] = [];
	for (let dir = dirname(dest); dir !== '/' && !made.has(dir); dir = dirname(dir)) chain.unshift(dir);
	for (const dir of chain) {
		made.add(dir);
		args.push('--perms', '0755', '--dir', dir);
	}
	return args;
}

/** The argv that runs `box.command` inside the isolation, with its limits. */
export function boxed(isolation: Isolation, box: BoxedCommand): { command: string; args: string[]; cwd?: string; env?: NodeJS.ProcessEnv } {
	if (isolation.kind === 'none') {
		// Unsandboxed: the host's own files, run in the request's folder.
		const cwd = box.hostCwd;
		const env = { ...box.env, PATH: `${box.env['PATH']}:${process.env['PATH'] ?? ''}` };
		return isolation.prlimit
			? { command: 'prlimit', args: [...prlimitArgs(box.limits), box.command, ...box.args], cwd, env }
			: { command: box.command, args: box.args, cwd, env };
	}
	const made = new Set<string>(['/usr', '/etc', '/proc', '/dev', '/tmp']);
	const args = [
		'--die-with-parent',
		'--new-session',
		'--unshare-net',
		'--unshare-pid',
		'--unshare-ipc',
		'--unshare-uts',
		'--unshare-cgroup-try',
		...(isolation.root ? [] : USER_NAMESPACE),
		'--ro-bind', '/usr', '/usr',
		'--symlink', 'usr/bin', '/bin',
		'--symlink', 'usr/lib', '/lib',
		...(existsSync('/usr/lib64') ? ['--symlink', 'usr/lib64', '/lib64'] : []),
		// cc is /etc/alternatives/cc on Debian; the dynamic loader reads ld.so.cache.
		'--perms', '0755', '--dir', '/etc',
		...['/etc/alternatives', '/etc/ld.so.cache'].filter(existsSync).flatMap((path) => ['--ro-bind', path, path]),
		'--proc', '/proc',
		'--dev', '/dev',
		// /dev and / are in-memory folders the program's user may own (in a
		// user namespace): made read-only, so its own folder, /tmp and a tiny
		// /dev/shm are all it can write, each with a size.
		'--perms', '1777', '--size', String(1024 * 1024), '--tmpfs', '/dev/shm',
		'--remount-ro', '/dev',
		'--perms', '1777', '--size', String(64 * 1024 * 1024), '--tmpfs', '/tmp',
	];
	for (const mount of box.mounts) {
		args.push(...parents(mount.dest, made));
		made.add(mount.dest);
		if (mount.kind === 'tmpfs') args.push('--perms', '1777', '--size', String(mount.sizeBytes), '--tmpfs', mount.dest);
		else args.push(mount.kind === 'writable' ? '--bind' : '--ro-bind', mount.source, mount.dest);
	}
	args.push('--remount-ro', '/', '--chdir', box.cwd, '--clearenv');
	for (const [name, value] of Object.entries(box.env)) args.push('--setenv', name, value);
	if (isolation.root) {
		// Root's box has no user namespace (see above); the program is moved
		// to an unused uid, and a second, unprivileged bwrap then shuts the
		// door on user namespaces (in one, a program could mount and write
		// past every size limit).
		args.push(
			'--cap-add', 'CAP_SETUID', '--cap-add', 'CAP_SETGID',
			'setpriv', `--reuid=${isolation.uid}`, `--regid=${isolation.uid}`, '--clear-groups', '--inh-caps=-all', '--bounding-set=-all',
			'bwrap', '--die-with-parent', ...USER_NAMESPACE, '--dev-bind', '/', '/', '--',
		);
	}
	args.push('prlimit', ...prlimitArgs(box.limits), box.command, ...box.args);
	return { command: isolation.bwrap, args };
}

/** A user namespace of the program's own, in which no further one can be made. */
const USER_NAMESPACE = ['--unshare-user', '--disable-userns'];

export const INSTALL_HINT = 'Install it with: sudo apt-get install -y bubblewrap (Debian, Ubuntu), sudo dnf install bubblewrap (Fedora), or your system\'s "bubblewrap" package.';

/**
 * The sandbox this machine can make, or why it cannot. It is tried for real
 * (a shell that prints its uid), since an installed bwrap can still
 * be refused by the kernel, for example where user namespaces are off.
 */
export function findIsolation(sandboxUid = SANDBOX_UID): Isolation | { problem: string } {
	const bwrap = which('bwrap');
	if (!bwrap) return { problem: `The compile server runs every program inside bubblewrap, which is not installed. ${INSTALL_HINT}` };
	if (!which('prlimit') || !which('setpriv')) return { problem: 'The compile server needs prlimit and setpriv from util-linux. Install it with: sudo apt-get install -y util-linux' };
	const root = process.getuid?.() === 0;
	const isolation: Isolation = { kind: 'bubblewrap', bwrap, root, uid: root ? sandboxUid : (process.getuid?.() ?? 0) };
	const probe = boxed(isolation, {
		command: '/usr/bin/sh',
		args: ['-c', 'id -u'],
		cwd: '/tmp',
		hostCwd: '/tmp',
		env: { PATH: '/usr/bin' },
		mounts: [],
		limits: { memoryBytes: 256 * 1024 * 1024, processes: 16, fileBytes: 1024 * 1024, cpuSeconds: 5 },
	});
	const tried = spawnSync(probe.command, probe.args, { encoding: 'utf8', timeout: 10_000 });
	if (tried.status !== 0) {
		const said = (tried.stderr || tried.error?.message || '').trim();
		const why = /disable-userns/.test(said)
			? 'The compile server needs bubblewrap 0.8 or newer (for --disable-userns).'
			: 'It needs user namespaces: on Ubuntu 24.04 an AppArmor profile for bwrap, elsewhere sysctl user.max_user_namespaces above 0 (and kernel.unprivileged_userns_clone=1 where that exists).';
		return { problem: `bubblewrap is installed but could not make a sandbox here (${said}). ${why}` };
	}
	return isolation;
}
