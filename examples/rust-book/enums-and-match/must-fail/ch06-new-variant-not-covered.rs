//! Adding a variant to an enum: every match that lists the variants one by
//! one stops compiling until it says what to do with the new one.

#[derive(Debug, Clone, Copy, PartialEq)]
enum HttpMethod {
    Get,
    Head,
    Post,
    Put,
    Delete,
    Patch, // new: partial updates
}

impl HttpMethod {
    fn as_str(self) -> &'static str {
        match self {
            HttpMethod::Get => "GET",
            HttpMethod::Head => "HEAD",
            HttpMethod::Post => "POST",
            HttpMethod::Put => "PUT",
            HttpMethod::Delete => "DELETE",
        }
    }

    fn is_idempotent(self) -> bool {
        match self {
            HttpMethod::Get | HttpMethod::Head | HttpMethod::Put | HttpMethod::Delete => true,
            HttpMethod::Post => false,
        }
    }
}

fn main() {
    let method = HttpMethod::Patch;
    println!("{} retry: {}", method.as_str(), method.is_idempotent());
}
