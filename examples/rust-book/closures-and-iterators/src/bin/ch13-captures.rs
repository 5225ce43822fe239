//! Chapter 13: a closure uses variables from where it is written. The
//! compiler captures each one the least intrusive way the body allows (a
//! shared borrow, a mutable borrow, or by value), and that decides which of
//! Fn, FnMut and FnOnce the closure implements.

/// Calls `f` twice. `Fn` closures may be called any number of times, even
/// at once from two places, because calling one only reads what it holds.
fn call_twice(f: impl Fn(&str) -> String) {
    println!("{}", f("users"));
    println!("{}", f("orders"));
}

/// `FnMut` closures may change what they hold, so each call needs the
/// closure mutably: the parameter is `mut f`.
fn for_each_path(paths: &[&str], mut f: impl FnMut(&str)) {
    for path in paths {
        f(path);
    }
}

/// `FnOnce` closures may give away what they hold, so they run once.
fn on_shutdown(f: impl FnOnce() -> Vec<String>) {
    let lines = f();
    println!("flushed {} buffered lines: {lines:?}", lines.len());
}

fn main() {
    // A shared borrow: the closure only reads `prefix`.
    let prefix = String::from("/api/v2");
    let route = |path: &str| format!("{prefix}/{path}");
    call_twice(route);
    println!("prefix is still ours: {prefix}");

    // A mutable borrow: the closure changes `hits`.
    let mut hits = 0;
    let mut count = |path: &str| {
        hits += 1;
        println!("hit {hits}: {path}");
    };
    count("/health");
    for_each_path(&["/users", "/users/42"], &mut count);
    println!("hits after the closure's last use: {hits}");

    // By value: the closure returns `buffer` itself, so it must own it.
    let mut buffer = vec![String::from("GET /users 200")];
    buffer.push(String::from("GET /users/7 404"));
    let flush = move || buffer;
    on_shutdown(flush);
    // `buffer` now lives in the closure, and the closure was used up:
    // neither can be named again here.

    // `move` with a Copy value: the closure gets its own copy of `limit`,
    // so changing the variable afterwards does not change the closure.
    let mut limit = 100;
    let under_limit = move |n: u32| n < limit;
    limit = 5;
    println!(
        "under_limit(50) = {}, limit is now {limit}",
        under_limit(50)
    );

    // An Fn closure is also FnMut and FnOnce, and a plain function fits
    // these parameters too.
    let shout = |path: &str| println!("{}", path.to_uppercase());
    for_each_path(&["/metrics"], shout);
    on_shutdown(Vec::new);
}
