//! What a build may replace: never the content or theme it was built from,
//! and only a folder that is empty or that a build wrote (it carries
//! [`MARKER`]). Checked before anything is written or moved.

use std::path::{Component, Path, PathBuf};

use crate::SiteError;

/// The file every published folder carries so that a later build knows it
/// may replace it. A dotfile: publishing steps and `diff -r -x ".*"` skip it.
pub(crate) const MARKER: &str = ".careerdiff-output";

/// The marker's text: the same in every build and shard, so that shard
/// outputs still merge into the single build byte for byte.
pub(crate) const MARKER_TEXT: &str = "This folder was written by `careerdiff build`; the next build replaces it.\n";

/// Folders that the output may not be, contain or lie inside, each with the
/// word that names it in an error ("content", "theme").
pub(crate) type Protected<'a> = [(&'static str, &'a Path)];

/// Refuses an output folder that is, contains or lies inside a protected
/// folder, and one that exists, is not empty and carries no [`MARKER`]
/// (unless `force`). Paths are compared after resolving symbolic links, so
/// `public -> content` is caught too.
pub(crate) fn check_output(out: &Path, protected: &Protected<'_>, force: bool) -> Result<(), SiteError> {
    let out_resolved = resolve(out);
    for &(what, folder) in protected {
        let folder_resolved = resolve(folder);
        let relation = if out_resolved == folder_resolved {
            "is"
        } else if out_resolved.starts_with(&folder_resolved) {
            "lies inside"
        } else if folder_resolved.starts_with(&out_resolved) {
            "contains"
        } else {
            continue;
        };
        return Err(refused(
            out,
            format!(
                "the output folder {relation} the {what} folder {}; a build replaces its output \
                 whole, so choose an output folder outside it (e.g. --out public)",
                folder.display()
            ),
        ));
    }
    if force || !out.exists() || out.join(MARKER).is_file() {
        return Ok(());
    }
    let empty = out.read_dir().map_err(crate::io_error("reading", out))?.next().is_none();
    if empty {
        return Ok(());
    }
    Err(refused(
        out,
        format!(
            "it exists, is not empty and was not written by careerdiff (it has no {MARKER}); \
             the build would replace everything in it. Choose another folder, or pass --force to replace it"
        ),
    ))
}

fn refused(out: &Path, reason: String) -> SiteError {
    SiteError::OutputRefused { out: out.to_owned(), reason }
}

/// `path` made absolute, with symbolic links resolved as far as the path
/// exists and `.` and `..` applied to the rest.
fn resolve(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    let base = loop {
        if let Ok(real) = existing.canonicalize() {
            break real;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_owned());
                existing = parent;
            }
            _ => break existing.to_owned(),
        }
    };
    let mut resolved = base;
    // `file_name` skips `.` and stops at `..`, so only names are left over
    // here, except where the path ended in `..`; apply any such component.
    for name in rest.iter().rev() {
        match Path::new(name).components().next() {
            Some(Component::ParentDir) => {
                resolved.pop();
            }
            Some(Component::CurDir) | None => {}
            _ => resolved.push(name),
        }
    }
    resolved
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::{MARKER, check_output};

    fn message(result: Result<(), crate::SiteError>) -> String {
        result.expect_err("refused").to_string()
    }

    #[test]
    fn output_may_not_be_contain_or_lie_inside_the_content() {
        let dir = tempfile::tempdir().expect("temp dir");
        let content = dir.path().join("c");
        fs::create_dir_all(content.join("careers")).expect("mkdir");
        let protected = [("content", content.as_path())];
        let same = message(check_output(&content, &protected, true));
        assert!(same.contains("the output folder is the content folder"), "{same}");
        let inside = message(check_output(&content.join("careers"), &protected, true));
        assert!(inside.contains("lies inside the content folder"), "{inside}");
        let new_inside = message(check_output(&content.join("new/public"), &protected, true));
        assert!(new_inside.contains("lies inside"), "{new_inside}");
        let contains = message(check_output(dir.path(), &protected, true));
        assert!(contains.contains("contains the content folder"), "{contains}");
        let dotted = message(check_output(&content.join("careers/.."), &protected, true));
        assert!(dotted.contains("is the content folder"), "{dotted}");
        check_output(&dir.path().join("public"), &protected, false).expect("a sibling folder is fine");
    }

    #[test]
    fn a_symlink_to_the_content_is_the_content() {
        let dir = tempfile::tempdir().expect("temp dir");
        let content = dir.path().join("c");
        fs::create_dir(&content).expect("mkdir");
        let link = dir.path().join("public");
        std::os::unix::fs::symlink(&content, &link).expect("symlink");
        let refused = message(check_output(&link, &[("content", content.as_path())], true));
        assert!(refused.contains("is the content folder"), "{refused}");
    }

    #[test]
    fn only_empty_or_marked_folders_are_replaced_without_force() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("out");
        fs::create_dir(&out).expect("mkdir");
        check_output(&out, &[], false).expect("an empty folder");
        fs::write(out.join("thesis.tex"), "years of work").expect("write");
        let refused = message(check_output(&out, &[], false));
        assert!(refused.contains("was not written by careerdiff") && refused.contains("--force"), "{refused}");
        check_output(&out, &[], true).expect("--force replaces it");
        fs::write(out.join(MARKER), "").expect("write");
        check_output(&out, &[], false).expect("a folder a build wrote");
    }
}
