//! The users table as a gRPC service, and the same read as REST + JSON,
//! served together by one axum server on 127.0.0.1.

pub mod auth;
pub mod deadline;
pub mod error;
pub mod grpc;
pub mod rest;
pub mod server;
pub mod store;
pub mod validate;

// ANCHOR: pb
/// The code tonic-prost-build wrote from users.proto: `pb::User`,
/// `pb::user_service_server::UserService` (the trait to implement) and
/// `pb::user_service_client::UserServiceClient`.
pub mod pb {
    tonic::include_proto!("users.v1");
}
// ANCHOR_END: pb
