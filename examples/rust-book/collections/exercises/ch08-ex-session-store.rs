//! Exercise: an in-memory session store on a HashMap.

use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
struct Session {
    user: String,
    /// Seconds since the server started, when the session was last used.
    last_seen: u64,
}

#[derive(Default)]
struct SessionStore {
    sessions: HashMap<String, Session>,
}

impl SessionStore {
    /// Starts a session for `user` under `id`, replacing any session with that id.
    fn login(&mut self, id: &str, user: &str, now: u64) {
        // Build a Session and insert it into self.sessions.
        todo!()
    }

    /// Records activity on a session. Returns false (and changes nothing)
    /// when there is no session with this id.
    fn touch(&mut self, id: &str, now: u64) -> bool {
        // Look the session up mutably and set its last_seen.
        todo!()
    }

    /// Removes every session idle for more than `ttl` seconds at time `now`
    /// and returns their ids in sorted order.
    fn expire(&mut self, now: u64, ttl: u64) -> Vec<String> {
        // Find the idle ids, remove them, return them sorted.
        todo!()
    }

    /// The user a session belongs to (given: you do not need to change it).
    fn user(&self, id: &str) -> Option<&str> {
        self.sessions.get(id).map(|session| session.user.as_str())
    }
}

fn main() {
    let mut store = SessionStore::default();
    store.login("s-1", "alice", 0);
    store.login("s-2", "bob", 0);
    store.touch("s-2", 50);
    println!("expired at 70s: {:?}", store.expire(70, 60));
    println!("s-2 belongs to {:?}", store.user("s-2"));
}
