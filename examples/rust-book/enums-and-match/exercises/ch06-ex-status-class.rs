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
        // TODO: true for ClientError and ServerError only.
        todo!()
    }
}

/// The class of a status code, or None outside 100..=599.
fn classify(code: u16) -> Option<StatusClass> {
    // TODO: match the code against ranges such as 200..=299.
    todo!()
}

fn main() {
    for code in [101, 204, 301, 404, 503, 999] {
        match classify(code) {
            Some(class) => println!("{code} {class:?} (error: {})", class.is_error()),
            None => println!("{code} is not an HTTP status code"),
        }
    }
}
