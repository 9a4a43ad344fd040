//! The manifest a build leaves in its output (`.careerdiff-manifest`, a
//! dotfile that publishing steps and `diff -r -x ".*"` skip): which
//! program wrote the site, a digest of every input file, a digest of the
//! page list, and each page's two fingerprints, in page order: of what it
//! is made from (its inputs) and of its bytes. The next build re-renders
//! only the pages whose inputs changed, and writes only those whose bytes
//! changed.
//!
//! The pages' paths are kept apart, in `.careerdiff-pages`, headed by the
//! digest of the list they are: a rebuild whose page list is the one the
//! manifest names (any edit that adds, removes and renames no career)
//! finds every page at its position and never reads, formats or writes
//! the 440,000 paths of an all-pairs site. Only a changed list reads them,
//! to delete the pages that are gone.
//!
//! The manifest only ever describes a finished site: an incremental build
//! removes it before it changes any page and writes the new one (to a
//! temporary name, then renamed) after the last page and after the path
//! list, so a build killed half-way leaves no manifest, and the next build
//! is a full one.

use std::collections::HashMap;
use std::fs;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};

use crate::{SiteError, io_error};

/// The manifest's file name in the output folder.
pub const MANIFEST: &str = ".careerdiff-manifest";

/// The file of the pages' paths, beside the manifest.
pub const PAGE_LIST: &str = ".careerdiff-pages";

/// The first line of every manifest, with the format's version.
const HEADER: &str = "careerdiff manifest 3";

/// The first words of the path list's first line, before its digest.
const LIST_HEADER: &str = "careerdiff pages";

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
    /// A digest of the page list (see [`crate::Site::page_list_digest`]).
    pub list: u64,
    /// Each page's fingerprints, in the site's page order.
    pages: Vec<Fingerprints>,
}

impl Manifest {
    /// The manifest of the site in `out`, if it has one this format can
    /// read (anything else counts as none: the build will be a full one).
    pub fn read(out: &Path) -> Option<Manifest> {
        let bytes = fs::read(out.join(MANIFEST)).ok()?;
        let mut lines = bytes.splitn(5, |&b| b == b'\n');
        let mut line = || std::str::from_utf8(lines.next()?).ok();
        let (header, generator, inputs, pages) = (line()?, line()?, line()?, line()?);
        if header != HEADER {
            return None;
        }
        let generator = generator.strip_prefix("generator ")?.to_owned();
        let inputs = hex(inputs.strip_prefix("inputs ")?)?;
        let (count, list) = pages.strip_prefix("pages ")?.split_once(' ')?;
        let (count, list) = (count.parse::<usize>().ok()?, hex(list)?);
        let body = lines.next()?;
        if body.len() != count.checked_mul(16)? {
            return None;
        }
        let word = |at: &[u8]| u64::from_le_bytes(at.try_into().expect("8 bytes"));
        let pages =
            body.chunks_exact(16).map(|page| Fingerprints { input: word(&page[..8]), output: word(&page[8..]) });
        Some(Manifest { generator, inputs, list, pages: pages.collect() })
    }

    /// How many pages it lists.
    pub fn len(&self) -> usize {
        self.pages.len()
    }

    /// Whether it lists no page.
    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    /// Each page's fingerprints, in page order.
    pub fn fingerprints(&self) -> &[Fingerprints] {
        &self.pages
    }

    /// The paths of the pages it lists, from the path list in `out`, if
    /// that file is the list this manifest names.
    pub fn paths(&self, out: &Path) -> Option<PageList> {
        let text = fs::read_to_string(out.join(PAGE_LIST)).ok()?;
        let (head, paths) = text.split_once('\n')?;
        if hex(head.strip_prefix(LIST_HEADER)?.strip_prefix(' ')?)? != self.list {
            return None;
        }
        let start = head.len() + 1;
        let mut at = start;
        let ranges: Vec<_> = paths
            .split_terminator('\n')
            .map(|path| {
                at += path.len() + 1;
                at - path.len() - 1..at - 1
            })
            .collect();
        (ranges.len() == self.pages.len()).then_some(PageList { text, ranges })
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

    /// Writes the manifest of `out` (pages in page order, of the list
    /// whose digest is `list`), whole or not at all.
    pub(crate) fn write(
        out: &Path,
        generator: &str,
        inputs: u64,
        list: u64,
        pages: &[Fingerprints],
    ) -> Result<(), SiteError> {
        write_streamed(&out.join(MANIFEST), |file| {
            write!(file, "{HEADER}\ngenerator {generator}\ninputs {inputs:016x}\npages {} {list:016x}\n", pages.len())?;
            for page in pages {
                file.write_all(&page.input.to_le_bytes())?;
                file.write_all(&page.output.to_le_bytes())?;
            }
            Ok(())
        })
    }
}

/// The paths of a site's pages, in page order, as a build wrote them.
pub struct PageList {
    /// The file's text, which `ranges` point into: one string is faster
    /// to read than one per page.
    text: String,
    ranges: Vec<std::ops::Range<usize>>,
}

impl PageList {
    /// Every path, in page order.
    pub fn paths(&self) -> impl Iterator<Item = &str> {
        self.ranges.iter().map(|range| &self.text[range.clone()])
    }

    /// Each path's position in the list.
    pub fn positions(&self) -> HashMap<&str, usize> {
        self.paths().enumerate().map(|(at, path)| (path, at)).collect()
    }

    /// Writes the path list of `out` (its digest `list`), whole or not at
    /// all. It is streamed to its temporary file: on an all-pairs site its
    /// text is tens of megabytes that need not be held at once.
    pub(crate) fn write<'p>(out: &Path, list: u64, paths: impl Iterator<Item = &'p str>) -> Result<(), SiteError> {
        write_streamed(&out.join(PAGE_LIST), |file| {
            writeln!(file, "{LIST_HEADER} {list:016x}")?;
            for path in paths {
                writeln!(file, "{path}")?;
            }
            Ok(())
        })
    }
}

fn hex(text: &str) -> Option<u64> {
    u64::from_str_radix(text, 16).ok()
}

/// Writes `path` whole, through a temporary file beside it.
fn write_streamed(
    path: &Path,
    body: impl FnOnce(&mut BufWriter<fs::File>) -> std::io::Result<()>,
) -> Result<(), SiteError> {
    crate::output::write_whole(&temporary_path(path), path, body)
}

/// The temporary file beside `path` that is renamed over it.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    path.with_file_name(format!(".{name}.partial"))
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: Fingerprints = Fingerprints { input: 1, output: 2 };
    const MAX: Fingerprints = Fingerprints { input: u64::MAX, output: 0 };

    #[test]
    fn a_written_manifest_reads_back_and_its_header_says_current() {
        let dir = tempfile::tempdir().unwrap();
        Manifest::write(dir.path(), "careerdiff 1 x", 0xabc, 0x5eed, &[ONE, MAX]).unwrap();
        PageList::write(dir.path(), 0x5eed, ["index.html", "compare/a-vs-b.html"].into_iter()).unwrap();
        let manifest = Manifest::read(dir.path()).expect("reads");
        assert_eq!(manifest.generator, "careerdiff 1 x");
        assert_eq!((manifest.inputs, manifest.list), (0xabc, 0x5eed));
        assert_eq!(manifest.fingerprints(), [ONE, MAX]);
        let list = manifest.paths(dir.path()).expect("the list it names");
        assert_eq!(list.paths().collect::<Vec<_>>(), ["index.html", "compare/a-vs-b.html"]);
        assert_eq!(list.positions().get("compare/a-vs-b.html"), Some(&1));
        assert!(Manifest::is_current(dir.path(), "careerdiff 1 x", 0xabc));
        assert!(!Manifest::is_current(dir.path(), "careerdiff 1 x", 0xabd));
        assert!(!Manifest::is_current(dir.path(), "careerdiff 2", 0xabc));
        Manifest::remove(dir.path()).unwrap();
        assert!(Manifest::read(dir.path()).is_none());
        assert!(!Manifest::is_current(dir.path(), "careerdiff 1 x", 0xabc));
    }

    #[test]
    fn a_path_list_of_another_page_list_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        Manifest::write(dir.path(), "g", 1, 0x5eed, &[ONE]).unwrap();
        let manifest = Manifest::read(dir.path()).unwrap();
        assert!(manifest.paths(dir.path()).is_none(), "no list at all");
        PageList::write(dir.path(), 0xdead, ["index.html"].into_iter()).unwrap();
        assert!(manifest.paths(dir.path()).is_none(), "the list of another site");
        PageList::write(dir.path(), 0x5eed, ["index.html", "404.html"].into_iter()).unwrap();
        assert!(manifest.paths(dir.path()).is_none(), "a list of another length");
        PageList::write(dir.path(), 0x5eed, ["index.html"].into_iter()).unwrap();
        assert!(manifest.paths(dir.path()).is_some());
    }

    #[test]
    fn a_damaged_manifest_counts_as_none() {
        let dir = tempfile::tempdir().unwrap();
        let page = [7u8; 16];
        for text in [
            &b""[..],
            b"careerdiff manifest 0\n",
            b"careerdiff manifest 2\ngenerator g\ninputs 1\n0000000000000001 0 index.html\n",
            b"careerdiff manifest 3\ngenerator g\ninputs zz\npages 0 1\n",
            b"careerdiff manifest 3\ngenerator g\ninputs 1\npages 1 1\n",
            b"careerdiff manifest 3\ngenerator g\ninputs 1\npages two 1\n",
            &[&b"careerdiff manifest 3\ngenerator g\ninputs 1\npages 2 1\n"[..], &page].concat(),
        ] {
            fs::write(dir.path().join(MANIFEST), text).unwrap();
            assert_eq!(Manifest::read(dir.path()), None, "{:?}", String::from_utf8_lossy(text));
        }
        fs::write(
            dir.path().join(MANIFEST),
            [&b"careerdiff manifest 3\ngenerator g\ninputs 1\npages 1 1\n"[..], &page].concat(),
        )
        .unwrap();
        assert_eq!(Manifest::read(dir.path()).map(|m| m.len()), Some(1), "the well-formed one reads");
    }
}
