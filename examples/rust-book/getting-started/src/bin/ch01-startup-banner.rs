//! Chapter 1: println! and format! at work in a service's start-up banner.

fn main() {
    // env! reads Cargo's variables while compiling: the name and version
    // written in Cargo.toml end up in the binary, with no file to ship.
    let name = env!("CARGO_PKG_NAME");
    let version = env!("CARGO_PKG_VERSION");
    let port = 8080;
    let workers = 4;
    let routes = ["GET /orders", "POST /orders", "GET /health"];

    // `{}` formats with Display, the text meant for people.
    println!("{} v{} starting", name, version);
    // A variable's name can go straight inside the braces.
    println!("listening on http://127.0.0.1:{port} with {workers} workers");
    // ANCHOR: debug
    // `{:?}` formats with Debug, the developer's view: quotes and brackets.
    println!("routes: {routes:?}");
    // ANCHOR_END: debug

    // Width, alignment and precision make columns: `<` left, `>` right.
    println!("{:<14}{:>7}{:>9}", "route", "calls", "p99 ms");
    println!("{:<14}{:>7}{:>9.1}", "GET /orders", 1520, 12.345);
    println!("{:<14}{:>7}{:>9.1}", "GET /health", 30, 0.31);

    // format! builds the same text as a String instead of printing it.
    let user_agent = format!("{name}/{version}");
    println!("outgoing requests send User-Agent: {user_agent}");
    // Literal braces are doubled, handy for a JSON body.
    println!("GET /health answers {{\"status\":\"ok\"}}");
}
