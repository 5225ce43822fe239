// Benchmark lab peer: Node.js + Fastify + pg (node-postgres).
//
// The same small service as every other peer of the lab:
//   GET /plaintext   -> 200 text/plain "Hello, World!"
//   GET /users/{id}  -> 200 / 400 / 404 JSON, one query by primary key
//
// One core: Node runs JavaScript on one thread (one event loop), so one process
// is already "sized for one core"; there is no cluster and no worker_threads here.
// peer.json also sets UV_THREADPOOL_SIZE=1. libuv's thread pool (default 4 threads)
// runs the blocking work Node hides behind callbacks: dns.lookup() (pg resolves the
// host name of DATABASE_URL with it), fs, crypto and zlib. This service barely
// touches it, but 4 extra threads would be extra parallelism that no other peer
// is given on a single pinned CPU, so the pool is cut to one thread for honesty.
// (V8 keeps its own few helper threads for GC and compilation; that is the runtime.)
//
// No request logging (`logger: false`): a log line per request would dominate the
// measurement. One line on stdout at startup.

import Fastify from 'fastify';
import pg from 'pg';

function requiredEnv(name) {
	const value = process.env[name];
	if (value === undefined || value === '') {
		console.error(`${name} must be set`);
		process.exit(2);
	}
	return value;
}

const port = Number.parseInt(requiredEnv('PORT'), 10);
const databaseUrl = requiredEnv('DATABASE_URL');
const poolSize = Number.parseInt(requiredEnv('POOL_SIZE'), 10);
if (!Number.isInteger(poolSize) || poolSize < 1) {
	console.error('POOL_SIZE must be a positive integer');
	process.exit(2);
}

// node-postgres' Pool opens connections lazily, up to `max`, and reuses them.
const pool = new pg.Pool({ connectionString: databaseUrl, max: poolSize });
// An idle connection that breaks (e.g. the database restarts) is reported on the
// pool; without a listener that 'error' event would crash the process.
pool.on('error', (err) => {
	console.error(`idle database connection lost: ${err.message}`);
});

// A named query is prepared once per connection, then only executed.
const userById = {
	name: 'bench_user_by_id',
	text: 'SELECT id, name, email FROM bench_users WHERE id = $1',
};

const ID = /^[0-9]{1,9}$/;

const app = Fastify({
	logger: false,
	routerOptions: {
		// find-my-way answers 404 for a path parameter longer than this (default 100);
		// raise it so that every malformed id reaches our own check and gets the 400.
		maxParamLength: 16 * 1024,
	},
});

// Response schemas: Fastify serializes with fast-json-stringify, compact JSON with
// the properties in this order (id, name, email), as the contract requires.
const errorSchema = {
	type: 'object',
	properties: { error: { type: 'string' } },
	required: ['error'],
};
const userSchema = {
	type: 'object',
	properties: {
		id: { type: 'integer' },
		name: { type: 'string' },
		email: { type: 'string' },
	},
	required: ['id', 'name', 'email'],
};

app.get('/plaintext', (request, reply) => {
	reply.type('text/plain; charset=utf-8').send('Hello, World!');
});

app.get(
	'/users/:id',
	{ schema: { response: { 200: userSchema, 400: errorSchema, 404: errorSchema } } },
	async (request, reply) => {
		// Checked by hand: Fastify's own params validation would answer a different
		// body shape than the contract's.
		const { id } = request.params;
		if (!ID.test(id)) {
			return reply.code(400).send({ error: 'invalid id' });
		}
		// A database error rejects here; Fastify's error handler answers 500.
		const { rows } = await pool.query({ ...userById, values: [Number(id)] });
		if (rows.length === 0) {
			return reply.code(404).send({ error: 'not found' });
		}
		return rows[0];
	},
);

await app.listen({ host: '127.0.0.1', port });
console.log(`node-fastify listening on http://127.0.0.1:${port} (pool max ${poolSize})`);

// Close cleanly when the runner stops the server.
for (const signal of ['SIGINT', 'SIGTERM']) {
	process.once(signal, async () => {
		await app.close();
		await pool.end();
		process.exit(0);
	});
}
