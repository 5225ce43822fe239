//! Exercise: price a GraphQL document before it runs, as the server's
//! limits do. A document is a tree of fields. Its depth is the longest
//! chain of nested fields. Its cost is the sum of its top-level fields'
//! costs, where a field costs 1 plus its selection's cost, and a list field
//! of page size n costs n times its selection's cost (the schema's
//! `complexity = "first * child_complexity"`). The check refuses a
//! document that costs too much first, then one that is too deep.

// ANCHOR: solution
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
    selection
        .iter()
        .map(|f| 1 + depth(&f.selection))
        .max()
        .unwrap_or(0)
}

/// What the selection costs: its fields' costs, added up.
pub fn cost(selection: &[Field]) -> usize {
    selection
        .iter()
        .map(|f| {
            let inner = cost(&f.selection);
            match f.page {
                // Saturating: a hostile page size must not wrap the price
                // around to something small.
                Some(n) => n.saturating_mul(inner),
                None => inner.saturating_add(1),
            }
        })
        .fold(0, usize::saturating_add)
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;

    fn leaves(names: &[&'static str]) -> Vec<Field> {
        names.iter().map(|&n| field(n, vec![])).collect()
    }

    /// `{ users(first: n) { edges { node { name jobs { kind state } } } } }`
    fn page_of_users(n: usize) -> Field {
        let jobs = list("jobs", 20, leaves(&["kind", "state"]));
        let node = field("node", vec![field("name", vec![]), jobs]);
        list("users", n, vec![field("edges", vec![node])])
    }

    #[test]
    fn leaves_cost_one_each_at_depth_one() {
        let document = leaves(&["id", "name"]);
        assert_eq!(depth(&document), 1);
        assert_eq!(cost(&document), 2);
    }

    #[test]
    fn an_object_costs_one_plus_its_selection() {
        let document = vec![field("user", leaves(&["name", "email"]))];
        assert_eq!(depth(&document), 2);
        assert_eq!(cost(&document), 3);
    }

    #[test]
    fn a_list_multiplies_its_selection() {
        // users: 100 × (edges 1 + node 1 + name 1 + jobs 20 × 2)
        assert_eq!(cost(&[page_of_users(100)]), 100 * (1 + 1 + 1 + 40));
        assert_eq!(depth(&[page_of_users(100)]), 5);
    }

    #[test]
    fn aliased_copies_add_up() {
        let one = cost(&[page_of_users(100)]);
        let twenty: Vec<Field> = (0..20).map(|_| page_of_users(100)).collect();
        assert_eq!(cost(&twenty), 20 * one);
        assert_eq!(depth(&twenty), 5, "copies side by side are no deeper");
    }

    #[test]
    fn an_empty_page_costs_nothing_however_deep() {
        let mut deep = field("name", vec![]);
        for _ in 0..10 {
            deep = list("jobs", 20, vec![field("user", vec![deep])]);
        }
        let document = vec![list("users", 0, vec![deep])];
        assert_eq!(cost(&document), 0);
        assert_eq!(depth(&document), 22);
        assert_eq!(
            check(&document, 7, 10_000),
            Err(Refusal::TooDeep { depth: 22, max: 7 })
        );
    }

    #[test]
    fn a_huge_page_does_not_wrap_around() {
        let document = vec![page_of_users(usize::MAX)];
        assert_eq!(cost(&document), usize::MAX);
        assert!(matches!(
            check(&document, 7, 10_000),
            Err(Refusal::TooComplex { .. })
        ));
    }

    #[test]
    fn cost_is_checked_before_depth() {
        let mut deep = field("name", vec![]);
        for _ in 0..4 {
            deep = list("jobs", 20, vec![field("user", vec![deep])]);
        }
        let document = vec![field("user", vec![deep])];
        assert!(matches!(
            check(&document, 7, 10_000),
            Err(Refusal::TooComplex { max: 10_000, .. })
        ));
    }

    #[test]
    fn a_normal_page_passes() {
        assert_eq!(check(&[page_of_users(100)], 7, 10_000), Ok(4_300));
    }
}
// ANCHOR_END: tests
