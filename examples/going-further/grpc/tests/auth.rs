//! The interceptor is the service's door: these tests try to get past it.

mod common;

use common::{TOKEN, authorized, client, start, with_token};
use sqlx::PgPool;
use tonic::Code;
use tonic::metadata::MetadataValue;
use users_grpc::pb::{GetUserRequest, ListUsersRequest};

// ANCHOR: refused
#[sqlx::test]
async fn a_call_without_the_right_token_is_unauthenticated(db: PgPool) {
    let mut users = client(start(db).await).await;

    let none = users.get_user(GetUserRequest { id: 1 }).await.unwrap_err();
    assert_eq!(
        (none.code(), none.message()),
        (Code::Unauthenticated, "missing bearer token")
    );

    let wrong = users
        .get_user(with_token(
            GetUserRequest { id: 1 },
            "test-token-0123456789abcdeX",
        ))
        .await
        .unwrap_err();
    assert_eq!(
        (wrong.code(), wrong.message()),
        (Code::Unauthenticated, "invalid bearer token")
    );

    // The right token, longer by a byte, or under another scheme.
    let longer = users
        .get_user(with_token(GetUserRequest { id: 1 }, &format!("{TOKEN}x")))
        .await
        .unwrap_err();
    assert_eq!(longer.code(), Code::Unauthenticated);
    let mut basic = tonic::Request::new(GetUserRequest { id: 1 });
    let value: MetadataValue<_> = format!("Basic {TOKEN}").parse().unwrap();
    basic.metadata_mut().insert("authorization", value);
    assert_eq!(
        users.get_user(basic).await.unwrap_err().code(),
        Code::Unauthenticated
    );

    // The streaming call has the same door.
    let stream = users
        .list_users(ListUsersRequest { limit: 1 })
        .await
        .unwrap_err();
    assert_eq!(stream.code(), Code::Unauthenticated);

    // With the token, the call reaches the service (and finds no user 1).
    let through = users
        .get_user(authorized(GetUserRequest { id: 1 }))
        .await
        .unwrap_err();
    assert_eq!(through.code(), Code::NotFound);
}
// ANCHOR_END: refused
