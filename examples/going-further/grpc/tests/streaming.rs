//! The server-streaming call.

mod common;

use std::time::Duration;

use common::{authorized, client, start};
use sqlx::PgPool;
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use tokio::time::timeout;
use tonic::Code;
use tonic::transport::Endpoint;
use users_grpc::grpc::SERVER_LIMIT;
use users_grpc::pb::user_service_client::UserServiceClient;
use users_grpc::pb::{CreateUserRequest, ListUsersRequest};

// ANCHOR: stream
#[sqlx::test]
async fn list_streams_users_in_id_order(db: PgPool) {
    let mut users = client(start(db).await).await;
    for (name, email) in [
        ("Ada", "ada@example.com"),
        ("Grace", "grace@example.com"),
        ("Edsger", "edsger@example.com"),
    ] {
        let request = CreateUserRequest {
            name: name.into(),
            email: email.into(),
        };
        users.create_user(authorized(request)).await.unwrap();
    }

    let mut stream = users
        .list_users(authorized(ListUsersRequest { limit: 2 }))
        .await
        .unwrap()
        .into_inner();
    let mut names = Vec::new();
    // One message at a time, as the server sends them; None is the end.
    while let Some(user) = stream.message().await.unwrap() {
        names.push(user.name);
    }
    assert_eq!(names, ["Ada", "Grace"]);

    let too_many = users
        .list_users(authorized(ListUsersRequest { limit: 1001 }))
        .await
        .unwrap_err();
    assert_eq!(too_many.code(), Code::InvalidArgument);
}
// ANCHOR_END: stream

/// A client that hangs up in the middle of a stream: the server's task
/// stops there and gives its database connection back, long before the
/// call's deadline (the server's limit, as the client sends none).
#[sqlx::test]
async fn a_stream_stops_when_its_client_hangs_up(
    options: PgPoolOptions,
    connect: PgConnectOptions,
) {
    // One connection: whoever streams holds it, so the test can see when
    // the server's task lets go of it.
    let db = options
        .max_connections(1)
        .connect_with(connect)
        .await
        .unwrap();
    // 1000 rows of about 140 bytes, far more than the channel (16) and the
    // client's 16 KiB HTTP/2 window hold: the task cannot finish on its own
    // while the client reads nothing.
    sqlx::query(
        "INSERT INTO users (name, email) \
         SELECT repeat('n', 100), 'user' || g || '@example.com' FROM generate_series(1, 1000) g",
    )
    .execute(&db)
    .await
    .unwrap();
    let addr = start(db.clone()).await;
    let channel = Endpoint::from_shared(format!("http://{addr}"))
        .unwrap()
        .initial_stream_window_size(16 * 1024)
        .connect()
        .await
        .unwrap();
    let mut users = UserServiceClient::new(channel);

    let mut stream = users
        .list_users(authorized(ListUsersRequest { limit: 1000 }))
        .await
        .unwrap()
        .into_inner();
    assert!(stream.message().await.unwrap().is_some());
    // The client stops reading: the task waits to send, holding the query
    // and with it the pool's only connection.
    assert!(
        timeout(Duration::from_millis(500), db.acquire())
            .await
            .is_err(),
        "the stream's task let go of its connection while the client was still there"
    );

    // The client hangs up (HTTP/2 RST_STREAM). The task's next send fails,
    // it ends, and the connection is back well within the deadline.
    drop(stream);
    let back = timeout(SERVER_LIMIT / 5, db.acquire()).await;
    assert!(
        matches!(back, Ok(Ok(_))),
        "the stream's task still held its connection after the client hung up"
    );
}
