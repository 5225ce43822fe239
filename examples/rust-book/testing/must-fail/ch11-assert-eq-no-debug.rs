//! Must not compile (E0277): assert_eq! prints both values when they
//! differ, so their type needs Debug as well as PartialEq.

#[derive(PartialEq)]
enum Status {
    Active,
    Suspended,
}

fn status_of(user: &str) -> Status {
    if user == "mallory" {
        Status::Suspended
    } else {
        Status::Active
    }
}

fn main() {
    assert_eq!(status_of("ada"), Status::Active);
    println!("ada is active");
}
