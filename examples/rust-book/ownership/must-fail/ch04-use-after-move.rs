//! Does not compile: the body is read after it was moved into the handler.

fn handle_create(body: String) -> u16 {
    if body.starts_with('{') { 201 } else { 400 }
}

fn main() {
    let body = String::from("{\"name\":\"ada\"}");
    let status = handle_create(body);
    println!("{status} for a body of {} bytes", body.len());
}
