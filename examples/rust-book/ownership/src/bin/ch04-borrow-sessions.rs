//! Borrowing: many readers (&T) or one writer (&mut T), never both at once.

/// Reads the list: a shared borrow, so the caller keeps ownership.
fn count_for(sessions: &[String], user: &str) -> usize {
    let mut count = 0;
    for session in sessions {
        if session == user {
            count += 1;
        }
    }
    count
}

/// Changes the list: an exclusive borrow, for the length of the call.
fn open_session(sessions: &mut Vec<String>, user: &str) {
    // The Vec owns its elements, so it stores its own copy of the text.
    sessions.push(user.to_string());
}

fn main() {
    let mut sessions = vec![String::from("ada"), String::from("grace")];
    open_session(&mut sessions, "linus");

    // Any number of shared borrows can be alive together.
    let first = &sessions[0];
    let last = &sessions[sessions.len() - 1];
    println!(
        "first {first}, last {last}, ada has {}",
        count_for(&sessions, "ada")
    );
    // `first` and `last` are not used below, so their borrows end here
    // and the list can be changed again.

    // ANCHOR: copy-then-push
    // Take an owned copy of what you need, then change the list.
    let oldest = sessions[0].clone();
    sessions.push(format!("{oldest}-admin"));
    println!("reopened {oldest} as admin: {sessions:?}");
    // ANCHOR_END: copy-then-push

    // ANCHOR: one-writer-at-a-time
    // Active connections per backend: move one from backend 0 to backend 1.
    let mut active = vec![12_u32, 3];
    active[0] -= 1; // each `&mut` lasts one statement...
    active[1] += 1; // ...so the two never overlap
    // When both must be held at once, ask for two that cannot overlap.
    if let Ok([from, to]) = active.get_disjoint_mut([0, 1]) {
        *from -= 1;
        *to += 1;
    }
    println!("active connections per backend: {active:?}");
    // ANCHOR_END: one-writer-at-a-time
}
