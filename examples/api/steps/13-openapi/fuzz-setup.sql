-- The fuzz run's signed-in user (npm run fuzz:api -- users-api-step-13 runs
-- this on the freshly migrated database): an admin, so PATCH and DELETE reach
-- their handlers for every user the fuzzer creates, with an id no generated
-- request is likely to pick, so the fuzzer does not delete it along with its
-- session. The token, sent by schemathesis.toml, is stored as its SHA-256,
-- as POST /sessions stores one.
INSERT INTO users (id, name, email, role) OVERRIDING SYSTEM VALUE
VALUES (7777777777, 'Fuzzer', 'fuzzer@example.com', 'admin');

INSERT INTO sessions (token_sha256, user_id, expires_at)
VALUES (sha256('fuzz-admin-session'::bytea), 7777777777, now() + interval '1 day');
