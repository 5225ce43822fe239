//! Exercise: a health probe built into the binary. The image is FROM
//! scratch: no shell, no curl, so a HEALTHCHECK (or a Kubernetes exec probe)
//! can only run the service's own binary, as `users-api --probe`. The probe
//! runs inside the container, so it asks the container's loopback even when
//! the service listens on every address; it must answer within its time
//! limit, and succeed only on a 200.

use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, SocketAddr, TcpStream};
use std::time::Duration;

/// Where the probe connects for a service listening on `host`: the
/// loopback address of the same family when the service listens on every
/// address (0.0.0.0 or ::), which are addresses to bind, not to connect to.
pub fn probe_address(host: IpAddr, port: u16) -> SocketAddr {
    SocketAddr::new(host, port)
}

/// `GET /health` at `address`: Ok on a 200, else an error saying what
/// happened. No step may take longer than `limit`.
pub fn probe(address: SocketAddr, limit: Duration) -> Result<(), String> {
    // Connects with no time limit, and trusts any answer.
    let mut stream = TcpStream::connect(address).map_err(|e| e.to_string())?;
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .map_err(|e| e.to_string())?;
    let mut response = String::new();
    stream
        .read_to_string(&mut response)
        .map_err(|e| e.to_string())?;
    let _ = limit;
    Ok(())
}

fn main() {
    // What `users-api --probe` would do: exit 0 when healthy, 1 when not.
    let address = probe_address(IpAddr::V4(Ipv4Addr::UNSPECIFIED), 3000);
    match probe(address, Duration::from_secs(2)) {
        Ok(()) => println!("healthy"),
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(1);
        }
    }
}
