//! Does not compile: the request line kept after the loop points into a
//! buffer that each pass of the loop frees.
#[derive(Debug)]
struct RequestLine<'a> {
    method: &'a str,
    target: &'a str,
}

impl<'a> RequestLine<'a> {
    fn parse(buffer: &'a str) -> Option<RequestLine<'a>> {
        let mut parts = buffer.split(' ');
        let (method, target) = (parts.next()?, parts.next()?);
        Some(RequestLine { method, target })
    }
}

fn main() {
    let requests = ["GET /users HTTP/1.1", "DELETE /users/7 HTTP/1.1"];
    let mut last = None;
    for raw in requests {
        let buffer = raw.to_string(); // one buffer per connection
        last = RequestLine::parse(&buffer);
    }
    println!("last request: {last:?}");
}
