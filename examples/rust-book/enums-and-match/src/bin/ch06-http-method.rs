//! An enum as a closed set of values, with methods that match on it.

#[derive(Debug, Clone, Copy, PartialEq)]
enum HttpMethod {
    Get,
    Head,
    Post,
    Put,
    Delete,
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

    // Safe methods only read (RFC 9110): caches and crawlers may send them.
    fn is_safe(self) -> bool {
        match self {
            HttpMethod::Get | HttpMethod::Head => true,
            HttpMethod::Post | HttpMethod::Put | HttpMethod::Delete => false,
        }
    }

    // Idempotent methods may be retried after a timeout without harm.
    // Every variant is listed, no `_`: a new variant must be decided on.
    fn is_idempotent(self) -> bool {
        match self {
            HttpMethod::Get | HttpMethod::Head | HttpMethod::Put | HttpMethod::Delete => true,
            HttpMethod::Post => false,
        }
    }
}

fn main() {
    let all = [
        HttpMethod::Get,
        HttpMethod::Head,
        HttpMethod::Post,
        HttpMethod::Put,
        HttpMethod::Delete,
    ];
    println!("method  safe   idempotent");
    for method in all {
        let (name, safe) = (method.as_str(), method.is_safe());
        println!("{name:<7} {safe:<6} {}", method.is_idempotent());
    }
    // Variants are values: compared with == (derived PartialEq), printed with {:?}.
    let routed = all[3];
    println!(
        "{routed:?} == HttpMethod::Put? {}",
        routed == HttpMethod::Put
    );
}
