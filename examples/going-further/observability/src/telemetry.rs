//! Where the service's spans and events go: JSON lines on stdout, one per
//! event, and, when an OTLP endpoint is set, OpenTelemetry spans sent in
//! batches to a collector (Jaeger, here).

use opentelemetry::trace::{TraceContextExt, TracerProvider as _};
use opentelemetry::{Context, global};
use opentelemetry_otlp::WithExportConfig;
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::propagation::TraceContextPropagator;
use opentelemetry_sdk::trace::SdkTracerProvider;
use tracing::Subscriber;
use tracing_opentelemetry::OpenTelemetrySpanExt;
use tracing_subscriber::fmt::MakeWriter;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::{EnvFilter, Layer, Registry};

/// What to flush at shutdown: the spans still waiting in the batch.
#[must_use = "call shutdown() before the process exits, or the last spans are lost"]
pub struct Telemetry {
    provider: Option<SdkTracerProvider>,
}

// ANCHOR: shutdown
impl Telemetry {
    /// Sends the spans still in the batch and stops the exporter's thread.
    /// `shutdown` blocks until the last export is done, and that export
    /// needs the tokio runtime (tonic's connection lives there): so it runs
    /// on a blocking thread, never on the runtime's own (on a
    /// current-thread runtime, that would wait forever).
    pub async fn shutdown(self) {
        let Some(provider) = self.provider else {
            return;
        };
        let done = tokio::task::spawn_blocking(move || provider.shutdown()).await;
        if let Ok(Err(error)) = done {
            eprintln!("could not flush the last spans: {error}");
        }
    }
}
// ANCHOR_END: shutdown

// ANCHOR: exporter
/// The OpenTelemetry side: spans exported over OTLP/gRPC to `endpoint`
/// (Jaeger or a collector, port 4317), in batches. Call it inside the tokio
/// runtime: the gRPC channel's task is spawned there.
fn tracer_provider(
    service: &str,
    endpoint: &str,
) -> Result<SdkTracerProvider, opentelemetry_otlp::ExporterBuildError> {
    let exporter = opentelemetry_otlp::SpanExporter::builder()
        .with_tonic()
        .with_endpoint(endpoint)
        .build()?;
    Ok(SdkTracerProvider::builder()
        .with_batch_exporter(exporter)
        .with_resource(
            Resource::builder()
                .with_service_name(service.to_owned())
                .build(),
        )
        .build())
}
// ANCHOR_END: exporter

// ANCHOR: subscriber
/// The subscriber: a filter, JSON lines to `writer`, and the OpenTelemetry
/// layer when `otlp` names a collector. Returned rather than installed, so
/// a test can keep the lines it writes.
pub fn subscriber<W>(
    service: &str,
    otlp: Option<&str>,
    writer: W,
) -> Result<
    (impl Subscriber + Send + Sync + 'static, Telemetry),
    opentelemetry_otlp::ExporterBuildError,
>
where
    W: for<'w> MakeWriter<'w> + Send + Sync + 'static,
{
    // RUST_LOG when set; otherwise this crate's debug events, the rest's info.
    let filter = EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| EnvFilter::new("info,observability=debug"));
    let json = tracing_subscriber::fmt::layer()
        .json()
        .flatten_event(true)
        .with_current_span(true)
        .with_span_list(false)
        .with_writer(writer);
    let provider = otlp
        .map(|endpoint| tracer_provider(service, endpoint))
        .transpose()?;
    let otel = provider.as_ref().map(|provider| {
        tracing_opentelemetry::layer()
            .with_tracer(provider.tracer("observability"))
            .boxed()
    });
    // W3C `traceparent`: the format the request and the job carry the trace in.
    global::set_text_map_propagator(TraceContextPropagator::new());
    let subscriber = Registry::default().with(filter).with(json).with(otel);
    Ok((subscriber, Telemetry { provider }))
}
// ANCHOR_END: subscriber

/// Installs the subscriber for the whole process, logging to stdout.
pub fn init(
    service: &str,
    otlp: Option<&str>,
) -> Result<Telemetry, Box<dyn std::error::Error + Send + Sync>> {
    let (subscriber, telemetry) = subscriber(service, otlp, std::io::stdout)?;
    tracing::subscriber::set_global_default(subscriber)?;
    Ok(telemetry)
}

// ANCHOR: trace_id
/// The OpenTelemetry trace id of a span, as Jaeger shows it: 32 hex digits.
/// None without the OpenTelemetry layer (logs only).
pub fn trace_id(span: &tracing::Span) -> Option<String> {
    let context: Context = span.context();
    let span_context = context.span().span_context().clone();
    span_context
        .is_valid()
        .then(|| span_context.trace_id().to_string())
}
// ANCHOR_END: trace_id
