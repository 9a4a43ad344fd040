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

use std::fs;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use rayon::slice::ParallelSliceMut;

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
    /// The manifest's text, which `pages` point into: on an all-pairs site
    /// it lists 440,000 pages, and one string is faster to read than one
    /// per page.
    text: String,
    /// Each page as listed (the order of the site's pages when written):
    /// where its path is in `text`, and its fingerprints.
    pages: Vec<(std::ops::Range<usize>, Fingerprints)>,
    /// Page numbers sorted by path, made on the first lookup by path that
    /// a page's position does not answer.
    by_path: OnceLock<Vec<u32>>,
}

impl Manifest {
    /// The manifest of the site in `out`, if it has one this format can
    /// read (anything else counts as none: the build will be a full one).
    pub fn read(out: &Path) -> Option<Manifest> {
        let text = fs::read_to_string(out.join(MANIFEST)).ok()?;
        // Lines with their ends, so that `at` follows each line's offset.
        let mut lines = text.split_inclusive('\n');
        let head: [&str; 3] = [lines.next()?, lines.next()?, lines.next()?];
        let mut at = head.iter().map(|line| line.len()).sum::<usize>();
        let [header, generator, inputs] = head.map(|line| line.trim_end_matches('\n'));
        if header != HEADER {
            return None;
        }
        let generator = generator.strip_prefix("generator ")?.to_owned();
        let inputs = u64::from_str_radix(inputs.strip_prefix("inputs ")?, 16).ok()?;
        let mut pages = Vec::new();
        for line in lines {
            let start = at;
            at += line.len();
            let line = line.trim_end_matches('\n');
            let (input, rest) = line.split_once(' ')?;
            let (output, path) = rest.split_once(' ')?;
            let hex = |text| u64::from_str_radix(text, 16).ok();
            let path_start = start + input.len() + output.len() + 2;
            let fingerprints = Fingerprints { input: hex(input)?, output: hex(output)? };
            pages.push((path_start..path_start + path.len(), fingerprints));
        }
        Some(Manifest { generator, inputs, text, pages, by_path: OnceLock::new() })
    }

    /// How many pages it lists.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// Whether it lists no page.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// The path of the page listed `at`.
    fn path(&self, at: usize) -> &str {
        &self.text[self.pages[at].0.clone()]
    }

    /// Every page's path, as listed.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        (0..self.pages.len()).map(|at| self.path(at))
    }

    /// Whether the page listed `at` is `path`: for a site whose page list
    /// is unchanged, every page is where the manifest lists it.
    pub fn lists_at(&self, at: usize, path: &str) -> bool {
        at < self.pages.len() && self.path(at) == path
    }

    /// The fingerprints of page `path`, looked for first `at` (see
    /// [`Manifest::lists_at`]), then by path.
    pub fn get_at(&self, at: usize, path: &str) -> Option<Fingerprints> {
        if self.lists_at(at, path) { Some(self.pages[at].1) } else { self.get(path) }
    }

    /// The fingerprints of page `path`, if listed.
    pub fn get(&self, path: &str) -> Option<Fingerprints> {
        let sorted = self.by_path.get_or_init(|| {
            let mut sorted: Vec<u32> = (0..self.pages.len() as u32).collect();
            sorted.par_sort_unstable_by(|&x, &y| self.path(x as usize).cmp(self.path(y as usize)));
            sorted
        });
        let found = sorted.binary_search_by(|&at| self.path(at as usize).cmp(path)).ok()?;
        Some(self.pages[sorted[found] as usize].1)
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
        assert_eq!(manifest.get("compare/a-vs-b.html"), Some(max));
        assert_eq!(manifest.get("index.html"), Some(one));
        assert_eq!(manifest.get("compare/b-vs-a.html"), None);
        assert_eq!(manifest.paths().collect::<Vec<_>>(), ["index.html", "compare/a-vs-b.html"]);
        assert!(manifest.lists_at(1, "compare/a-vs-b.html") && !manifest.lists_at(0, "compare/a-vs-b.html"));
        assert!(!manifest.lists_at(2, "index.html"));
        // A page not where the manifest lists it is found by path.
        assert_eq!(manifest.get_at(0, "compare/a-vs-b.html"), Some(max));
        assert_eq!(manifest.get_at(5, "index.html"), Some(one));
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
