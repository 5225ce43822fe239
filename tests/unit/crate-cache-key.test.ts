import { describe, expect, it } from 'vitest';
import { cacheKey } from '../../scripts/playground/crate-cache.ts';

const pkg = (name: string, version: string, dependencies: string[] = [], registry = true) =>
	`[[package]]\nname = "${name}"\nversion = "${version}"\n${registry ? `source = "registry+https://example.invalid/index"\nchecksum = "${name}${version}"\n` : ''}dependencies = [${dependencies.map((d) => `"${d}"`).join(', ')}]\n`;
const lock = (...packages: string[]) => `version = 4\n\n${packages.join('\n')}`;
// axum is one of the course's crates; bytes a dependency of it.
const course = [pkg('axum', '0.8.9', ['bytes']), pkg('bytes', '1.11.0')];
const key = (...packages: string[]) => cacheKey('rustc 1.95.0', 'manifest', lock(...packages));

describe("the compile server's crate cache key", () => {
	const base = key(...course, pkg('users-api', '0.1.0', ['axum'], false));

	it('stays when the workspace gains a crate of its own, or a registry crate the course crates do not use', () => {
		expect(key(...course, pkg('users-api', '0.1.0', ['axum'], false), pkg('users-api-step-09', '0.1.0', ['axum', 'argon2'], false), pkg('argon2', '0.6.0'))).toBe(base);
	});

	it('changes with a crate the course crates use, directly or not, and with the compiler or the manifest', () => {
		expect(key(pkg('axum', '0.8.10', ['bytes']), pkg('bytes', '1.11.0'))).not.toBe(base);
		expect(key(pkg('axum', '0.8.9', ['bytes 1.12.0']), pkg('bytes', '1.11.0'), pkg('bytes', '1.12.0'))).not.toBe(base);
		expect(key(pkg('axum', '0.8.9', ['bytes']), pkg('bytes', '1.11.1'))).not.toBe(base);
		expect(cacheKey('rustc 1.96.0', 'manifest', lock(...course))).not.toBe(base);
		expect(cacheKey('rustc 1.95.0', 'other', lock(...course))).not.toBe(base);
	});
});
