//! The configuration files the lesson shows are the ones `npm run
//! bench:build` passes to cargo (`--config`) and bacon reads: parsed here
//! with the TOML parser cargo uses, and checked for what the lesson says
//! they set.

use std::collections::BTreeMap;
use std::path::Path;

fn read(path: &str) -> toml::Table {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", file.display()))
}

#[test]
fn mold_config_links_the_host_target_with_mold_only() {
    let config = read("cargo-config/mold.toml");
    let target = &config["target"]["x86_64-unknown-linux-gnu"];
    let flags: Vec<&str> = target["rustflags"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    assert_eq!(flags, ["-C", "link-arg=-fuse-ld=mold"]);
    // No `linker = "clang"`: GCC 12.1 and later understand -fuse-ld=mold.
    assert!(target.get("linker").is_none());
    assert_eq!(config.len(), 1);
}

#[test]
fn deps_opt_config_optimises_dependencies_only() {
    let config = read("cargo-config/deps-opt.toml");
    let dev = &config["profile"]["dev"];
    assert_eq!(dev["package"]["*"]["opt-level"].as_integer(), Some(2));
    // Nothing else: the workspace's own crates keep opt-level 0.
    assert_eq!(dev.as_table().unwrap().len(), 1);
}

/// The part of bacon's job format the course's bacon.toml uses; an unknown
/// or misspelt key fails the test instead of being ignored.
#[derive(serde::Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Bacon {
    default_job: String,
    jobs: BTreeMap<String, Job>,
    keybindings: BTreeMap<String, String>,
}

#[derive(serde::Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Job {
    command: Vec<String>,
    need_stdout: bool,
    #[serde(default)]
    allow_warnings: bool,
    #[serde(default)]
    background: Option<bool>,
    #[serde(default)]
    on_change_strategy: Option<String>,
    #[serde(default)]
    env: BTreeMap<String, String>,
}

#[test]
fn bacon_jobs_are_cargo_commands_and_the_server_restarts_on_change() {
    let text =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("bacon.toml")).unwrap();
    let bacon: Bacon = toml::from_str(&text).unwrap();
    assert!(bacon.jobs.contains_key(&bacon.default_job));
    for (name, job) in &bacon.jobs {
        assert_eq!(job.command[0], "cargo", "job {name}");
        assert!(
            ["check", "clippy", "test", "run"].contains(&job.command[1].as_str()),
            "job {name}"
        );
    }
    // Keys bound to jobs that exist.
    for action in bacon.keybindings.values() {
        let job = action.strip_prefix("job:").expect("a job: action");
        assert!(bacon.jobs.contains_key(job), "{action}");
    }
    // The API runs in the background and is killed and started again on
    // each change, on loopback only.
    // The checks show only the compiler's output; the API's own log matters.
    assert!(!bacon.jobs["check"].need_stdout && !bacon.jobs["check"].allow_warnings);
    let api = &bacon.jobs["api"];
    assert_eq!(api.command[..4], ["cargo", "run", "-p", "users-api"]);
    assert!(api.need_stdout && api.allow_warnings);
    assert_eq!(api.background, Some(false));
    assert_eq!(api.on_change_strategy.as_deref(), Some("kill_then_restart"));
    assert_eq!(api.env.get("HOST").map(String::as_str), Some("127.0.0.1"));
}
