#!/usr/bin/env bash
# Makes sure everything the tests need is on this machine. As root on
# Debian, a missing system package is installed; otherwise the script stops
# at once, naming what is missing and the command that installs it.
set -euo pipefail

missing() { # what, command that installs it
	echo "npm test needs $1, which is not installed. Install it with:" >&2
	echo "    $2" >&2
	exit 1
}

apt_updated=0
apt_install() { # debian-package
	if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
		echo "Installing $1 (Debian package) for the tests..."
		if [ "$apt_updated" = 0 ]; then apt-get update -qq; apt_updated=1; fi
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$1" >/dev/null
	else
		missing "$1" "sudo apt-get install -y $1"
	fi
}

# Node: package.json's "node" devDependency puts Node 24 first on PATH for npm scripts.
node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)' \
	|| missing "Node.js >= 22.12 (found $(node --version))" "npm install   # installs Node 24 from package.json's devDependencies"

# Rust: cargo with rustfmt and clippy (rustup installs all three by default).
command -v cargo >/dev/null || missing "Rust (cargo)" "curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y"
cargo fmt --version >/dev/null 2>&1 || missing "rustfmt" "rustup component add rustfmt"
cargo clippy --version >/dev/null 2>&1 || missing "clippy" "rustup component add clippy"

# A real browser for the accessibility, search and page-weight tests.
[ -x /usr/bin/chromium ] || apt_install chromium
[ -x /usr/bin/chromium ] || missing "Chromium at /usr/bin/chromium" "sudo apt-get install -y chromium"

# bubblewrap: the compile server boxes every program it runs, and its tests attack that box.
command -v bwrap >/dev/null || apt_install bubblewrap
command -v bwrap >/dev/null || missing "bubblewrap (bwrap)" "sudo apt-get install -y bubblewrap"

# Python 3 with venv and ensurepip: schemathesis (the API fuzzer) is installed
# into a virtualenv of its own, and a capture formats JSON with python3.
# Debian's python3-venv brings both, and python3 with them.
python_ok() { command -v python3 >/dev/null && python3 -m venv --help >/dev/null 2>&1 && python3 -c 'import ensurepip' >/dev/null 2>&1; }
python_ok || apt_install python3-venv
python_ok || missing "Python 3 with venv and ensurepip" "sudo apt-get install -y python3-venv"

# curl: the lessons' transcripts are real curl runs.
command -v curl >/dev/null || apt_install curl
exit 0
