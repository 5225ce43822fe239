//! The users API made ready to ship: probes an orchestrator can ask, and a
//! shutdown that stops new traffic before it stops the server. The API
//! itself is the `users-api` library, unchanged.

pub mod probes;
pub mod settings;
