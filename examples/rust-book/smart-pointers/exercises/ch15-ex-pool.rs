//! Exercise: a connection pool whose handles give the connection back when
//! they are dropped.

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
        // TODO: take a connection out of the idle list (None if it is
        // empty) and wrap it in a Pooled that shares the same list.
        todo!()
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
        // TODO: put the connection back in the idle list. drop() only has
        // `&mut self`: move the connection out of the Option first.
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
