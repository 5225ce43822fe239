/**
 * Makes each page's frontmatter description searchable. Pagefind indexes
 * only the page body, and Starlight puts the description in the head alone,
 * so the one sentence that says what a lesson covers was invisible to
 * search. Tagged as Pagefind metadata, its words match queries and weigh
 * with `ranking.metaWeights.description` (astro.config.mjs). The dialog
 * would also print it under each result; src/styles/search.css hides that.
 * tests/browser/search-questions.test.ts measures the effect.
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware((context) => {
	const meta = context.locals.starlightRoute.head.find((tag) => tag.tag === 'meta' && tag.attrs?.name === 'description');
	if (meta?.attrs) meta.attrs['data-pagefind-meta'] = 'description[content]';
});
