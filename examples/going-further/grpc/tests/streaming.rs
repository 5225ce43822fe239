//! The server-streaming call.

mod common;

use common::{authorized, client, start};
use sqlx::PgPool;
use tonic::Code;
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
