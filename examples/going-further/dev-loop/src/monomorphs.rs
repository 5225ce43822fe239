//! What each version of `import_users` costs the compiler: a small crate
//! that calls it with four reader types is compiled to LLVM IR by rustc,
//! and the IR is counted. LLVM's work (the larger part of a debug build's
//! code generation) grows with the IR it is handed.

use std::path::Path;
use std::process::Command;
use std::{env, fs, io};

/// The readers a service could import from: a request body, an uploaded
/// file, stdin, a socket.
const CALLERS: &str = r#"
use std::io::BufReader;
pub fn from_body(body: &[u8]) -> Result<Vec<import::NewUser>, import::ImportError> {
    import::FUNCTION(body)
}
pub fn from_file(file: std::fs::File) -> Result<Vec<import::NewUser>, import::ImportError> {
    import::FUNCTION(BufReader::new(file))
}
pub fn from_stdin() -> Result<Vec<import::NewUser>, import::ImportError> {
    import::FUNCTION(std::io::stdin().lock())
}
pub fn from_socket(socket: std::net::TcpStream) -> Result<Vec<import::NewUser>, import::ImportError> {
    import::FUNCTION(BufReader::new(socket))
}
"#;

/// The four callers compiled against one function of `src/import.rs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Copies of `import_users`'s body in the IR (one per reader type it was
    /// instantiated for).
    pub bodies: usize,
    /// Copies of the shell named (none when `function` is the body itself).
    pub shells: usize,
    /// Every function the crate's IR defines (std's instantiations included).
    pub functions: usize,
    /// Lines of LLVM IR.
    pub lines: usize,
}

/// Compiles the callers of `function` (`import_users`, `import_users_dyn` or
/// `import_users_buffered`)
/// with rustc at opt-level 0, as a debug build does, and counts the IR.
pub fn count(function: &str, work_dir: &Path) -> io::Result<Counts> {
    let import = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/import.rs");
    let root = work_dir.join(format!("{function}.rs"));
    let source = format!(
        "#[path = {:?}]\nmod import;\n{}",
        import.display().to_string(),
        CALLERS.replace("FUNCTION", function)
    );
    fs::write(&root, source)?;
    let ir = work_dir.join(format!("{function}.ll"));
    // RUSTC when cargo or the caller names one; the rustup proxy otherwise.
    let rustc = env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = Command::new(rustc)
        .args(["--edition=2024", "--crate-type=lib", "--emit=llvm-ir"])
        .args(["-C", "opt-level=0", "-C", "codegen-units=1", "-o"])
        .arg(&ir)
        .arg(&root)
        .output()?;
    if !output.status.success() {
        return Err(io::Error::other(format!(
            "rustc failed on {}:\n{}",
            root.display(),
            String::from_utf8_lossy(&output.stderr)
        )));
    }
    let ir = fs::read_to_string(ir)?;
    let defines: Vec<&str> = ir.lines().filter(|l| l.starts_with("define ")).collect();
    // Legacy symbol mangling writes each path segment as its length and its
    // name, then a hash: `12import_users17h…` is import_users itself.
    let named = |name: &str| {
        let segment = format!("{}{name}17h", name.len());
        defines.iter().filter(|l| l.contains(&segment)).count()
    };
    Ok(Counts {
        bodies: named("import_users"),
        shells: if function == "import_users" {
            0
        } else {
            named(function)
        },
        functions: defines.len(),
        lines: ir.lines().count(),
    })
}
