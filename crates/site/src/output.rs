//! Where pages go: a folder (a staging folder that replaces the output at
//! the end, or the output itself for an incremental build), memory, or
//! nowhere (a render-only build only counts).

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{SyncSender, sync_channel};

use crate::{BuildReport, SiteError, io_error};

/// Where pages go.
pub(crate) enum Destination {
    /// Files in a folder. `whole`: each file is written under a temporary
    /// name and renamed into place, for a folder being published from
    /// (an incremental build), so no reader sees half a page. The
    /// temporary files go in a folder of their own ([`PARTIAL`]): creating
    /// and removing a name in the folder of 400,000 pair pages cost more
    /// than writing the page (0.8–1.2 s against 0.3 s for a career's 923
    /// pair pages).
    Folder { root: PathBuf, whole: bool },
    /// Into memory, path → bytes.
    Memory(Mutex<BTreeMap<String, Vec<u8>>>),
    /// Nowhere: rendering is still done and counted, for measuring render
    /// speed without the disk.
    Discard,
}

impl Destination {
    /// Writes one file and counts it. Its folder must exist: folders are
    /// made once, up front ([`Destination::create_dirs`]), not checked per page.
    pub(crate) fn write(&self, rel: &str, bytes: Vec<u8>) -> Result<BuildReport, SiteError> {
        let report = count(rel, bytes.len());
        match self {
            Destination::Folder { root, whole: false } => {
                let path = root.join(rel);
                fs::write(&path, bytes).map_err(io_error("writing", &path))?;
            }
            Destination::Folder { root, whole: true } => {
                let temporary = root.join(PARTIAL).join(rel.replace('%', "%25").replace('/', "%2F"));
                write_whole(&temporary, &root.join(rel), |file| file.write_all(&bytes))?;
            }
            Destination::Memory(files) => {
                files.lock().unwrap_or_else(std::sync::PoisonError::into_inner).insert(rel.to_owned(), bytes);
            }
            Destination::Discard => {}
        }
        Ok(report)
    }

    /// Runs `work` with a [`Writer`] whose files are written by one thread
    /// of their own while `work`'s threads go on rendering. Creating files
    /// in one folder from several threads made them wait on each other
    /// (the build took twice as long as `cp -r` of its output); one writer
    /// fed by a short queue keeps the disk busy and the renderers apart.
    /// An error of the writer is the one returned.
    pub(crate) fn with_writer<R: Send>(
        &self,
        work: impl FnOnce(&Writer<'_>) -> Result<R, SiteError> + Send,
    ) -> Result<R, SiteError> {
        let Destination::Folder { root, whole } = self else {
            return work(&Writer { dest: self, queue: None });
        };
        // Left over from an interrupted build, the folder is made again.
        let partial = whole.then(|| root.join(PARTIAL));
        if let Some(partial) = &partial {
            let _ = fs::remove_dir_all(partial);
            fs::create_dir(partial).map_err(io_error("creating", partial))?;
        }
        let (queue, files) = sync_channel::<(String, Vec<u8>)>(WRITE_QUEUE);
        let result = std::thread::scope(|scope| {
            let writer =
                scope.spawn(move || files.into_iter().try_for_each(|(rel, bytes)| self.write(&rel, bytes).map(drop)));
            let result = work(&Writer { dest: self, queue: Some(queue) });
            match writer.join() {
                Ok(written) => written.and(result),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        });
        if let Some(partial) = &partial {
            fs::remove_dir_all(partial).map_err(io_error("removing", partial))?;
        }
        result
    }
}

/// The folder inside an output being updated in place where each file is
/// written before it is renamed into place. A dotfile, as the manifest:
/// publishing steps skip it.
pub(crate) const PARTIAL: &str = ".careerdiff-partial";

/// Pages waiting for the writer thread: enough to ride over a slow file
/// creation, few enough to hold no more than a megabyte or two.
const WRITE_QUEUE: usize = 128;

/// Hands files to [`Destination::with_writer`]'s writer thread.
pub(crate) struct Writer<'d> {
    dest: &'d Destination,
    queue: Option<SyncSender<(String, Vec<u8>)>>,
}

impl Writer<'_> {
    /// Queues one file and counts it (memory, render-only: done at once).
    pub(crate) fn write(&self, rel: String, bytes: Vec<u8>) -> Result<BuildReport, SiteError> {
        let Some(queue) = &self.queue else { return self.dest.write(&rel, bytes) };
        let report = count(&rel, bytes.len());
        // The writer only stops early on an error, which `with_writer`
        // returns in place of this one.
        queue.send((rel, bytes)).map_err(|lost| SiteError::Io {
            action: "writing",
            path: PathBuf::from(lost.0.0),
            source: std::io::Error::other("the writer thread stopped"),
        })?;
        Ok(report)
    }
}

/// Writes `path` through the file `temporary` (on the same file system),
/// which `body` fills and which is then renamed over it: a reader sees the
/// old file or the new one, never half of one.
pub(crate) fn write_whole(
    temporary: &Path,
    path: &Path,
    body: impl FnOnce(&mut BufWriter<fs::File>) -> std::io::Result<()>,
) -> Result<(), SiteError> {
    let written = (|| {
        let mut file = BufWriter::new(fs::File::create(temporary)?);
        body(&mut file)?;
        file.flush()
    })();
    written.map_err(io_error("writing", temporary))?;
    fs::rename(temporary, path).map_err(io_error("writing", path))
}

/// What writing a file adds to a build's report.
fn count(rel: &str, len: usize) -> BuildReport {
    BuildReport { pages: u64::from(rel.ends_with(".html")), files: 1, bytes: len as u64, ..BuildReport::default() }
}

impl Destination {
    /// Makes the folders (relative to the root) that files will go into.
    pub(crate) fn create_dirs<'a>(&self, dirs: impl IntoIterator<Item = &'a str>) -> Result<(), SiteError> {
        let Destination::Folder { root, .. } = self else { return Ok(()) };
        for dir in dirs {
            let path = root.join(dir);
            fs::create_dir_all(&path).map_err(io_error("creating", &path))?;
        }
        Ok(())
    }
}

/// A staging folder that becomes the output on [`Staging::publish`] and is
/// removed if dropped before.
pub(crate) struct Staging {
    dir: PathBuf,
    out: PathBuf,
    published: bool,
}

impl Staging {
    pub(crate) fn create(out: &Path) -> Result<Self, SiteError> {
        let (parent, prefix) = staging_prefix(out);
        fs::create_dir_all(&parent).map_err(io_error("creating", &parent))?;
        let dir = parent.join(format!("{prefix}{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io_error("removing", &dir))?;
        }
        fs::create_dir(&dir).map_err(io_error("creating", &dir))?;
        let marker = dir.join(crate::out_guard::MARKER);
        fs::write(&marker, crate::out_guard::MARKER_TEXT).map_err(io_error("writing", &marker))?;
        Ok(Staging { dir, out: out.to_owned(), published: false })
    }

    pub(crate) fn output(&self) -> Destination {
        Destination::Folder { root: self.dir.clone(), whole: false }
    }

    /// The staging folder, to write into before publishing.
    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// Swaps the staging folder in: the old output is moved aside, the new
    /// one renamed into place. Both renames are within one folder, so a
    /// reader sees either the old site or the new. Returns the old site's
    /// folder, now under a name of its own, for the caller to delete
    /// (unlinking 400,000 files takes minutes on these disks, and the new
    /// site is already in place).
    pub(crate) fn publish(mut self) -> Result<Option<PathBuf>, SiteError> {
        // A unique name: an earlier build's old site may still be being
        // deleted under its own name.
        let old =
            self.dir.with_file_name(format!("{}.old", self.dir.file_name().unwrap_or_default().to_string_lossy()));
        let replaced = self.out.exists();
        if replaced {
            fs::rename(&self.out, &old).map_err(io_error("moving aside", &self.out))?;
        }
        fs::rename(&self.dir, &self.out).map_err(io_error("publishing", &self.out))?;
        self.published = true;
        Ok(replaced.then_some(old))
    }
}

/// The folder staging folders of `out` are made in, and the start of
/// their names (`.public.staging-`, then the building process's id).
fn staging_prefix(out: &Path) -> (PathBuf, String) {
    let name = out.file_name().map_or("public".into(), |n| n.to_string_lossy().into_owned());
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    (parent, format!(".{name}.staging-"))
}

/// Staging folders of `out` that builds left beside it (each with the id of
/// the process that made it), and old sites moved aside and not yet
/// deleted: a caller that knows which processes are gone removes them.
pub fn leftovers(out: &Path) -> Vec<(PathBuf, u32)> {
    let (parent, prefix) = staging_prefix(out);
    let Ok(entries) = fs::read_dir(&parent) else { return Vec::new() };
    let mut found: Vec<(PathBuf, u32)> = entries
        .flatten()
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let pid = name.strip_prefix(&prefix)?.trim_end_matches(".old").parse().ok()?;
            Some((entry.path(), pid))
        })
        .collect();
    found.sort();
    found
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Destination, PARTIAL};

    /// A file the writer thread cannot create fails the build with the
    /// writer's own error (which names the file), not a hang or a panic.
    #[test]
    fn a_failed_write_is_the_error_returned() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = Destination::Folder { root: dir.path().to_owned(), whole: false };
        let result = out.with_writer(|writer| {
            writer.write("fine.html".into(), b"<p>ok</p>".to_vec())?;
            for n in 0..1000 {
                writer.write(format!("missing-folder/{n}.html"), Vec::new())?;
            }
            Ok(())
        });
        let message = result.expect_err("the folder does not exist").to_string();
        assert!(message.contains("missing-folder/0.html"), "{message}");
        assert_eq!(std::fs::read_to_string(dir.path().join("fine.html")).expect("written"), "<p>ok</p>");
    }

    /// An output updated in place gets whole files, replaced through the
    /// temporary folder, which is gone afterwards, even when an
    /// interrupted build left it behind with a half-written file.
    #[test]
    fn files_written_in_place_replace_the_old_ones_and_leave_no_temporary_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        std::fs::create_dir_all(dir.path().join("compare")).unwrap();
        std::fs::write(dir.path().join("compare/a-vs-b.html"), "old").unwrap();
        std::fs::create_dir_all(dir.path().join(PARTIAL)).unwrap();
        std::fs::write(dir.path().join(PARTIAL).join("compare%2Fa-vs-b.html"), "half").unwrap();
        let out = Destination::Folder { root: dir.path().to_owned(), whole: true };
        out.with_writer(|writer| {
            writer.write("compare/a-vs-b.html".into(), b"new".to_vec())?;
            writer.write("index.html".into(), b"home".to_vec()).map(drop)
        })
        .expect("written");
        assert_eq!(std::fs::read_to_string(dir.path().join("compare/a-vs-b.html")).unwrap(), "new");
        assert_eq!(std::fs::read_to_string(dir.path().join("index.html")).unwrap(), "home");
        assert!(!dir.path().join(PARTIAL).exists());
    }
}
