//! The gRPC service: the trait tonic-prost-build generated from users.proto,
//! implemented over the store. Every call runs under its deadline.

use std::time::Duration;

use sqlx::PgPool;
use tokio::sync::mpsc;
use tokio::time::timeout_at;
use tokio_stream::StreamExt;
use tokio_stream::wrappers::ReceiverStream;
use tonic::{Request, Response, Status};

use crate::deadline::Deadline;
use crate::error::UserError;
use crate::pb::user_service_server::UserService;
use crate::pb::{self, CreateUserRequest, GetUserRequest, ListUsersRequest};
use crate::store::{self, User};
use crate::validate;

/// The longest any call may take, whatever deadline the client sends.
pub const SERVER_LIMIT: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct Users {
    pub db: PgPool,
}

// ANCHOR: to_pb
impl From<User> for pb::User {
    fn from(user: User) -> pb::User {
        pb::User {
            id: user.id,
            name: user.name,
            email: user.email,
            created_at: Some(prost_types::Timestamp {
                seconds: user.created_at.unix_timestamp(),
                nanos: user.created_at.nanosecond() as i32,
            }),
        }
    }
}
// ANCHOR_END: to_pb

// ANCHOR: unary
#[tonic::async_trait]
impl UserService for Users {
    async fn get_user(
        &self,
        request: Request<GetUserRequest>,
    ) -> Result<Response<pb::User>, Status> {
        let deadline = Deadline::from_metadata(request.metadata(), SERVER_LIMIT);
        let GetUserRequest { id } = request.into_inner();
        let user = deadline.run(store::get(&self.db, id)).await?;
        Ok(Response::new(user.into()))
    }

    async fn create_user(
        &self,
        request: Request<CreateUserRequest>,
    ) -> Result<Response<pb::User>, Status> {
        let deadline = Deadline::from_metadata(request.metadata(), SERVER_LIMIT);
        let CreateUserRequest { name, email } = request.into_inner();
        let name = validate::name(&name)?;
        let email = validate::email(&email)?;
        let user = deadline.run(store::create(&self.db, &name, &email)).await?;
        Ok(Response::new(user.into()))
    }
    // ANCHOR_END: unary

    // ANCHOR: stream
    type ListUsersStream = ReceiverStream<Result<pb::User, Status>>;

    async fn list_users(
        &self,
        request: Request<ListUsersRequest>,
    ) -> Result<Response<Self::ListUsersStream>, Status> {
        let deadline = Deadline::from_metadata(request.metadata(), SERVER_LIMIT);
        let limit = match request.into_inner().limit {
            0 => 100,
            n @ 1..=1000 => i64::from(n),
            _ => {
                return Err(UserError::Invalid {
                    field: "limit",
                    message: "limit must be at most 1000".into(),
                }
                .into());
            }
        };
        // A small buffer: a slow client holds the task back (and with it
        // the query) instead of the server piling up rows for it.
        let (tx, rx) = mpsc::channel(16);
        let db = self.db.clone();
        tokio::spawn(async move {
            let rows = store::list(&db, limit);
            tokio::pin!(rows);
            loop {
                let next = match timeout_at(deadline.instant(), rows.next()).await {
                    Err(_) => Some(Err(UserError::DeadlineExceeded.into())),
                    Ok(None) => None,
                    Ok(Some(row)) => Some(
                        row.map(pb::User::from)
                            .map_err(|e| UserError::from(e).into()),
                    ),
                };
                let Some(next) = next else { break };
                let last = next.is_err();
                // Sending waits while the buffer is full, under the same
                // deadline. A send that fails means the client went away:
                // dropping `rows` then stops reading and frees the connection.
                match timeout_at(deadline.instant(), tx.send(next)).await {
                    Ok(Ok(())) if !last => {}
                    Ok(_) => break,
                    Err(_) => {
                        // The client has read nothing for the whole
                        // deadline; its own timer has run out too.
                        let _ = tx.try_send(Err(UserError::DeadlineExceeded.into()));
                        break;
                    }
                }
            }
        });
        Ok(Response::new(ReceiverStream::new(rx)))
    }
    // ANCHOR_END: stream
}
