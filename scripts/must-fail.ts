/**
 * Proves every must-fail snippet still fails the way its lesson says:
 * a compile error with the declared code (E0433…), or a panic with the
 * declared message. A snippet that now works, or fails another way, fails
 * this script. What the compiler or program printed is saved beside the
 * snippet as <name>.stderr, which the lesson shows.
 *
 *   node scripts/task.ts must-fail            check (the test command runs this)
 *   node scripts/task.ts must-fail --update   rewrite the .stderr files
 *   node scripts/task.ts must-fail --update book-ownership   only these crates (by name)
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { examplesRoot, cratesNamedIn, type Crate, type MustFail } from '../src/build/workspace/workspace.ts';
import { golden, report, type GoldenResult } from './lib/golden.ts';
import { defineTask } from './lib/task.ts';

function cargo(args: string[], env: NodeJS.ProcessEnv = {}) {
	return spawnSync('cargo', args, {
		cwd: examplesRoot,
		encoding: 'utf8',
		env: { ...process.env, CARGO_TERM_COLOR: 'never', ...env },
	});
}

interface Diagnostic {
	reason: string;
	message?: { level: string; code?: { code: string } | null; rendered: string };
}

/** Builds the snippet; returns what it printed, or why it is not failing as declared. */
function check(crate: Crate, snippet: MustFail): { output: string } | { problem: string } {
	const build = cargo(['build', '-p', crate.name, '--bin', snippet.bin, '--features', 'must-fail', '--message-format=json']);
	const errors = build.stdout
		.split('\n')
		.filter((line) => line.startsWith('{'))
		.map((line) => JSON.parse(line) as Diagnostic)
		.filter((d) => d.reason === 'compiler-message' && d.message?.level === 'error')
		.map((d) => d.message!);

	if ('compileError' in snippet.expect) {
		const want = snippet.expect.compileError;
		if (build.status === 0) return { problem: `it compiles, but the lesson says it fails with ${want}` };
		const codes = errors.map((e) => e.code?.code).filter(Boolean);
		if (!codes.includes(want)) {
			return { problem: `it fails with ${codes.join(', ') || 'no error code'}, not ${want}:\n${build.stderr}` };
		}
		return { output: errors.map((e) => e.rendered.trimEnd()).join('\n\n') + '\n' };
	}

	if (build.status !== 0) return { problem: `it should compile and then panic, but does not compile:\n${build.stderr}` };
	const run = spawnSync(join(examplesRoot, 'target/debug', snippet.bin), {
		encoding: 'utf8',
		env: { ...process.env, RUST_BACKTRACE: '0' },
	});
	if (run.status !== 101 || !run.stderr.includes(snippet.expect.panic)) {
		return { problem: `expected a panic (exit 101) with “${snippet.expect.panic}”; got exit ${run.status}:\n${run.stderr}` };
	}
	return { output: run.stderr };
}

export default defineTask({
	name: 'must-fail',
	description: 'checks every must-fail snippet still fails as its lesson says, and its saved output',
	options: {
		update: { type: 'boolean', description: 'rewrite the saved .stderr files' },
	},
	positionals: '[crate…]',
	run(values, crates) {
		const results: GoldenResult[] = [];
		// Crate names narrow the run, e.g. to one lesson's crate.
		for (const crate of cratesNamedIn(crates)) {
			for (const snippet of crate.mustFail) {
				const example = `${crate.name}/${snippet.bin} (examples/${snippet.source})`;
				const outcome = check(crate, snippet);
				const file = join(examplesRoot, snippet.source.replace(/\.rs$/, '.stderr'));
				results.push(
					'problem' in outcome
						? { file, ok: false, message: `${example}: ${outcome.problem}` }
						: golden(file, outcome.output, example, examplesRoot, values.update === true),
				);
			}
		}
		report(results, 'npm run examples:update');
	},
});
