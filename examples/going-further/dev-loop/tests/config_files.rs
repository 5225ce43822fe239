//! The configuration files the lesson shows are the ones `npm run
//! bench:build` passes to cargo (`--config`) and bacon reads: parsed here
//! with the TOML parser cargo uses, and checked for what the lesson says
//! they set.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

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

/// The rustc command lines `cargo check -v` prints for a one-file crate
/// checked with mold.toml, with `rustflags` (if any) as RUSTFLAGS.
fn rustc_lines_with_mold_config(rustflags: Option<&str>) -> String {
    let dir = std::env::temp_dir().join(format!(
        "mold-rustflags-{}-{}",
        std::process::id(),
        rustflags.is_some()
    ));
    std::fs::create_dir_all(dir.join("src")).unwrap();
    std::fs::write(
        dir.join("Cargo.toml"),
        "[package]\nname = \"probe\"\nversion = \"0.1.0\"\nedition = \"2024\"\n\n[workspace]\n",
    )
    .unwrap();
    std::fs::write(dir.join("src/main.rs"), "fn main() {}\n").unwrap();
    let config: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("cargo-config/mold.toml");
    let mut cargo = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()));
    cargo
        .current_dir(&dir)
        .args(["check", "-v", "--config"])
        .arg(&config)
        .arg("--target-dir")
        .arg(dir.join("target"));
    // Only the flags this test sets: none from the environment it runs in.
    for name in [
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "CARGO_BUILD_RUSTFLAGS",
        "CARGO_TARGET_DIR",
    ] {
        cargo.env_remove(name);
    }
    if let Some(flags) = rustflags {
        cargo.env("RUSTFLAGS", flags);
    }
    let output = cargo.output().unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "cargo check failed:\n{stderr}");
    let lines: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("Running") && l.contains("--crate-name probe"))
        .collect();
    assert!(!lines.is_empty(), "no rustc command line in:\n{stderr}");
    lines.join("\n")
}

#[test]
fn a_rustflags_variable_replaces_the_config_files_flags_and_mold_with_them() {
    // From the config file alone, rustc gets the mold flag.
    let alone = rustc_lines_with_mold_config(None);
    assert!(alone.contains("link-arg=-fuse-ld=mold"), "{alone}");
    // With RUSTFLAGS set (as the shipping lesson's static build sets it),
    // cargo uses the variable instead of [target].rustflags: no error, no
    // warning, and the binary would be linked with the default linker.
    let with_env = rustc_lines_with_mold_config(Some("-C target-feature=+crt-static"));
    assert!(
        with_env.contains("target-feature=+crt-static"),
        "{with_env}"
    );
    assert!(!with_env.contains("fuse-ld=mold"), "{with_env}");
}

#[test]
fn deps_opt_config_optimises_dependencies_only() {
    let config = read("cargo-config/deps-opt.toml");
    let dev = &config["profile"]["dev"];
    assert_eq!(dev["package"]["*"]["opt-level"].as_integer(), Some(2));
    // Nothing else: the workspace's own crates keep opt-level 0.
    assert_eq!(dev.as_table().unwrap().len(), 1);
}

/// Not bacon's schema: this test's own struct, listing only the keys the
/// course's bacon.toml uses (bacon knows many more). It refuses any other
/// key, so a misspelt one fails here; bacon itself ignores a key it does not
/// know, and only a value of the wrong kind stops it.
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
    // bacon runs a job in the folder of bacon.toml, a member of a virtual
    // workspace: check, clippy and test must name the whole workspace, or
    // they cover this one package (see the next test), every target of it.
    for name in ["check", "clippy", "test"] {
        let args = &bacon.jobs[name].command;
        assert!(
            args.iter().any(|a| a == "--workspace"),
            "job {name}: {args:?}"
        );
    }
    for name in ["check", "clippy"] {
        let args = &bacon.jobs[name].command;
        assert!(
            args.iter().any(|a| a == "--all-targets"),
            "job {name}: {args:?}"
        );
    }
    // The checks show only the compiler's output, and fail on a warning.
    assert!(!bacon.jobs["check"].need_stdout && !bacon.jobs["check"].allow_warnings);
    assert!(
        bacon.jobs["clippy"]
            .command
            .ends_with(&["-D".into(), "warnings".into()])
    );
    // The API is killed and started again on each change, on loopback only,
    // and its log is shown as it comes (background = false: bacon does not
    // wait for the run to end, which a server's never does).
    let api = &bacon.jobs["api"];
    assert_eq!(api.command[..4], ["cargo", "run", "-p", "users-api"]);
    assert!(api.need_stdout && api.allow_warnings);
    assert_eq!(api.background, Some(false));
    assert_eq!(api.on_change_strategy.as_deref(), Some("kill_then_restart"));
    assert_eq!(api.env.get("HOST").map(String::as_str), Some("127.0.0.1"));
}

/// Why the jobs pass --workspace: cargo, asked from this folder, finds a
/// virtual workspace (no package at its root) of which this crate is one
/// member and the users API another, so a plain `cargo check` here would
/// check this crate alone.
#[test]
fn this_folder_is_one_member_of_a_virtual_workspace_with_the_users_api() {
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["locate-project", "--workspace", "--message-format", "plain"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let manifest = PathBuf::from(String::from_utf8(output.stdout).unwrap().trim());
    assert_ne!(
        manifest,
        Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.toml")
    );
    let text = std::fs::read_to_string(&manifest).unwrap();
    let workspace: toml::Table = toml::from_str(&text).unwrap();
    assert!(
        workspace.get("package").is_none(),
        "{}: not a virtual workspace",
        manifest.display()
    );
    let members: Vec<&str> = workspace["workspace"]["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m.as_str().unwrap())
        .collect();
    for member in ["going-further/dev-loop", "api/users-api"] {
        assert!(members.contains(&member), "{member} in {members:?}");
    }
}
