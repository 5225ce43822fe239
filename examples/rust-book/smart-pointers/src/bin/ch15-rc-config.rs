//! Chapter 15: Rc<T> gives one value several owners, in one thread. The
//! configuration is read once, and each component keeps a handle to it.

use std::rc::Rc;

struct Config {
    service: String,
    max_body: usize,
}

impl Drop for Config {
    fn drop(&mut self) {
        println!("config of {} freed", self.service);
    }
}

struct Logger {
    config: Rc<Config>,
}

struct UsersHandler {
    config: Rc<Config>,
}

impl UsersHandler {
    fn accepts(&self, body_len: usize) -> bool {
        body_len <= self.config.max_body
    }
}

fn main() {
    let config = Rc::new(Config {
        service: "users-api".to_string(),
        max_body: 16 * 1024,
    });
    println!("after loading: {} owner", Rc::strong_count(&config));

    let logger = Logger {
        config: Rc::clone(&config),
    };
    let users = UsersHandler {
        config: Rc::clone(&config),
    };
    println!(
        "logger and handler built: {} owners",
        Rc::strong_count(&config)
    );
    println!(
        "one config for all: {}",
        Rc::ptr_eq(&logger.config, &users.config)
    );

    {
        let per_request = Rc::clone(&users.config);
        println!("during a request: {} owners", Rc::strong_count(&config));
        println!("accepts 20000 bytes: {}", users.accepts(20_000));
        println!("{} in {}", per_request.max_body, per_request.service);
    }
    println!("after the request: {} owners", Rc::strong_count(&config));

    drop(config);
    println!(
        "main's handle dropped: {} owners",
        Rc::strong_count(&logger.config)
    );
    drop(users);
    println!(
        "handler dropped: {} owner",
        Rc::strong_count(&logger.config)
    );
    drop(logger);
    println!("end of main");
}
