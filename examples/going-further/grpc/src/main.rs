//! The users service: gRPC and REST on one port.
//!
//!   DATABASE_URL=postgres://… API_TOKEN=… cargo run
//!
//! PORT (default 50051) and HOST (default 127.0.0.1) say where it listens.

use std::env;

use sqlx::postgres::PgPoolOptions;
use tokio::net::TcpListener;
use users_grpc::auth::Token;
use users_grpc::server;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let url = env::var("DATABASE_URL").map_err(|_| "set DATABASE_URL")?;
    let token = Token::new(
        &env::var("API_TOKEN").map_err(|_| "set API_TOKEN, the bearer token clients must send")?,
    )?;
    let port = env::var("PORT")
        .ok()
        .map(|p| p.parse())
        .transpose()?
        .unwrap_or(50051);
    let addr = server::address(env::var("HOST").ok(), port)?;

    let db = PgPoolOptions::new()
        .max_connections(10)
        .connect(&url)
        .await?;
    sqlx::migrate!().run(&db).await?;

    let listener = TcpListener::bind(addr).await?;
    println!("listening on {} (gRPC and REST)", listener.local_addr()?);
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    server::serve(listener, server::router(db, token), shutdown).await?;
    Ok(())
}
