//! Chapter 16: a deadlock the compiler accepts. Two transfers between the
//! same two accounts lock them in opposite orders. A Barrier makes sure each
//! holds its first lock before asking for the second, so it happens on every
//! run, not only on an unlucky one. Then the fix: one global lock order.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Barrier, Mutex, MutexGuard};
use std::thread;
use std::time::Duration;

const PATIENCE: Duration = Duration::from_millis(500);

struct Account {
    id: u32,
    balance: Mutex<i64>,
}

// ANCHOR: deadlock
/// Locks the account to debit, then the account to credit.
fn transfer(from: &Account, to: &Account, amount: i64, start: &Barrier) {
    let mut debit = from.balance.lock().unwrap();
    start.wait(); // both transfers now hold their first lock
    let mut credit = to.balance.lock().unwrap();
    *debit -= amount;
    *credit += amount;
}
// ANCHOR_END: deadlock

// ANCHOR: ordered
/// Locks the account with the lower id first, whichever way money moves.
fn transfer_ordered(from: &Account, to: &Account, amount: i64, start: &Barrier) {
    start.wait(); // both transfers start together
    let (mut debit, mut credit) = lock_both(from, to);
    *debit -= amount;
    *credit += amount;
}

fn lock_both<'a>(a: &'a Account, b: &'a Account) -> (MutexGuard<'a, i64>, MutexGuard<'a, i64>) {
    if a.id < b.id {
        let first = a.balance.lock().unwrap();
        (first, b.balance.lock().unwrap())
    } else {
        let first = b.balance.lock().unwrap();
        (a.balance.lock().unwrap(), first)
    }
}
// ANCHOR_END: ordered

type Transfer = fn(&Account, &Account, i64, &Barrier);

/// Runs a→b and b→a on two threads; returns how many finished in time.
fn run_both(a: &Arc<Account>, b: &Arc<Account>, transfer: Transfer) -> usize {
    let start = Arc::new(Barrier::new(2));
    let (done_tx, done_rx) = mpsc::channel();
    for (from, to, amount) in [(a, b, 30), (b, a, 10)] {
        let (from, to) = (Arc::clone(from), Arc::clone(to));
        let (start, done_tx) = (Arc::clone(&start), done_tx.clone());
        thread::spawn(move || {
            transfer(&from, &to, amount, &start);
            done_tx.send(()).unwrap();
        });
    }
    let mut finished = 0;
    while finished < 2 {
        match done_rx.recv_timeout(PATIENCE) {
            Ok(()) => finished += 1,
            Err(RecvTimeoutError::Timeout | RecvTimeoutError::Disconnected) => break,
        }
    }
    finished
}

fn account(id: u32) -> Arc<Account> {
    Arc::new(Account {
        id,
        balance: Mutex::new(100),
    })
}

fn main() {
    let (ada, grace) = (account(1), account(2));
    let finished = run_both(&ada, &grace, transfer);
    println!("opposite lock orders: {finished} of 2 transfers done after {PATIENCE:?}");

    let (alan, edsger) = (account(3), account(4));
    let finished = run_both(&alan, &edsger, transfer_ordered);
    println!("one lock order: {finished} of 2 transfers done");
    let alan_balance = *alan.balance.lock().unwrap();
    let edsger_balance = *edsger.balance.lock().unwrap();
    println!("balances: {alan_balance} and {edsger_balance}");

    // The first two threads are still blocked. main does not join them:
    // returning from main ends the process, and them with it.
}
