//! Does not compile: `main` reads a field the `sessions` module keeps private.

mod sessions {
    pub struct Session {
        pub user: String,
        token: String,
    }

    impl Session {
        pub fn open(user: &str) -> Session {
            Session {
                user: user.to_string(),
                token: format!("sess-{user}"),
            }
        }

        pub fn token(&self) -> &str {
            &self.token
        }
    }
}

fn main() {
    let session = sessions::Session::open("ada");
    println!("{} holds {}", session.user, session.token);
}
