-- The job queue: one row per job, claimed by workers with
-- FOR UPDATE SKIP LOCKED (src/queue.rs).
CREATE TABLE jobs (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind TEXT NOT NULL,
    payload JSONB NOT NULL,
    -- The same key enqueued twice is one job: enqueueing is idempotent.
    idempotency_key TEXT UNIQUE,
    state TEXT NOT NULL DEFAULT 'queued'
        CHECK (state IN ('queued', 'running', 'done', 'dead')),
    attempts INTEGER NOT NULL DEFAULT 0,
    max_attempts INTEGER NOT NULL DEFAULT 5 CHECK (max_attempts > 0),
    -- Not before: a retry waits here for its backoff.
    run_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    -- A running job's lease: past it, the worker is presumed dead and the
    -- job is claimed again.
    locked_until TIMESTAMPTZ,
    last_error TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- What a claim searches: jobs that can run, oldest first.
CREATE INDEX jobs_claimable ON jobs (run_at, id) WHERE state IN ('queued', 'running');

-- What the search for expired leases reads, without the done and dead history.
CREATE INDEX jobs_leases ON jobs (locked_until) WHERE state = 'running';
