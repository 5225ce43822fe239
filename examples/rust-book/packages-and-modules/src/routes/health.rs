//! GET /health: what a load balancer asks before sending traffic.

use super::Response;
use crate::config::Config;

// pub(super): visible in `routes`, the parent, and in the modules inside it.
pub(super) fn check(config: &Config) -> Response {
    Response {
        status: 200,
        body: format!("{} up on port {}", config.service_name, config.port()),
    }
}
