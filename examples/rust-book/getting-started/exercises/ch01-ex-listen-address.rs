//! Chapter 1 exercise: the address a service listens on, from its arguments.

/// The address to bind, as "host:port". The first argument is the port
/// (default "3000"), the second the host (default "127.0.0.1").
fn listen_address(args: &[String]) -> String {
    // TODO: pick the port (args[0], or "3000" when there is no argument)
    // and the host (args[1], or "127.0.0.1" when there is no second one),
    // then join them with format!. args.len() says how many there are.
    todo!()
}

fn main() {
    // Skip the program's path: the function only sees real arguments.
    let args: Vec<String> = std::env::args().skip(1).collect();
    println!("listening on {}", listen_address(&args));
}
