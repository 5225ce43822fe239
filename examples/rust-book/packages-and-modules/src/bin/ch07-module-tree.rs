//! A small service's module tree, written inline so it fits in one file.
//! Each `mod name { ... }` block holds what a file `src/name.rs` would hold
//! in a bigger project.

mod config {
    pub const PORT: u16 = 8080;
}

mod db {
    // No `pub`: only code inside `db` can call this.
    fn table(resource: &str) -> String {
        format!("app.{resource}")
    }

    pub fn select_all(resource: &str) -> String {
        format!("SELECT * FROM {}", table(resource))
    }
}

mod routes {
    // Private to `routes`, yet its child modules can call it.
    fn not_found() -> String {
        String::from("404 Not Found")
    }

    pub mod health {
        pub fn check() -> String {
            format!("200 OK, listening on {}", crate::config::PORT)
        }
    }

    pub mod users {
        use crate::db;

        pub fn list() -> String {
            format!("200 OK, ran {}", db::select_all("users"))
        }

        pub fn get(id: &str) -> String {
            match id {
                "1" => String::from("200 OK, user 1 is ada"),
                _ => super::not_found(),
            }
        }
    }

    pub fn dispatch(path: &str) -> String {
        if let Some(id) = path.strip_prefix("/users/") {
            return users::get(id);
        }
        match path {
            "/health" => health::check(),
            "/users" => self::users::list(),
            _ => not_found(),
        }
    }
}

fn main() {
    for path in ["/health", "/users", "/users/1", "/users/7", "/admin"] {
        println!("GET {path:<9} -> {}", routes::dispatch(path));
    }
}
