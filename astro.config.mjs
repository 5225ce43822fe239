// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { sidebar } from './src/build/curriculum.ts';
import { remarkIncludeExamples } from './src/build/markdown/remark-include-examples.ts';
import { remarkFromRun } from './src/build/markdown/remark-from-run.ts';
import { ecCallouts } from './src/build/markdown/ec-callouts.ts';
import { ecDiffCopy } from './src/build/markdown/ec-diff-copy.ts';
import { ecLineLinks } from './src/build/markdown/ec-line-links.ts';
import { rehypeScrollTables } from './src/build/markdown/rehype-scroll-tables.ts';
import { headersFile } from './src/hosting/isolation.ts';
import { workspaceDevReload } from './src/build/workspace/dev-reload.ts';
import { tocObservedElements } from './src/build/toc-observed-elements.ts';

/**
 * Where edited code in a Run panel is compiled and run: a server speaking the
 * Rust Playground's execute API. Point it at `npm run playground` for a room
 * without internet, e.g. PLAYGROUND_URL=http://127.0.0.1:3344 npm run dev.
 * Default: https://play.rust-lang.org
 */
const playground = process.env.PLAYGROUND_URL ?? 'https://play.rust-lang.org';
/**
 * A hosted class compile server's shared token: the same PLAYGROUND_TOKEN
 * the server was started with. Every page carries it, so it keeps out
 * clients without this build, not the learners who have it.
 */
const playgroundToken = process.env.PLAYGROUND_TOKEN || undefined;

export default defineConfig({
	// Replaced by speculation rules for the previous and next lessons
	// (src/build/neighbour-prefetch.ts); Starlight enables it unless told.
	prefetch: false,
	markdown: {
		// The unified (remark) pipeline, so lessons can pull code from
		// examples/ with a plain remark plugin, and numbers about a run from
		// its saved transcript (<FromRun … />); Starlight and Expressive Code
		// both support it.
		processor: unified({
			remarkPlugins: [[remarkIncludeExamples, { playground, playgroundToken }], remarkFromRun],
			rehypePlugins: [rehypeScrollTables],
		}),
	},
	integrations: [
		// public/_headers in `npm run dev` too: the sandbox route's isolation.
		headersFile(),
		// A Cargo.toml or Cargo.lock edit reaches the pages without a restart.
		workspaceDevReload(),
		// Starlight's table of contents without its whole-page query; see the file.
		tocObservedElements(),
		starlight({
			title: 'Backend Rust',
			description:
				'From the Rust Book to a benchmarked Axum + SQLx API. Every example is real, current, compiled and tested.',
			// The sandbox routes are Astro pages, not docs, so the validator
			// cannot see them; tests/browser/sandbox.test.ts opens each one.
			plugins: [starlightLinksValidator({ exclude: ['/sandbox/*/', '/present/**'] })],
			sidebar: sidebar(),
			// Search ranking, measured by tests/browser/search-questions.test.ts.
			// Starlight's defaults barely weigh page length and favour exact
			// word forms (pageLength and termFrequency 0.1, termSimilarity 9),
			// so the long Rust Book chapters, which mention nearly everything,
			// crowded the short lesson that answers a question out of the top
			// three. These are Pagefind's own defaults, plus a weight for the
			// page description that src/build/search-description.ts makes searchable
			// (below the title's: a summary, not the name).
			pagefind: {
				ranking: {
					pageLength: 0.75,
					termFrequency: 1,
					termSaturation: 1.4,
					termSimilarity: 1,
					metaWeights: { title: 5, description: 3 },
				},
			},
			// Tags each page's description for Pagefind, and names the pages to
			// prefetch; see the files.
			routeMiddleware: ['./src/build/search-description.ts', './src/build/neighbour-prefetch.ts'],
			components: {
				// Adds a label fix to Starlight's search button; see the file.
				Search: './src/components/Search.astro',
				// Adds the Run panels' intent loader to pages that have one.
				MarkdownContent: './src/components/MarkdownContent.astro',
			},
			customCss: ['./src/styles/code-notes.css', './src/styles/progress.css', './src/styles/speaker-notes.css', './src/styles/print.css', './src/styles/buttons.css', './src/styles/runner.css', './src/styles/tables.css', './src/styles/search.css', './src/styles/offscreen-code.css'],
			expressiveCode: {
				// ecDiffCopy: Copy on a diff copies its region as the step leaves it (src/build/markdown/ec-diff-copy.ts).
				// ecLineLinks: every included block's lines can be linked, #queue-rs-claim-L14 (src/build/markdown/ec-line-links.ts).
				plugins: [ecCallouts(), ecDiffCopy(), ecLineLinks()],
				// Long lines wrap (indentation kept) instead of scrolling: the
				// whole line is visible on a phone and on paper, and no
				// unlabelled scroll region is left for keyboard users.
				defaultProps: { wrap: true },
				// Shiki's JavaScript regex engine instead of Oniguruma compiled to
				// WebAssembly: the same HTML for every page of this site (compared
				// file by file when it was switched), and the build about 2.5 s
				// faster (of about 20). Expressive Code runs it forgiving: a pattern
				// it cannot translate is skipped, not an error, so a language added
				// later is worth the same comparison (build with 'oniguruma' once,
				// diff dist/).
				shiki: { engine: 'javascript' },
				// Copy puts the whole block on the clipboard: our console blocks are
				// real transcripts, and a program's output line may start with "#"
				// (Expressive Code would drop it as a shell comment).
				frames: { removeCommentsWhenCopyingTerminalFrames: false },
			},
		}),
	],
});
