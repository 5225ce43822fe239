//! A real server for each test: the crate's router on 127.0.0.1, an
//! ephemeral port, the test's own migrated database (#[sqlx::test]).
#![allow(dead_code)]

use std::net::SocketAddr;

use hyper_util::client::legacy::Client;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::TokioExecutor;
use sqlx::PgPool;
use tokio::net::TcpListener;
use tonic::metadata::MetadataValue;
use tonic::transport::Channel;
use users_grpc::auth::Token;
use users_grpc::pb::user_service_client::UserServiceClient;
use users_grpc::server;

pub const TOKEN: &str = "test-token-0123456789abcdef";

/// Starts the server on 127.0.0.1 (never another interface) and returns
/// its address; it stops with the test's runtime.
pub async fn start(db: PgPool) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = server::router(db, Token::new(TOKEN).unwrap());
    tokio::spawn(server::serve(listener, app, std::future::pending()));
    addr
}

/// A client on one HTTP/2 connection, with no token.
pub async fn client(addr: SocketAddr) -> UserServiceClient<Channel> {
    UserServiceClient::connect(format!("http://{addr}"))
        .await
        .unwrap()
}

/// A client that only carries the bytes: hyper's HTTP/2 client under
/// tonic's generated code. tonic's own `Channel` starts a timer of its own
/// from the grpc-timeout it sends and fails the call locally (CANCELLED,
/// "Timeout expired") at that moment, so a test through it would see the
/// client's verdict, not the server's.
pub fn plain_client(
    addr: SocketAddr,
) -> UserServiceClient<Client<HttpConnector, tonic::body::Body>> {
    let http2 = Client::builder(TokioExecutor::new())
        .http2_only(true)
        .build_http();
    UserServiceClient::with_origin(http2, format!("http://{addr}").parse().unwrap())
}

/// A request carrying `authorization: Bearer <token>`.
pub fn authorized<T>(message: T) -> tonic::Request<T> {
    with_token(message, TOKEN)
}

pub fn with_token<T>(message: T, token: &str) -> tonic::Request<T> {
    let mut request = tonic::Request::new(message);
    let value: MetadataValue<_> = format!("Bearer {token}").parse().unwrap();
    request.metadata_mut().insert("authorization", value);
    request
}
