-- The one table every peer of the benchmark lab reads (GET /users/{id}):
-- 10,000 rows, the same on every run, so every stack returns the same bytes.
CREATE TABLE bench_users (
    id integer PRIMARY KEY,
    name text NOT NULL,
    email text NOT NULL
);

INSERT INTO bench_users (id, name, email)
SELECT i, 'User ' || i, 'user' || i || '@example.com'
FROM generate_series(1, 10000) AS i;
