// ANCHOR: build
//! Generates the Rust for proto/users/v1/users.proto into OUT_DIR at every
//! build where the file changed: the message structs (prost), the server
//! trait and the client (tonic). Needs protoc on PATH, or PROTOC naming it.

fn main() -> std::io::Result<()> {
    tonic_prost_build::configure()
        // The load client and the tests speak to the server through the
        // generated client; a service that only serves could turn it off.
        .build_client(true)
        .build_server(true)
        .compile_protos(&["proto/users/v1/users.proto"], &["proto"])
}
// ANCHOR_END: build
