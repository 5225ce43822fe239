//! HashMap<K, V>: an in-memory session store, keyed by session id.
use std::collections::HashMap;

struct Session {
    user: String,
    last_seen: u64, // seconds since the server started
}

fn main() {
    let mut sessions: HashMap<String, Session> = HashMap::new();
    for (id, user, at) in [
        ("s-1f3a", "alice", 100),
        ("s-77b2", "bob", 130),
        ("s-03c9", "carol", 150),
    ] {
        let session = Session {
            user: user.to_string(),
            last_seen: at,
        };
        sessions.insert(id.to_string(), session);
    }

    // Keys are Strings, but a &str is enough to look one up.
    match sessions.get("s-1f3a") {
        Some(session) => println!("s-1f3a belongs to {}", session.user),
        None => println!("s-1f3a: not logged in"),
    }
    println!("s-0000 known? {}", sessions.contains_key("s-0000"));

    // get_mut lends the value mutably: record activity in place.
    if let Some(session) = sessions.get_mut("s-77b2") {
        session.last_seen = 190;
    }

    // ANCHOR: rotate
    // Rotating an id after login: take the session out, put it back under the new id.
    if let Some(session) = sessions.remove("s-1f3a") {
        println!("rotated the session of {}", session.user);
        sessions.insert("s-9c0d".to_string(), session);
    }
    // ANCHOR_END: rotate

    // remove hands back the value it took out, or None.
    let logged_out = sessions.remove("s-03c9");
    println!("logged out: {:?}", logged_out.map(|session| session.user));
    println!(
        "logged out again: {:?}",
        sessions.remove("s-03c9").map(|s| s.user)
    );

    // Iteration order is unspecified (and differs between runs): sort the keys first.
    let mut ids: Vec<&String> = sessions.keys().collect();
    ids.sort();
    for id in ids {
        let session = &sessions[id];
        println!(
            "{id}: {} (last seen at {}s)",
            session.user, session.last_seen
        );
    }
}
