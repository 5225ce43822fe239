//! Must not compile (E0373): the returned closure borrows `min`, a
//! parameter that is gone once the function returns.

struct Entry {
    status: u16,
}

fn status_at_least(min: u16) -> impl Fn(&Entry) -> bool {
    |entry| entry.status >= min
}

fn main() {
    let server_errors = status_at_least(500);
    println!("{}", server_errors(&Entry { status: 503 }));
}
