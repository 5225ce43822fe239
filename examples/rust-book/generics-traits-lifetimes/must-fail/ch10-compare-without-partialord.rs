//! Does not compile: `>` on values of a type the function knows nothing about.
// ANCHOR: peak
fn peak<T>(samples: &[T]) -> Option<&T> {
    let mut highest = samples.first()?;
    for sample in samples {
        if sample > highest {
            highest = sample;
        }
    }
    Some(highest)
}
// ANCHOR_END: peak

fn main() {
    println!("{:?}", peak(&[12.5, 250.0, 31.2]));
}
