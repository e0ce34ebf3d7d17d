//! Path arithmetic on absolute POSIX paths.

/// Resolves "." and "..", folds repeated slashes and drops a trailing slash.
/// ".." at the root stays at the root, as POSIX says.
pub fn normalize(abs: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for c in abs.split('/') {
        match c {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            name => parts.push(name),
        }
    }
    let mut out = String::with_capacity(abs.len());
    for p in &parts {
        out.push('/');
        out.push_str(p);
    }
    if out.is_empty() {
        out.push('/');
    }
    out
}
