//! A real Prometheus scrapes the metrics port; the test reads the series
//! back from Prometheus's HTTP API, as a dashboard or an alert would.

mod common;

use std::fs;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use axum::http::Method;
use observability::metrics::LATENCY_BUCKETS;
use serde_json::Value;
use sqlx::PgPool;

// ANCHOR: prometheus
/// Prometheus with a config of the test's own: one job scraping the
/// service's metrics port every second, its API on a loopback port.
struct Prometheus {
    child: Child,
    api: String,
    _dir: tempfile::TempDir,
}

impl Prometheus {
    fn start(target: std::net::SocketAddr) -> Prometheus {
        // Debian's binary, or the one BACKEND_RUST_PROMETHEUS names.
        let binary = common::program(
            std::env::var_os("BACKEND_RUST_PROMETHEUS")
                .map_or_else(|| PathBuf::from("/usr/bin/prometheus"), PathBuf::from),
            "apt-get install --no-install-recommends prometheus && systemctl disable --now prometheus   # as root; \
             or set BACKEND_RUST_PROMETHEUS to a prometheus binary",
        );
        let dir = tempfile::tempdir().unwrap();
        let config = dir.path().join("prometheus.yml");
        fs::write(
            &config,
            format!(
                "global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n\
                 scrape_configs:\n  - job_name: observability\n    static_configs:\n      - targets: ['{target}']\n"
            ),
        )
        .unwrap();
        let port = common::free_port();
        let log = fs::File::create(dir.path().join("prometheus.log")).unwrap();
        let child = Command::new(binary)
            .arg(format!("--config.file={}", config.display()))
            .arg(format!(
                "--storage.tsdb.path={}",
                dir.path().join("data").display()
            ))
            .arg(format!("--web.listen-address=127.0.0.1:{port}"))
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .stdin(Stdio::null())
            .spawn()
            .expect("Prometheus starts");
        Prometheus {
            child,
            api: format!("http://127.0.0.1:{port}/api/v1"),
            _dir: dir,
        }
    }

    /// The result vector of an instant PromQL query, or None on any failure.
    async fn query(&self, promql: &str) -> Option<Vec<Value>> {
        let url = format!("{}/query?query={}", self.api, common::encode(promql));
        let answer = common::get(&url).await.ok()?.json()?;
        answer["data"]["result"].as_array().cloned()
    }
}

impl Drop for Prometheus {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
// ANCHOR_END: prometheus

fn value(sample: &Value) -> f64 {
    sample["value"][1].as_str().unwrap().parse().unwrap()
}

fn label<'a>(sample: &'a Value, name: &str) -> &'a str {
    sample["metric"][name].as_str().unwrap_or("")
}

// ANCHOR: test_prometheus
#[sqlx::test(migrations = "./migrations")]
async fn prometheus_scrapes_requests_latency_pool_and_queue(db: PgPool) {
    let outbox = tempfile::tempdir().unwrap();
    let running = common::start(db.clone(), outbox.path()).await;
    let app = format!("http://{}", running.app);
    for _ in 0..3 {
        common::get(&format!("{app}/health")).await.unwrap();
    }
    common::get(&format!("{app}/report?delay_ms=30"))
        .await
        .unwrap();
    common::get(&format!("{app}/no/such/page/42"))
        .await
        .unwrap();
    let signup = serde_json::json!({ "name": "Ada", "email": "ada@example.com" });
    let url = format!("{app}/signups");
    common::http(Method::POST, &url, &[], Some(&signup))
        .await
        .unwrap();
    common::until("the welcome job", Duration::from_secs(10), async || {
        (common::job_states(&db).await == [("done".to_string(), 1)]).then_some(())
    })
    .await;

    let prometheus = Prometheus::start(running.metrics);
    // A scrape after the job: the first sample with the job counted.
    let done = common::until(
        "a scrape with the finished job",
        Duration::from_secs(60),
        async || {
            let result = prometheus.query(r#"job_queue_jobs{state="done"}"#).await?;
            (result.first().map(value) == Some(1.0)).then_some(result)
        },
    )
    .await;
    println!("job_queue_jobs{{state=\"done\"}} = {}", value(&done[0]));

    let up = prometheus
        .query(r#"up{job="observability"}"#)
        .await
        .unwrap();
    assert_eq!(value(&up[0]), 1.0, "Prometheus reached the metrics port");

    let requests = prometheus
        .query("sum by (route, status) (http_requests_total)")
        .await
        .unwrap();
    let mut lines: Vec<String> = requests
        .iter()
        .map(|s| {
            format!(
                "http_requests_total{{route=\"{}\", status=\"{}\"}} = {}",
                label(s, "route"),
                label(s, "status"),
                value(s)
            )
        })
        .collect();
    lines.sort();
    println!("{}", lines.join("\n"));
    assert!(
        lines.contains(&r#"http_requests_total{route="/health", status="200"} = 3"#.to_string())
    );
    // The unknown path is one series, whatever the path was.
    assert!(
        lines.contains(&r#"http_requests_total{route="unmatched", status="404"} = 1"#.to_string())
    );

    let buckets = prometheus
        .query(r#"http_request_duration_seconds_bucket{route="/report"}"#)
        .await
        .unwrap();
    // ("+Inf" parses as infinity.)
    let mut bounds: Vec<(f64, f64, &str)> = buckets
        .iter()
        .map(|s| {
            (
                label(s, "le").parse::<f64>().unwrap(),
                value(s),
                label(s, "le"),
            )
        })
        .collect();
    bounds.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (_, count, le) in &bounds {
        println!(
            "http_request_duration_seconds_bucket{{route=\"/report\", le=\"{le}\"}} = {count}"
        );
    }
    let expected: Vec<f64> = LATENCY_BUCKETS
        .iter()
        .copied()
        .chain([f64::INFINITY])
        .collect();
    assert_eq!(bounds.iter().map(|b| b.0).collect::<Vec<_>>(), expected);
    // 30 ms of pg_sleep: not in the buckets up to 25 ms, in +Inf.
    assert_eq!(bounds.iter().find(|b| b.0 == 0.025).unwrap().1, 0.0);
    assert_eq!(bounds.last().unwrap().1, 1.0);

    let mut pool = prometheus.query("db_pool_connections").await.unwrap();
    pool.sort_by_key(|sample| label(sample, "state").to_owned());
    assert_eq!(pool.len(), 2, "idle and in_use: {pool:?}");
    for sample in &pool {
        println!(
            "db_pool_connections{{state=\"{}\"}} = {}",
            label(sample, "state"),
            value(sample)
        );
    }
    let max = prometheus.query("db_pool_max_connections").await.unwrap();
    assert!(value(&max[0]) >= 1.0);
    let jobs = prometheus
        .query(r#"jobs_total{outcome="done"}"#)
        .await
        .unwrap();
    assert_eq!(value(&jobs[0]), 1.0);

    // The pool exhausted: the scrape still answers in time.
    scrape_with_the_pool_exhausted(&prometheus, &db).await;
    running.stop().await.unwrap();
}
// ANCHOR_END: test_prometheus

// ANCHOR: exhausted
/// Holds every connection of the pool, as slow requests would, and waits
/// for a scrape taken meanwhile: it cannot count the queue, and must still
/// answer before Prometheus's scrape timeout, with the pool's gauges.
async fn scrape_with_the_pool_exhausted(prometheus: &Prometheus, db: &PgPool) {
    let max = db.options().get_max_connections();
    let mut held = Vec::new();
    for _ in 0..max {
        held.push(db.acquire().await.unwrap());
    }
    let full = common::until(
        "a scrape with every connection in use",
        Duration::from_secs(30),
        async || {
            let result = prometheus
                .query(r#"db_pool_connections{state="in_use"}"#)
                .await?;
            (result.first().map(value) == Some(f64::from(max))).then_some(result)
        },
    )
    .await;
    let up = prometheus
        .query(r#"up{job="observability"}"#)
        .await
        .unwrap();
    assert_eq!(value(&up[0]), 1.0, "the scrape answered in time");
    let skipped = prometheus
        .query(r#"scrape_queries_skipped_total{reason="timeout"}"#)
        .await
        .unwrap();
    assert!(value(&skipped[0]) >= 1.0, "the skipped query is counted");
    println!(
        "with all {max} connections held: db_pool_connections{{state=\"in_use\"}} = {}, up = {}",
        value(&full[0]),
        value(&up[0])
    );
    drop(held);
}
// ANCHOR_END: exhausted
