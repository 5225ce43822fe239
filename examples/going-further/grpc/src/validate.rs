//! The users API's rules for a name and an email (its src/users.rs), so
//! both protocols refuse the same input with the same words.

use crate::error::UserError;

/// PostgreSQL's `text` cannot store NUL: left to the database, the insert
/// would fail as an internal error instead of the client's mistake.
fn no_nul(value: &str, field: &'static str) -> Result<(), UserError> {
    if value.contains('\0') {
        return Err(UserError::Invalid {
            field,
            message: format!("{field} must not contain the NUL character"),
        });
    }
    Ok(())
}

/// A name is 1 to 100 characters once trimmed.
pub fn name(name: &str) -> Result<String, UserError> {
    no_nul(name, "name")?;
    let name = name.trim();
    if name.is_empty() || name.chars().count() > 100 {
        return Err(UserError::Invalid {
            field: "name",
            message: "name must be 1 to 100 characters".into(),
        });
    }
    Ok(name.to_string())
}

/// An email is `local@domain`, both parts non-empty, at most 254 characters.
pub fn email(email: &str) -> Result<String, UserError> {
    no_nul(email, "email")?;
    let email = email.trim();
    let well_formed = matches!(email.split_once('@'),
        Some((local, domain)) if !local.is_empty() && domain.contains('.') && !domain.contains('@'));
    if !well_formed || email.chars().count() > 254 {
        return Err(UserError::Invalid {
            field: "email",
            message: "email must look like name@example.com".into(),
        });
    }
    Ok(email.to_string())
}
