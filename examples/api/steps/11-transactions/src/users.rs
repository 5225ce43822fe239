//! The users resource: create, read, list (a page at a time), update,
//! delete, each one SQL statement on the `users` table, and a user's
//! password hash in `credentials`. Update and delete are for the user
//! themselves or an admin.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::password;

// ANCHOR: user
/// A user as the API sends it, and as a row of `users`: `query_as!` fills
/// these fields from the columns of the same names.
#[derive(Clone, Debug, Serialize)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
    /// Written as RFC 3339 text, `2026-12-03T18:45:00.5Z`, rather than as
    /// the array of numbers that `OffsetDateTime`'s own `Serialize` writes.
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}
// ANCHOR_END: user

// ANCHOR: payloads
/// The body of POST /users. Every field is required, yet declared `Option`:
/// a missing one reaches the handler as `None`, which `required` answers in
/// our error shape, naming the field, instead of serde's message. No
/// `Debug`: a `{:?}` of it in a log line would write the password there.
#[derive(Deserialize)]
pub struct CreateUser {
    pub name: Option<String>,
    pub email: Option<String>,
    pub password: Option<String>,
}

/// The body of PATCH /users/{id}: the fields to change, any of them.
#[derive(Debug, Deserialize)]
pub struct UpdateUser {
    pub name: Option<String>,
    pub email: Option<String>,
}
// ANCHOR_END: payloads

// ANCHOR: validate
/// PostgreSQL's `text` cannot store the NUL character (JSON `\u0000`): left
/// to the database, it would fail the query and answer 500.
fn no_nul(value: &str, field: &'static str) -> Result<(), ApiError> {
    if value.contains('\0') {
        return Err(ApiError::Validation {
            field,
            message: format!("{field} must not contain the NUL character (\\u0000)"),
        });
    }
    Ok(())
}

/// A name is 1 to 100 characters once trimmed.
fn valid_name(name: &str) -> Result<String, ApiError> {
    no_nul(name, "name")?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(ApiError::Validation {
            field: "name",
            message: "name must be 1 to 100 characters".into(),
        });
    }
    Ok(name.to_string())
}

/// An email is `local@domain`, both parts non-empty, at most 254 characters
/// (counted as the table's CHECK counts them, not in bytes).
fn valid_email(email: &str) -> Result<String, ApiError> {
    no_nul(email, "email")?;
    let email = email.trim();
    let well_formed = matches!(email.split_once('@'),
        Some((local, domain)) if !local.is_empty() && domain.contains('.') && !domain.contains('@'));
    if !well_formed || email.chars().count() > 254 {
        return Err(ApiError::Validation {
            field: "email",
            message: "email must look like name@example.com".into(),
        });
    }
    Ok(email.to_string())
}

/// A password is 8 to 128 characters, taken as sent: spaces count, and
/// nothing is trimmed. The upper bound keeps one request from handing the
/// hash megabytes to read.
fn valid_password(password: String) -> Result<String, ApiError> {
    if !(8..=128).contains(&password.chars().count()) {
        return Err(ApiError::Validation {
            field: "password",
            message: "password must be 8 to 128 characters".into(),
        });
    }
    Ok(password)
}

/// A field the API cannot do without: left out or sent as `null`, it is
/// `None`, and the client gets a 422 whose message and `field` name it.
pub(crate) fn required(value: Option<String>, field: &'static str) -> Result<String, ApiError> {
    value.ok_or_else(|| ApiError::Validation {
        field,
        message: format!("{field} is required"),
    })
}
// ANCHOR_END: validate

// ANCHOR: conflict_on_email
/// The unique index on lower(email) refused the row: 409. Any other error
/// stays a database error (500).
fn conflict_on_email(error: sqlx::Error) -> ApiError {
    match &error {
        sqlx::Error::Database(db) if db.constraint() == Some("users_email_key") => {
            ApiError::Conflict {
                field: "email",
                message: "a user with this email already exists".into(),
            }
        }
        _ => ApiError::Database(error),
    }
}
// ANCHOR_END: conflict_on_email

// ANCHOR: create
pub async fn create(
    State(state): State<AppState>,
    payload: Result<Json<CreateUser>, JsonRejection>,
) -> Result<(StatusCode, Json<User>), ApiError> {
    let Json(payload) = payload?;
    let name = valid_name(&required(payload.name, "name")?)?;
    let email = valid_email(&required(payload.email, "email")?)?;
    let password = valid_password(required(payload.password, "password")?)?;
    // The slow part first, before anything is written: a client that goes
    // away while it runs leaves nothing behind.
    let password_hash = password::hash(state.argon2.clone(), &state.hash_permits, password).await?;
    // Both rows or neither: one transaction, on one connection that the
    // pool lends from `begin` until `commit`, or until `tx` is dropped.
    let mut tx = state.db.begin().await?;
    let user = sqlx::query_as!(
        User,
        "INSERT INTO users (name, email) VALUES ($1, $2)
         RETURNING id, name, email, created_at",
        name,
        email
    )
    .fetch_one(&mut *tx)
    .await
    .map_err(conflict_on_email)?;
    sqlx::query!(
        "INSERT INTO credentials (user_id, password_hash) VALUES ($1, $2)",
        user.id,
        password_hash
    )
    .execute(&mut *tx)
    .await?;
    // Other connections see the two rows from here on. A return before
    // this line, by `?` or by the client going away, drops `tx`, and a
    // dropped transaction rolls back.
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(user)))
}
// ANCHOR_END: create

// ANCHOR: get
pub async fn get(
    State(state): State<AppState>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<Json<User>, ApiError> {
    let Path(id) = id?;
    let user = sqlx::query_as!(
        User,
        "SELECT id, name, email, created_at FROM users WHERE id = $1",
        id
    )
    .fetch_optional(&state.db)
    .await?
    .ok_or(ApiError::NotFound(id))?;
    Ok(Json(user))
}
// ANCHOR_END: get

// ANCHOR: page
/// `?limit=&offset=`: limit 1 to 100 (default 20), offset from 0.
#[derive(Debug, Deserialize)]
pub struct Page {
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

#[derive(Debug, Serialize)]
pub struct UserPage {
    pub users: Vec<User>,
    pub limit: i64,
    pub offset: i64,
    /// The offset of the next page, or null on the last one.
    pub next_offset: Option<i64>,
}
// ANCHOR_END: page

// ANCHOR: list
pub async fn list(
    State(state): State<AppState>,
    page: Result<Query<Page>, QueryRejection>,
) -> Result<Json<UserPage>, ApiError> {
    let Query(page) = page?;
    let limit = page.limit.unwrap_or(20);
    let offset = page.offset.unwrap_or(0);
    if !(1..=100).contains(&limit) {
        return Err(ApiError::BadRequest {
            status: StatusCode::BAD_REQUEST,
            message: "limit must be between 1 and 100".into(),
        });
    }
    if offset < 0 {
        return Err(ApiError::BadRequest {
            status: StatusCode::BAD_REQUEST,
            message: "offset must be 0 or more".into(),
        });
    }
    // One row more than asked for tells whether another page exists.
    let mut users = sqlx::query_as!(
        User,
        "SELECT id, name, email, created_at FROM users ORDER BY id LIMIT $1 OFFSET $2",
        limit + 1,
        offset
    )
    .fetch_all(&state.db)
    .await?;
    // Lazy: an offset near i64::MAX would overflow if the sum were always
    // computed, and only a page with a row after it has a next offset.
    let next_offset = (users.len() as i64 > limit).then(|| offset + limit);
    users.truncate(limit as usize);
    Ok(Json(UserPage {
        users,
        limit,
        offset,
        next_offset,
    }))
}
// ANCHOR_END: list

// ANCHOR: update
pub async fn update(
    actor: CurrentUser,
    State(state): State<AppState>,
    id: Result<Path<i64>, PathRejection>,
    payload: Result<Json<UpdateUser>, JsonRejection>,
) -> Result<Json<User>, ApiError> {
    let Path(id) = id?;
    actor.may_modify(id)?;
    let Json(changes) = payload?;
    if changes.name.is_none() && changes.email.is_none() {
        return Err(ApiError::EmptyUpdate);
    }
    let name = changes.name.as_deref().map(valid_name).transpose()?;
    let email = changes.email.as_deref().map(valid_email).transpose()?;
    // A field left out is NULL, and COALESCE keeps the stored value: one
    // statement for every subset of fields.
    let user = sqlx::query_as!(
        User,
        "UPDATE users SET name = COALESCE($2, name), email = COALESCE($3, email)
         WHERE id = $1
         RETURNING id, name, email, created_at",
        id,
        name,
        email
    )
    .fetch_optional(&state.db)
    .await
    .map_err(conflict_on_email)?
    .ok_or(ApiError::NotFound(id))?;
    Ok(Json(user))
}
// ANCHOR_END: update

// ANCHOR: delete
pub async fn delete(
    actor: CurrentUser,
    State(state): State<AppState>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let Path(id) = id?;
    actor.may_modify(id)?;
    let deleted = sqlx::query!("DELETE FROM users WHERE id = $1", id)
        .execute(&state.db)
        .await?
        .rows_affected();
    if deleted == 0 {
        return Err(ApiError::NotFound(id));
    }
    Ok(StatusCode::NO_CONTENT)
}
// ANCHOR_END: delete
