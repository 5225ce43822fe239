//! Chapter 13: adapters that number, cut, pair, join, look ahead and slide.

fn main() {
    let users = ["ana", "ben", "chloé", "dev", "eli", "fay", "gus"];

    // skip + take: page 2 with 3 users per page, the way OFFSET/LIMIT does.
    // enumerate first, so the numbers are positions in the whole list.
    let (page, per_page) = (2, 3);
    for (index, name) in users
        .iter()
        .enumerate()
        .skip((page - 1) * per_page)
        .take(per_page)
    {
        println!("#{} {name}", index + 1);
    }

    // zip: two columns that arrived separately, paired in order. It stops
    // at the shorter one, so the extra names are left out silently.
    let ids = [101, 102, 103];
    let rows: Vec<(u32, &str)> = ids.into_iter().zip(users).collect();
    println!("rows: {rows:?}");

    // chain: yesterday's rotated log, then today's, as one sequence.
    let rotated = "GET /users 200\nGET /orders 500";
    let current = "GET /users 200\nGET /health 200";
    let errors = rotated
        .lines()
        .chain(current.lines())
        .filter(|line| line.ends_with(" 500"))
        .count();
    println!("errors across both files: {errors}");

    // peekable: look at the next item without taking it. Here it counts
    // runs of the same path in sorted input, like `sort | uniq -c`.
    let mut paths = [
        "/health", "/health", "/health", "/orders", "/users", "/users",
    ]
    .iter()
    .peekable();
    while let Some(path) = paths.next() {
        let mut run = 1;
        while paths.next_if_eq(&path).is_some() {
            run += 1;
        }
        println!("{run:>3} {path}");
    }

    // windows: every run of 4 consecutive timestamps (seconds) from one
    // client. 4 requests within 2 seconds is a burst.
    let seen_at = [10, 14, 15, 15, 16, 30, 31, 45];
    let bursts: Vec<&[u32]> = seen_at.windows(4).filter(|w| w[3] - w[0] <= 2).collect();
    println!("bursts: {bursts:?}");
    let longest_gap = seen_at.windows(2).map(|pair| pair[1] - pair[0]).max();
    println!("longest quiet gap: {longest_gap:?} s");
}
