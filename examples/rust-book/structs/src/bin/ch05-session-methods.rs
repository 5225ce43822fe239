//! Methods that read a session (&self), change it (&mut self) and
//! consume it (self), plus a derived Default for counters.

// Every counter starts at zero, so the derived Default is the right one.
#[derive(Debug, Default)]
struct RequestStats {
    requests: u32,
    server_errors: u32,
}

#[derive(Debug)]
struct Session {
    user_id: u64,
    // Seconds. The caller passes the time in, so this program (and a test)
    // never depends on the real clock.
    last_seen: u64,
    ttl_secs: u64,
    stats: RequestStats,
}

impl Session {
    fn start(user_id: u64, now: u64) -> Self {
        Session {
            user_id,
            last_seen: now,
            ttl_secs: 900,
            stats: RequestStats::default(),
        }
    }

    fn is_expired(&self, now: u64) -> bool {
        now.saturating_sub(self.last_seen) > self.ttl_secs
    }

    fn record(&mut self, now: u64, status: u16) {
        self.last_seen = now;
        self.stats.requests += 1;
        if status >= 500 {
            self.stats.server_errors += 1;
        }
    }

    // Logging out consumes the session: the caller cannot use it afterwards.
    fn end(self) -> RequestStats {
        println!("session of user {} ended", self.user_id);
        self.stats
    }
}

fn main() {
    let mut session = Session::start(42, 1_000);
    session.record(1_010, 200);
    session.record(1_500, 503);
    println!("{session:?}");
    println!("expired at 2000? {}", session.is_expired(2_000));
    println!("expired at 2500? {}", session.is_expired(2_500));

    let stats = session.end();
    println!("final: {stats:?}");
    // session.record(2_600, 200); // error[E0382]: borrow of moved value
}
