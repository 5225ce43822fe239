//! Another language on the wire: a Python client (grpcio) calls this
//! server. If the bytes were not gRPC, this would fail, whatever the Rust
//! client in the other tests agrees with.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::{TOKEN, start};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};

/// Debian's python3 (with python3-grpcio and python3-protobuf), unless
/// BACKEND_RUST_PYTHON names another.
fn python() -> String {
    std::env::var("BACKEND_RUST_PYTHON").unwrap_or_else(|_| "/usr/bin/python3".into())
}

/// Runs tests/interop/client.py with these arguments, on a thread of its
/// own: it blocks, and the test's runtime has one thread, which the server
/// needs to answer.
async fn client_py(generated: PathBuf, args: Vec<String>) -> Output {
    let python = python();
    tokio::task::spawn_blocking(move || {
        Command::new(&python)
            .arg(Path::new("tests/interop/client.py"))
            .args(args)
            .env("PYTHONPATH", generated)
            .env("API_TOKEN", TOKEN)
            .output()
            .unwrap_or_else(|e| {
                panic!("{python}: {e}: apt-get install python3-grpcio python3-protobuf")
            })
    })
    .await
    .unwrap()
}

fn stdout_of(output: &Output) -> String {
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    print!("{stdout}");
    assert!(
        output.status.success(),
        "the Python client failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

// ANCHOR: interop
#[sqlx::test]
async fn a_python_client_calls_the_rust_server(options: PgPoolOptions, connect: PgConnectOptions) {
    // One connection, so the test can take it away (the deadline, last).
    let db = options
        .max_connections(1)
        .connect_with(connect)
        .await
        .unwrap();
    let addr = start(db.clone()).await;

    // The Python message classes, from the same .proto, by the same protoc
    // (-I /usr/include finds google/protobuf/timestamp.proto).
    let generated = tempfile::tempdir().unwrap();
    let protoc = std::env::var("PROTOC").unwrap_or_else(|_| "protoc".into());
    let status = Command::new(&protoc)
        .args(["-I", "proto", "-I", "/usr/include", "--python_out"])
        .arg(generated.path())
        .arg("proto/users/v1/users.proto")
        .status()
        .unwrap_or_else(|e| {
            panic!("{protoc}: {e}: apt-get install protobuf-compiler libprotobuf-dev")
        });
    assert!(status.success());

    let calls = client_py(generated.path().to_owned(), vec![addr.to_string()]).await;
    assert!(stdout_of(&calls).contains("ListUsers: 3 messages: Ada, Grace, Edsger"));

    // With the pool's only connection held, no answer can come in time.
    let held = db.acquire().await.unwrap();
    let late = client_py(
        generated.path().to_owned(),
        vec![addr.to_string(), "deadline".into()],
    )
    .await;
    stdout_of(&late);
    drop(held);
}
// ANCHOR_END: interop
