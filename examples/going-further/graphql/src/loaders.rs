//! The batch loaders. Each request gets its own DataLoader (src/server.rs):
//! keys asked for while the request's resolvers run are collected and
//! loaded together, in one statement.

use std::collections::HashMap;
use std::sync::Arc;

use async_graphql::dataloader::Loader;
use sqlx::PgPool;

use crate::db::{self, JobRow, UserRow};

// ANCHOR: jobs_loader
pub struct JobsByUser(pub PgPool);

impl Loader<i64> for JobsByUser {
    type Value = Vec<JobRow>;
    // The error is handed to every resolver that waited on the batch, so it
    // must be Clone; sqlx::Error is not, an Arc of it is.
    type Error = Arc<sqlx::Error>;

    async fn load(&self, user_ids: &[i64]) -> Result<HashMap<i64, Vec<JobRow>>, Self::Error> {
        let rows = db::jobs_of_users(&self.0, user_ids).await?;
        // Every key gets an entry, an empty list for a user without jobs:
        // a key missing from the map would read as "no such user".
        let mut by_user: HashMap<i64, Vec<JobRow>> =
            user_ids.iter().map(|&id| (id, Vec::new())).collect();
        for row in rows {
            if let Some(jobs) = row.user_id.and_then(|id| by_user.get_mut(&id)) {
                jobs.push(row);
            }
        }
        Ok(by_user)
    }
}
// ANCHOR_END: jobs_loader

/// `Job.user`: the owners of a page of jobs, in one statement.
pub struct UsersById(pub PgPool);

impl Loader<i64> for UsersById {
    type Value = UserRow;
    type Error = Arc<sqlx::Error>;

    async fn load(&self, ids: &[i64]) -> Result<HashMap<i64, UserRow>, Self::Error> {
        let rows = db::users_by_ids(&self.0, ids).await?;
        Ok(rows.into_iter().map(|row| (row.id, row)).collect())
    }
}
