//! W3C trace context (`traceparent`) in and out of the service: read from a
//! request's headers, written into a job's payload, read back by the worker.

use std::collections::HashMap;

use axum::http::HeaderMap;
use opentelemetry::propagation::Extractor;
use opentelemetry::{Context, global};
use tracing_opentelemetry::OpenTelemetrySpanExt;

/// What a job carries: `{"traceparent": "00-<trace id>-<span id>-01"}`.
pub type Carrier = HashMap<String, String>;

// ANCHOR: inject
/// The span's trace context, to store with work that outlives the request.
pub fn inject(span: &tracing::Span) -> Carrier {
    let mut carrier = Carrier::new();
    global::get_text_map_propagator(|propagator| {
        propagator.inject_context(&span.context(), &mut carrier);
    });
    carrier
}

/// The context a carrier holds; an empty context when it holds none.
pub fn extract(carrier: &Carrier) -> Context {
    global::get_text_map_propagator(|propagator| propagator.extract(carrier))
}
// ANCHOR_END: inject

struct Headers<'a>(&'a HeaderMap);

impl Extractor for Headers<'_> {
    fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).and_then(|value| value.to_str().ok())
    }

    fn keys(&self) -> Vec<&str> {
        self.0.keys().map(|name| name.as_str()).collect()
    }
}

/// The caller's trace context, when its request carries a `traceparent`.
pub fn from_headers(headers: &HeaderMap) -> Context {
    global::get_text_map_propagator(|propagator| propagator.extract(&Headers(headers)))
}
