//! The unary calls, and the status codes each failure maps to.

mod common;

use common::{authorized, client, start};
use sqlx::PgPool;
use tonic::Code;
use users_grpc::pb::{CreateUserRequest, GetUserRequest};

fn new_user(name: &str, email: &str) -> CreateUserRequest {
    CreateUserRequest {
        name: name.into(),
        email: email.into(),
    }
}

// ANCHOR: create_then_get
#[sqlx::test]
async fn a_created_user_can_be_read_back(db: PgPool) {
    let mut users = client(start(db).await).await;
    let created = users
        .create_user(authorized(new_user(" Ada ", "ada@example.com")))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(created.name, "Ada", "trimmed, as the REST API does");
    assert!(created.created_at.is_some());

    let read = users
        .get_user(authorized(GetUserRequest { id: created.id }))
        .await
        .unwrap()
        .into_inner();
    assert_eq!(read, created);
}
// ANCHOR_END: create_then_get

// ANCHOR: statuses
#[sqlx::test]
async fn each_failure_has_its_status_code(db: PgPool) {
    let mut users = client(start(db).await).await;
    users
        .create_user(authorized(new_user("Ada", "ada@example.com")))
        .await
        .unwrap();

    let missing = users
        .get_user(authorized(GetUserRequest { id: 999 }))
        .await
        .unwrap_err();
    assert_eq!(
        (missing.code(), missing.message()),
        (Code::NotFound, "no user with id 999")
    );

    // Taken in another case: the unique index is on lower(email).
    let taken = users
        .create_user(authorized(new_user("Ada", "ADA@example.com")))
        .await
        .unwrap_err();
    assert_eq!(taken.code(), Code::AlreadyExists);

    let invalid = users
        .create_user(authorized(new_user("", "grace@example.com")))
        .await
        .unwrap_err();
    assert_eq!(
        (invalid.code(), invalid.message()),
        (Code::InvalidArgument, "name must be 1 to 100 characters")
    );

    let invalid = users
        .create_user(authorized(new_user("Grace", "not-an-email")))
        .await
        .unwrap_err();
    assert_eq!(invalid.code(), Code::InvalidArgument);

    let nul = users
        .create_user(authorized(new_user("Gr\0ce", "grace@example.com")))
        .await
        .unwrap_err();
    assert_eq!(
        nul.code(),
        Code::InvalidArgument,
        "refused before the database sees it"
    );
}
// ANCHOR_END: statuses
