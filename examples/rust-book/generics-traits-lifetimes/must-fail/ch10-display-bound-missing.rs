//! Does not compile: `render` formats items with `{}`, but nothing says
//! that every T can be displayed.
struct Page<T> {
    items: Vec<T>,
    page: usize,
    total: usize,
}

// ANCHOR: render
impl<T> Page<T> {
    fn render(&self) -> String {
        let items: Vec<String> = self.items.iter().map(|item| format!("{item}")).collect();
        format!(
            "page {} ({} items in all): {}",
            self.page,
            self.total,
            items.join(", ")
        )
    }
}
// ANCHOR_END: render

fn main() {
    let page = Page {
        items: vec![1001, 1002],
        page: 1,
        total: 5,
    };
    println!("{}", page.render());
}
