//! Exercise: a health probe built into the binary. The image is FROM
//! scratch: no shell, no curl, so a HEALTHCHECK (or a Kubernetes exec probe)
//! can only run the service's own binary, as `users-api --probe`. The probe
//! runs inside the container, so it asks the container's loopback even when
//! the service listens on every address; it must answer within its time
//! limit, and succeed only on a 200.

// ANCHOR: solution
use std::io::{Read, Write};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr, TcpStream};
use std::time::Duration;

/// Where the probe connects for a service listening on `host`: the
/// loopback address of the same family when the service listens on every
/// address (0.0.0.0 or ::), which are addresses to bind, not to connect to.
pub fn probe_address(host: IpAddr, port: u16) -> SocketAddr {
    let ip = match host {
        IpAddr::V4(ip) if ip.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(ip) if ip.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        ip => ip,
    };
    SocketAddr::new(ip, port)
}

/// `GET /health` at `address`: Ok on a 200, else an error saying what
/// happened. No step may take longer than `limit`.
pub fn probe(address: SocketAddr, limit: Duration) -> Result<(), String> {
    let mut stream = TcpStream::connect_timeout(&address, limit)
        .map_err(|e| format!("cannot connect to {address}: {e}"))?;
    stream
        .set_read_timeout(Some(limit))
        .and_then(|()| stream.set_write_timeout(Some(limit)))
        .map_err(|e| format!("cannot set timeouts: {e}"))?;
    stream
        .write_all(b"GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .map_err(|e| format!("cannot send the request: {e}"))?;
    let mut response = Vec::new();
    stream
        .read_to_end(&mut response)
        .map_err(|e| format!("no answer from {address}: {e}"))?;
    let response = String::from_utf8_lossy(&response);
    let status_line = response.lines().next().unwrap_or_default();
    match status_line.split(' ').nth(1) {
        Some("200") => Ok(()),
        _ => Err(format!("unhealthy: {status_line:?}")),
    }
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
// ANCHOR_END: solution

// ANCHOR: tests
#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;
    use std::thread;
    use std::time::Instant;

    /// A one-connection server on this machine's loopback: it reads the
    /// request, then writes `answer` (nothing at all when it is `None`,
    /// holding the connection open) and returns what it read.
    fn server(answer: Option<&'static str>) -> (SocketAddr, thread::JoinHandle<String>) {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        let handle = thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut request = Vec::new();
            let mut buffer = [0; 1024];
            while !request.ends_with(b"\r\n\r\n") {
                match stream.read(&mut buffer) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => request.extend_from_slice(&buffer[..n]),
                }
            }
            match answer {
                Some(answer) => stream.write_all(answer.as_bytes()).unwrap(),
                None => thread::sleep(Duration::from_secs(3)),
            }
            String::from_utf8(request).unwrap()
        });
        (address, handle)
    }

    const OK: &str = "HTTP/1.1 200 OK\r\ncontent-length: 15\r\n\r\n{\"status\":\"ok\"}";

    #[test]
    fn every_address_means_loopback_to_the_probe() {
        let v4 = probe_address("0.0.0.0".parse().unwrap(), 3000);
        assert_eq!(v4.to_string(), "127.0.0.1:3000");
        let v6 = probe_address("::".parse().unwrap(), 8080);
        assert_eq!(v6.to_string(), "[::1]:8080");
        let one = probe_address("10.1.2.3".parse().unwrap(), 3000);
        assert_eq!(one.to_string(), "10.1.2.3:3000");
    }

    #[test]
    fn a_200_is_healthy_and_the_request_asks_for_health() {
        let (address, server) = server(Some(OK));
        assert_eq!(probe(address, Duration::from_secs(2)), Ok(()));
        let request = server.join().unwrap();
        assert!(
            request.starts_with("GET /health HTTP/1.1\r\n"),
            "{request:?}"
        );
    }

    #[test]
    fn a_503_is_unhealthy() {
        let answer = "HTTP/1.1 503 Service Unavailable\r\ncontent-length: 0\r\n\r\n";
        let (address, _server) = server(Some(answer));
        let error = probe(address, Duration::from_secs(2)).unwrap_err();
        assert!(error.contains("503"), "{error}");
    }

    #[test]
    fn a_200_in_a_body_is_not_a_200_status() {
        let answer = "HTTP/1.1 500 Internal Server Error\r\ncontent-length: 3\r\n\r\n200";
        let (address, _server) = server(Some(answer));
        assert!(probe(address, Duration::from_secs(2)).is_err());
    }

    #[test]
    fn nothing_listening_is_unhealthy() {
        // Bound then dropped: a port on which nothing listens.
        let address = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap();
        assert!(probe(address, Duration::from_secs(2)).is_err());
    }

    #[test]
    fn a_silent_service_fails_within_the_limit() {
        let (address, _server) = server(None);
        let started = Instant::now();
        assert!(probe(address, Duration::from_millis(300)).is_err());
        assert!(
            started.elapsed() < Duration::from_secs(2),
            "took {:?}",
            started.elapsed()
        );
    }
}
// ANCHOR_END: tests
