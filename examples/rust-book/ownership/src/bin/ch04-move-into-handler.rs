//! A request handler that takes its body by value: ownership moves in.

/// Takes the body by value. From this call on the handler owns it, and the
/// caller's variable can no longer be used.
fn handle_create(body: String) -> u16 {
    println!("handler: got {} bytes: {body}", body.len());
    if body.starts_with('{') { 201 } else { 400 }
} // `body` goes out of scope here, so its heap buffer is freed here.

/// Takes ownership and hands it back: a move in, a move out, no copy.
fn strip_trailing_newline(mut body: String) -> String {
    if body.ends_with('\n') {
        body.pop();
    }
    body
}

/// A u16 is Copy: the callee gets its own copy and the caller keeps its own.
fn log_status(status: u16) {
    println!("log: status {status}");
}

fn main() {
    let raw = String::from("{\"name\":\"ada\"}\n");
    let buffer = raw.as_ptr(); // the address of the text on the heap

    // Moved in and moved back out: the same heap buffer, nothing copied.
    let body = strip_trailing_newline(raw);
    println!(
        "same buffer after the round trip: {}",
        body.as_ptr() == buffer
    );

    // ANCHOR: clone-before-move
    // The audit log needs the text after the handler has consumed the body,
    // so it takes its own copy first.
    let audit = body.clone();
    let status = handle_create(body);
    // From here on, `body` is gone: reading it is error E0382.
    // ANCHOR_END: clone-before-move

    log_status(status);
    println!("status {status} is still usable, audit kept {audit}");
}
