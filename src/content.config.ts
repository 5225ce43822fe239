import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

export const collections = {
	docs: defineCollection({
		loader: docsLoader(),
		schema: docsSchema({
			extend: z.object({
				// The step of the API build a lesson builds (examples/api/steps/NN-slug):
				// the page must show every file it changes (src/build/markdown/step-coverage.ts).
				step: z
					.string()
					.regex(/^api\/steps\/\d{2}-[a-z0-9-]+$/, 'expected a step folder such as api/steps/02-extractors')
					.optional(),
			}),
		}),
	}),
};
