//! The digest of a build's input files: when it equals the one the last
//! build recorded (and the program is the same), the site is up to date
//! and a build has nothing to do, without loading anything.

use std::hash::{Hash, Hasher};

use std::path::Path;
use xxhash_rust::xxh3::Xxh3;

use walkdir::WalkDir;

use crate::fingerprint::HashWriter;

/// A digest of every file under `folders` (missing folders count as
/// empty): each file's path, kind and bytes. Links are not followed (their
/// target path is what counts), and only regular files are read, so a
/// link to a device or a FIFO cannot make it hang.
pub fn input_digest(folders: &[&Path]) -> u64 {
    let mut hasher = HashWriter(Xxh3::new());
    for folder in folders {
        folder.hash(&mut hasher.0);
        for entry in WalkDir::new(folder).sort_by_file_name() {
            let Ok(entry) = entry else {
                "unreadable".hash(&mut hasher.0);
                continue;
            };
            entry.path().hash(&mut hasher.0);
            let kind = entry.file_type();
            if kind.is_file() {
                "file".hash(&mut hasher.0);
                match std::fs::File::open(entry.path()) {
                    Ok(mut file) => {
                        let copied = std::io::copy(&mut file, &mut hasher);
                        copied.is_ok().hash(&mut hasher.0);
                    }
                    Err(_) => "unreadable".hash(&mut hasher.0),
                }
            } else if kind.is_symlink() {
                ("link", std::fs::read_link(entry.path()).ok()).hash(&mut hasher.0);
            } else {
                kind.is_dir().hash(&mut hasher.0);
            }
        }
    }
    hasher.0.finish()
}

#[cfg(test)]
mod tests {
    use super::input_digest;

    #[test]
    fn the_digest_changes_with_any_file_and_only_then() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::create_dir(root.join("careers")).unwrap();
        std::fs::write(root.join("careers/a.md"), "one").unwrap();
        let first = input_digest(&[root]);
        assert_eq!(input_digest(&[root]), first, "the same files give the same digest");
        std::fs::write(root.join("careers/a.md"), "two").unwrap();
        let edited = input_digest(&[root]);
        assert_ne!(edited, first);
        std::fs::write(root.join("careers/b.md"), "").unwrap();
        assert_ne!(input_digest(&[root]), edited, "a new empty file counts");
        std::fs::remove_file(root.join("careers/b.md")).unwrap();
        assert_eq!(input_digest(&[root]), edited);
        assert_ne!(input_digest(&[root, &root.join("missing")]), edited, "the folders given count");
    }
}
