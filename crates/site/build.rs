//! Lists every file of `themes/default` for the binary to embed, so the
//! embedded default theme is the folder itself and never a list kept by
//! hand: `theme.rs` includes the generated `default_theme.rs`.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let manifest_dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let theme = manifest_dir.join("../../themes/default");
    // A folder here makes cargo rerun the script when any file under it
    // changes, is added or is removed.
    println!("cargo:rerun-if-changed={}", theme.display());
    let mut files = Vec::new();
    collect(&theme, &theme, &mut files);
    files.sort();
    let mut out = String::from("&[\n");
    for rel in &files {
        let path = theme.join(rel);
        writeln!(out, "    ({rel:?}, include_bytes!({:?})),", path.display().to_string())
            .expect("a String takes writes");
    }
    out.push(']');
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets it")).join("default_theme.rs");
    std::fs::write(&dest, out).expect("OUT_DIR is writable");
}

/// Every file under `dir`, as paths relative to `theme` with `/` between parts.
fn collect(theme: &Path, dir: &Path, files: &mut Vec<String>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("reading {}: {e}", dir.display()));
    for entry in entries {
        let path = entry.expect("a readable folder entry").path();
        if path.is_dir() {
            collect(theme, &path, files);
        } else if path.is_file() {
            let rel = path.strip_prefix(theme).expect("under the theme folder");
            files.push(rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"));
        }
    }
}
