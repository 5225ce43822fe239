//! Exercise: price a GraphQL document before it runs, as the server's
//! limits do. A document is a tree of fields. Its depth is the longest
//! chain of nested fields. Its cost is the sum of its top-level fields'
//! costs, where a field costs 1 plus its selection's cost, and a list field
//! of page size n costs n times its selection's cost (the schema's
//! `complexity = "first * child_complexity"`). The check refuses a
//! document that costs too much first, then one that is too deep.

/// One field of a document, with its own selection.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: &'static str,
    /// Some(n): a list of at most n items, each with the selection.
    pub page: Option<usize>,
    pub selection: Vec<Field>,
}

pub fn field(name: &'static str, selection: Vec<Field>) -> Field {
    Field {
        name,
        page: None,
        selection,
    }
}

pub fn list(name: &'static str, page: usize, selection: Vec<Field>) -> Field {
    Field {
        name,
        page: Some(page),
        selection,
    }
}

#[derive(Debug, PartialEq)]
pub enum Refusal {
    TooComplex { cost: usize, max: usize },
    TooDeep { depth: usize, max: usize },
}

/// The longest chain of nested fields: `{ a }` is 1, `{ a { b } }` is 2.
pub fn depth(selection: &[Field]) -> usize {
    // Only the top level: nested fields are not followed yet.
    if selection.is_empty() { 0 } else { 1 }
}

/// What the selection costs: its fields' costs, added up.
pub fn cost(selection: &[Field]) -> usize {
    // Every field counts once, nested or not, list or not: the first
    // version many servers ship, and what lets a page of a million pass.
    selection.iter().map(|f| 1 + cost(&f.selection)).sum()
}

/// The document's cost if it may run.
pub fn check(document: &[Field], max_depth: usize, max_cost: usize) -> Result<usize, Refusal> {
    let cost = cost(document);
    if cost > max_cost {
        return Err(Refusal::TooComplex {
            cost,
            max: max_cost,
        });
    }
    let depth = depth(document);
    if depth > max_depth {
        return Err(Refusal::TooDeep {
            depth,
            max: max_depth,
        });
    }
    Ok(cost)
}

fn main() {
    let jobs = list("jobs", 20, vec![field("kind", vec![])]);
    let document = vec![list("users", 100, vec![field("name", vec![]), jobs])];
    println!("depth {}, cost {}", depth(&document), cost(&document));
    println!("{:?}", check(&document, 7, 10_000));
}
