-- The GraphQL lesson's own change to its copy of the workers lesson's jobs
-- table: which user a job belongs to. A column, not a field read out of the
-- welcome job's JSON payload, so that PostgreSQL keeps it honest (a foreign
-- key) and can find a user's jobs through an index. NULL for a job that
-- belongs to nobody (a nightly report, say).
ALTER TABLE jobs ADD COLUMN user_id BIGINT REFERENCES users (id) ON DELETE CASCADE;

-- What `User.jobs` asks for: one user's jobs, or a page of users' jobs at once.
CREATE INDEX jobs_user_id ON jobs (user_id, id);
