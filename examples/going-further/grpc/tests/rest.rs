//! The REST side of the comparison: the same read, the same door.

mod common;

use axum::http::{HeaderMap, Request, StatusCode, header};
use bytes::Bytes;
use common::{TOKEN, authorized, client, start};
use http_body_util::{BodyExt, Empty};
use hyper_util::rt::TokioIo;
use sqlx::PgPool;
use tokio::net::TcpStream;
use users_grpc::pb::CreateUserRequest;

/// GET over one HTTP/1.1 connection: the status, the headers and the body.
async fn get(
    addr: std::net::SocketAddr,
    path: &str,
    token: Option<&str>,
) -> (StatusCode, HeaderMap, String) {
    let stream = TcpStream::connect(addr).await.unwrap();
    let (mut sender, connection) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .unwrap();
    tokio::spawn(connection);
    let mut request = Request::get(path).header(header::HOST, "127.0.0.1");
    if let Some(token) = token {
        request = request.header(header::AUTHORIZATION, format!("Bearer {token}"));
    }
    let response = sender
        .send_request(request.body(Empty::<Bytes>::new()).unwrap())
        .await
        .unwrap();
    let (status, headers) = (response.status(), response.headers().clone());
    let body = response.into_body().collect().await.unwrap().to_bytes();
    (status, headers, String::from_utf8(body.to_vec()).unwrap())
}

#[sqlx::test]
async fn rest_reads_the_same_row_behind_the_same_token(db: PgPool) {
    let addr = start(db).await;
    let created = client(addr)
        .await
        .create_user(authorized(CreateUserRequest {
            name: "Ada".into(),
            email: "ada@example.com".into(),
        }))
        .await
        .unwrap()
        .into_inner();

    let (status, _, body) = get(addr, &format!("/users/{}", created.id), Some(TOKEN)).await;
    assert_eq!(status, StatusCode::OK);
    let json: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(
        (json["id"].as_i64(), json["email"].as_str()),
        (Some(created.id), Some("ada@example.com"))
    );

    assert_eq!(
        get(addr, "/users/999", Some(TOKEN)).await.0,
        StatusCode::NOT_FOUND
    );
    // Refused without a token and with a wrong one: 401, and the
    // challenge RFC 9110 requires with it, naming the scheme to use.
    for token in [None, Some("test-token-0123456789abcdeX")] {
        let (status, headers, _) = get(addr, "/users/1", token).await;
        assert_eq!(
            (
                status,
                headers.get(header::WWW_AUTHENTICATE).map(|v| v.as_bytes())
            ),
            (StatusCode::UNAUTHORIZED, Some(&b"Bearer"[..])),
            "token {token:?}"
        );
    }

    // A path that no route knows falls to tonic's fallback: gRPC's
    // UNIMPLEMENTED (12), in an HTTP 200, even for a REST client.
    let (status, headers, _) = get(addr, "/no/such/path", Some(TOKEN)).await;
    assert_eq!(
        (status, headers.get("grpc-status").map(|v| v.as_bytes())),
        (StatusCode::OK, Some(&b"12"[..]))
    );
}
