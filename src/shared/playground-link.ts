/**
 * The "Open in the Rust Playground" link: written into the page at build
 * time, and rewritten by the runner with the learner's edit on click.
 */
export function playgroundLink(code: string, edition = '2024'): string {
	const query = new URLSearchParams({ version: 'stable', mode: 'debug', edition, code });
	return `https://play.rust-lang.org/?${query}`;
}
