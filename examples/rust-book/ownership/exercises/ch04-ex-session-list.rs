/// Records an open session for `user`. The list keeps its own copy of the
/// name, because the caller's &str may not live as long as the list does.
/// Returns true if the user was added, false (and changes nothing) if the
/// user was already in the list.
fn open_session(sessions: &mut Vec<String>, user: &str) -> bool {
    // TODO: return false if `user` is already in `sessions`; otherwise push
    // an owned copy of it and return true.
    todo!(
        "open a session for {user:?} in a list of {}",
        sessions.len()
    )
}

/// Removes `user`'s session and hands the String back to the caller, who
/// owns it from now on. Returns None if the user has no session.
fn close_session(sessions: &mut Vec<String>, user: &str) -> Option<String> {
    // TODO: find the position of `user` and move that String out of the
    // list (a Vec method removes an element and returns it).
    todo!(
        "close the session of {user:?} in a list of {}",
        sessions.len()
    )
}

fn main() {
    let mut sessions = Vec::new();
    let header = String::from("ada");
    println!("open ada: {}", open_session(&mut sessions, &header));
    println!("open ada again: {}", open_session(&mut sessions, "ada"));
    println!("open grace: {}", open_session(&mut sessions, "grace"));
    println!("close ada: {:?}", close_session(&mut sessions, "ada"));
    println!("left: {sessions:?}, and the caller still has {header:?}");
}
