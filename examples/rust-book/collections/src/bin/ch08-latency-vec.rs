//! Vec<T>: a growable array, here the response times of one endpoint.
use std::cmp::Reverse;

fn main() {
    // Sized up front: no reallocation until the ninth push.
    let mut latencies_ms: Vec<u32> = Vec::with_capacity(8);
    println!(
        "len {}, capacity {}",
        latencies_ms.len(),
        latencies_ms.capacity()
    );

    for ms in [120, 35, 35, 980, 42, 35, 120] {
        latencies_ms.push(ms);
    }
    println!(
        "len {}, capacity {}",
        latencies_ms.len(),
        latencies_ms.capacity()
    );

    // [i] panics when i is out of range; get(i) says so with an Option.
    println!("first sample: {} ms", latencies_ms[0]);
    match latencies_ms.get(99) {
        Some(ms) => println!("sample 100: {ms} ms"),
        None => println!("sample 100: none recorded"),
    }

    // &v lends each element to the loop; the Vec is still usable after it.
    let mut total = 0;
    for ms in &latencies_ms {
        total += ms;
    }
    println!("mean: {} ms", total / latencies_ms.len() as u32);

    // &mut v lends each element mutably: change them in place.
    for ms in &mut latencies_ms {
        *ms += 5; // the load balancer's hop, measured separately
    }

    latencies_ms.sort();
    println!("sorted:   {latencies_ms:?}");
    println!("median:   {} ms", latencies_ms[latencies_ms.len() / 2]);
    // dedup only drops repeats that sit next to each other, hence the sort first.
    latencies_ms.dedup();
    println!("distinct: {latencies_ms:?}");

    // Sorting structs or tuples by one field: sort_by_key.
    let mut endpoints = vec![("/users", 42), ("/health", 310), ("/orders", 42)];
    endpoints.sort_by_key(|&(_, hits)| Reverse(hits));
    // The sort is stable: /users stays ahead of /orders, as it was.
    println!("busiest:  {endpoints:?}");
}
