//! Does not compile: the list is changed while a reference into it is in use.

fn main() {
    let mut sessions = vec![String::from("ada"), String::from("grace")];
    let oldest = &sessions[0];
    sessions.push(String::from("linus"));
    println!("oldest session: {oldest}");
}
