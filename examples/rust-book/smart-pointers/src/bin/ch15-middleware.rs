//! Chapter 15: Box<dyn Trait> lets one Vec hold values of different types
//! that share a trait: a chain of middleware, each its own struct, built
//! from a list of names the way a service reads it from its configuration.

/// A request on its way to the handler. Middleware may add headers.
struct Request {
    path: &'static str,
    headers: Vec<(String, String)>,
}

impl Request {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }
}

/// What a middleware decides: pass the request on, or answer it itself.
enum Next {
    Continue,
    Respond(u16, &'static str),
}

trait Middleware {
    fn name(&self) -> &'static str;
    fn call(&mut self, request: &mut Request) -> Next;
}

/// Gives each request an `x-request-id`, counting from 1.
struct RequestId {
    last: u32,
}

/// Refuses a request without the expected bearer token.
struct BearerAuth {
    expected: String,
}

/// Lets `limit` requests through, then answers 429.
struct RateLimit {
    limit: u32,
    seen: u32,
}

impl Middleware for RequestId {
    fn name(&self) -> &'static str {
        "request-id"
    }

    fn call(&mut self, request: &mut Request) -> Next {
        self.last += 1;
        let id = self.last.to_string();
        request.headers.push(("x-request-id".to_string(), id));
        Next::Continue
    }
}

impl Middleware for BearerAuth {
    fn name(&self) -> &'static str {
        "auth"
    }

    fn call(&mut self, request: &mut Request) -> Next {
        match request.header("authorization") {
            Some(value) if value == self.expected => Next::Continue,
            _ => Next::Respond(401, "missing or wrong token"),
        }
    }
}

impl Middleware for RateLimit {
    fn name(&self) -> &'static str {
        "rate-limit"
    }

    fn call(&mut self, _request: &mut Request) -> Next {
        self.seen += 1;
        if self.seen > self.limit {
            Next::Respond(429, "too many requests")
        } else {
            Next::Continue
        }
    }
}

/// Three types, one return type: each box holds a different struct, and
/// all of them are seen through the Middleware trait.
fn middleware(name: &str) -> Option<Box<dyn Middleware>> {
    match name {
        "request-id" => Some(Box::new(RequestId { last: 0 })),
        "auth" => Some(Box::new(BearerAuth {
            expected: "Bearer s3cret".to_string(),
        })),
        "rate-limit" => Some(Box::new(RateLimit { limit: 3, seen: 0 })),
        _ => None,
    }
}

/// Runs the chain in order. The first middleware that answers wins.
fn handle(chain: &mut [Box<dyn Middleware>], request: &mut Request) -> String {
    for layer in chain.iter_mut() {
        if let Next::Respond(status, body) = layer.call(request) {
            return format!("{status} {body} (from {})", layer.name());
        }
    }
    format!("200 users of {}", request.path)
}

fn main() {
    let config = "request-id,auth,rate-limit";
    let mut chain: Vec<Box<dyn Middleware>> = config.split(',').filter_map(middleware).collect();
    let names: Vec<&str> = chain.iter().map(|layer| layer.name()).collect();
    println!("chain: {}", names.join(" -> "));

    for token in ["s3cret", "", "s3cret", "s3cret", "s3cret"] {
        let mut request = Request {
            path: "/users",
            headers: Vec::new(),
        };
        if !token.is_empty() {
            let value = format!("Bearer {token}");
            request.headers.push(("authorization".to_string(), value));
        }
        let response = handle(&mut chain, &mut request);
        let id = request.header("x-request-id").unwrap_or("-");
        println!("request {id}: {response}");
    }
}
