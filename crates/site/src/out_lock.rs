//! One build of an output folder at a time: a build holds an exclusive
//! lock on a file beside the output (`.<name>.careerdiff-lock`) from
//! before it reads the output until its last write, so a second build of
//! the same folder waits for the first instead of mixing two sites. The
//! lock is the operating system's (`flock`): it goes with the process, so
//! a killed build never leaves the folder locked.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::path::{Path, PathBuf};

use crate::{SiteError, io_error};

/// The lock file of the output `out`.
pub(crate) fn lock_path(out: &Path) -> PathBuf {
    let name = out.file_name().map_or("public".into(), |n| n.to_string_lossy().into_owned());
    let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    parent.join(format!(".{name}.careerdiff-lock"))
}

/// Locks `out` for this build, calling `waiting` first when another
/// build holds it. The lock lasts as long as the returned file.
pub(crate) fn lock(out: &Path, waiting: impl FnOnce(&Path)) -> Result<File, SiteError> {
    let path = lock_path(out);
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(io_error("creating", parent))?;
    }
    let file =
        OpenOptions::new().create(true).truncate(false).write(true).open(&path).map_err(io_error("opening", &path))?;
    match file.try_lock() {
        Ok(()) => Ok(file),
        Err(TryLockError::WouldBlock) => {
            waiting(&path);
            file.lock().map_err(io_error("locking", &path))?;
            Ok(file)
        }
        Err(TryLockError::Error(e)) => Err(io_error("locking", &path)(e)),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;
    use std::time::Duration;

    /// A second lock of the same output waits, says so, and gets the lock
    /// once the first is released.
    #[test]
    fn a_second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("public");
        let first = super::lock(&out, |_| panic!("nobody holds it yet")).unwrap();
        let (told, heard) = mpsc::channel();
        let second = std::thread::spawn(move || {
            super::lock(&out, |path| told.send(path.to_owned()).unwrap()).map(|_| ()).unwrap();
        });
        let path = heard.recv_timeout(Duration::from_secs(10)).expect("the second lock says it waits");
        assert_eq!(path, dir.path().join(".public.careerdiff-lock"));
        assert!(!second.is_finished(), "it waits while the first is held");
        drop(first);
        second.join().unwrap();
    }
}
