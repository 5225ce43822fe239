// println is a macro: calling it like a function does not compile.
fn main() {
    let port = 8080;
    println("listening on port {port}");
}
