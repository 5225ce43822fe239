//! Chapter 16: message passing. Three services ship their log events down
//! one channel, each through its own Sender; one receiver counts them.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::thread;

/// One event, as a service would ship it to a log collector.
struct Event {
    service: &'static str,
    path: String,
    status: u16,
}

fn main() {
    let (tx, rx) = mpsc::channel::<Event>();

    let services: [(&'static str, &[(&str, u16)]); 3] = [
        (
            "auth",
            &[("/login", 200), ("/login", 401), ("/logout", 204)],
        ),
        (
            "orders",
            &[("/orders", 201), ("/orders/9", 500), ("/orders", 200)],
        ),
        ("search", &[("/search", 200), ("/search", 503)]),
    ];
    for (service, requests) in services {
        let tx = tx.clone();
        thread::spawn(move || {
            for &(path, status) in requests {
                let event = Event {
                    service,
                    path: path.to_string(),
                    status,
                };
                tx.send(event).expect("the collector has stopped");
            }
        });
    }
    drop(tx);

    let mut per_service: BTreeMap<&str, (u32, Vec<String>)> = BTreeMap::new();
    for event in rx {
        let (count, failed) = per_service.entry(event.service).or_default();
        *count += 1;
        if event.status >= 500 {
            failed.push(event.path);
        }
    }
    for (service, (count, failed)) in &per_service {
        println!("{service:<7} {count} events, 5xx on {failed:?}");
    }
}
