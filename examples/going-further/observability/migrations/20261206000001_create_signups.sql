-- The observability lesson's users: a signup enqueues their welcome email
-- (the jobs table is the job queue's, linked beside this file).
CREATE TABLE signups (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name TEXT NOT NULL,
    email TEXT NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
