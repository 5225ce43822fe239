//! The users resource: create, read, list (paginated), update, delete.

use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::ToSchema;

use crate::AppState;
use crate::error::{ApiError, ErrorBody};

// ANCHOR: user
#[derive(Debug, Serialize, sqlx::FromRow, ToSchema)]
pub struct User {
    pub id: i64,
    pub name: String,
    pub email: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}
// ANCHOR_END: user

// ANCHOR: payloads
/// The body of POST /users. Fields are optional here so that a missing one
/// is answered with our own message naming it, not serde's.
/// `#[schema]` tells the OpenAPI document the contract, not the Rust type:
/// both fields are required strings, a name has 1 to 100 characters with one
/// that is not whitespace and no NUL, an email has the shape of one.
#[derive(Debug, Deserialize, ToSchema)]
#[schema(description = "A new user: both fields are required.")]
pub struct CreateUser {
    #[schema(value_type = String, required = true, min_length = 1, max_length = 100, pattern = r"^[^\x00]*\S[^\x00]*$")]
    pub name: Option<String>,
    #[schema(value_type = String, required = true, format = Email, max_length = 254)]
    pub email: Option<String>,
}

/// The body of PATCH /users/{id}: any subset of the fields.
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

fn required(value: Option<String>, field: &'static str) -> Result<String, ApiError> {
    value.ok_or(ApiError::Validation {
        field,
        message: format!("{field} is required"),
    })
}
// ANCHOR_END: validate

// ANCHOR: conflict_on_email
/// Maps the unique index on lower(email) to 409; other errors stay 500.
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
            // The created user's id fills the {id} of the other operations:
            // this is how a client (and a stateful fuzzer) chains them.
            ("GetUser" = (operation_id = "getUser", parameters(("id" = "$response.body#/id")))),
            ("UpdateUser" = (operation_id = "updateUser", parameters(("id" = "$response.body#/id")))),
            ("DeleteUser" = (operation_id = "deleteUser", parameters(("id" = "$response.body#/id")))),
        )),
        (status = 400, description = "The body is not valid JSON", body = ErrorBody),
        (status = 409, description = "Another user has this email, in any case", body = ErrorBody),
        (status = 413, description = "The body is larger than 16 KiB", body = ErrorBody),
        (status = 415, description = "The body is not sent as application/json", body = ErrorBody),
        (status = 422, description = "A field is missing, of the wrong type or invalid", body = ErrorBody),
        (status = 500, description = "The database failed", body = ErrorBody),
        (status = 503, description = "No answer within the request timeout"),
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
    let user = sqlx::query_as!(
        User,
        "INSERT INTO users (name, email) VALUES ($1, $2)
         RETURNING id, name, email, created_at",
        name,
        email
    )
    .fetch_one(&state.db)
    .await
    .map_err(conflict_on_email)?;
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
/// `?limit=&offset=`: limit 1 to 100 (default 20), offset from 0.
#[derive(Debug, Deserialize)]
pub struct Page {
    pub limit: Option<i64>,
    pub offset: Option<i64>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct UserPage {
    pub users: Vec<User>,
    pub limit: i64,
    pub offset: i64,
    /// The offset of the next page, or null on the last one.
    pub next_offset: Option<i64>,
}
// ANCHOR_END: page

#[utoipa::path(
    get,
    path = "/users",
    operation_id = "listUsers",
    tag = "users",
    params(
        ("limit" = Option<i64>, Query, minimum = 1, maximum = 100, description = "Users per page (default 20)"),
        ("offset" = Option<i64>, Query, minimum = 0, description = "Users to skip (default 0)"),
    ),
    responses(
        (status = 200, description = "One page of users, by id", body = UserPage),
        (status = 400, description = "limit or offset is not an integer or out of range", body = ErrorBody),
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

#[utoipa::path(
    patch,
    path = "/users/{id}",
    operation_id = "updateUser",
    tag = "users",
    params(("id" = i64, Path, description = "The user's id")),
    request_body(content = UpdateUser, content_type = "application/json"),
    responses(
        (status = 200, description = "The user, updated", body = User),
        (status = 400, description = "The id is not a 64-bit integer, or the body is not valid JSON", body = ErrorBody),
        (status = 404, description = "No user has this id", body = ErrorBody),
        (status = 409, description = "Another user has this email, in any case", body = ErrorBody),
        (status = 413, description = "The body is larger than 16 KiB", body = ErrorBody),
        (status = 415, description = "The body is not sent as application/json", body = ErrorBody),
        (status = 422, description = "No field to update, or a field of the wrong type or invalid", body = ErrorBody),
        (status = 500, description = "The database failed", body = ErrorBody),
        (status = 503, description = "No answer within the request timeout"),
    )
)]
// ANCHOR: update
pub async fn update(
    State(state): State<AppState>,
    id: Result<Path<i64>, PathRejection>,
    payload: Result<Json<UpdateUser>, JsonRejection>,
) -> Result<Json<User>, ApiError> {
    let Path(id) = id?;
    let Json(payload) = payload?;
    if payload.name.is_none() && payload.email.is_none() {
        return Err(ApiError::EmptyUpdate);
    }
    let name = payload.name.as_deref().map(valid_name).transpose()?;
    let email = payload.email.as_deref().map(valid_email).transpose()?;
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
    responses(
        (status = 204, description = "The user is deleted"),
        (status = 400, description = "The id is not a 64-bit integer", body = ErrorBody),
        (status = 404, description = "No user has this id", body = ErrorBody),
        (status = 500, description = "The database failed", body = ErrorBody),
        (status = 503, description = "No answer within the request timeout"),
    )
)]
// ANCHOR: delete
pub async fn delete(
    State(state): State<AppState>,
    id: Result<Path<i64>, PathRejection>,
) -> Result<StatusCode, ApiError> {
    let Path(id) = id?;
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
