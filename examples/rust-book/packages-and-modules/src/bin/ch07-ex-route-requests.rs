//! Exercise: wire the router to the handlers, across modules.

// ANCHOR: solution
mod handlers {
    pub mod health {
        pub fn check() -> (u16, String) {
            (200, String::from("ok"))
        }
    }

    pub mod users {
        const NAMES: [&str; 2] = ["ada", "linus"];

        pub fn list() -> (u16, String) {
            (200, NAMES.join(", "))
        }

        /// Ids count from 1, as in a database.
        pub fn get(id: usize) -> (u16, String) {
            if id == 0 || id > NAMES.len() {
                return crate::routes::not_found();
            }
            (200, NAMES[id - 1].to_string())
        }
    }
}

pub mod routes {
    use crate::handlers::{health, users};

    pub fn not_found() -> (u16, String) {
        (404, String::from("not found"))
    }

    pub fn dispatch(method: &str, path: &str) -> (u16, String) {
        if method != "GET" {
            return (405, String::from("method not allowed"));
        }
        if let Some(id) = path.strip_prefix("/users/") {
            return match id.parse() {
                Ok(id) => users::get(id),
                Err(_) => not_found(),
            };
        }
        match path {
            "/health" => health::check(),
            "/users" => users::list(),
            _ => not_found(),
        }
    }
}

fn main() {
    let requests = [
        ("GET", "/health"),
        ("GET", "/users"),
        ("GET", "/users/2"),
        ("GET", "/users/9"),
        ("DELETE", "/users"),
    ];
    for (method, path) in requests {
        let (status, body) = routes::dispatch(method, path);
        println!("{method:<6} {path:<8} -> {status} {body}");
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    fn get(path: &str) -> (u16, String) {
        routes::dispatch("GET", path)
    }

    #[test]
    fn get_health_answers_200_ok() {
        assert_eq!(
            get("/health"),
            (200, String::from("ok")),
            "GET /health should reach handlers::health::check"
        );
    }

    #[test]
    fn get_users_lists_every_user() {
        assert_eq!(
            get("/users"),
            (200, String::from("ada, linus")),
            "GET /users should reach handlers::users::list"
        );
    }

    #[test]
    fn get_users_with_an_id_finds_that_user() {
        assert_eq!(
            get("/users/1"),
            (200, String::from("ada")),
            "GET /users/1 should call handlers::users::get(1)"
        );
        assert_eq!(
            get("/users/2"),
            (200, String::from("linus")),
            "GET /users/2 should call handlers::users::get(2)"
        );
    }

    #[test]
    fn an_unknown_user_or_path_is_404() {
        for path in ["/users/9", "/users/0", "/users/abc", "/admin"] {
            assert_eq!(get(path).0, 404, "GET {path} should be 404 Not Found");
        }
    }

    #[test]
    fn any_method_but_get_is_405() {
        assert_eq!(
            routes::dispatch("DELETE", "/users").0,
            405,
            "DELETE /users should be 405 Method Not Allowed"
        );
    }
}
// ANCHOR_END: tests
