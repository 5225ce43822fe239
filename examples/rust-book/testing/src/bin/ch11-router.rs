//! A request router with its tests in the same file. `cargo run` runs main;
//! `cargo test` compiles the file again with the tests module and runs it.

#[derive(Debug, PartialEq)]
enum Route {
    Health,
    ListUsers,
    CreateUser,
    GetUser(u64),
    MethodNotAllowed,
    NotFound,
}

fn route(method: &str, path: &str) -> Route {
    // "/users/" and "/users" are the same resource; "/" stays "/".
    let path = match path.strip_suffix('/') {
        Some(shorter) if !shorter.is_empty() => shorter,
        _ => path,
    };
    match (method, path) {
        ("GET", "/health") => Route::Health,
        ("GET", "/users") => Route::ListUsers,
        ("POST", "/users") => Route::CreateUser,
        (_, "/health" | "/users") => Route::MethodNotAllowed,
        _ => match path.strip_prefix("/users/").map(str::parse::<u64>) {
            Some(Ok(id)) if method == "GET" => Route::GetUser(id),
            Some(Ok(_)) => Route::MethodNotAllowed,
            _ => Route::NotFound,
        },
    }
}

fn main() {
    let requests = [
        ("GET", "/users/42"),
        ("GET", "/users/"),
        ("DELETE", "/users/42"),
        ("GET", "/users/ada"),
    ];
    for (method, path) in requests {
        println!("{method:<6} {path:<10} -> {:?}", route(method, path));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_every_request_in_the_table() {
        let cases = [
            ("GET", "/health", Route::Health),
            ("GET", "/users", Route::ListUsers),
            ("POST", "/users", Route::CreateUser),
            ("GET", "/users/42", Route::GetUser(42)),
            ("PUT", "/health", Route::MethodNotAllowed),
            ("DELETE", "/users/42", Route::MethodNotAllowed),
            ("GET", "/users/ada", Route::NotFound),
            ("GET", "/", Route::NotFound),
        ];
        for (method, path, expected) in cases {
            assert_eq!(route(method, path), expected, "{method} {path}");
        }
    }

    #[test]
    fn a_trailing_slash_changes_nothing() {
        for path in ["/health", "/users", "/users/42", "/nowhere"] {
            let with_slash = format!("{path}/");
            assert_eq!(
                route("GET", &with_slash),
                route("GET", path),
                "{with_slash}"
            );
        }
    }
}
