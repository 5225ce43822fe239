//! Exercise: a generic function whose body is compiled once. Handlers pass
//! an email address as `&str`, `String`, `&String`, `Box<str>` or
//! `Cow<str>`, and `normalise_email` takes any of them; but as written, the
//! compiler makes one copy of its whole body for each of those types. Move
//! the body into `normalise_email_str`, which takes a `&str` and is compiled
//! once, and leave `normalise_email` a one-line shell that calls it.

// ANCHOR: solution
/// Why an address was refused.
#[derive(Debug, PartialEq, Eq)]
pub enum EmailError {
    Empty,
    TooLong,
    NoAt,
    EmptyLocalPart,
    BadDomain,
}

/// Trimmed, with its domain lower-cased (the local part is the mail
/// server's business: `Ada` and `ada` may be two mailboxes), and checked.
/// A shell: the only code compiled for each type is `as_ref` and a call.
pub fn normalise_email<S: AsRef<str>>(email: S) -> Result<String, EmailError> {
    normalise_email_str(email.as_ref())
}

/// The same work for a `&str`: the one copy of the body.
pub fn normalise_email_str(email: &str) -> Result<String, EmailError> {
    let email = email.trim();
    if email.is_empty() {
        return Err(EmailError::Empty);
    }
    // RFC 5321 caps a path at 256 octets, brackets included: 254 for the address.
    if email.len() > 254 {
        return Err(EmailError::TooLong);
    }
    let (local, domain) = email.rsplit_once('@').ok_or(EmailError::NoAt)?;
    if local.is_empty() {
        return Err(EmailError::EmptyLocalPart);
    }
    let labels_ok = domain.split('.').all(|label| {
        !label.is_empty()
            && !label.starts_with('-')
            && !label.ends_with('-')
            && label.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    if !labels_ok || !domain.contains('.') {
        return Err(EmailError::BadDomain);
    }
    Ok(format!("{local}@{}", domain.to_ascii_lowercase()))
}

fn main() {
    for input in [
        "  Ada@Example.COM ",
        "grace.hopper@navy.mil",
        "no-at.example.com",
    ] {
        println!("{input:?} -> {:?}", normalise_email(input));
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    #[test]
    fn the_body_is_a_plain_function_of_str() {
        // Compiles only if normalise_email_str takes a &str and has no type
        // parameter left to choose: one function, one copy.
        let once: fn(&str) -> Result<String, EmailError> = normalise_email_str;
        assert_eq!(once("  Ada@Example.COM "), Ok("Ada@example.com".to_owned()));
    }

    #[test]
    fn every_string_type_gets_the_same_answer() {
        let want = Ok("Ada@example.com".to_owned());
        let owned = String::from(" Ada@EXAMPLE.com");
        assert_eq!(normalise_email("Ada@Example.COM"), want);
        assert_eq!(normalise_email(&owned), want);
        assert_eq!(normalise_email(owned.clone()), want);
        assert_eq!(normalise_email(Box::<str>::from("Ada@example.COM ")), want);
        assert_eq!(normalise_email(Cow::Borrowed("Ada@Example.com")), want);
    }

    #[test]
    fn refusals() {
        for (input, error) in [
            ("   ", EmailError::Empty),
            ("ada.example.com", EmailError::NoAt),
            ("@example.com", EmailError::EmptyLocalPart),
            ("ada@localhost", EmailError::BadDomain),
            ("ada@example..com", EmailError::BadDomain),
            ("ada@-example.com", EmailError::BadDomain),
            ("ada@exa_mple.com", EmailError::BadDomain),
        ] {
            assert_eq!(normalise_email_str(input), Err(error), "{input:?}");
        }
        let long = format!("{}@example.com", "a".repeat(243));
        assert_eq!(long.len(), 255);
        assert_eq!(normalise_email_str(&long), Err(EmailError::TooLong));
        assert!(normalise_email_str(&long[1..]).is_ok());
    }

    #[test]
    fn the_last_at_splits_a_quoted_local_part() {
        assert_eq!(
            normalise_email_str("\"a@b\"@Example.org"),
            Ok("\"a@b\"@example.org".to_owned())
        );
    }
}
// ANCHOR_END: tests
