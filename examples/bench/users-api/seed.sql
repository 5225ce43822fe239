-- The lab's 10,000 users in users-api's own table (its migrations create it
-- when the service first starts): the same ids, names and emails as
-- bench_users, and one fixed creation time, so every run returns the same bytes.
INSERT INTO users (id, name, email, created_at) OVERRIDING SYSTEM VALUE
SELECT i, 'User ' || i, 'user' || i || '@example.com', '2026-01-01T00:00:00Z'
FROM generate_series(1, 10000) AS i;

-- Past the seeded ids, so a POST /users would not collide with them.
SELECT setval(pg_get_serial_sequence('users', 'id'), 10000);
