/**
 * Which server edited code goes to, as the page names it: the public Rust
 * Playground or the course's own compile server (npm run playground). The
 * build names it in an exercise's panel; the panel's script in its status
 * lines.
 */

const PUBLIC_PLAYGROUND = 'play.rust-lang.org';

/** Whether an endpoint is the public Rust Playground rather than a compile server of the course's. */
export function isPublicPlayground(endpoint: string): boolean {
	try {
		return new URL(endpoint).hostname === PUBLIC_PLAYGROUND;
	} catch {
		return false;
	}
}

/** How the page names where edited code runs. */
export function serverName(endpoint: string): string {
	return isPublicPlayground(endpoint) ? 'the Rust Playground' : "the course's compile server";
}
