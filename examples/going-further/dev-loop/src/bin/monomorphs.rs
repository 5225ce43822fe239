//! Prints what each version of `import_users` costs the compiler when a
//! program calls it with four reader types (the lesson's capture).

use std::process::Command;

use dev_loop::monomorphs::count;

fn main() -> std::io::Result<()> {
    let dir = std::env::temp_dir().join(format!("monomorphs-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let rustc = Command::new(std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into()))
        .arg("--version")
        .output()?;
    let version = String::from_utf8_lossy(&rustc.stdout);
    let version = version.split(" (").next().unwrap_or_default();
    println!("import_users called with 4 reader types, compiled by {version} at opt-level 0:");
    println!();
    println!(
        "{:<36}{:>8}{:>8}{:>11}{:>14}",
        "", "bodies", "shells", "functions", "lines of IR"
    );
    for (label, function) in [
        ("generic body (import_users)", "import_users"),
        ("shell + dyn BufRead (_dyn)", "import_users_dyn"),
        ("shell + read to bytes (_buffered)", "import_users_buffered"),
    ] {
        let c = count(function, &dir)?;
        println!(
            "{label:<36}{:>8}{:>8}{:>11}{:>14}",
            c.bodies, c.shells, c.functions, c.lines
        );
    }
    std::fs::remove_dir_all(&dir)
}
