/**
 * Makes sure everything the tests need is on this machine, before `npm test`
 * spends minutes on the steps that need it. As root on Debian, a missing
 * system package is installed; otherwise the run stops at once, naming what
 * is missing and the command that installs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { ensureDebianPackages, isExecutable, onPath, type DebianNeed } from './lib/debian.ts';
import { ensureKubernetesValidate } from './lib/kubernetes-validate.ts';
import { ensureSchemathesis } from './lib/schemathesis.ts';
import { defineTask } from './lib/task.ts';

const succeeds = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** What no Debian package provides (rustup's toolchain): named with the command that installs it. */
interface Other {
	what: string;
	present: () => boolean;
	install: string;
}

// Rust: cargo with rustfmt and clippy (rustup installs all three by default).
const RUST: Other[] = [
	{ what: 'Rust (cargo)', present: () => succeeds('cargo', ['--version']), install: "curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y" },
	{ what: 'rustfmt', present: () => succeeds('cargo', ['fmt', '--version']), install: 'rustup component add rustfmt' },
	{ what: 'clippy', present: () => succeeds('cargo', ['clippy', '--version']), install: 'rustup component add clippy' },
];

const DEBIAN: DebianNeed[] = [
	// A real browser for the accessibility, search and page-weight tests.
	{ package: 'chromium', present: () => isExecutable('/usr/bin/chromium') },
	// The compile server boxes every program it runs, and its tests attack that box.
	{ package: 'bubblewrap', present: () => onPath('bwrap') },
	// schemathesis (the API fuzzer) is installed into a virtualenv of its
	// own, and a capture formats JSON with python3. Debian's python3-venv
	// brings venv and ensurepip, and python3 with them.
	{ package: 'python3-venv', present: () => succeeds('python3', ['-m', 'venv', '--help']) && succeeds('python3', ['-c', 'import ensurepip']) },
	// The lessons' transcripts are real curl runs.
	{ package: 'curl', present: () => onPath('curl') },
	// The lab's contract test puts a one-second load on every peer.
	{ package: 'wrk', present: () => onPath('wrk') },
	// The Shipping lesson's deploy check verifies its systemd unit.
	{ package: 'systemd', present: () => onPath('systemd-analyze') },
	// The gRPC lesson's crate runs protoc in its build script, so every
	// workspace build needs it (clippy first), and its messages import
	// google/protobuf/timestamp.proto, which libprotobuf-dev holds.
	{ package: 'protobuf-compiler', present: () => onPath('protoc') },
	{ package: 'libprotobuf-dev', present: () => existsSync('/usr/include/google/protobuf/timestamp.proto') },
	// Its interop test: a Python client with Debian's grpcio and protobuf,
	// run by the system's /usr/bin/python3 (a pyenv python3 lacks them).
	{ package: 'python3-grpcio', present: () => succeeds('/usr/bin/python3', ['-c', 'import grpc']) },
	{ package: 'python3-protobuf', present: () => succeeds('/usr/bin/python3', ['-c', 'import google.protobuf']) },
	// The print test renders Chromium's PDF of a lesson to page images
	// (pdftoppm) and reads its text (pdftotext).
	{ package: 'poppler-utils', present: () => onPath('pdftoppm') && onPath('pdftotext') },
];

// Only root builds the container images (the users API's capture, the
// compile server's image step), so only root needs podman, and debootstrap
// and strip (binutils) for the compile server's image. Installed here, before
// any step runs: that image is built beside vitest, whose lab test would
// otherwise run apt-get at the same time (apt-get fails on a held lock).
const AS_ROOT: DebianNeed[] = [
	{ package: 'podman', present: () => onPath('podman') },
	{ package: 'debootstrap', present: () => onPath('debootstrap') },
	{ package: 'binutils', present: () => onPath('strip') },
	// The observability lesson's test starts a real Prometheus (2.42 in
	// Debian 12) against the service's /metrics and reads its HTTP API.
	// Only its binary: the package also starts a system Prometheus on *:9090,
	// unauthenticated, where systemd runs; it is stopped and disabled at once.
	{
		package: 'prometheus',
		present: () => onPath('prometheus'),
		alone: true,
		afterInstall: () => {
			if (existsSync('/run/systemd/system')) spawnSync('systemctl', ['disable', '--now', 'prometheus'], { stdio: 'inherit' });
		},
	},
];

/**
 * Throws, naming the first thing missing that cannot be installed here.
 * Everything a transcript's command would install on first use is installed
 * here, before the captures run: its installer's output would otherwise be
 * printed into the transcript (a fresh machine's fuzz and image captures
 * came out stale that way).
 */
export function ensureTools(): void {
	for (const tool of RUST) {
		if (!tool.present()) throw new Error(`npm test needs ${tool.what}, which is not installed. Install it with:\n    ${tool.install}`);
	}
	ensureDebianPackages(process.getuid?.() === 0 ? [...DEBIAN, ...AS_ROOT] : DEBIAN, 'npm test');
	ensureSchemathesis();
	ensureKubernetesValidate();
}

export default defineTask({
	name: 'ensure-tools',
	description: "checks for what npm test needs, installing a missing Debian package as root",
	options: {},
	run: () => ensureTools(),
});
