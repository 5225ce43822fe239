//! Shaping a public API with `pub use`: callers name `api::Status` and
//! `api::list_users`, whatever the module layout behind them looks like.

mod api {
    // The layout: private modules, free to be split or moved later.
    mod http {
        #[derive(Debug)]
        pub enum Status {
            Ok,
            NotFound,
        }
    }

    mod handlers {
        pub mod users {
            use crate::api::http::Status;

            pub fn list() -> (Status, String) {
                (Status::Ok, String::from("ada, linus"))
            }
        }

        pub mod orders {
            use super::super::http::Status;

            pub fn list() -> (Status, String) {
                (Status::NotFound, String::from("no orders yet"))
            }
        }
    }

    // The API: one short path per item. `as` settles the clash of two `list`s.
    pub use handlers::orders::list as list_orders;
    pub use handlers::users::list as list_users;
    pub use http::Status;
}

use api::{Status, list_orders, list_users};

fn code(status: &Status) -> u16 {
    match status {
        Status::Ok => 200,
        Status::NotFound => 404,
    }
}

fn main() {
    let responses = [("/users", list_users()), ("/orders", list_orders())];
    for (route, (status, body)) in responses {
        println!("GET {route:<7} -> {} {status:?}: {body}", code(&status));
    }
}
