//! Exercise: an in-memory session store on a HashMap.

// ANCHOR: solution
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
        let session = Session {
            user: user.to_string(),
            last_seen: now,
        };
        self.sessions.insert(id.to_string(), session);
    }

    /// Records activity on a session. Returns false (and changes nothing)
    /// when there is no session with this id.
    fn touch(&mut self, id: &str, now: u64) -> bool {
        match self.sessions.get_mut(id) {
            Some(session) => {
                session.last_seen = now;
                true
            }
            None => false,
        }
    }

    /// Removes every session idle for more than `ttl` seconds at time `now`
    /// and returns their ids in sorted order.
    fn expire(&mut self, now: u64, ttl: u64) -> Vec<String> {
        let mut expired = Vec::new();
        for (id, session) in &self.sessions {
            if now.saturating_sub(session.last_seen) > ttl {
                expired.push(id.clone());
            }
        }
        // Removing inside the loop above would change the map while it is borrowed.
        for id in &expired {
            self.sessions.remove(id);
        }
        expired.sort();
        expired
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn login_stores_a_session_that_user_can_find() {
        let mut store = SessionStore::default();
        store.login("s-1", "alice", 10);
        assert_eq!(
            store.user("s-1"),
            Some("alice"),
            "login should insert the session under its id"
        );
        assert_eq!(
            store.user("s-2"),
            None,
            "an id nobody logged in with has no user"
        );
    }

    #[test]
    fn login_with_an_existing_id_replaces_the_session() {
        let mut store = SessionStore::default();
        store.login("s-1", "alice", 10);
        store.login("s-1", "bob", 20);
        assert_eq!(
            store.user("s-1"),
            Some("bob"),
            "the second login under s-1 should win"
        );
    }

    #[test]
    fn touch_on_a_known_session_returns_true_and_keeps_it_alive() {
        let mut store = SessionStore::default();
        store.login("s-1", "alice", 0);
        assert!(
            store.touch("s-1", 100),
            "touch should return true for an existing session"
        );
        assert!(
            store.expire(150, 60).is_empty(),
            "touched at 100, the session is only 50s idle at 150"
        );
    }

    #[test]
    fn touch_on_an_unknown_id_returns_false_and_creates_nothing() {
        let mut store = SessionStore::default();
        assert!(
            !store.touch("s-404", 5),
            "touch should return false when there is no such session"
        );
        assert_eq!(store.user("s-404"), None, "touch must not create a session");
    }

    #[test]
    fn expire_removes_only_sessions_idle_longer_than_the_ttl() {
        let mut store = SessionStore::default();
        store.login("s-old", "alice", 0);
        store.login("s-edge", "bob", 40);
        store.login("s-new", "carol", 90);
        assert_eq!(
            store.expire(100, 60),
            vec!["s-old".to_string()],
            "only s-old is idle for more than 60s"
        );
        assert_eq!(
            store.user("s-edge"),
            Some("bob"),
            "exactly 60s idle is not more than the ttl: keep it"
        );
        assert_eq!(
            store.user("s-old"),
            None,
            "an expired session must be removed from the map"
        );
    }

    #[test]
    fn expire_returns_the_removed_ids_sorted() {
        let mut store = SessionStore::default();
        for id in ["s-c", "s-a", "s-d", "s-b"] {
            store.login(id, "someone", 0);
        }
        assert_eq!(
            store.expire(1000, 60),
            ["s-a", "s-b", "s-c", "s-d"],
            "sort the ids: HashMap order is not stable"
        );
    }
}
// ANCHOR_END: tests
