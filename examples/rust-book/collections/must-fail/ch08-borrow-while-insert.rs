//! Must fail (E0502): a reference into a HashMap, then an insert into it.
use std::collections::HashMap;

struct Session {
    user: String,
}

fn main() {
    let mut sessions: HashMap<String, Session> = HashMap::new();
    sessions.insert(
        "s-1f3a".to_string(),
        Session {
            user: "alice".to_string(),
        },
    );

    // Rotate the session id: look the session up...
    let session = sessions.get("s-1f3a").expect("logged in");
    // ...store a copy under the new id...
    let user = session.user.clone();
    sessions.insert("s-9c0d".to_string(), Session { user });
    // ...and log whose session it was, through the old reference.
    println!("rotated the session of {}", session.user);
}
