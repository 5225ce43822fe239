//! A request handler that leaves early with let-else, and a Response enum
//! whose methods give each variant its status code and body.

enum Response {
    Text(String),
    BadRequest(String),
    Unauthorized,
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
            Response::Unauthorized => "missing token",
            Response::Forbidden => "wrong token",
            Response::NotFound => "no such user",
        }
    }
}

struct Request {
    path: String,
    token: Option<String>,
}

// GET /users/{id}. Each let-else keeps the good case or returns at once,
// so the happy path stays at the left margin instead of nesting.
fn get_user(req: &Request) -> Response {
    // ANCHOR: token
    let Some(token) = req.token.as_deref() else {
        return Response::Unauthorized;
    };
    // ANCHOR_END: token
    if token != "s3cret" {
        return Response::Forbidden;
    }
    let Some(raw_id) = req.path.strip_prefix("/users/") else {
        return Response::NotFound;
    };
    let Ok(id) = raw_id.parse::<u64>() else {
        return Response::BadRequest(format!("not a user id: {raw_id}"));
    };
    // A u64 has too many values to list: `_` covers the rest.
    match id {
        1 => Response::Text(String::from("alice")),
        2 => Response::Text(String::from("bob")),
        _ => Response::NotFound,
    }
}

fn main() {
    let cases = [
        ("/users/2", Some("s3cret")),
        ("/users/2", None),
        ("/users/2", Some("guess")),
        ("/orders/2", Some("s3cret")),
        ("/users/two", Some("s3cret")),
        ("/users/9", Some("s3cret")),
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
