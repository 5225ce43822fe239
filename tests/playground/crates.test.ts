// The course's crates on the compile server: listed as the Playground lists
// its crates, at the versions of examples/Cargo.lock, and an edited handler
// from the API part compiled and run against them, offline.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COURSE_CRATES, lockedVersions } from '../../scripts/playground/crate-cache.ts';
import { examplesRoot } from '../../src/build/workspace/workspace.ts';
import { send, SITE, startServer } from './server.ts';

describe('compile server: the course crates', { timeout: 120_000 }, () => {
	it('lists them at /meta/crates with the versions of examples/Cargo.lock', async () => {
		const { url } = await startServer();
		const { status, body, headers } = await send(url, { method: 'GET', path: '/meta/crates', headers: { origin: SITE } });
		expect(status).toBe(200);
		expect(headers['access-control-allow-origin']).toBe(SITE);
		const versions = lockedVersions(readFileSync(join(examplesRoot, 'Cargo.lock'), 'utf8'));
		expect(body['crates']).toEqual(COURSE_CRATES.map(({ name }) => ({ name, version: versions.get(name), id: name.replaceAll('-', '_') })));
		for (const name of ['axum', 'tokio', 'tower', 'http-body-util', 'serde', 'serde_json', 'thiserror']) expect(versions.has(name)).toBe(true);
	});

	it('compiles and runs an edited handler from the API part (handlers-in-memory)', async () => {
		const source = readFileSync(join(examplesRoot, 'api/handlers-in-memory/src/main.rs'), 'utf8');
		// The learner's edit: a new user answers 202 Accepted. And a main that
		// drives the lesson's own router with two requests, since the
		// Playground's API passes no arguments or input.
		const edited = source.replace('(StatusCode::CREATED, Json(user))', '(StatusCode::ACCEPTED, Json(user))').replace('fn main() {', '#[allow(dead_code)]\nfn lesson_main() {');
		expect(edited).toContain('StatusCode::ACCEPTED');
		const program = `${edited}
fn main() {
    let app = app();
    for line in [r#"POST /users {"name": "Ada"}"#, "GET /users/1"] {
        let response = pollster::block_on(app.clone().oneshot(request(line).unwrap())).unwrap();
        let status = response.status();
        let body = pollster::block_on(response.into_body().collect()).unwrap().to_bytes();
        println!("{line} -> {status} {}", String::from_utf8_lossy(&body));
    }
}
`;
		const { execute } = await startServer();
		const { body } = await execute(program);
		expect(body['stderr']).not.toContain('error');
		expect(body).toMatchObject({
			success: true,
			stdout: 'POST /users {"name": "Ada"} -> 202 Accepted {"id":1,"name":"Ada"}\nGET /users/1 -> 200 OK {"id":1,"name":"Ada"}\n',
		});
	});

	it('runs tokio, serde and thiserror together, with #[tokio::test] tests', async () => {
		const code = `
use serde::Deserialize;
#[derive(Debug, thiserror::Error)]
enum SignupError { #[error("name is empty")] Empty }
#[derive(Deserialize)]
struct Signup { name: String }
fn check(json: &str) -> Result<String, SignupError> {
    let signup: Signup = serde_json::from_str(json).unwrap();
    if signup.name.is_empty() { Err(SignupError::Empty) } else { Ok(signup.name) }
}
#[tokio::main]
async fn main() {
    let handle = tokio::spawn(async { check(r#"{"name": ""}"#) });
    println!("{}", handle.await.unwrap().unwrap_err());
}
#[cfg(test)]
mod tests {
    #[tokio::test]
    async fn accepts_a_name() { assert_eq!(super::check(r#"{"name": "Ada"}"#).unwrap(), "Ada"); }
}`;
		const { execute } = await startServer({ runTimeMs: 10_000 });
		expect((await execute(code)).body).toMatchObject({ success: true, stdout: 'name is empty\n' });
		const tests = await execute(code, { tests: true });
		expect(tests.body).toMatchObject({ success: true });
		expect(tests.body['stdout']).toContain('test tests::accepts_a_name ... ok');
	});

	it('shows a crate the server does not have as rustc\'s unresolved import', async () => {
		const { execute } = await startServer();
		const { body } = await execute('use rand::Rng; fn main() {}');
		expect(body['success']).toBe(false);
		expect(body['stderr']).toMatch(/error\[E0432\]: unresolved import `rand`/);
	});
});
