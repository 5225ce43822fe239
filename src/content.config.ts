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
				// How long the lesson takes to teach in a classroom, exercises
				// not included; the course schedules add these up
				// (src/build/schedules.ts). Every lesson of a curriculum part
				// must have one: the schedules page's build checks it.
				minutes: z.int().min(5).max(240).optional().describe('Minutes to teach the lesson, exercises not included'),
				// Minutes for each exercise on the page, by the exercise's name
				// (`retry-policy`). The include step checks that the keys are
				// exactly the page's exercises
				// (src/build/markdown/remark-include-examples.ts).
				exerciseMinutes: z
					.record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an exercise name such as retry-policy'), z.int().min(5).max(120))
					.default({})
					.describe('Minutes for each exercise on the page, by name'),
			}),
		}),
	}),
};
