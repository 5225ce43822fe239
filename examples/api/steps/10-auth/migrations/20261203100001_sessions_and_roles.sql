-- Who may do what, and who is signed in. Additive, like every migration
-- after the first: a new column with a default, and a new table.

-- Every user is a member; an admin may change anyone. No endpoint sets
-- this column: an operator makes an admin with SQL, e.g.
--   UPDATE users SET role = 'admin' WHERE lower(email) = lower('root@example.com');
ALTER TABLE users
    ADD COLUMN role TEXT NOT NULL DEFAULT 'member'
    CHECK (role IN ('member', 'admin'));

-- One row per signed-in client. The token itself is never stored, only
-- its SHA-256: a copy of this table lets nobody sign in.
CREATE TABLE sessions (
    token_sha256 BYTEA PRIMARY KEY CHECK (length(token_sha256) = 32),
    user_id      BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    expires_at   TIMESTAMPTZ NOT NULL
);

-- ON DELETE CASCADE looks a user's sessions up by user_id.
CREATE INDEX sessions_user_id ON sessions (user_id);
