//! A request handler that leaves early with let-else, and a Response enum
//! whose methods give each variant its status code and body.

enum Response {
    Text(String),
    BadRequest(String),
    // 401: the caller has not proved who they are (no token, or one the
    // server never issued).
    Unauthorized,
    // 403: the server knows who the caller is, and they may not do this.
    Forbidden,
    NotFound,
}

impl Response {
    fn status(&self) -> u16 {
        match self {
            Response::Text(_) => 200,
            Response::BadRequest(_) => 400,
            Response::Unauthorized => 401,
            Response::Forbidden => 403,
            Response::NotFound => 404,
        }
    }

    fn body(&self) -> &str {
        match self {
            // One arm for two variants that both carry a String.
            Response::Text(text) | Response::BadRequest(text) => text,
            Response::Unauthorized => "missing or unknown token",
            Response::Forbidden => "not your account",
            Response::NotFound => "no such user",
        }
    }
}

struct Request {
    path: String,
    token: Option<String>,
}

// The tokens the server has issued, and the id of the user each belongs to.
fn user_for_token(token: &str) -> Option<u64> {
    match token {
        "alice-s3cret" => Some(1),
        "bob-s3cret" => Some(2),
        _ => None,
    }
}

// User 1, alice, administers the service and may read any account.
const ADMIN: u64 = 1;

// GET /users/{id}. Each let-else keeps the good case or returns at once,
// so the happy path stays at the left margin instead of nesting.
fn get_user(req: &Request) -> Response {
    // ANCHOR: token
    let Some(token) = req.token.as_deref() else {
        return Response::Unauthorized;
    };
    // ANCHOR_END: token
    // A token the server never issued proves nothing either: still 401.
    let Some(caller) = user_for_token(token) else {
        return Response::Unauthorized;
    };
    let Some(raw_id) = req.path.strip_prefix("/users/") else {
        return Response::NotFound;
    };
    let Ok(id) = raw_id.parse::<u64>() else {
        return Response::BadRequest(format!("not a user id: {raw_id}"));
    };
    // The caller is known; whether they may read this account is a second
    // question, and a "no" is a 403.
    if caller != id && caller != ADMIN {
        return Response::Forbidden;
    }
    // A u64 has too many values to list: `_` covers the rest.
    match id {
        1 => Response::Text(String::from("alice")),
        2 => Response::Text(String::from("bob")),
        _ => Response::NotFound,
    }
}

fn main() {
    let cases = [
        ("/users/2", Some("bob-s3cret")),
        ("/users/2", None),
        ("/users/2", Some("guess")),
        ("/users/1", Some("bob-s3cret")),
        ("/orders/2", Some("bob-s3cret")),
        ("/users/two", Some("bob-s3cret")),
        ("/users/9", Some("alice-s3cret")),
    ];
    for (path, token) in cases {
        let token = token.map(String::from);
        let req = Request {
            path: path.to_string(),
            token,
        };
        let response = get_user(&req);
        println!("{path:<10} -> {} {}", response.status(), response.body());
    }
}
