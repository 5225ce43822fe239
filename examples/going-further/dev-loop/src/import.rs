//! A bulk import of users, one `name,email` a line, from any reader: an
//! upload's bytes, a file, stdin, a socket. Written three ways, which do the
//! same work and cost the compiler differently (see `monomorphs`).

use std::collections::HashSet;
use std::io::{BufRead, Read};

#[derive(Debug, PartialEq, Eq)]
pub struct NewUser {
    pub name: String,
    pub email: String,
}

#[derive(Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The reader failed, or a line was not UTF-8.
    Read { line: usize, message: String },
    /// A line the import refuses; `line` counts from 1, as an editor does.
    Invalid { line: usize, reason: &'static str },
}

// ANCHOR: generic
/// Every line parsed and checked, in a function generic over the reader.
/// The compiler copies this whole body, and the std code it calls
/// (`Lines<R>`, its `next`), once for each reader type a program passes in.
pub fn import_users<R: BufRead>(reader: R) -> Result<Vec<NewUser>, ImportError> {
    let mut users = Vec::new();
    let mut seen = HashSet::new();
    for (index, line) in reader.lines().enumerate() {
        let number = index + 1;
        let line = line.map_err(|error| ImportError::Read {
            line: number,
            message: error.to_string(),
        })?;
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let invalid = |reason| ImportError::Invalid {
            line: number,
            reason,
        };
        let (name, email) = line.split_once(',').ok_or(invalid("expected name,email"))?;
        let (name, email) = (name.trim(), email.trim().to_lowercase());
        if name.is_empty() || name.chars().count() > 100 {
            return Err(invalid("name must be 1 to 100 characters"));
        }
        match email.split_once('@') {
            Some((local, domain))
                if !local.is_empty() && domain.contains('.') && !domain.contains('@') => {}
            _ => return Err(invalid("not an email address")),
        }
        if !seen.insert(email.clone()) {
            return Err(invalid("email listed twice"));
        }
        users.push(NewUser {
            name: name.to_owned(),
            email,
        });
    }
    Ok(users)
}
// ANCHOR_END: generic

// ANCHOR: dyn
/// The body compiled once, for `&mut dyn BufRead`: this generic shell only
/// hands its reader over as a trait object. But each reader type that
/// becomes a `dyn BufRead` needs a vtable, and a vtable holds every method
/// of `BufRead` and `Read` for that type, used or not.
pub fn import_users_dyn<R: BufRead>(mut reader: R) -> Result<Vec<NewUser>, ImportError> {
    import_users::<&mut dyn BufRead>(&mut reader)
}
// ANCHOR_END: dyn

// ANCHOR: buffered
/// The body compiled once, for `&[u8]`: the shell reads the whole input
/// first (an upload is bounded by the request's size limit anyway), so the
/// only code made per reader type is its `read_to_end`.
pub fn import_users_buffered<R: Read>(mut reader: R) -> Result<Vec<NewUser>, ImportError> {
    let mut bytes = Vec::new();
    if let Err(error) = reader.read_to_end(&mut bytes) {
        // What was read before the error is in `bytes`: the failing line is
        // the one after its last newline.
        let line = bytes.iter().filter(|&&b| b == b'\n').count() + 1;
        let message = error.to_string();
        return Err(ImportError::Read { line, message });
    }
    import_users(bytes.as_slice())
}
// ANCHOR_END: buffered

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{self, Cursor};

    const FILE: &str =
        "# name,email\nAda Lovelace, Ada@Example.com\n\n  Grace Hopper,grace@example.org  \n";

    fn expected() -> Vec<NewUser> {
        vec![
            NewUser {
                name: "Ada Lovelace".into(),
                email: "ada@example.com".into(),
            },
            NewUser {
                name: "Grace Hopper".into(),
                email: "grace@example.org".into(),
            },
        ]
    }

    #[test]
    fn both_versions_import_the_same_users_from_any_reader() {
        assert_eq!(import_users(FILE.as_bytes()), Ok(expected()));
        assert_eq!(import_users_dyn(FILE.as_bytes()), Ok(expected()));
        assert_eq!(
            import_users_dyn(Cursor::new(FILE.to_owned().into_bytes())),
            Ok(expected())
        );
        assert_eq!(import_users_buffered(FILE.as_bytes()), Ok(expected()));
    }

    #[test]
    fn refusals_name_the_line() {
        for (text, line, reason) in [
            ("a@b.c\n", 1, "expected name,email"),
            ("ok,ok@b.c\n,x@b.c\n", 2, "name must be 1 to 100 characters"),
            ("A,a.example.com\n", 1, "not an email address"),
            ("A,a@localhost\n", 1, "not an email address"),
            ("A,a@b.c\nB,A@B.C\n", 2, "email listed twice"),
        ] {
            let want = Err(ImportError::Invalid { line, reason });
            assert_eq!(import_users(text.as_bytes()), want, "{text:?}");
            assert_eq!(import_users_dyn(text.as_bytes()), want, "{text:?}");
            assert_eq!(import_users_buffered(text.as_bytes()), want, "{text:?}");
        }
    }

    #[test]
    fn a_failing_reader_is_an_error_with_its_line() {
        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> io::Result<usize> {
                Err(io::Error::other("connection reset"))
            }
        }
        let want = Err(ImportError::Read {
            line: 2,
            message: "connection reset".into(),
        });
        let reader = || io::BufReader::new("A,a@b.c\n".as_bytes().chain(Broken));
        assert_eq!(import_users(reader()), want);
        assert_eq!(import_users_dyn(reader()), want);
        assert_eq!(import_users_buffered(reader()), want);
    }
}
