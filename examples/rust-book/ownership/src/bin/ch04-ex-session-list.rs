// ANCHOR: solution
/// Records an open session for `user`. The list keeps its own copy of the
/// name, because the caller's &str may not live as long as the list does.
/// Returns true if the user was added, false (and changes nothing) if the
/// user was already in the list.
fn open_session(sessions: &mut Vec<String>, user: &str) -> bool {
    for session in sessions.iter() {
        if session == user {
            return false;
        }
    }
    sessions.push(user.to_string());
    true
}

/// Removes `user`'s session and hands the String back to the caller, who
/// owns it from now on. Returns None if the user has no session.
fn close_session(sessions: &mut Vec<String>, user: &str) -> Option<String> {
    for index in 0..sessions.len() {
        if sessions[index] == user {
            // `remove` moves the String out of the Vec: no copy is made.
            return Some(sessions.remove(index));
        }
    }
    None
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_user_is_stored_and_reported_as_added() {
        let mut sessions = vec![String::from("grace")];
        assert!(
            open_session(&mut sessions, "ada"),
            "ada was not in the list yet"
        );
        assert_eq!(sessions, ["grace", "ada"], "ada should be added at the end");
    }

    #[test]
    fn a_user_already_in_the_list_is_not_stored_twice() {
        let mut sessions = vec![String::from("ada")];
        assert!(
            !open_session(&mut sessions, "ada"),
            "ada was already in the list"
        );
        assert_eq!(sessions, ["ada"], "the list should not change");
    }

    #[test]
    fn the_list_outlives_the_text_it_was_given() {
        let mut sessions = Vec::new();
        {
            let from_a_request = String::from("linus");
            open_session(&mut sessions, &from_a_request);
        } // the caller's String is dropped here
        assert_eq!(
            sessions,
            ["linus"],
            "the list should hold its own copy of the name"
        );
    }

    #[test]
    fn closing_a_session_hands_its_string_back() {
        let mut sessions = vec![String::from("ada"), String::from("grace")];
        assert_eq!(
            close_session(&mut sessions, "ada"),
            Some(String::from("ada"))
        );
        assert_eq!(
            sessions,
            ["grace"],
            "ada's session should be gone from the list"
        );
    }

    #[test]
    fn closing_an_unknown_user_changes_nothing() {
        let mut sessions = vec![String::from("ada")];
        assert_eq!(close_session(&mut sessions, "grace"), None);
        assert_eq!(sessions, ["ada"]);
    }
}
// ANCHOR_END: tests
