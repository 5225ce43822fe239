//! The HTTP side: one POST route that runs GraphQL documents, bound to
//! 127.0.0.1 unless the operator says otherwise.

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::time::Duration;

use async_graphql::dataloader::DataLoader;
use async_graphql_axum::{GraphQLRequest, GraphQLResponse};
use axum::Router;
use axum::extract::State;
use axum::middleware::from_fn;
use axum::routing::{get, post};
use sqlx::PgPool;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::json_only::json_only;
use crate::loaders::{JobsByUser, UsersById};
use crate::schema::{self, UsersSchema};

#[derive(Debug, Clone)]
pub struct Settings {
    /// Default 127.0.0.1: reachable from this machine only, until the
    /// operator sets HOST.
    pub host: IpAddr,
    pub port: u16,
    /// `__schema` and `__type` answered. Off unless asked for (see the
    /// lesson: a public API's schema is no secret, but a private one's is).
    pub introspection: bool,
    /// A DataLoader per request (the fix for N+1). Off only to show the
    /// problem.
    pub batching: bool,
    /// How long a batch waits for more keys after its first one: the
    /// crate's 1 ms. Each level of batched fields waits it once (the
    /// lesson measures 1 ms against 5 ms).
    pub batch_delay: Duration,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            host: IpAddr::V4(Ipv4Addr::LOCALHOST),
            port: 3000,
            introspection: false,
            batching: true,
            batch_delay: Duration::from_millis(1),
        }
    }
}

#[derive(Clone)]
struct App {
    schema: UsersSchema,
    db: PgPool,
    batching: bool,
    batch_delay: Duration,
}

// ANCHOR: handler
async fn graphql(State(app): State<App>, request: GraphQLRequest) -> GraphQLResponse {
    let mut request = request.into_inner();
    if app.batching {
        // New loaders for every request: what one request loaded is never
        // served to another. A batch waits `batch_delay` after its first
        // key for the request's other resolvers to add theirs.
        request = request
            .data(DataLoader::new(JobsByUser(app.db.clone()), tokio::spawn).delay(app.batch_delay))
            .data(DataLoader::new(UsersById(app.db.clone()), tokio::spawn).delay(app.batch_delay));
    }
    app.schema.execute(request).await.into()
}

pub fn router(db: PgPool, settings: &Settings) -> Router {
    let app = App {
        schema: schema::build(db.clone(), settings.introspection),
        db,
        batching: settings.batching,
        batch_delay: settings.batch_delay,
    };
    // POST only: GraphQLRequest would also read a document from a GET's
    // query string, and a GET is what a link or an <img> on another site
    // can make a browser send. And JSON only (src/json_only.rs): the POSTs
    // a form on another site can send have other content types.
    Router::new()
        .route("/graphql", post(graphql).route_layer(from_fn(json_only)))
        .route("/health", get(|| async { "ok" }))
        .with_state(app)
}
// ANCHOR_END: handler

/// A server started on its own task, and what stops it.
pub struct Running {
    pub addr: SocketAddr,
    stop: oneshot::Sender<()>,
    task: JoinHandle<io::Result<()>>,
}

impl Running {
    /// Stops accepting, lets requests in flight finish, and waits.
    pub async fn stop(self) -> io::Result<()> {
        let _ = self.stop.send(());
        self.task.await.map_err(io::Error::other)?
    }
}

pub async fn start(db: PgPool, settings: &Settings) -> io::Result<Running> {
    let listener = TcpListener::bind((settings.host, settings.port))
        .await
        .map_err(|e| {
            io::Error::new(
                e.kind(),
                format!("cannot listen on {}:{}: {e}", settings.host, settings.port),
            )
        })?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = oneshot::channel();
    let router = router(db, settings);
    let task = tokio::spawn(async move {
        axum::serve(listener, router)
            .with_graceful_shutdown(async move {
                let _ = stopped.await;
            })
            .await
    });
    Ok(Running { addr, stop, task })
}
