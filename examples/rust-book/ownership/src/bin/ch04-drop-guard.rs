//! Cleanup at the end of scope: a guard that reports when it is dropped.

/// Stands for a pooled database connection. Structs come in Chapter 5 and
/// the Drop trait in Chapter 15: for now, watch *when* `drop` runs.
struct ConnectionGuard {
    name: String,
}

impl Drop for ConnectionGuard {
    // Rust calls this when the guard's owner goes out of scope.
    fn drop(&mut self) {
        println!("  release {}", self.name);
    }
}

fn checkout(name: &str) -> ConnectionGuard {
    println!("  acquire {name}");
    ConnectionGuard {
        name: name.to_string(),
    }
}

fn handle(id: u32, valid: bool) -> Result<u16, String> {
    let _db = checkout(&format!("db for request {id}"));
    {
        let _cache = checkout("cache");
        println!("  cache miss");
    } // `_cache` is released here, at the end of its block
    if !valid {
        return Err(String::from("invalid body")); // `_db` is released too
    }
    println!("  insert ok");
    Ok(201)
} // `_db` is released here

/// Takes the guard by value: this function is its owner now.
fn run_job(conn: ConnectionGuard) {
    println!("  job runs on {}", conn.name);
} // so the connection is released here, not in main

fn main() {
    println!("request 1:");
    println!("-> {:?}", handle(1, true));
    println!("request 2:");
    println!("-> {:?}", handle(2, false));

    println!("background job:");
    run_job(checkout("db for job 7"));

    println!("main:");
    let _first = checkout("first");
    let _second = checkout("second");
    let _ = checkout("metrics"); // `_` binds nothing: dropped at once
    let early = checkout("early");
    drop(early); // drop() takes ownership, so it ends here
    println!("  end of main");
} // `_second`, then `_first`: the reverse of the order they were created
