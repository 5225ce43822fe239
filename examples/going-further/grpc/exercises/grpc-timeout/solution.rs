//! Exercise: the client's half of a deadline. A gRPC client sends the time
//! it has left in the `grpc-timeout` header: a positive integer of at most
//! 8 digits, then one unit letter: `n` nanoseconds, `u` microseconds, `m`
//! milliseconds, `S` seconds, `M` minutes, `H` hours.

// ANCHOR: solution
use std::time::Duration;

/// The largest value 8 digits can write.
const MAX_VALUE: u128 = 99_999_999;

/// Writes `timeout` in the most precise unit whose value fits in 8 digits.
/// A value that is not a whole number of that unit is rounded up, never
/// down: the header may give the server a little more time than the
/// caller granted, never less. Past 99999999 hours, it says 99999999H.
pub fn encode_grpc_timeout(timeout: Duration) -> String {
    let nanos = timeout.as_nanos();
    let units = [
        ('n', 1),
        ('u', 1_000),
        ('m', 1_000_000),
        ('S', 1_000_000_000),
        ('M', 60 * 1_000_000_000),
        ('H', 3600 * 1_000_000_000),
    ];
    for (letter, nanos_per_unit) in units {
        let value = nanos.div_ceil(nanos_per_unit);
        if value <= MAX_VALUE {
            return format!("{value}{letter}");
        }
    }
    format!("{MAX_VALUE}H")
}

fn main() {
    for timeout in [
        Duration::from_millis(250),
        Duration::from_secs(30),
        Duration::from_secs(2 * 86_400),
    ] {
        println!(
            "{timeout:?} -> grpc-timeout: {}",
            encode_grpc_timeout(timeout)
        );
    }
}
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_values_stay_in_nanoseconds() {
        assert_eq!(encode_grpc_timeout(Duration::ZERO), "0n");
        assert_eq!(encode_grpc_timeout(Duration::from_nanos(1500)), "1500n");
        assert_eq!(
            encode_grpc_timeout(Duration::from_nanos(99_999_999)),
            "99999999n"
        );
    }

    #[test]
    fn each_value_takes_the_most_precise_unit_that_fits() {
        assert_eq!(encode_grpc_timeout(Duration::from_millis(100)), "100000u");
        // What tonic's Request::set_timeout sends for 30 seconds.
        assert_eq!(encode_grpc_timeout(Duration::from_secs(30)), "30000000u");
        assert_eq!(encode_grpc_timeout(Duration::from_secs(3600)), "3600000m");
        assert_eq!(
            encode_grpc_timeout(Duration::from_secs(86_400)),
            "86400000m"
        );
        assert_eq!(
            encode_grpc_timeout(Duration::from_secs(2 * 86_400)),
            "172800S"
        );
        assert_eq!(
            encode_grpc_timeout(Duration::from_secs(200_000_000)),
            "3333334M"
        );
    }

    #[test]
    fn a_remainder_rounds_up_never_down() {
        assert_eq!(
            encode_grpc_timeout(Duration::from_nanos(1_000_000_001)),
            "1000001u"
        );
        // 100000 s and 1 ns: too many digits in m, so 100001 seconds.
        assert_eq!(encode_grpc_timeout(Duration::new(100_000, 1)), "100001S");
    }

    #[test]
    fn a_huge_timeout_is_capped_without_overflow() {
        assert_eq!(
            encode_grpc_timeout(Duration::from_secs(u64::MAX)),
            "99999999H"
        );
        assert_eq!(encode_grpc_timeout(Duration::MAX), "99999999H");
    }

    #[test]
    fn never_more_than_eight_digits() {
        for nanos in [
            1u64,
            999,
            123_456_789,
            99_999_999_999,
            12_345_678_901_234,
            u64::MAX,
        ] {
            let header = encode_grpc_timeout(Duration::from_nanos(nanos));
            let digits = &header[..header.len() - 1];
            assert!(
                digits.len() <= 8 && digits.bytes().all(|b| b.is_ascii_digit()),
                "{nanos} ns -> {header}"
            );
        }
    }
}
// ANCHOR_END: tests
