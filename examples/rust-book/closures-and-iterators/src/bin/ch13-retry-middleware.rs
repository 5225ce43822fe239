//! Chapter 13: closures as arguments (a retry helper) and as return values
//! (a middleware-like wrapper around a handler).

struct Request {
    method: &'static str,
    path: &'static str,
    token: Option<&'static str>,
}

struct Response {
    status: u16,
    body: String,
}

/// Runs `op` until it succeeds or `attempts` runs out. `op` is FnMut, so
/// the caller's closure may keep state between attempts; the helper is
/// generic over its type, so each call site gets its own compiled copy.
fn retry<T, E: std::fmt::Display, F>(attempts: u32, mut op: F) -> Result<T, E>
where
    F: FnMut(u32) -> Result<T, E>,
{
    let mut attempt = 1;
    loop {
        match op(attempt) {
            Ok(value) => return Ok(value),
            Err(err) if attempt < attempts => {
                println!("  attempt {attempt} failed: {err}; retrying");
                attempt += 1;
            }
            Err(err) => return Err(err),
        }
    }
}

/// Wraps any handler in another closure that logs each request and its
/// status. The handler is moved into the returned closure, which owns it.
fn logged(handler: impl Fn(&Request) -> Response) -> impl Fn(&Request) -> Response {
    move |request| {
        let response = handler(request);
        println!(
            "  {} {} -> {}",
            request.method, request.path, response.status
        );
        response
    }
}

/// A second layer: refuses a request whose token is not `expected` before
/// the handler runs. The returned closure owns both `expected` and
/// `handler`, so it can outlive this call.
fn require_token<F>(expected: String, handler: F) -> impl Fn(&Request) -> Response
where
    F: Fn(&Request) -> Response,
{
    move |request| {
        if request.token == Some(expected.as_str()) {
            handler(request)
        } else {
            Response {
                status: 401,
                body: String::from("missing or wrong token"),
            }
        }
    }
}

fn main() {
    // The "database" is down twice, then answers. `calls` is captured by
    // mutable borrow, which is why retry asks for FnMut.
    let mut calls = 0;
    println!("connecting:");
    let connection = retry(5, |attempt| {
        calls += 1;
        if attempt < 3 {
            Err(format!("connection refused (call {calls})"))
        } else {
            Ok("pool of 10 connections")
        }
    });
    println!("  result: {connection:?} after {calls} calls");

    let gave_up: Result<(), String> = retry(2, |_| Err(String::from("timeout")));
    println!("  result: {gave_up:?}");

    // A handler is a closure too; this one captures the service's name.
    let service = String::from("users-api");
    let hello = |request: &Request| Response {
        status: 200,
        body: format!("{service} says hello to {}", request.path),
    };

    // The token would come from configuration; the wrapper takes it over.
    let token = String::from("t0k3n");
    let app = logged(require_token(token, hello));

    println!("serving:");
    let requests = [
        Request {
            method: "GET",
            path: "/hello",
            token: Some("t0k3n"),
        },
        Request {
            method: "DELETE",
            path: "/users/7",
            token: None,
        },
    ];
    for request in &requests {
        let response = app(request);
        println!("  body: {}", response.body);
    }
}
