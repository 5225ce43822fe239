//! One access-log line as data. For now, the choices the command line
//! offers: which format, and which unit a duration is in.

// ANCHOR: format
/// The log formats logstat reads. `Auto` looks at the first lines of each
/// input and picks one of the other three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Auto,
    /// NCSA Common Log Format: host ident user [time] "request" status bytes
    Common,
    /// Common plus "referer" "user-agent" (Apache and nginx's default)
    Combined,
    /// One JSON object per line: time, method, path, status, bytes, duration_ms
    Json,
}
// ANCHOR_END: format

/// The unit of a trailing duration field in Common/Combined lines: nginx's
/// `$request_time` is seconds (0.004), Apache's `%D` microseconds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DurationUnit {
    S,
    Ms,
    Us,
}
