// The handlers are written, but `routes` cannot reach them yet: nothing in
// `handlers` is public. Make visible what `routes` needs (and nothing else),
// bring the handler modules into scope with `use`, and write `dispatch`.

mod handlers {
    mod health {
        fn check() -> (u16, String) {
            (200, String::from("ok"))
        }
    }

    mod users {
        const NAMES: [&str; 2] = ["ada", "linus"];

        fn list() -> (u16, String) {
            (200, NAMES.join(", "))
        }

        /// Ids count from 1, as in a database.
        fn get(id: usize) -> (u16, String) {
            if id == 0 || id > NAMES.len() {
                return crate::routes::not_found();
            }
            (200, NAMES[id - 1].to_string())
        }
    }
}

pub mod routes {
    // TODO: a `use` line so the code below can write `health::check()`
    // and `users::list()`.

    pub fn not_found() -> (u16, String) {
        (404, String::from("not found"))
    }

    pub fn dispatch(method: &str, path: &str) -> (u16, String) {
        // TODO:
        // - any method but GET: (405, "method not allowed")
        // - GET /health: health::check()
        // - GET /users: users::list()
        // - GET /users/{id}, with a number for id: users::get(id)
        // - anything else, /users/abc included: not_found()
        todo!()
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
