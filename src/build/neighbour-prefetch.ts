/**
 * Prefetching, without a script: Speculation Rules naming the page's
 * previous and next lessons, which Chromium fetches when the pointer rests
 * on a link to them, or is pressed on one ("moderate"). A learner's next
 * click is most often Next; any other link is fetched on click. Pages
 * outside the sidebar (the landing page, the presenter views) have no
 * neighbours and prefetch nothing. Browsers without Speculation Rules
 * ignore the element.
 *
 * This replaces Astro's prefetch script (turned off in astro.config.mjs):
 * 2.4 KB of script on every page before the learner acts, which the
 * progress marks needed. Rules that match the page's links by a selector
 * or a URL pattern ("document" rules) were tried first and cost far more:
 * Chromium matches them again on every style change, and axe's contrast
 * check of one long lesson went from 5 s to 48 s. A list of URLs costs
 * nothing of the kind (measured the same as no rules at all).
 */
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';

export const onRequest = defineRouteMiddleware((context) => {
	const { pagination, head } = context.locals.starlightRoute;
	const urls = [pagination.next?.href, pagination.prev?.href].filter((url): url is string => url !== undefined);
	if (urls.length === 0) return;
	head.push({ tag: 'script', attrs: { type: 'speculationrules' }, content: JSON.stringify({ prefetch: [{ source: 'list', urls, eagerness: 'moderate' }] }) });
});
