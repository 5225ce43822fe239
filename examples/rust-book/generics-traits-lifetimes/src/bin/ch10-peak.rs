//! Trait bounds: a generic function that compares values needs PartialOrd,
//! and a where clause keeps several bounds readable.
use std::fmt::{Debug, Display};
use std::time::Duration;

/// The highest of a series of samples: latencies, request counts...
// ANCHOR: peak
fn peak<T: PartialOrd>(samples: &[T]) -> Option<&T> {
    let mut highest = samples.first()?;
    for sample in samples {
        if sample > highest {
            highest = sample;
        }
    }
    Some(highest)
}
// ANCHOR_END: peak

/// Two type parameters, each with its own bounds, listed after the signature.
fn report<M, T>(metric: M, samples: &[T])
where
    M: Display,
    T: PartialOrd + Debug,
{
    match peak(samples) {
        Some(max) => println!("{metric}: peak {max:?} of {} samples", samples.len()),
        None => println!("{metric}: no samples"),
    }
}

fn main() {
    report("latency ms", &[12.5, 250.0, 31.2]); // f64 is PartialOrd, not Ord
    report("requests/min", &[880_u32, 1210, 954]);
    let queries = [Duration::from_millis(4), Duration::from_micros(900)];
    report("db query", &queries);
    report(String::from("errors/min"), &[] as &[u32]);
}
