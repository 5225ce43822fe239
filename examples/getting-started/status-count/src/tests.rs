//! Unit tests of the line parser (kept apart so the lesson shows main.rs alone).
use super::status_class;

#[test]
fn reads_the_status_after_the_request() {
    let line = r#"10.0.0.1 - - [24/Nov/2026:10:00:00 +0000] "GET /users/7 HTTP/1.1" 404 19"#;
    assert_eq!(status_class(line).as_deref(), Some("4xx"));
}

#[test]
fn combined_format_with_quoted_user_agent() {
    let line =
        r#"10.0.0.1 - - [24/Nov/2026:10:00:00 +0000] "POST /users HTTP/1.1" 201 54 "-" "curl/8.5""#;
    assert_eq!(status_class(line).as_deref(), Some("2xx"));
}

#[test]
fn lines_without_a_status_are_skipped() {
    assert_eq!(status_class("garbage"), None);
    assert_eq!(status_class(r#"x "GET / HTTP/1.1" 999 0"#), None);
    assert_eq!(status_class(r#"x "GET / HTTP/1.1" - 0"#), None);
}
