//! Passing an OrderId where a UserId is expected: both wrap a u64, but
//! they are different types.

#[derive(Debug, Clone, Copy, PartialEq)]
struct UserId(u64);

#[derive(Debug, Clone, Copy, PartialEq)]
struct OrderId(u64);

fn delete_user(id: UserId) {
    println!("deleting user {}", id.0);
}

fn main() {
    let order = OrderId(501);
    delete_user(order);
}
