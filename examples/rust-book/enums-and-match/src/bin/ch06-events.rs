//! An enum whose variants carry different data, taken apart by match with
//! guards and bindings.

#[derive(Debug)]
enum Event {
    Connected(String),
    Request {
        path: String,
        status: u16,
    },
    Disconnected {
        peer: String,
        reason: Option<String>,
    },
    Heartbeat,
}

fn describe(event: &Event) -> String {
    // Arms are tried from top to bottom; the first one that matches wins.
    match event {
        Event::Connected(peer) => format!("connect {peer}"),
        Event::Request { path, status } if *status >= 500 => format!("ALERT {status} on {path}"),
        Event::Request {
            path,
            status: code @ 400..=499,
        } => format!("client error {code} on {path}"),
        Event::Request { path, .. } => format!("ok {path}"),
        Event::Disconnected {
            peer,
            reason: Some(why),
        } => format!("bye {peer}: {why}"),
        Event::Disconnected { peer, reason: None } => format!("bye {peer}"),
        Event::Heartbeat => String::from("."),
    }
}

fn request(path: &str, status: u16) -> Event {
    let path = path.to_string();
    Event::Request { path, status }
}

fn main() {
    let events = [
        Event::Connected(String::from("10.0.0.7")),
        request("/users/7", 200),
        request("/orders", 503),
        request("/users/99", 404),
        Event::Heartbeat,
        Event::Disconnected {
            peer: String::from("10.0.0.7"),
            reason: Some(String::from("idle timeout")),
        },
    ];
    for event in &events {
        println!("{}", describe(event));
    }
    // Each variant prints with its own data.
    println!("{:?}", events[3]);
    println!("{:?}", events[5]);
}
