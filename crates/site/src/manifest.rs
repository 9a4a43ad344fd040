//! The manifest a build leaves in its output (`.careerdiff-manifest`, a
//! dotfile that publishing steps and `diff -r -x ".*"` skip): which
//! program wrote the site, a digest of every input file, and each page's
//! path with two fingerprints: of what it is made from (its inputs) and of
//! its bytes. The next build re-renders only the pages whose inputs
//! changed, and writes only those whose bytes changed.
//!
//! The manifest only ever describes a finished site: an incremental build
//! removes it before it changes any page and writes the new one (to a
//! temporary name, then renamed) after the last page, so a build killed
//! half-way leaves no manifest, and the next build is a full one.

use std::collections::HashMap;
use std::fs;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};

use crate::{SiteError, io_error};

/// The manifest's file name in the output folder.
pub const MANIFEST: &str = ".careerdiff-manifest";

/// The first line of every manifest, with the format's version.
const HEADER: &str = "careerdiff manifest 2";

/// A page's fingerprints.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Fingerprints {
    /// Of what the page is made from.
    pub input: u64,
    /// Of the page's bytes.
    pub output: u64,
}

/// A finished site's manifest.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Manifest {
    /// The program that built the site (its version and binary).
    pub generator: String,
    /// A digest of every input file (see [`crate::input_digest`]).
    pub inputs: u64,
    /// Each page's path and fingerprints.
    pub pages: HashMap<String, Fingerprints>,
}

impl Manifest {
    /// The manifest of the site in `out`, if it has one this format can
    /// read (anything else counts as none: the build will be a full one).
    pub fn read(out: &Path) -> Option<Manifest> {
        let text = fs::read_to_string(out.join(MANIFEST)).ok()?;
        let mut lines = text.lines();
        if lines.next()? != HEADER {
            return None;
        }
        let generator = lines.next()?.strip_prefix("generator ")?.to_owned();
        let inputs = u64::from_str_radix(lines.next()?.strip_prefix("inputs ")?, 16).ok()?;
        let mut pages = HashMap::new();
        for line in lines {
            let (input, rest) = line.split_once(' ')?;
            let (output, path) = rest.split_once(' ')?;
            let hex = |text| u64::from_str_radix(text, 16).ok();
            pages.insert(path.to_owned(), Fingerprints { input: hex(input)?, output: hex(output)? });
        }
        Some(Manifest { generator, inputs, pages })
    }

    /// Only the header: whether the site in `out` was built by `generator`
    /// from inputs whose digest is `inputs` (then a build has nothing to do).
    pub fn is_current(out: &Path, generator: &str, inputs: u64) -> bool {
        let Ok(file) = fs::File::open(out.join(MANIFEST)) else { return false };
        let mut head = String::new();
        use std::io::BufRead;
        let mut reader = std::io::BufReader::new(file);
        for _ in 0..3 {
            if reader.read_line(&mut head).is_err() {
                return false;
            }
        }
        head == format!("{HEADER}\ngenerator {generator}\ninputs {inputs:016x}\n")
    }

    /// Removes the manifest of `out`, before an incremental build changes
    /// anything in it.
    pub(crate) fn remove(out: &Path) -> Result<(), SiteError> {
        let path = out.join(MANIFEST);
        match fs::remove_file(&path) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_error("removing", &path)(e)),
            _ => Ok(()),
        }
    }

    /// Writes the manifest of `out`, pages in the order given, whole or
    /// not at all. It is streamed to its temporary file: on an all-pairs
    /// site its text is tens of megabytes that need not be held at once.
    pub(crate) fn write<'p>(
        out: &Path,
        generator: &str,
        inputs: u64,
        pages: impl Iterator<Item = (&'p str, Fingerprints)>,
    ) -> Result<(), SiteError> {
        let path = out.join(MANIFEST);
        let temporary = temporary_path(&path);
        let written = (|| -> std::io::Result<()> {
            let mut file = BufWriter::new(fs::File::create(&temporary)?);
            write!(file, "{HEADER}\ngenerator {generator}\ninputs {inputs:016x}\n")?;
            for (page, Fingerprints { input, output }) in pages {
                writeln!(file, "{input:016x} {output:016x} {page}")?;
            }
            file.flush()
        })();
        written.map_err(io_error("writing", &temporary))?;
        fs::rename(&temporary, &path).map_err(io_error("writing", &path))
    }
}

/// The temporary file beside `path` that is renamed over it.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.partial"))
}

/// Writes `bytes` to `path` through a temporary file beside it, renamed
/// over it: a reader sees the old file or the new one, never half of one.
pub(crate) fn write_whole(path: &Path, bytes: &[u8]) -> Result<(), SiteError> {
    let temporary = temporary_path(path);
    fs::write(&temporary, bytes).map_err(io_error("writing", &temporary))?;
    fs::rename(&temporary, path).map_err(io_error("writing", path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_written_manifest_reads_back_and_its_header_says_current() {
        let dir = tempfile::tempdir().unwrap();
        let (one, max) = (Fingerprints { input: 1, output: 2 }, Fingerprints { input: u64::MAX, output: 0 });
        let pages = [("index.html", one), ("compare/a-vs-b.html", max)];
        Manifest::write(dir.path(), "careerdiff 1 x", 0xabc, pages.into_iter()).unwrap();
        let manifest = Manifest::read(dir.path()).expect("reads");
        assert_eq!(manifest.generator, "careerdiff 1 x");
        assert_eq!(manifest.inputs, 0xabc);
        assert_eq!(manifest.pages.get("compare/a-vs-b.html"), Some(&max));
        assert_eq!(manifest.pages.get("index.html"), Some(&one));
        assert_eq!(manifest.pages.len(), 2);
        assert!(Manifest::is_current(dir.path(), "careerdiff 1 x", 0xabc));
        assert!(!Manifest::is_current(dir.path(), "careerdiff 1 x", 0xabd));
        assert!(!Manifest::is_current(dir.path(), "careerdiff 2", 0xabc));
        Manifest::remove(dir.path()).unwrap();
        assert!(Manifest::read(dir.path()).is_none());
        assert!(!Manifest::is_current(dir.path(), "careerdiff 1 x", 0xabc));
    }

    #[test]
    fn a_damaged_manifest_counts_as_none() {
        let dir = tempfile::tempdir().unwrap();
        for text in [
            "",
            "careerdiff manifest 0\n",
            "careerdiff manifest 1\ngenerator g\ninputs 1\n0000000000000001 index.html\n",
            "careerdiff manifest 2\ngenerator g\ninputs zz\n",
            "careerdiff manifest 2\ngenerator g\ninputs 1\nnot-hex 1 index.html\n",
            "careerdiff manifest 2\ngenerator g\ninputs 1\n1 index.html\n",
        ] {
            fs::write(dir.path().join(MANIFEST), text).unwrap();
            assert_eq!(Manifest::read(dir.path()), None, "{text:?}");
        }
    }
}
