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
    // The symbol names are matched below, so their scheme is chosen here
    // rather than left to the compiler's default: v0, stable since 1.59.
    let output = Command::new(rustc)
        .args(["--edition=2024", "--crate-type=lib", "--crate-name=callers"])
        .args(["--emit=llvm-ir", "-C", "symbol-mangling-version=v0"])
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
    let named = |name: &str| {
        defines
            .iter()
            .filter(|l| defines_instance_of(l, name))
            .count()
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

/// Whether an IR `define` line defines a copy of the generic function
/// `callers::import::<name>` itself, for some type: in v0 mangling,
/// `_RINvNtCs<hash>_7callers6import<len><name>` then the type arguments.
/// A closure inside it (`_RNC…`), or a std function instantiated with such a
/// closure (`…map_err…12import_users…`), does not start that way.
fn defines_instance_of(define: &str, name: &str) -> bool {
    let Some(symbol) = define.split_once(" @").map(|(_, s)| s) else {
        return false;
    };
    // `I` (instance) of `Nv` (a value) in `Nt` (a module) of `C` (a crate),
    // the crate's disambiguator optional: `s<base 62>_`.
    let Some(rest) = symbol.strip_prefix("_RINvNtC") else {
        return false;
    };
    let rest = match rest.strip_prefix('s') {
        Some(hashed) => match hashed.split_once('_') {
            Some((hash, rest)) if hash.bytes().all(|b| b.is_ascii_alphanumeric()) => rest,
            _ => return false,
        },
        None => rest,
    };
    rest.starts_with(&format!("7callers6import{}{name}", name.len()))
}

#[cfg(test)]
mod tests {
    use super::defines_instance_of;

    #[test]
    fn only_the_function_itself_is_an_instance_of_it() {
        let define = |symbol: &str| format!("define internal void @{symbol}(ptr %0) {{");
        // import_users::<&[u8]>, and the same without a disambiguator.
        assert!(defines_instance_of(
            &define("_RINvNtCs3ysLu7tSM1S_7callers6import12import_usersRShEB4_"),
            "import_users"
        ));
        assert!(defines_instance_of(
            &define("_RINvNtC7callers6import12import_usersRShEB4_"),
            "import_users"
        ));
        // The shell is not the body, nor the body the shell.
        let shell = define("_RINvNtCs3ysLu7tSM1S_7callers6import16import_users_dynRShEB4_");
        assert!(defines_instance_of(&shell, "import_users_dyn"));
        assert!(!defines_instance_of(&shell, "import_users"));
        // A closure inside the body, and a std function given that closure.
        assert!(!defines_instance_of(
            &define("_RNCINvNtCs3ysLu7tSM1S_7callers6import12import_usersRShE0B6_"),
            "import_users"
        ));
        assert!(!defines_instance_of(
            &define(
                "_RINvMNtCs1_4core6resultINtB3_6ResultppE7map_errNCINvNtCs3ysLu7tSM1S_7callers6import12import_usersRShE0E"
            ),
            "import_users"
        ));
        // Legacy mangling is not matched: the scheme is fixed by the flags.
        assert!(!defines_instance_of(
            &define("_ZN7callers6import12import_users17h0123456789abcdefE"),
            "import_users"
        ));
    }
}
