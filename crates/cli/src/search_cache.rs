//! What the last build's search side made, kept in the output as a dotfile
//! (`.careerdiff-search`): the paths of its static search files with their
//! bytes' fingerprints, and every skill page's ranking. A build whose
//! search inputs did not change (the same program, the same
//! [`careerdiff_search::input_digest`]) keeps the static files where they
//! are (they are read only if they must be written again, as after a lost
//! manifest) and ranks from the kept answers, so it neither indexes nor
//! reads nor writes the static index; an edit to pay or a template costs
//! no search work at all.
//!
//! The file is taken away as soon as it is read and written again only
//! after a build has finished, so an interrupted build never leaves one
//! that describes files it did not write.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::sync::{Arc, Mutex, PoisonError};

use careerdiff_site::{ExtraFile, Ranker};
use rayon::prelude::*;

/// The cache's file name in the output folder.
pub(crate) const FILE: &str = ".careerdiff-search";

/// The first line: the format, so an older file is simply not used.
const HEADER: &str = "careerdiff search cache 2";

/// A ranking: a hash of the query and the careers asked about. The file
/// holds no content text, only numbers.
type Question = (u64, Vec<usize>);

/// The hash a query is kept under.
fn query_hash(query: &str) -> u64 {
    use std::hash::{DefaultHasher, Hash, Hasher};
    let mut hasher = DefaultHasher::new();
    query.hash(&mut hasher);
    hasher.finish()
}

/// What a build's search side gave.
#[derive(Debug, Default)]
pub(crate) struct SearchCache {
    /// The static search files' paths, relative to the output, with their
    /// bytes' fingerprints.
    pub files: Vec<(String, u64)>,
    /// Each ranking asked for, and its answer.
    ranked: HashMap<Question, Vec<usize>>,
}

impl SearchCache {
    /// The cache in `out` when it was made by `generator` from search
    /// inputs of `digest`; the file is removed either way.
    pub(crate) fn take(out: &Path, generator: &str, digest: u64) -> Option<SearchCache> {
        let path = out.join(FILE);
        let text = fs::read_to_string(&path).ok()?;
        let _ = fs::remove_file(&path);
        let mut lines = text.lines();
        let expected = [HEADER.to_owned(), format!("generator {generator}"), format!("digest {digest:016x}")];
        if !expected.iter().all(|line| lines.next() == Some(line.as_str())) {
            return None;
        }
        let mut cache = SearchCache::default();
        for line in lines {
            match line.split_once(' ')? {
                ("file", rest) => {
                    let (fingerprint, path) = rest.split_once(' ')?;
                    cache.files.push((path.to_owned(), u64::from_str_radix(fingerprint, 16).ok()?));
                }
                ("rank", rest) => {
                    let mut parts = rest.split('\t');
                    let (query, asked, answer) = (parts.next()?, parts.next()?, parts.next()?);
                    let query = u64::from_str_radix(query, 16).ok()?;
                    cache.ranked.insert((query, numbers(asked)?), numbers(answer)?);
                }
                _ => return None,
            }
        }
        Some(cache)
    }

    /// The static files the cache lists, as files kept in `out`, or `None`
    /// if one is not there (a regular file) or its path leaves `out`.
    pub(crate) fn kept_files(&self, out: &Path) -> Option<Vec<(String, ExtraFile)>> {
        let safe = |rel: &str| Path::new(rel).components().all(|c| matches!(c, std::path::Component::Normal(_)));
        // In parallel: thousands of small files, which a cold disk serves
        // sooner when asked for several at once.
        self.files
            .par_iter()
            .map(|(rel, fingerprint)| {
                let from = out.join(rel);
                let there = safe(rel) && fs::symlink_metadata(&from).is_ok_and(|m| m.is_file());
                there.then(|| (rel.clone(), ExtraFile::Kept { from, fingerprint: *fingerprint }))
            })
            .collect()
    }
}

/// The numbers of a comma-separated list.
fn numbers(list: &str) -> Option<Vec<usize>> {
    if list.is_empty() {
        return Some(Vec::new());
    }
    list.split(',').map(|n| n.parse().ok()).collect()
}

/// A ranker that answers from `cache` when it can and asks `rank`
/// otherwise, and keeps every answer for the next cache.
pub(crate) struct Recorder {
    known: HashMap<Question, Vec<usize>>,
    asked: Mutex<HashMap<Question, Vec<usize>>>,
}

impl Recorder {
    /// A ranker over `rank` that first looks in `cache`, and the recorder
    /// that keeps its answers.
    pub(crate) fn wrap(rank: Arc<Ranker>, cache: Option<SearchCache>) -> (Arc<Ranker>, Arc<Recorder>) {
        let known = cache.map(|c| c.ranked).unwrap_or_default();
        let recorder = Arc::new(Recorder { known, asked: Mutex::default() });
        let keeper = Arc::clone(&recorder);
        let ranker = Arc::new(move |query: &str, candidates: &[usize]| {
            let question = (query_hash(query), candidates.to_vec());
            let answer = match keeper.known.get(&question) {
                Some(answer) => answer.clone(),
                None => rank(query, candidates),
            };
            keeper.asked.lock().unwrap_or_else(PoisonError::into_inner).insert(question, answer.clone());
            answer
        });
        (ranker, recorder)
    }

    /// Writes the cache of a finished build into `out`: the static search
    /// files `files` (path, fingerprint) and every ranking asked for.
    pub(crate) fn write(
        &self,
        out: &Path,
        generator: &str,
        digest: u64,
        files: &[(String, u64)],
    ) -> std::io::Result<()> {
        let asked = self.asked.lock().unwrap_or_else(PoisonError::into_inner);
        let mut text = format!("{HEADER}\ngenerator {generator}\ndigest {digest:016x}\n");
        for (path, fingerprint) in files {
            let _ = writeln!(text, "file {fingerprint:016x} {path}");
        }
        let mut questions: Vec<_> = asked.iter().collect();
        questions.sort();
        for ((query, candidates), answer) in questions {
            let _ = writeln!(text, "rank {query:016x}\t{}\t{}", list(candidates), list(answer));
        }
        let temporary = out.join(format!("{FILE}.tmp"));
        fs::write(&temporary, text)?;
        fs::rename(&temporary, out.join(FILE))
    }
}

/// Numbers as a comma-separated list.
fn list(numbers: &[usize]) -> String {
    numbers.iter().map(usize::to_string).collect::<Vec<_>>().join(",")
}

#[cfg(test)]
mod tests {
    use careerdiff_site::ExtraFile;

    use super::{Recorder, SearchCache};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn answers_kept_are_given_back_without_ranking_again() {
        let dir = tempfile::tempdir().unwrap();
        let calls = Arc::new(AtomicUsize::new(0));
        let counted = Arc::clone(&calls);
        let reverse = Arc::new(move |_: &str, candidates: &[usize]| {
            counted.fetch_add(1, Ordering::SeqCst);
            candidates.iter().rev().copied().collect()
        });
        let (rank, recorder) = Recorder::wrap(reverse.clone(), None);
        assert_eq!(rank("Python", &[1, 2, 3]), [3, 2, 1]);
        std::fs::create_dir_all(dir.path().join("search")).unwrap();
        std::fs::write(dir.path().join("search/careers.json"), b"{}").unwrap();
        let files = [("search/careers.json".to_owned(), ExtraFile::Bytes(b"{}".to_vec()).fingerprint())];
        recorder.write(dir.path(), "careerdiff 1", 7, &files).unwrap();

        assert!(SearchCache::take(dir.path(), "careerdiff 2", 7).is_none(), "another program's cache");
        assert!(!dir.path().join(super::FILE).exists(), "taken away once read");
        recorder.write(dir.path(), "careerdiff 1", 7, &files).unwrap();
        assert!(SearchCache::take(dir.path(), "careerdiff 1", 8).is_none(), "other search inputs");
        recorder.write(dir.path(), "careerdiff 1", 7, &files).unwrap();

        let cache = SearchCache::take(dir.path(), "careerdiff 1", 7).expect("the same program and inputs");
        match &cache.kept_files(dir.path()).unwrap()[..] {
            [(path, ExtraFile::Kept { from, fingerprint })] => {
                assert_eq!((path.as_str(), from), ("search/careers.json", &dir.path().join("search/careers.json")));
                assert_eq!(*fingerprint, files[0].1, "the fingerprint of the bytes written");
            }
            other => panic!("one kept file expected: {other:?}"),
        }
        let (rank, _) = Recorder::wrap(reverse, Some(cache));
        let before = calls.load(Ordering::SeqCst);
        assert_eq!(rank("Python", &[1, 2, 3]), [3, 2, 1]);
        assert_eq!(calls.load(Ordering::SeqCst), before, "answered from the cache");
        assert_eq!(rank("Python", &[1, 2]), [2, 1], "other careers asked about: ranked");
        assert_eq!(calls.load(Ordering::SeqCst), before + 1);

        std::fs::remove_file(dir.path().join("search/careers.json")).unwrap();
        recorder.write(dir.path(), "careerdiff 1", 7, &files).unwrap();
        let cache = SearchCache::take(dir.path(), "careerdiff 1", 7).unwrap();
        assert!(cache.kept_files(dir.path()).is_none(), "a file no longer there is not kept");

        std::fs::write(dir.path().with_extension("outside"), b"secret").unwrap();
        let outside = format!("../{}", dir.path().with_extension("outside").file_name().unwrap().to_str().unwrap());
        recorder.write(dir.path(), "careerdiff 1", 7, &[(outside, 0)]).unwrap();
        let cache = SearchCache::take(dir.path(), "careerdiff 1", 7).unwrap();
        assert!(cache.kept_files(dir.path()).is_none(), "a path out of the output is not kept");
        std::fs::remove_file(dir.path().with_extension("outside")).unwrap();
    }
}
