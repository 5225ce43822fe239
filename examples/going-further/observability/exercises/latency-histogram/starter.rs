//! Exercise: a latency histogram as Prometheus keeps one. Each bucket counts
//! the observations less than or equal to its bound (`le`), so the counts
//! are cumulative and the last bucket, `+Inf`, counts everything. A quantile
//! is then estimated from the buckets alone, as PromQL's
//! `histogram_quantile` does: find the bucket the rank falls in and
//! interpolate linearly inside it.

use std::fmt::Write;

pub struct Histogram {
    /// Upper bounds, ascending; +Inf is implied after the last.
    bounds: Vec<f64>,
    /// Observations per bucket, not cumulative; one more than `bounds`
    /// (the last is the +Inf bucket's own).
    counts: Vec<u64>,
    sum: f64,
}

impl Histogram {
    pub fn new(bounds: &[f64]) -> Histogram {
        assert!(bounds.windows(2).all(|w| w[0] < w[1]), "bounds must ascend");
        Histogram {
            bounds: bounds.to_vec(),
            counts: vec![0; bounds.len() + 1],
            sum: 0.0,
        }
    }

    /// Counts one observation in the first bucket whose bound it does not
    /// exceed (a value equal to a bound belongs to that bucket).
    pub fn observe(&mut self, value: f64) {
        let _ = value;
        todo!("count the value in its bucket, and add it to the sum")
    }

    /// Cumulative counts, one per bound and one for +Inf.
    pub fn cumulative(&self) -> Vec<u64> {
        self.counts
            .iter()
            .scan(0, |total, count| {
                *total += count;
                Some(*total)
            })
            .collect()
    }

    /// The estimate of quantile `q` (0.5: the median) from the buckets:
    /// None without observations. A rank in the +Inf bucket gives the
    /// highest finite bound: the buckets cannot see past it.
    pub fn quantile(&self, q: f64) -> Option<f64> {
        let _ = q;
        todo!("find the bucket rank q * total falls in, and interpolate inside it")
    }

    /// The Prometheus text format of the histogram, as /metrics shows it.
    pub fn render(&self, name: &str) -> String {
        let mut out = String::new();
        let cumulative = self.cumulative();
        for (bound, count) in self.bounds.iter().zip(&cumulative) {
            writeln!(out, "{name}_bucket{{le=\"{bound}\"}} {count}").unwrap();
        }
        let total = cumulative.last().copied().unwrap_or(0);
        writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {total}").unwrap();
        writeln!(out, "{name}_sum {}", self.sum).unwrap();
        writeln!(out, "{name}_count {total}").unwrap();
        out
    }
}

fn main() {
    let mut latency = Histogram::new(&[0.005, 0.025, 0.1, 0.5, 1.0]);
    for seconds in [0.003, 0.02, 0.02, 0.3, 5.0] {
        latency.observe(seconds);
    }
    print!("{}", latency.render("http_request_duration_seconds"));
    println!(
        "median ≈ {:?} s, p99 ≈ {:?} s",
        latency.quantile(0.5),
        latency.quantile(0.99)
    );
}
