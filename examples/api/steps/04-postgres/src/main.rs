//! Serves the users API on 127.0.0.1:3000, its users in the PostgreSQL
//! database that DATABASE_URL names, until the process is stopped.

use std::process::ExitCode;

use sqlx::postgres::PgPoolOptions;
use tokio::net::TcpListener;

// ANCHOR: main
#[tokio::main]
async fn main() -> ExitCode {
    // Unset and empty alike are refused with a sentence, not a panic;
    // reading every setting properly is the configuration lesson's work.
    let database_url = match std::env::var("DATABASE_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => {
            eprintln!("users-api: DATABASE_URL is not set; name your database, e.g.");
            eprintln!("    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres cargo run");
            return ExitCode::from(2);
        }
    };
    match run(&database_url).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("users-api: {error}");
            ExitCode::FAILURE
        }
    }
}
// ANCHOR_END: main

// ANCHOR: run
async fn run(database_url: &str) -> Result<(), Box<dyn std::error::Error>> {
    let db = PgPoolOptions::new()
        .max_connections(10)
        .acquire_timeout(users_api::ACQUIRE_TIMEOUT)
        .connect(database_url)
        .await
        .map_err(|e| format!("cannot connect to the database: {e}"))?;
    sqlx::migrate!().run(&db).await?;

    let listener = TcpListener::bind("127.0.0.1:3000").await?;
    println!("listening on http://{}", listener.local_addr()?);
    axum::serve(listener, users_api::app(db)).await?;
    Ok(())
}
// ANCHOR_END: run
