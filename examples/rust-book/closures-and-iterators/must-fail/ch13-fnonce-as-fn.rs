//! Must not compile (E0525): `serve` calls its handler once per request,
//! so it asks for Fn, but this closure gives its String away when called.

fn serve(paths: &[&str], handler: impl Fn(&str) -> String) {
    for path in paths {
        println!("{path} -> {}", handler(path));
    }
}

fn main() {
    let notice = String::from("down for maintenance until 14:00");
    let maintenance = move |_path: &str| notice;
    serve(&["/", "/users"], maintenance);
}
