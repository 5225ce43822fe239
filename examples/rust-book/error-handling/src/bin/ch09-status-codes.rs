//! Chapter 9: a handler-like function returns Result, and one method maps
//! each error to an HTTP status code, the job an API's error type will do.

use std::collections::BTreeMap;
use std::fmt;
use std::num::ParseIntError;

#[derive(Debug)]
enum ApiError {
    BadRequest(String),
    NotFound(u64),
    Unavailable,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApiError::BadRequest(why) => write!(f, "bad request: {why}"),
            ApiError::NotFound(id) => write!(f, "no user with id {id}"),
            ApiError::Unavailable => write!(f, "storage unavailable, try again later"),
        }
    }
}

impl std::error::Error for ApiError {}

impl From<ParseIntError> for ApiError {
    fn from(err: ParseIntError) -> Self {
        ApiError::BadRequest(format!("user id: {err}"))
    }
}

impl ApiError {
    /// The one place that decides what the client is told.
    fn status(&self) -> u16 {
        match self {
            ApiError::BadRequest(_) => 400,
            ApiError::NotFound(_) => 404,
            ApiError::Unavailable => 503,
        }
    }
}

/// GET /users/{id}: the router has already cut `id` out of the path, and
/// `users` stands in for the database (None: it is down).
fn get_user(users: Option<&BTreeMap<u64, String>>, id: &str) -> Result<String, ApiError> {
    let id: u64 = id.parse()?;
    let users = users.ok_or(ApiError::Unavailable)?;
    let name = users.get(&id).ok_or(ApiError::NotFound(id))?;
    Ok(format!(r#"{{"id":{id},"name":"{name}"}}"#))
}

/// What a web framework does with whatever the handler returned.
fn respond(result: Result<String, ApiError>) -> (u16, String) {
    match result {
        Ok(body) => (200, body),
        Err(err) => (err.status(), format!(r#"{{"error":"{err}"}}"#)),
    }
}

fn main() {
    let users = BTreeMap::from([(1, "ada".to_string()), (2, "grace".to_string())]);
    for id in ["1", "abc", "99"] {
        let (status, body) = respond(get_user(Some(&users), id));
        println!("GET /users/{id} -> {status} {body}");
    }
    let (status, body) = respond(get_user(None, "1"));
    println!("GET /users/1 (storage down) -> {status} {body}");
}
