//! The service as it ships, started as a process: the crate's own binary,
//! on a database of its own on the PostgreSQL server that DATABASE_URL
//! names, asked over real TCP.

#![allow(dead_code)] // each test file uses its own part of this module

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream, UdpSocket};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use sqlx::{AssertSqlSafe, Connection, Executor, PgConnection};

/// The server's URL, or a failure that says how to get one.
pub fn server_url() -> String {
    std::env::var("DATABASE_URL").unwrap_or_else(|_| {
        panic!(
            "DATABASE_URL is not set: these tests start the service against a real \
             PostgreSQL. From the repository's root: \
             `node scripts/task.ts postgres start > /tmp/pgenv; eval \"$(cat /tmp/pgenv)\"` \
             (installs Debian's postgresql when missing)"
        )
    })
}

/// `url` with its database replaced by `name`.
pub fn with_database(url: &str, name: &str) -> String {
    let (base, query) = url
        .split_once('?')
        .map_or((url, None), |(b, q)| (b, Some(q)));
    let authority_end = base.find("://").map_or(0, |i| i + 3);
    let root = match base[authority_end..].find('/') {
        Some(slash) => &base[..authority_end + slash],
        None => base,
    };
    match query {
        Some(query) => format!("{root}/{name}?{query}"),
        None => format!("{root}/{name}"),
    }
}

/// A fresh, empty database for one test, dropped with the value.
pub struct Database {
    pub name: String,
    pub url: String,
}

impl Database {
    pub async fn new(test: &str) -> Database {
        let name = format!("shipping_{test}_{}", std::process::id());
        let mut admin = PgConnection::connect(&server_url())
            .await
            .expect("connect to DATABASE_URL");
        // Names made here, from the test's name and the process id: no input to escape.
        for sql in [
            format!("DROP DATABASE IF EXISTS {name}"),
            format!("CREATE DATABASE {name}"),
        ] {
            admin
                .execute(sqlx::raw_sql(AssertSqlSafe(sql)))
                .await
                .unwrap();
        }
        Database {
            url: with_database(&server_url(), &name),
            name,
        }
    }

    /// Runs SQL on the server as the administrator (not in this database).
    pub async fn admin(&self, sql: &str) {
        let mut admin = PgConnection::connect(&server_url()).await.unwrap();
        admin
            .execute(sqlx::raw_sql(AssertSqlSafe(sql.to_string())))
            .await
            .unwrap();
    }

    pub async fn drop_now(self) {
        self.admin(&format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        ))
        .await;
    }
}

/// The running binary: its address, its output so far, and a kill on drop.
pub struct Service {
    pub child: Child,
    pub address: SocketAddr,
    output: Arc<Mutex<Vec<String>>>,
}

impl Service {
    /// Starts the binary with `env` (and PORT=0 unless given) and waits for
    /// its "listening on" line; panics with its output if it exits first.
    pub fn start(env: &[(&str, &str)]) -> Service {
        let (child, output) = spawn(env);
        let mut child = child;
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            let address = output.lock().unwrap().iter().find_map(|line| {
                let at = line.find("listening on http://")? + "listening on http://".len();
                let address: String = line[at..]
                    .chars()
                    .take_while(|c| c.is_ascii_hexdigit() || matches!(c, '.' | ':' | '[' | ']'))
                    .collect();
                address.parse::<SocketAddr>().ok()
            });
            if let Some(address) = address {
                return Service {
                    child,
                    address,
                    output,
                };
            }
            if let Some(status) = child.try_wait().unwrap() {
                panic!(
                    "the service exited ({status}) before listening:\n{}",
                    output.lock().unwrap().join("\n")
                );
            }
            assert!(Instant::now() < deadline, "not listening after 60 s");
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    pub fn output(&self) -> Vec<String> {
        self.output.lock().unwrap().clone()
    }

    /// What `docker stop`, Kubernetes and systemd send first.
    pub fn sigterm(&self) {
        let status = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill(1)");
        assert!(status.success());
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Spawns the binary; its stdout and stderr lines are collected as they come.
pub fn spawn(env: &[(&str, &str)]) -> (Child, Arc<Mutex<Vec<String>>>) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_users-api-ship"));
    command
        .env_remove("HOST")
        .env_remove("SHUTDOWN_DRAIN_SECS")
        .env_remove("SHUTDOWN_GRACE_SECS")
        .env_remove("REQUEST_TIMEOUT_SECS")
        .env("PORT", "0")
        .env(
            "RUST_LOG",
            "users_api=info,shipping=info,users_api_ship=info",
        )
        .env("NO_COLOR", "1")
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn().expect("start the service");
    let output = Arc::new(Mutex::new(Vec::new()));
    for stream in [
        Box::new(child.stdout.take().unwrap()) as Box<dyn Read + Send>,
        Box::new(child.stderr.take().unwrap()),
    ] {
        let output = Arc::clone(&output);
        std::thread::spawn(move || {
            for line in BufReader::new(stream).lines().map_while(Result::ok) {
                output.lock().unwrap().push(line);
            }
        });
    }
    (child, output)
}

/// `GET path` with `Connection: close`: the status and the body. Every step
/// is bounded, so a hung service fails the test instead of hanging it.
pub fn get(address: SocketAddr, path: &str) -> std::io::Result<(u16, String)> {
    let mut stream = TcpStream::connect_timeout(&address, Duration::from_secs(5))?;
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n"
    )?;
    let mut response = String::new();
    stream.read_to_string(&mut response)?;
    let status = response
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let body = response
        .split_once("\r\n\r\n")
        .map_or("", |(_, b)| b)
        .to_string();
    Ok((status, body))
}

/// Asks `path` every 50 ms until `want` holds for the answer (10 s at most).
pub fn until(address: SocketAddr, path: &str, want: impl Fn(u16, &str) -> bool) -> (u16, String) {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let answer = get(address, path).unwrap_or((0, String::new()));
        if want(answer.0, &answer.1) {
            return answer;
        }
        assert!(
            Instant::now() < deadline,
            "{path} never answered as expected; last: {answer:?}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// An address of this machine other than loopback (as step 14's
/// reachability test finds it): the source address of the route to
/// 203.0.113.1, reserved for documentation. Nothing is sent.
pub fn non_loopback_address() -> std::net::IpAddr {
    let socket = UdpSocket::bind("0.0.0.0:0").expect("a UDP socket");
    socket.connect("203.0.113.1:9").unwrap_or_else(|error| {
        panic!("this machine has no IPv4 route beyond loopback ({error}): run this test where a network interface is up")
    });
    let address = socket.local_addr().unwrap().ip();
    assert!(
        !address.is_loopback() && !address.is_unspecified(),
        "the route chose {address}"
    );
    address
}
