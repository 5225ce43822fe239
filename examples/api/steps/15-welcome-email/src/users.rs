//! The users resource: create, read, list (a page at a time, by offset or
//! after a cursor), update, delete, each one SQL statement on the `users`
//! table, and a user's password hash in `credentials`. Update and delete
//! are for the user themselves or an admin.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::AppState;
use crate::auth::CurrentUser;
use crate::error::{ApiError, ErrorBody};
use crate::password;
use job_queue::welcome::Welcome;

// ANCHOR: user
/// A user as the API sends it, and as a row of `users`: `query_as!` fills
/// these fields from the columns of the same names.
#[derive(Clone, Debug, Serialize, ToSchema)]
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
///
/// `#[schema]` states the contract for the OpenAPI document, which the
/// Rust type cannot: each field is a required string, with the rules the
/// handler checks.
#[derive(Deserialize, ToSchema)]
#[schema(description = "A new user: every field is required.")]
pub struct CreateUser {
    #[schema(value_type = String, required = true, min_length = 1, max_length = 100, pattern = r"^[^\x00]*\S[^\x00]*$")]
    pub name: Option<String>,
    #[schema(value_type = String, required = true, format = Email, max_length = 254)]
    pub email: Option<String>,
    #[schema(value_type = String, required = true, format = Password, min_length = 8, max_length = 128)]
    pub password: Option<String>,
}

/// The body of PATCH /users/{id}: the fields to change, any of them.
/// `null` leaves a field alone; that one of them must be a string is added
/// to the document by `openapi::UpdateNeedsAField`.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(description = "The fields to change: name, email or both.")]
pub struct UpdateUser {
    #[schema(min_length = 1, max_length = 100, pattern = r"^[^\x00]*\S[^\x00]*$")]
    pub name: Option<String>,
    #[schema(format = Email, max_length = 254)]
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

// ANCHOR: create_doc
#[utoipa::path(
    post,
    path = "/users",
    operation_id = "createUser",
    tag = "users",
    request_body(content = CreateUser, content_type = "application/json"),
    responses(
        (status = 201, description = "The user, created", body = User, links(
            // The new user's id fills the {id} of the other operations:
            // how a client, and a stateful fuzzer, chains them.
            ("GetUser" = (operation_id = "getUser", parameters(("id" = "$response.body#/id")))),
            ("UpdateUser" = (operation_id = "updateUser", parameters(("id" = "$response.body#/id")))),
            ("DeleteUser" = (operation_id = "deleteUser", parameters(("id" = "$response.body#/id")))),
        )),
        (status = 400, description = "The body is not valid JSON", body = ErrorBody),
        (status = 409, description = "Another user has this email, in any case", body = ErrorBody),
        (status = 413, description = "The body is larger than 16 KiB", body = ErrorBody),
        (status = 415, description = "The body is not sent as application/json", body = ErrorBody),
        (status = 422, description = "A field is missing, of the wrong type or invalid", body = ErrorBody),
        (status = 500, description = "The database or the password hash failed", body = ErrorBody),
        (status = 503, description = "Busy: no turn to hash within a second, with this body; or no answer within the request timeout, with none", body = ErrorBody),
    )
)]
// ANCHOR_END: create_doc
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
    // Every row or none: one transaction, on one connection that the
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
    // The welcome email is a job, written in the same transaction: it
    // exists if and only if the user does. Sending it here instead would
    // make the client wait for it, and a failure would leave a user
    // without an email or an email without a user.
    let welcome = Welcome {
        user_id: user.id,
        name: user.name.clone(),
        email: user.email.clone(),
    };
    welcome
        .enqueue(&mut *tx)
        .await
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    // Other connections see the rows from here on. A return before
    // this line, by `?` or by the client going away, drops `tx`, and a
    // dropped transaction rolls back.
    tx.commit().await?;
    Ok((StatusCode::CREATED, Json(user)))
}
// ANCHOR_END: create

#[utoipa::path(
    get,
    path = "/users/{id}",
    operation_id = "getUser",
    tag = "users",
    params(("id" = i64, Path, description = "The user's id")),
    responses(
        (status = 200, description = "The user", body = User),
        (status = 400, description = "The id is not a 64-bit integer", body = ErrorBody),
        (status = 404, description = "No user has this id", body = ErrorBody),
        (status = 500, description = "The database failed", body = ErrorBody),
        (status = 503, description = "No answer within the request timeout"),
    )
)]
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
/// `?limit=` (1 to 100, default 20) with one of two ways to say where the
/// page starts: `?offset=n` skips n rows; `?after=id` starts after the user
/// with that id (a cursor: the `next_after` of the page before). Neither:
/// the first page.
#[derive(Debug, Deserialize)]
pub struct Page {
    pub limit: Option<i64>,
    pub offset: Option<i64>,
    pub after: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserPage {
    pub users: Vec<User>,
    pub limit: i64,
    /// The offset asked for (0 when neither is given), or null after a cursor.
    pub offset: Option<i64>,
    /// The cursor asked for, or null on an offset page.
    pub after: Option<i64>,
    /// The offset of the next page: null on the last page and after a cursor.
    pub next_offset: Option<i64>,
    /// The cursor of the next page, the last id of this one: null on the last page.
    pub next_after: Option<i64>,
}
// ANCHOR_END: page

fn bad_page(message: &str) -> ApiError {
    ApiError::BadRequest {
        status: StatusCode::BAD_REQUEST,
        message: message.into(),
    }
}

#[utoipa::path(
    get,
    path = "/users",
    operation_id = "listUsers",
    tag = "users",
    params(
        ("limit" = Option<i64>, Query, minimum = 1, maximum = 100, description = "Users per page (default 20)"),
        ("offset" = Option<i64>, Query, minimum = 0, description = "Users to skip (default 0); not with after"),
        ("after" = Option<i64>, Query, description = "Start after the user with this id: a page's next_after; not with offset"),
    ),
    responses(
        (status = 200, description = "One page of users, by id", body = UserPage),
        (status = 400, description = "limit, offset or after is not an integer or out of range, or both offset and after are sent", body = ErrorBody),
        (status = 500, description = "The database failed", body = ErrorBody),
        (status = 503, description = "No answer within the request timeout"),
    )
)]
// ANCHOR: list
pub async fn list(
    State(state): State<AppState>,
    page: Result<Query<Page>, QueryRejection>,
) -> Result<Json<UserPage>, ApiError> {
    let Query(page) = page?;
    let limit = page.limit.unwrap_or(20);
    if !(1..=100).contains(&limit) {
        return Err(bad_page("limit must be between 1 and 100"));
    }
    // Either query asks for one row more than the page holds: that row's
    // presence tells whether another page exists.
    let (mut users, offset) = match (page.after, page.offset) {
        // Two starting points that may disagree: refused, not one picked.
        (Some(_), Some(_)) => return Err(bad_page("send after or offset, not both")),
        // Keyset: the primary key's index finds the first id after the
        // cursor and reads on from there, limit + 1 rows however deep.
        (Some(after), None) => {
            let users = sqlx::query_as!(
                User,
                "SELECT id, name, email, created_at FROM users
                 WHERE id > $1 ORDER BY id LIMIT $2",
                after,
                limit + 1
            )
            .fetch_all(&state.db)
            .await?;
            (users, None)
        }
        // Offset: the database reads the `offset` rows before the page too,
        // and throws them away.
        (None, offset) => {
            let offset = offset.unwrap_or(0);
            if offset < 0 {
                return Err(bad_page("offset must be 0 or more"));
            }
            let users = sqlx::query_as!(
                User,
                "SELECT id, name, email, created_at FROM users ORDER BY id LIMIT $1 OFFSET $2",
                limit + 1,
                offset
            )
            .fetch_all(&state.db)
            .await?;
            (users, Some(offset))
        }
    };
    let more = users.len() as i64 > limit;
    users.truncate(limit as usize);
    // The same cursor whichever way this page was asked for, so a client
    // can switch from offsets to cursors mid-way.
    let next_after = if more {
        users.last().map(|user| user.id)
    } else {
        None
    };
    // Lazy: an offset near i64::MAX would overflow if the sum were always
    // computed, and only a page with a row after it has a next offset.
    let next_offset = offset.filter(|_| more).map(|offset| offset + limit);
    Ok(Json(UserPage {
        users,
        limit,
        offset,
        after: page.after,
        next_offset,
        next_after,
    }))
}
// ANCHOR_END: list

// ANCHOR: update_doc
#[utoipa::path(
    patch,
    path = "/users/{id}",
    operation_id = "updateUser",
    tag = "users",
    params(("id" = i64, Path, description = "The user's id")),
    request_body(content = UpdateUser, content_type = "application/json"),
    // The session's token, as `Authorization: Bearer <token>`: the scheme
    // is defined once, in openapi.rs.
    security(("session_token" = [])),
    responses(
        (status = 200, description = "The user, updated", body = User),
        (status = 400, description = "The id is not a 64-bit integer, or the body is not valid JSON", body = ErrorBody),
        (status = 401, description = "No session, or one unknown or expired: sign in", body = ErrorBody,
            headers(("www-authenticate" = String, description = "Bearer when no token came; Bearer error=\"invalid_token\" for one that names no live session"))),
        (status = 403, description = "Signed in as someone else, who is not an admin", body = ErrorBody),
        (status = 404, description = "No user has this id", body = ErrorBody),
        (status = 409, description = "Another user has this email, in any case", body = ErrorBody),
        (status = 413, description = "The body is larger than 16 KiB", body = ErrorBody),
        (status = 415, description = "The body is not sent as application/json", body = ErrorBody),
        (status = 422, description = "No field to update, or a field of the wrong type or invalid", body = ErrorBody),
        (status = 500, description = "The database failed", body = ErrorBody),
        (status = 503, description = "No answer within the request timeout"),
    )
)]
// ANCHOR_END: update_doc
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

#[utoipa::path(
    delete,
    path = "/users/{id}",
    operation_id = "deleteUser",
    tag = "users",
    params(("id" = i64, Path, description = "The user's id")),
    security(("session_token" = [])),
    responses(
        (status = 204, description = "The user is deleted"),
        (status = 400, description = "The id is not a 64-bit integer", body = ErrorBody),
        (status = 401, description = "No session, or one unknown or expired: sign in", body = ErrorBody,
            headers(("www-authenticate" = String, description = "Bearer when no token came; Bearer error=\"invalid_token\" for one that names no live session"))),
        (status = 403, description = "Signed in as someone else, who is not an admin", body = ErrorBody),
        (status = 404, description = "No user has this id", body = ErrorBody),
        (status = 500, description = "The database failed", body = ErrorBody),
        (status = 503, description = "No answer within the request timeout"),
    )
)]
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
