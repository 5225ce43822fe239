// ANCHOR: solution
/// The five classes of HTTP status codes, from the first digit.
#[derive(Debug, Clone, Copy, PartialEq)]
enum StatusClass {
    Informational,
    Success,
    Redirection,
    ClientError,
    ServerError,
}

impl StatusClass {
    /// 4xx and 5xx are errors: the ones an error-rate alert counts.
    fn is_error(self) -> bool {
        match self {
            StatusClass::ClientError | StatusClass::ServerError => true,
            StatusClass::Informational | StatusClass::Success | StatusClass::Redirection => false,
        }
    }
}

/// The class of a status code, or None outside 100..=599.
fn classify(code: u16) -> Option<StatusClass> {
    match code {
        100..=199 => Some(StatusClass::Informational),
        200..=299 => Some(StatusClass::Success),
        300..=399 => Some(StatusClass::Redirection),
        400..=499 => Some(StatusClass::ClientError),
        500..=599 => Some(StatusClass::ServerError),
        _ => None,
    }
}

fn main() {
    for code in [101, 204, 301, 404, 503, 999] {
        match classify(code) {
            Some(class) => println!("{code} {class:?} (error: {})", class.is_error()),
            None => println!("{code} is not an HTTP status code"),
        }
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_codes_get_their_class() {
        assert_eq!(classify(200), Some(StatusClass::Success));
        assert_eq!(classify(304), Some(StatusClass::Redirection));
        assert_eq!(classify(404), Some(StatusClass::ClientError));
        assert_eq!(classify(503), Some(StatusClass::ServerError));
    }

    #[test]
    fn both_ends_of_each_class_are_included() {
        let edges = [
            (100, StatusClass::Informational),
            (199, StatusClass::Informational),
            (200, StatusClass::Success),
            (299, StatusClass::Success),
            (300, StatusClass::Redirection),
            (399, StatusClass::Redirection),
            (400, StatusClass::ClientError),
            (499, StatusClass::ClientError),
            (500, StatusClass::ServerError),
            (599, StatusClass::ServerError),
        ];
        for (code, class) in edges {
            assert_eq!(classify(code), Some(class), "{code} should be {class:?}");
        }
    }

    #[test]
    fn codes_outside_100_to_599_are_none() {
        for code in [0, 99, 600, 999] {
            assert_eq!(classify(code), None, "{code} is not an HTTP status code");
        }
    }

    #[test]
    fn only_client_and_server_errors_are_errors() {
        assert!(StatusClass::ClientError.is_error());
        assert!(StatusClass::ServerError.is_error());
        assert!(!StatusClass::Success.is_error(), "2xx is not an error");
        assert!(!StatusClass::Redirection.is_error(), "3xx is not an error");
        assert!(
            !StatusClass::Informational.is_error(),
            "1xx is not an error"
        );
    }
}
// ANCHOR_END: tests
