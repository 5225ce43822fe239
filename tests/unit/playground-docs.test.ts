// What the README and the instructors' page say the compile server allows
// must be what it does: its limits and its crates, read from the code.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COURSE_CRATES } from '../../scripts/playground/crate-cache.ts';
import { DEFAULT_LIMITS } from '../../scripts/playground/limits.ts';

const MB = 1024 * 1024;
const { run, runFolderBytes, runTimeMs, compileTimeMs, outputCap, ratePerMinute, queueLength } = DEFAULT_LIMITS;
const pages = {
	'README.md': readFileSync('README.md', 'utf8').replace(/\s+/g, ' '),
	'instructors.mdx': readFileSync('src/content/docs/resources/instructors.mdx', 'utf8').replace(/\s+/g, ' '),
};
const crateList = (names: string[]) => `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

describe('the compile server as its documents describe it', () => {
	for (const [name, text] of Object.entries(pages)) {
		it(`${name} states its limits and crates as the code sets them`, () => {
			for (const fact of [
				`${run.memoryBytes / MB} MB of memory`,
				`${run.processes} threads and processes`,
				`${runFolderBytes / MB} MB in its folder`,
				`${run.cpuSeconds} s of`,
				`${compileTimeMs / 1000} s`,
				`${outputCap / 1024} KB`,
				`${ratePerMinute} programs a minute`,
				crateList(COURSE_CRATES.map((c) => c.name)),
			]) {
				expect(text, fact).toContain(fact);
			}
			expect(text).toMatch(new RegExp(`${run.fileBytes / MB} MB a file|files of ${run.fileBytes / MB} MB`));
		});
	}

	it("each states the wall-clock limit, and the instructors' page the queue length", () => {
		expect(pages['README.md']).toContain(`a ${runTimeMs / 1000} s wall-clock limit`);
		expect(pages['instructors.mdx']).toContain(`stops a run after ${runTimeMs / 1000} s`);
		expect(pages['instructors.mdx']).toContain(`lets ${queueLength} wait`);
	});
});
