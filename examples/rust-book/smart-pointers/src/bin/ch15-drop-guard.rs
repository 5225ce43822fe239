//! Chapter 15: Drop runs code when a value goes away. A guard logs the end
//! of a request however the handler returns, and a transaction rolls back
//! unless it was committed.

/// Logs when a request starts, and when it ends, on every way out.
struct RequestLog {
    id: u32,
    route: &'static str,
}

impl RequestLog {
    fn start(id: u32, route: &'static str) -> RequestLog {
        println!("[req {id}] start {route}");
        RequestLog { id, route }
    }
}

impl Drop for RequestLog {
    fn drop(&mut self) {
        println!("[req {}] end {}", self.id, self.route);
    }
}

/// A database transaction that undoes itself unless committed.
struct Transaction {
    committed: bool,
}

impl Transaction {
    fn begin() -> Transaction {
        println!("  BEGIN");
        Transaction { committed: false }
    }

    /// Takes `self` by value: once committed, the transaction is gone, and
    /// the compiler refuses any later use of it.
    fn commit(mut self) {
        println!("  COMMIT");
        self.committed = true;
    } // `self` is dropped here, and drop sees `committed == true`.
}

impl Drop for Transaction {
    fn drop(&mut self) {
        if !self.committed {
            println!("  ROLLBACK");
        }
    }
}

fn create_user(id: u32, name: &str) -> Result<u64, String> {
    let _log = RequestLog::start(id, "POST /users");
    let tx = Transaction::begin();
    println!("  INSERT INTO users (name) VALUES ('{name}')");
    if name.len() > 8 {
        return Err(format!("name {name:?} is too long"));
    }
    println!("  INSERT INTO audit (event) VALUES ('user created')");
    tx.commit();
    Ok(7)
}

/// A value that only says when it goes.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn main() {
    println!("-> {:?}", create_user(1, "ada"));
    println!("-> {:?}", create_user(2, "bartholomew"));

    {
        let _pool = Noisy("pool");
        let _cache = Noisy("cache");
        let conn = Noisy("connection");
        // std::mem::drop (in the prelude as `drop`) ends a value early: the
        // connection goes back before the slow part of the handler.
        drop(conn);
        println!("rendering the response");
        // `let _ =` binds nothing, so the value is dropped at once.
        let _ = Noisy("temporary");
        println!("end of scope");
    }
}
