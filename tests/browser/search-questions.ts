/**
 * What learners type into the search box, each with the page that answers
 * it. Short and loose on purpose, as people really search: a few words, an
 * error message's headline, a crate's name, a comparison. A question lists a
 * second page only where both really answer it (an error explained in two
 * lessons, a topic the Book companion and a project part both teach).
 *
 * Pagefind lists only pages that have every word of the query (or a longer
 * word that starts with it) in their text, title or description. So "fuzz my
 * api" finds nothing while no lesson says "my"; it stays, because that is
 * how learners type, and tests/browser/search-questions.test.ts reports it.
 */
export type Question = [query: string, ...pages: string[]];

export const QUESTIONS: Question[] = [
	// Why Rust, and the first server
	['why rust for backend', '/why-rust/'],
	['does rust have a garbage collector', '/why-rust/', '/rust-book/ownership/'],
	['slow compile times', '/why-rust/', '/going-further/dev-loop/'],
	['install rust', '/getting-started/', '/rust-book/getting-started/'],
	['first web server', '/getting-started/'],
	['axum::Server::bind', '/getting-started/'],

	// The Rust Book companion
	['what is cargo.lock', '/rust-book/getting-started/'],
	['println format width', '/rust-book/getting-started/'],
	['read a line from stdin', '/rust-book/guessing-game/', '/cli/reading-input/'],
	['parse string to number', '/rust-book/guessing-game/'],
	['integer overflow', '/rust-book/common-concepts/'],
	['break out of nested loops', '/rust-book/common-concepts/'],
	['cannot borrow as mutable', '/rust-book/ownership/', '/rust-book/guessing-game/'],
	['use of moved value', '/rust-book/ownership/'],
	['stack vs heap', '/rust-book/ownership/'],
	['methods with &mut self', '/rust-book/structs/'],
	['default values for struct fields', '/rust-book/structs/'],
	['null', '/rust-book/enums-and-match/'],
	['let else', '/rust-book/enums-and-match/'],
	['split code into files', '/rust-book/packages-and-modules/'],
	['cargo workspace', '/rust-book/packages-and-modules/'],
	['count with a hashmap', '/rust-book/collections/'],
	['index into a string', '/rust-book/collections/'],
	['question mark operator', '/rust-book/error-handling/'],
	['when to use unwrap', '/rust-book/error-handling/'],
	['custom error type', '/rust-book/error-handling/', '/api/errors/'],
	['trait objects', '/rust-book/generics-traits-lifetimes/'],
	['missing lifetime specifier', '/rust-book/generics-traits-lifetimes/', '/rust-book/ownership/'],
	['borrowed value does not live long enough', '/rust-book/generics-traits-lifetimes/', '/cli/parsing-log-lines/'],

	// The users API
	['add a route', '/api/routing-and-handlers/'],
	['path parameters', '/api/extractors-and-state/', '/api/routing-and-handlers/'],
	['pagination', '/api/pagination/', '/api/extractors-and-state/'],
	['keyset pagination', '/api/pagination/'],
	['share state between handlers', '/api/extractors-and-state/'],
	['how do I return json from a handler', '/api/json-with-serde/'],
	['timestamps in json', '/api/json-with-serde/'],
	['connection pool', '/api/postgres-with-sqlx/'],
	['sqlx offline', '/api/postgres-with-sqlx/'],
	['database migrations', '/api/postgres-with-sqlx/'],
	['sql injection', '/api/postgres-with-sqlx/'],
	['return 404 not found', '/api/errors/'],
	['validation error for a field', '/api/errors/'],
	['cors', '/api/middleware/'],
	['request timeout', '/api/middleware/'],
	['limit request body size', '/api/middleware/'],
	['graceful shutdown', '/api/configuration-and-shutdown/'],
	['read config from environment variables', '/api/configuration-and-shutdown/', '/rust-book/getting-started/'],
	['RUST_LOG', '/api/configuration-and-shutdown/'],
	['health check endpoint', '/api/configuration-and-shutdown/'],
	['test with a real database', '/api/testing/'],
	['mock the database', '/api/testing/'],
	['test a handler without starting a server', '/api/testing/', '/getting-started/'],
	['spawn_blocking', '/api/async-in-a-handler/'],
	['hash passwords with argon2', '/api/authentication-and-authorization/', '/api/async-in-a-handler/'],
	['401 or 403', '/api/authentication-and-authorization/'],
	['database transaction rollback', '/api/transactions/'],
	['openapi', '/api/openapi-and-fuzzing/'],
	['fuzz my api', '/api/openapi-and-fuzzing/'],
	['dockerfile for a rust api', '/api/running-in-a-container/'],
	['bind 0.0.0.0 in docker', '/api/running-in-a-container/', '/api/configuration-and-shutdown/'],
	['run the container as non-root', '/api/running-in-a-container/'],

	// Benchmarking
	['benchmark results go vs rust', '/benchmarking/results/'],
	['is rust faster than java spring', '/benchmarking/results/'],
	['how to benchmark a web server', '/benchmarking/how-to-benchmark/'],
	['p99 latency', '/benchmarking/how-to-benchmark/'],
	['run the benchmarks', '/benchmarking/reproduce/'],

	// The logstat command-line tool
	['parse command line arguments', '/cli/arguments/', '/rust-book/getting-started/'],
	['read a gzip file', '/cli/reading-input/'],
	['read a large file in chunks', '/cli/reading-input/'],
	['zero copy parsing', '/cli/parsing-log-lines/'],
	['exit code', '/cli/errors-and-tests/'],
	['property based testing', '/cli/errors-and-tests/'],
	['use all cpu cores', '/cli/making-it-fast/'],
	['threads in webassembly', '/cli/making-it-fast/'],
	['ship a static binary', '/cli/shipping-a-binary/'],
	['run it from cron', '/cli/shipping-a-binary/'],

	// Going further
	['background job queue', '/going-further/workers/'],
	['retry with exponential backoff', '/going-further/workers/', '/rust-book/async/'],
	['prometheus metrics', '/going-further/observability/'],
	['opentelemetry traces', '/going-further/observability/'],
	['kubernetes readiness probe', '/going-further/shipping/'],
	['musl static binary', '/going-further/shipping/', '/cli/shipping-a-binary/'],
	['faster linker mold', '/going-further/dev-loop/', '/why-rust/'],
	['rebuild on save', '/going-further/dev-loop/'],
	['grpc with tonic', '/going-further/grpc/'],
	['protobuf faster than json', '/going-further/grpc/'],
	['graphql n+1 dataloader', '/going-further/graphql/'],
	['graphql query depth limit', '/going-further/graphql/'],
	['rust webassembly in node', '/going-further/wasm/'],
	['napi-rs native addon', '/going-further/wasm/'],

	// Resources
	['books to learn rust', '/resources/'],
	['teach a class without internet', '/resources/instructors/'],
	['track progress', '/resources/progress/'],
	['export progress', '/resources/progress/'],
	['three day course schedule', '/resources/schedules/'],
	['speaker notes', '/resources/instructors/', '/resources/schedules/'],
];
