//! Chapter 2's random number, as the Book's listings now get it (rand 0.10):
//! deciding which requests to trace, about one in ten.

// ANCHOR: sample
use rand::prelude::*;

/// True for about `percent` requests in 100. The generator is a parameter,
/// so a test can pass a seeded one and get the same answers every run.
fn should_trace(percent: u32, rng: &mut impl Rng) -> bool {
    rng.random_range(1..=100) <= percent
}

fn main() {
    let mut rng = rand::rng();
    let traced = (0..1000).filter(|_| should_trace(10, &mut rng)).count();
    println!("traced {traced} of 1000 requests");
}
// ANCHOR_END: sample

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use rand::rngs::StdRng;

    #[test]
    fn zero_and_one_hundred_percent_are_exact() {
        let mut rng = StdRng::seed_from_u64(2);
        assert!((0..1000).all(|_| !should_trace(0, &mut rng)));
        assert!((0..1000).all(|_| should_trace(100, &mut rng)));
    }

    #[test]
    fn ten_percent_is_about_one_in_ten() {
        let mut rng = StdRng::seed_from_u64(2);
        let traced = (0..10_000).filter(|_| should_trace(10, &mut rng)).count();
        assert!((800..=1200).contains(&traced), "traced {traced} of 10000");
    }

    #[test]
    fn the_same_seed_gives_the_same_answers() {
        let draws = |seed| {
            let mut rng = StdRng::seed_from_u64(seed);
            (0..100)
                .map(|_| should_trace(50, &mut rng))
                .collect::<Vec<_>>()
        };
        assert_eq!(draws(7), draws(7));
    }
}
// ANCHOR_END: tests
