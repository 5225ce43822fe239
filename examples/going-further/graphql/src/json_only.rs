//! Only `application/json` reaches GraphQL. A browser sends a cross-site
//! POST without asking the server first (no CORS preflight) only when its
//! Content-Type is text/plain, multipart/form-data,
//! application/x-www-form-urlencoded, or absent; async-graphql would read
//! the first, third and fourth as JSON and the second as an upload request,
//! so a form on another site could run a mutation. A JSON body needs a
//! preflight, which this server (no CORS headers) never grants.

use axum::extract::Request;
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

// ANCHOR: json_only
/// Middleware for the GraphQL route: 415 Unsupported Media Type unless the
/// body is declared as JSON.
pub async fn json_only(request: Request, next: Next) -> Response {
    if is_json(request.headers()) {
        next.run(request).await
    } else {
        StatusCode::UNSUPPORTED_MEDIA_TYPE.into_response()
    }
}

/// Whether Content-Type names `application/json`. The media type is what
/// comes before the first `;` (parameters such as `charset=utf-8` follow
/// it), and its name is case-insensitive.
fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media_type| media_type.trim().eq_ignore_ascii_case("application/json"))
}
// ANCHOR_END: json_only

#[cfg(test)]
mod tests {
    use super::*;

    fn with(content_type: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(header::CONTENT_TYPE, content_type.parse().unwrap());
        headers
    }

    #[test]
    fn json_with_or_without_parameters() {
        assert!(is_json(&with("application/json")));
        assert!(is_json(&with("application/json; charset=utf-8")));
        assert!(is_json(&with("Application/JSON;charset=UTF-8")));
    }

    #[test]
    fn anything_else_or_nothing() {
        assert!(!is_json(&HeaderMap::new()));
        for other in [
            "text/plain",
            "text/plain; application/json",
            "multipart/form-data; boundary=x",
            "application/x-www-form-urlencoded",
            "application/jsonx",
            "application/graphql",
            "",
        ] {
            assert!(!is_json(&with(other)), "{other}");
        }
    }
}
