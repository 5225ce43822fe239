//! Slices: views into text or a list that something else owns.

/// Splits a request line into three views of the same text. Nothing is
/// copied: each &str is a pointer into `line` and a length.
fn parts(line: &str) -> Option<(&str, &str, &str)> {
    let (method, rest) = line.split_once(' ')?;
    let (target, version) = rest.split_once(' ')?;
    Some((method, target, version))
}

// ANCHOR: owned-result
/// Lowercase text does not exist in the input, so it has to be owned.
fn header_key(name: &str) -> String {
    name.trim().to_ascii_lowercase()
}
// ANCHOR_END: owned-result

/// Takes &[u32]: a whole Vec, an array or any part of one.
fn average(samples: &[u32]) -> u32 {
    if samples.is_empty() {
        return 0;
    }
    samples.iter().sum::<u32>() / samples.len() as u32
}

fn main() {
    let line = String::from("GET /users/42?expand=teams HTTP/1.1");
    // &String becomes &str automatically, so `parts` accepts both.
    let Some((method, target, version)) = parts(&line) else {
        return;
    };
    println!("method {method:?}, target {target:?}, version {version:?}");

    // Where the target sits in the line: an offset, not a copy.
    let offset = target.as_ptr() as usize - line.as_ptr() as usize;
    println!(
        "target is bytes {offset}..{} of the line",
        offset + target.len()
    );
    println!(
        "same bytes as a range: {}",
        &line[offset..offset + target.len()] == target
    );

    // A literal is a &'static str: text stored in the program itself.
    let expected: &'static str = "HTTP/1.1";
    println!("version is {expected}: {}", version == expected);
    println!("header key: {:?}", header_key(" Content-Type "));

    // &[T] is the same idea for lists.
    let mut latencies_ms = vec![180, 140, 12, 15, 11];
    latencies_ms.push(14); // a new sample arrives
    let (warmup, steady) = latencies_ms.split_at(2);
    println!(
        "warm-up average {} ms, steady average {} ms",
        average(warmup),
        average(steady)
    );
    println!("last three: {:?}", &latencies_ms[latencies_ms.len() - 3..]);
}
