//! Does not compile: a path written as if it started at the crate root.

mod config {
    pub const PORT: u16 = 8080;
}

mod routes {
    pub fn health() -> String {
        format!("200 OK, listening on {}", config::PORT)
    }
}

fn main() {
    println!("{}", routes::health());
}
