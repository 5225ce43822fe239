// Numbers a lesson states about a run come from its saved transcript: the
// readers the <FromRun /> element uses (src/build/workspace/transcript-numbers.ts).
import { describe, expect, it } from 'vitest';
import { COUNTS, numberAfter, readNumber } from '../../src/build/workspace/transcript-numbers.ts';

const cargoTest = `$ cargo test

running 3 tests
test a ... ok
test b ... ok
test c ... ok

test result: ok. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.13s


running 0 tests

test result: ok. 0 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s


running 2 tests
test d ... ok
test e ... ok

test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 1.53s
`;

describe('count="tests"', () => {
	it("sums the passed tests of every test binary's result line", () => {
		expect(readNumber(cargoTest, { count: 'tests' })).toBe('5');
	});

	it('refuses a run with a failure, and a transcript that is not cargo test', () => {
		const failed = cargoTest.replace('test result: ok. 2 passed; 0 failed', 'test result: FAILED. 1 passed; 1 failed');
		expect(() => readNumber(failed, { count: 'tests' })).toThrow(/did not pass \(“test result: FAILED\. 1 passed; 1 failed;”\)/);
		expect(() => readNumber('$ curl -i /health\nHTTP/1.1 200 OK\n', { count: 'tests' })).toThrow(/no `test result: … N passed` line/);
	});
});

describe('count="errors"', () => {
	it("counts a compile's error headlines, with or without a code, but not cargo's summary", () => {
		const stderr = 'error[E0004]: non-exhaustive patterns\n  --> a.rs:16:15\nerror[E0004]: non-exhaustive patterns\nerror: expected `;`\nwarning: unused\nerror: aborting due to 3 previous errors\nerror: could not compile `demo`\n';
		expect(readNumber(stderr, { count: 'errors' })).toBe('3');
	});

	it('refuses output without an error', () => {
		expect(() => readNumber('warning: unused variable\n', { count: 'errors' })).toThrow(/no `error\[E…\]:` or `error:` line/);
	});
});

describe('after="…"', () => {
	it('reads the number that follows a text found once, with its separators', () => {
		expect(numberAfter('len 7, capacity 8\n', 'capacity ')).toBe('8');
		expect(numberAfter('a body of 20,000 bytes', 'body of ')).toBe('20,000');
		expect(numberAfter('finished in 5.96s', 'finished in ')).toBe('5.96');
		// A sentence's full stop after the number is not part of it.
		expect(numberAfter('served 12.', 'served ')).toBe('12');
	});

	it('refuses a text that is absent, repeated or not followed by a number', () => {
		expect(() => numberAfter('len 7', 'capacity ')).toThrow('the transcript does not contain “capacity ”');
		expect(() => numberAfter('len 7, len 8', 'len ')).toThrow('“len ” occurs 2 times in the transcript: give enough of the text to pick one');
		expect(() => numberAfter('len seven', 'len ')).toThrow('no number right after “len ” in the transcript');
		expect(() => numberAfter('len 7', '')).toThrow(/names no text/);
	});
});

describe('readNumber', () => {
	it('takes exactly one of count, after and match', () => {
		expect(() => readNumber(cargoTest, {})).toThrow(/exactly one of count/);
		expect(() => readNumber(cargoTest, { after: 'in ', match: String.raw`(\d+) passed` })).toThrow(/exactly one of count/);
		expect(() => readNumber(cargoTest, { count: 'tests', after: 'in ' })).toThrow(/exactly one of count/);
	});

	it('names the known counts when given an unknown one, and is not fooled by inherited names', () => {
		expect(() => readNumber(cargoTest, { count: 'lines' })).toThrow('unknown count "lines" (known: tests, errors)');
		expect(Object.keys(COUNTS)).toEqual(['tests', 'errors']);
		expect(() => readNumber(cargoTest, { count: 'toString' })).toThrow(/unknown count "toString"/);
	});
});

describe('match="…"', () => {
	const counts = 'skipped: "garbage"\n  5  /users\n  2  /health\n  2  /users/42\n';

	it('reads the one group of a pattern that matches once, lines anchored by ^ and $', () => {
		expect(readNumber(counts, { match: String.raw`^ *(\d+) +/users$` })).toBe('5');
		expect(readNumber(counts, { match: String.raw`(\d+)  /health` })).toBe('2');
	});

	it('refuses a pattern that matches no place or several, has no single group, or captures no number', () => {
		expect(() => readNumber(counts, { match: String.raw`(\d+) +/orders` })).toThrow(String.raw`match="(\d+) +/orders" matches nothing in the transcript`);
		expect(() => readNumber(counts, { match: String.raw`(\d+) +/users` })).toThrow(/matches 2 times in the transcript: make it match one place/);
		expect(() => readNumber(counts, { match: String.raw`\d+ +/health` })).toThrow(/needs exactly one \(group\)/);
		expect(() => readNumber(counts, { match: String.raw`(\d+) +(/health)` })).toThrow(/needs exactly one \(group\)/);
		expect(() => readNumber(counts, { match: String.raw`\d+ +(/health)` })).toThrow('captured “/health” in “2  /health”, not a number');
		expect(() => readNumber(counts, { match: '(' })).toThrow(/match="\(" is not a regular expression/);
	});
});

describe('line="…"', () => {
	const diagnostic = `error[E0382]: borrow of moved value: \`body\`
  --> demo/must-fail/moved.rs:10:49
   |
 8 |     let body = String::from("x");
   |         ---- move occurs because \`body\` has type \`String\`
 9 |     let status = handle_create(body);
   |                                ---- value moved here
10 |     println!("{status} {}", body.len());
   |                             ^^^^ value borrowed here after move
help: consider cloning the value if the performance cost is acceptable
   |
 9 |     let status = handle_create(body.clone());
   |                                    ++++++++
`;

	it('reads the margin number of the quoted source line holding the code, once even if quoted twice', () => {
		expect(readNumber(diagnostic, { line: 'body.len()' })).toBe('10');
		expect(readNumber(diagnostic, { line: 'let body' })).toBe('8');
		expect(readNumber(diagnostic, { line: 'let status' })).toBe('9');
	});

	it('refuses code on no quoted line (labels and arrows are not source) or on two different lines', () => {
		expect(() => readNumber(diagnostic, { line: 'value moved here' })).toThrow('no source line quoted in the diagnostic (`NN | …`) contains “value moved here”');
		expect(() => readNumber(diagnostic, { line: 'body' })).toThrow('“body” is on several quoted source lines (8, 9, 10): give enough of the code to pick one');
		expect(() => readNumber(diagnostic, { line: '' })).toThrow(/names no code/);
	});
});
