//! A GraphQL API over the course's users and the jobs of the workers
//! lesson: async-graphql for the schema, axum to serve it.

pub mod db;
pub mod demo;
pub mod json_only;
pub mod loaders;
pub mod query_count;
pub mod schema;
pub mod server;

/// The crate's migrations: the users table (the API's first migration),
/// the jobs table (the workers lesson's), and a `user_id` column on jobs.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!();
