//! Exercise: a generic function whose body is compiled once. Handlers pass
//! an email address as `&str`, `String`, `&String`, `Box<str>` or
//! `Cow<str>`, and `normalise_email` takes any of them; but as written, the
//! compiler makes one copy of its whole body for each of those types. Move
//! the body into `normalise_email_str`, which takes a `&str` and is compiled
//! once, and leave `normalise_email` a one-line shell that calls it.

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
pub fn normalise_email<S: AsRef<str>>(email: S) -> Result<String, EmailError> {
    let email = email.as_ref().trim();
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

/// The same work for a `&str`: the one copy of the body.
pub fn normalise_email_str(email: &str) -> Result<String, EmailError> {
    todo!("move the body of normalise_email here: {email}")
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
