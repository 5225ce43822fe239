//! Chapter 16: a race condition the compiler accepts. Two purchases check a
//! wallet's balance under its lock, release it, then pay under the lock
//! again. A Barrier lets both check before either pays, as heavy traffic
//! eventually will. Then the fix: check and pay in one critical section.

use std::sync::{Arc, Barrier, Mutex};
use std::thread;

const PRICE: i64 = 80;

// ANCHOR: racy
/// Check, then act, in two separate critical sections.
fn buy_racy(balance: &Mutex<i64>, price: i64, both_checked: &Barrier) -> bool {
    let enough = *balance.lock().unwrap() >= price;
    both_checked.wait(); // the other purchase checks the same balance now
    if enough {
        *balance.lock().unwrap() -= price;
    }
    enough
}
// ANCHOR_END: racy

// ANCHOR: fixed
/// Check and act under one lock: nobody can change the balance in between.
fn buy(balance: &Mutex<i64>, price: i64, start: &Barrier) -> bool {
    start.wait(); // both purchases start together
    let mut balance = balance.lock().unwrap();
    if *balance < price {
        return false;
    }
    *balance -= price;
    true
}
// ANCHOR_END: fixed

type Buy = fn(&Mutex<i64>, i64, &Barrier) -> bool;

/// Two purchases of PRICE from a wallet holding 100, on two threads.
fn two_purchases(buy: Buy) -> (usize, i64) {
    let balance = Arc::new(Mutex::new(100));
    let barrier = Arc::new(Barrier::new(2));
    let handles: Vec<_> = (0..2)
        .map(|_| {
            let (balance, barrier) = (Arc::clone(&balance), Arc::clone(&barrier));
            thread::spawn(move || buy(&balance, PRICE, &barrier))
        })
        .collect();
    let results: Vec<bool> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    let accepted = results.iter().filter(|&&ok| ok).count();
    let left = *balance.lock().unwrap();
    (accepted, left)
}

fn main() {
    println!("wallet: 100 credits, two purchases of {PRICE} at the same time");
    let (accepted, left) = two_purchases(buy_racy);
    println!("check, unlock, pay:  {accepted} accepted, balance {left}");
    let (accepted, left) = two_purchases(buy);
    println!("one critical section: {accepted} accepted, balance {left}");
}
