//! Tuple structs as newtypes: UserId and OrderId both hold a u64, but the
//! compiler never lets one stand in for the other.

// Copy: an id is a small number, so passing it copies instead of moving.
#[derive(Debug, Clone, Copy, PartialEq)]
struct UserId(u64);

#[derive(Debug, Clone, Copy, PartialEq)]
struct OrderId(u64);

#[derive(Debug)]
struct Order {
    id: OrderId,
    customer: UserId,
}

fn orders_of(customer: UserId, orders: &[Order]) -> Vec<OrderId> {
    let mut found = Vec::new();
    for order in orders {
        if order.customer == customer {
            found.push(order.id);
        }
    }
    found
}

fn main() {
    let orders = [
        Order {
            id: OrderId(501),
            customer: UserId(7),
        },
        Order {
            id: OrderId(502),
            customer: UserId(8),
        },
        Order {
            id: OrderId(503),
            customer: UserId(7),
        },
    ];

    let alice = UserId(7);
    println!("orders of {alice:?}: {:?}", orders_of(alice, &orders));
    println!("first order: {:?}", orders[0]);

    // `.0` reaches the number inside, e.g. to bind it as a SQL parameter;
    // a pattern does the same and names it.
    let UserId(raw) = alice;
    println!("raw id for the query: {} (or {raw})", alice.0);

    // The wrapper costs nothing at run time: same size as the bare u64.
    println!(
        "size of UserId: {} bytes, size of u64: {} bytes",
        std::mem::size_of::<UserId>(),
        std::mem::size_of::<u64>()
    );
}
