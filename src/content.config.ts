import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';
import { z } from 'astro/zod';

const stepFolder = z.string().regex(/^(api|cli)\/steps\/\d{2}-[a-z0-9-]+$/, 'expected a step folder such as api/steps/02-extractors');

export const collections = {
	docs: defineCollection({
		loader: docsLoader(),
		schema: docsSchema({
			extend: z.object({
				// The step of a build a lesson builds (examples/api/steps/NN-slug,
				// examples/cli/steps/NN-slug), or its steps in order when it builds
				// several: the page must show every file each changes
				// (src/build/markdown/step-coverage.ts).
				step: z.union([stepFolder, z.array(stepFolder).min(1)]).optional(),
			}),
		}),
	}),
};
