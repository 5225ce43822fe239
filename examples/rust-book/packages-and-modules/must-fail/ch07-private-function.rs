//! Does not compile: the handler was written without `pub`.

mod routes {
    pub mod users {
        fn list() -> String {
            String::from("200 OK, ada, linus")
        }
    }
}

fn main() {
    println!("{}", routes::users::list());
}
