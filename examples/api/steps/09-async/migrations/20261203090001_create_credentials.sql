-- A user's password hash, in a table of its own: no query that reads users
-- can return it by accident, and a user deleted takes it along.
CREATE TABLE credentials (
    user_id       BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    -- A PHC string: $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>
    password_hash TEXT NOT NULL
);
