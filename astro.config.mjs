// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import starlightLinksValidator from 'starlight-links-validator';
import { sidebar } from './src/curriculum.ts';
import { remarkIncludeExamples } from './src/markdown/remark-include-examples.ts';
import { ecCallouts } from './src/markdown/ec-callouts.ts';

export default defineConfig({
	markdown: {
		// The unified (remark) pipeline, so lessons can pull code from
		// examples/ with a plain remark plugin; Starlight and Expressive Code
		// both support it.
		processor: unified({
			remarkPlugins: [remarkIncludeExamples],
		}),
	},
	integrations: [
		starlight({
			title: 'Backend Rust',
			description:
				'From the Rust Book to a benchmarked Axum + SQLx API. Every example is real, current, compiled and tested.',
			plugins: [starlightLinksValidator()],
			sidebar: sidebar(),
			components: {
				// Adds a label fix to Starlight's search button; see the file.
				Search: './src/components/Search.astro',
			},
			customCss: ['./src/styles/code-notes.css'],
			expressiveCode: {
				plugins: [ecCallouts()],
				// Long lines wrap (indentation kept) instead of scrolling: the
				// whole line is visible on a phone and on paper, and no
				// unlabelled scroll region is left for keyboard users.
				defaultProps: { wrap: true },
			},
		}),
	],
});
