//! Counting with the entry API: requests per path and per status code.
use std::collections::{BTreeMap, HashMap};

const LOG: &str = "\
GET /users 200
GET /health 200
POST /users 201
GET /users/42 404
GET /users 200
GET /health 200
GET /users 500
garbage
DELETE /users/42 204
GET /users 200";

fn main() {
    // Keys borrow from LOG: no String is allocated per line.
    let mut per_path: HashMap<&str, u32> = HashMap::new();
    // A BTreeMap keeps its keys sorted.
    let mut per_status: BTreeMap<u16, u32> = BTreeMap::new();

    for line in LOG.lines() {
        let fields: Vec<&str> = line.split_whitespace().collect();
        let [_method, path, status] = fields[..] else {
            println!("skipped: {line:?}");
            continue;
        };
        // entry finds the slot or makes one; or_insert(0) gives &mut u32 either way.
        *per_path.entry(path).or_insert(0) += 1;
        if let Ok(code) = status.parse::<u16>() {
            *per_status.entry(code).or_default() += 1;
        }
    }

    // A HashMap iterates in an unspecified order: copy into a Vec and sort.
    let mut ranked: Vec<(&str, u32)> = per_path.into_iter().collect();
    // Most requests first; equal counts in path order, so the output is stable.
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (path, count) in &ranked {
        println!("{count:>3}  {path}");
    }

    // The BTreeMap needs no sort: it iterates from the smallest key up.
    for (status, count) in &per_status {
        println!("{status}: {count}");
    }
}
