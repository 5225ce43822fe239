//! Must not compile (E0277): an `Arc<RefCell<…>>` cache shared with another
//! thread. The Arc may cross, but a RefCell may not be used from two threads
//! at once: RefCell is not Sync, so this Arc is not Send.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;
use std::thread;

fn main() {
    let cache: Arc<RefCell<HashMap<u64, String>>> = Arc::new(RefCell::new(HashMap::new()));

    let for_worker = Arc::clone(&cache);
    let worker = thread::spawn(move || for_worker.borrow_mut().insert(7, "Ada".into()));
    worker.join().unwrap();

    println!("{:?}", cache.borrow().get(&7));
}
