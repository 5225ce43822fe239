//! Exercise: a connection pool whose handles give the connection back when
//! they are dropped.

// ANCHOR: solution
use std::cell::RefCell;
use std::ops::{Deref, DerefMut};
use std::rc::Rc;

/// A database connection (pretend). It counts the queries it has run.
#[derive(Debug)]
struct Connection {
    id: u32,
    queries: u32,
}

impl Connection {
    fn query(&mut self, sql: &str) -> String {
        self.queries += 1;
        format!("connection {} ran {sql}", self.id)
    }
}

/// The idle connections, shared by the pool and every handle it lent.
type IdleList = Rc<RefCell<Vec<Connection>>>;

/// A fixed set of connections for the handlers of one thread. A clone of
/// the pool is another handle on the same connections.
#[derive(Clone)]
struct Pool {
    idle: IdleList,
}

/// A connection lent by the pool. It derefs to the Connection, and
/// dropping it puts the connection back in the idle list.
struct Pooled {
    conn: Option<Connection>,
    idle: IdleList,
}

impl Pool {
    fn new(size: u32) -> Pool {
        let conns = (1..=size).map(|id| Connection { id, queries: 0 }).collect();
        Pool {
            idle: Rc::new(RefCell::new(conns)),
        }
    }

    /// How many connections are waiting to be lent.
    fn idle(&self) -> usize {
        self.idle.borrow().len()
    }

    /// Lends an idle connection, or None when every one is in use.
    fn get(&self) -> Option<Pooled> {
        let conn = self.idle.borrow_mut().pop()?;
        Some(Pooled {
            conn: Some(conn),
            idle: Rc::clone(&self.idle),
        })
    }
}

impl Deref for Pooled {
    type Target = Connection;

    fn deref(&self) -> &Connection {
        self.conn
            .as_ref()
            .expect("a Pooled holds its connection until dropped")
    }
}

impl DerefMut for Pooled {
    fn deref_mut(&mut self) -> &mut Connection {
        self.conn
            .as_mut()
            .expect("a Pooled holds its connection until dropped")
    }
}

impl Drop for Pooled {
    fn drop(&mut self) {
        // take() leaves None behind: drop only has &mut self, and the
        // connection must be moved out to go back to the list.
        if let Some(conn) = self.conn.take() {
            self.idle.borrow_mut().push(conn);
        }
    }
}

fn main() {
    let pool = Pool::new(2);
    {
        let mut first = pool.get().expect("2 idle connections");
        let mut second = pool.get().expect("1 idle connection");
        println!("{}", first.query("SELECT 1"));
        println!("{}", second.query("SELECT 2"));
        println!("idle while both are lent: {}", pool.idle());
        println!("a third one: {:?}", pool.get().map(|conn| conn.id));
    }
    println!("idle after the handlers: {}", pool.idle());
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_lends_an_idle_connection() {
        let pool = Pool::new(2);
        let conn = pool.get();
        assert!(conn.is_some(), "a pool of 2 should lend a connection");
        assert_eq!(pool.idle(), 1, "one of the 2 connections is lent");
    }

    #[test]
    fn a_pool_with_every_connection_lent_lends_nothing() {
        let pool = Pool::new(1);
        let _lent = pool.get().expect("a pool of 1 lends one connection");
        assert!(
            pool.get().is_none(),
            "the only connection is lent: get() should return None"
        );
    }

    #[test]
    fn dropping_a_handle_gives_the_connection_back() {
        let pool = Pool::new(2);
        {
            let first = pool.get().expect("a first connection");
            let _second = pool.get().expect("a second connection");
            assert_eq!(pool.idle(), 0, "both connections are lent");
            drop(first);
            assert_eq!(pool.idle(), 1, "dropping a handle returns its connection");
        }
        assert_eq!(pool.idle(), 2, "the end of the scope returns the other one");
    }

    #[test]
    fn the_connection_comes_back_as_it_was_left() {
        let pool = Pool::new(1);
        let id = {
            let mut conn = pool.get().expect("a connection");
            conn.query("SELECT 1");
            conn.id
        };
        let again = pool.get().expect("the connection, given back");
        assert_eq!(again.id, id, "a pool of 1 lends the same connection again");
        assert_eq!(
            again.queries, 1,
            "the connection keeps its state: it has run one query"
        );
    }

    #[test]
    fn clones_of_the_pool_share_the_connections() {
        let pool = Pool::new(2);
        let other = pool.clone();
        let _lent = other.get().expect("a connection");
        assert_eq!(pool.idle(), 1, "a clone lends from the same idle list");
    }

    #[test]
    fn a_handle_may_outlive_the_pool() {
        let mut conn = {
            let pool = Pool::new(1);
            pool.get().expect("a connection")
        };
        assert_eq!(conn.query("SELECT 1"), "connection 1 ran SELECT 1");
    }
}
// ANCHOR_END: tests
