//! Writes a synthetic nginx access log (Combined, with $request_time) of
//! about the given size to stdout: the benchmark's input. Deterministic (a
//! fixed-seed xorshift), so every run measures the same bytes.
//!
//!     cargo run --release --example gen_log -- 1000000000 > big.log

use std::io::{self, BufWriter, Write};

use time::{Duration, OffsetDateTime, macros::datetime};

/// Endpoints of a small API, the first ones much busier (a rough Zipf).
const PATHS: &[&str] = &[
    "/api/users/{id}",
    "/health",
    "/api/users",
    "/api/orders/{id}",
    "/api/orders?page={id}",
    "/static/app.js",
    "/static/app.css",
    "/api/login",
    "/favicon.ico",
    "/api/search?q={id}",
    "/metrics",
    "/",
];
const METHODS: &[&str] = &["GET", "GET", "GET", "POST", "GET", "PATCH", "DELETE", "GET"];
const STATUSES: &[u16] = &[
    200, 200, 200, 200, 200, 200, 200, 200, 201, 304, 404, 200, 500, 200, 503, 200,
];
const AGENTS: &[&str] = &[
    "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
    "curl/8.5.0",
    "Go-http-client/2.0",
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
];

struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn main() -> io::Result<()> {
    let target: u64 = match std::env::args().nth(1).map(|n| n.parse()) {
        Some(Ok(bytes)) => bytes,
        _ => {
            eprintln!("usage: gen_log <bytes>");
            std::process::exit(2);
        }
    };
    let mut out = BufWriter::with_capacity(1 << 20, io::stdout().lock());
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let start: OffsetDateTime = datetime!(2026-11-24 00:00:00 UTC);
    let (mut written, mut n) = (0u64, 0u64);
    let mut stamp = String::new();
    let mut stamp_second = -1;
    let mut line = Vec::with_capacity(512);
    while written < target {
        // About 200 requests a second.
        let second = (n / 200) as i64;
        if second != stamp_second {
            let t = start + Duration::seconds(second);
            stamp = format!(
                "{:02}/{}/{}:{:02}:{:02}:{:02} +0000",
                t.day(),
                &format!("{:?}", t.month())[..3],
                t.year(),
                t.hour(),
                t.minute(),
                t.second()
            );
            stamp_second = second;
        }
        // The square root of a uniform pick favours high indexes: reversed,
        // the first paths are the busiest.
        let pick = rng.below(PATHS.len() * PATHS.len());
        let path = PATHS[PATHS.len() - 1 - (pick as f64).sqrt() as usize]
            .replace("{id}", &(rng.below(5000) + 1).to_string());
        // Mostly a few milliseconds (exponential, mean 8 ms); one request
        // in a hundred waits on something slow, up to a second.
        let uniform = (rng.next() >> 11) as f64 / (1u64 << 53) as f64;
        let mut ms = (-(1.0 - uniform).ln() * 8.0) as usize + 1;
        if rng.below(100) == 0 {
            ms += rng.below(1000);
        }
        line.clear();
        writeln!(
            line,
            "10.0.{}.{} - - [{stamp}] \"{} {path} HTTP/1.1\" {} {} \"-\" \"{}\" {}.{:03}",
            rng.below(256),
            rng.below(256),
            METHODS[rng.below(METHODS.len())],
            STATUSES[rng.below(STATUSES.len())],
            rng.below(20_000),
            AGENTS[rng.below(AGENTS.len())],
            ms / 1000,
            ms % 1000,
        )?;
        out.write_all(&line)?;
        written += line.len() as u64;
        n += 1;
    }
    out.flush()
}
