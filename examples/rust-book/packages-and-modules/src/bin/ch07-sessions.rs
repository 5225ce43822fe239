//! Privacy on structs and enums: public fields anyone may set, private
//! fields only the module can touch, and an enum whose variants are all
//! public as soon as the enum is.

mod sessions {
    /// A public enum: every variant is public with it.
    #[derive(Debug, Clone, Copy)]
    pub enum Role {
        Admin,
        Member,
    }

    pub struct Session {
        pub user: String,
        pub role: Role,
        // Private: set here, read through `token()`, never replaced outside.
        token: String,
    }

    impl Session {
        pub fn token(&self) -> &str {
            &self.token
        }
    }

    pub struct SessionStore {
        prefix: String,
        next_id: u32, // private, so no caller can rewind it and reuse a token
        active: Vec<Session>,
    }

    impl SessionStore {
        pub fn new(prefix: &str) -> SessionStore {
            SessionStore {
                prefix: prefix.to_string(),
                next_id: 1,
                active: Vec::new(),
            }
        }

        pub fn open(&mut self, user: &str, role: Role) -> &Session {
            // Sequential, so every run prints the same; a real service
            // draws tokens from a cryptographically secure generator.
            let token = format!("{}-{:04}", self.prefix, self.next_id);
            self.next_id += 1;
            self.active.push(Session {
                user: user.to_string(),
                role,
                token,
            });
            &self.active[self.active.len() - 1]
        }

        pub fn find(&self, token: &str) -> Option<&Session> {
            self.active.iter().find(|session| session.token == token)
        }
    }
}

use sessions::{Role, SessionStore};

fn main() {
    let mut store = SessionStore::new("sess");
    let token = store.open("ada", Role::Admin).token().to_string();
    store.open("linus", Role::Member);

    for presented in [token.as_str(), "sess-0002", "sess-9999"] {
        match store.find(presented) {
            Some(session) => println!("{presented}: {} ({:?})", session.user, session.role),
            None => println!("{presented}: no such session, 401"),
        }
    }
}
