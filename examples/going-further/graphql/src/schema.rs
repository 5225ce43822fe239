//! The GraphQL schema: users and their jobs, one query type, one mutation,
//! and the limits every document is checked against before it runs.

use async_graphql::connection::{Connection, CursorType, Edge};
use async_graphql::dataloader::DataLoader;
use async_graphql::extensions::Analyzer;
use async_graphql::{
    Context, EmptySubscription, Error, ErrorExtensions, ID, Object, Result, Schema,
};
use sqlx::PgPool;

use crate::db::{self, JOBS_PER_USER, JobRow, UserRow};
use crate::loaders::{JobsByUser, UsersById};

pub type UsersSchema = Schema<Query, Mutation, EmptySubscription>;

// ANCHOR: limits
/// The deepest document the schema accepts. The deepest useful one is 6
/// fields: users › edges › node › jobs › user › name.
pub const MAX_DEPTH: usize = 7;
/// The most a document may cost, counted before it runs (see the
/// `complexity` attributes below): a field costs 1 plus its selection,
/// a list its page size times its selection. A page of 100 users with
/// their jobs fits (tests/limits.rs prints its cost).
pub const MAX_COMPLEXITY: usize = 10_000;
/// A page when the client names no size, and the largest it may ask for.
pub const DEFAULT_PAGE: i32 = 20;
pub const MAX_PAGE: i32 = 100;

pub fn build(db: PgPool, introspection: bool) -> UsersSchema {
    let builder = Schema::build(Query, Mutation, EmptySubscription)
        .data(db)
        .limit_depth(MAX_DEPTH)
        .limit_complexity(MAX_COMPLEXITY)
        // Puts each document's depth and complexity in the response's
        // `extensions`: a client sees how close it came to the limits.
        .extension(Analyzer);
    if introspection {
        builder.finish()
    } else {
        builder.disable_introspection().finish()
    }
}
// ANCHOR_END: limits

/// The price of a root `user(id)` lookup: one SQL statement of its own,
/// not batched, so worth a page of rows. Under aliases, at most 99 fit in
/// a document; a client that wants more users asks for a page.
pub const USER_LOOKUP_PRICE: usize = 100;

// ANCHOR: list_price
/// A list field's price: its length times the price of each item. It
/// saturates, because a cycle 15 levels deep multiplies past usize::MAX,
/// and it stops just above the limit, because async-graphql adds sibling
/// fields' prices with a plain `+` that would overflow after a saturated
/// product. Anything above MAX_COMPLEXITY is refused, whatever its size.
fn list_price(len: usize, each: usize) -> usize {
    len.saturating_mul(each).min(MAX_COMPLEXITY + 1)
}
// ANCHOR_END: list_price

/// A database error as the client sees it: no SQL, no table names. The
/// details go to the server's log.
fn internal(error: impl std::fmt::Display) -> Error {
    tracing::error!(%error, "database error");
    Error::new("internal error").extend_with(|_, e| e.set("code", "INTERNAL"))
}

fn bad_input(message: impl Into<String>) -> Error {
    Error::new(message).extend_with(|_, e| e.set("code", "BAD_USER_INPUT"))
}

fn parse_id(id: &ID) -> Result<i64> {
    id.parse()
        .map_err(|_| bad_input(format!("{:?} is not a user id", id.as_str())))
}

pub struct User(UserRow);
pub struct Job(JobRow);

// ANCHOR: user_jobs
#[Object]
impl User {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    async fn name(&self) -> &str {
        &self.0.name
    }

    async fn email(&self) -> &str {
        &self.0.email
    }

    /// The user's newest jobs, at most 20.
    #[graphql(complexity = "list_price(JOBS_PER_USER as usize, child_complexity)")]
    async fn jobs(&self, ctx: &Context<'_>) -> Result<Vec<Job>> {
        let rows = match ctx.data_opt::<DataLoader<JobsByUser>>() {
            // Batched: this user's id joins the others asked for in the
            // same round, and one statement loads them all.
            Some(loader) => loader
                .load_one(self.0.id)
                .await
                .map_err(internal)?
                .unwrap_or_default(),
            // One statement for this user alone: N users, N statements.
            None => db::jobs_of_user(ctx.data()?, self.0.id)
                .await
                .map_err(internal)?,
        };
        Ok(rows.into_iter().map(Job).collect())
    }
}
// ANCHOR_END: user_jobs

#[Object]
impl Job {
    async fn id(&self) -> ID {
        ID(self.0.id.to_string())
    }

    /// What the job does, e.g. `welcome_email`.
    async fn kind(&self) -> &str {
        &self.0.kind
    }

    /// queued, running, done or dead.
    async fn state(&self) -> &str {
        &self.0.state
    }

    async fn attempts(&self) -> i32 {
        self.0.attempts
    }

    /// The user the job belongs to, if any. With `User.jobs` it makes the
    /// schema a cycle, the road a hostile document takes to depth.
    async fn user(&self, ctx: &Context<'_>) -> Result<Option<User>> {
        let Some(id) = self.0.user_id else {
            return Ok(None);
        };
        let row = match ctx.data_opt::<DataLoader<UsersById>>() {
            Some(loader) => loader.load_one(id).await.map_err(internal)?,
            None => db::user(ctx.data()?, id).await.map_err(internal)?,
        };
        Ok(row.map(User))
    }
}

pub struct Query;

// ANCHOR: query
#[Object]
impl Query {
    /// One user by id, or null.
    #[graphql(complexity = "USER_LOOKUP_PRICE.saturating_add(child_complexity)")]
    async fn user(&self, ctx: &Context<'_>, id: ID) -> Result<Option<User>> {
        let row = db::user(ctx.data()?, parse_id(&id)?)
            .await
            .map_err(internal)?;
        Ok(row.map(User))
    }

    /// Users in id order, a page at a time: pass the last `endCursor` as
    /// `after` for the next page.
    #[graphql(
        complexity = "list_price(first.unwrap_or(DEFAULT_PAGE).max(0) as usize, child_complexity)"
    )]
    async fn users(
        &self,
        ctx: &Context<'_>,
        first: Option<i32>,
        after: Option<String>,
    ) -> Result<Connection<i64, User>> {
        let first = first.unwrap_or(DEFAULT_PAGE);
        if !(0..=MAX_PAGE).contains(&first) {
            return Err(bad_input(format!("first must be between 0 and {MAX_PAGE}")));
        }
        let after = match after {
            Some(cursor) => {
                Some(i64::decode_cursor(&cursor).map_err(|_| bad_input("invalid cursor"))?)
            }
            None => None,
        };
        // One row more than the page: whether it exists is hasNextPage.
        let mut rows = db::users_after(ctx.data()?, after, i64::from(first) + 1)
            .await
            .map_err(internal)?;
        let has_next = rows.len() > first as usize;
        rows.truncate(first as usize);
        let mut page = Connection::new(after.is_some(), has_next);
        page.edges
            .extend(rows.into_iter().map(|row| Edge::new(row.id, User(row))));
        Ok(page)
    }
}
// ANCHOR_END: query

pub struct Mutation;

// ANCHOR: mutation
#[Object]
impl Mutation {
    /// Creates a user. The same checks as the users table: a name of 1 to
    /// 100 characters, an email of 3 to 254, unique whatever its case.
    async fn create_user(&self, ctx: &Context<'_>, name: String, email: String) -> Result<User> {
        let name = name.trim();
        let email = email.trim();
        if !(1..=100).contains(&name.chars().count()) {
            return Err(bad_input("name must be 1 to 100 characters"));
        }
        if !(3..=254).contains(&email.chars().count()) || !email.contains('@') {
            return Err(bad_input("email must be an address of 3 to 254 characters"));
        }
        match db::insert_user(ctx.data()?, name, email).await {
            Ok(row) => Ok(User(row)),
            Err(sqlx::Error::Database(error)) if error.constraint() == Some("users_email_key") => {
                Err(Error::new("a user with this email already exists")
                    .extend_with(|_, e| e.set("code", "CONFLICT")))
            }
            Err(error) => Err(internal(error)),
        }
    }
}
// ANCHOR_END: mutation
