// Compiles, then panics in a debug build: a u8 counter passes 255.
fn main() {
    let mut in_flight: u8 = 0;
    for request_id in 1..=300 {
        in_flight += 1; // nothing ever finishes: every request stays in flight
        if request_id % 100 == 0 {
            println!("{request_id} requests, {in_flight} in flight");
        }
    }
}
