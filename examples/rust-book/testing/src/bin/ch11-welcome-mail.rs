//! Signing up sends a welcome email. The handler asks for any Mailer, so a
//! test can hand it a fake that records messages instead of sending them.

trait Mailer {
    fn send(&mut self, to: &str, subject: &str) -> Result<(), String>;
}

/// The real one would speak SMTP to a mail server; this one prints.
struct ConsoleMailer;

impl Mailer for ConsoleMailer {
    fn send(&mut self, to: &str, subject: &str) -> Result<(), String> {
        println!("  mail to {to}: {subject}");
        Ok(())
    }
}

#[derive(Debug, PartialEq)]
enum SignupError {
    InvalidEmail,
    MailFailed(String),
}

fn sign_up(email: &str, mailer: &mut impl Mailer) -> Result<(), SignupError> {
    match email.split_once('@') {
        Some((user, domain)) if !user.is_empty() && domain.contains('.') => {}
        _ => return Err(SignupError::InvalidEmail),
    }
    // … the account would be stored here …
    mailer
        .send(email, "Welcome!")
        .map_err(SignupError::MailFailed)
}

fn main() {
    let mut mailer = ConsoleMailer;
    for email in ["ada@example.com", "not-an-address", "grace@example.org"] {
        println!("POST /signup {email}");
        match sign_up(email, &mut mailer) {
            Ok(()) => println!("  201 Created"),
            Err(err) => println!("  422 {err:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fake mailer: it keeps what it is asked to send, or fails every
    /// send when `down` is set, the way a mail server outage would.
    #[derive(Default)]
    struct RecordingMailer {
        sent: Vec<(String, String)>,
        down: bool,
    }

    impl Mailer for RecordingMailer {
        fn send(&mut self, to: &str, subject: &str) -> Result<(), String> {
            if self.down {
                return Err("connection refused".to_string());
            }
            self.sent.push((to.to_string(), subject.to_string()));
            Ok(())
        }
    }

    #[test]
    fn a_signup_sends_one_welcome_email() {
        let mut mailer = RecordingMailer::default();
        assert_eq!(sign_up("ada@example.com", &mut mailer), Ok(()));
        assert_eq!(
            mailer.sent,
            [("ada@example.com".to_string(), "Welcome!".to_string())]
        );
    }

    #[test]
    fn an_invalid_address_sends_nothing() {
        let mut mailer = RecordingMailer::default();
        for email in ["", "ada", "@example.com", "ada@localhost"] {
            assert_eq!(sign_up(email, &mut mailer), Err(SignupError::InvalidEmail));
        }
        assert!(mailer.sent.is_empty(), "sent {:?}", mailer.sent);
    }

    #[test]
    fn a_mail_outage_is_reported() {
        let mut mailer = RecordingMailer {
            down: true,
            ..Default::default()
        };
        assert_eq!(
            sign_up("ada@example.com", &mut mailer),
            Err(SignupError::MailFailed("connection refused".to_string()))
        );
    }
}
