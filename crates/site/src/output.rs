//! Writing the published folder atomically: everything goes to a staging
//! folder beside the output, which replaces the output only at the end. A
//! render-only build writes nothing and only counts.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{SyncSender, sync_channel};

use crate::{BuildReport, SiteError, io_error};

/// Where pages go: a folder, or nowhere (rendering is still done and
/// counted, for measuring render speed without the disk).
pub(crate) struct Destination {
    root: Option<PathBuf>,
}

impl Destination {
    pub(crate) fn discard() -> Self {
        Destination { root: None }
    }

    /// Writes one file and counts it. Its folder must exist: folders are
    /// made once, up front ([`Destination::create_dirs`]), not checked per page.
    pub(crate) fn write(&self, rel: &str, bytes: &[u8]) -> Result<BuildReport, SiteError> {
        if let Some(root) = &self.root {
            let path = root.join(rel);
            fs::write(&path, bytes).map_err(io_error("writing", &path))?;
        }
        Ok(count(rel, bytes.len()))
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
        if self.root.is_none() {
            return work(&Writer { dest: self, queue: None });
        }
        let (queue, files) = sync_channel::<(String, String)>(WRITE_QUEUE);
        std::thread::scope(|scope| {
            let writer = scope.spawn(move || {
                files.into_iter().try_for_each(|(rel, text)| self.write(&rel, text.as_bytes()).map(drop))
            });
            let result = work(&Writer { dest: self, queue: Some(queue) });
            match writer.join() {
                Ok(written) => written.and(result),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        })
    }
}

/// Pages waiting for the writer thread: enough to ride over a slow file
/// creation, few enough to hold no more than a megabyte or two.
const WRITE_QUEUE: usize = 128;

/// Hands files to [`Destination::with_writer`]'s writer thread.
pub(crate) struct Writer<'d> {
    dest: &'d Destination,
    queue: Option<SyncSender<(String, String)>>,
}

impl Writer<'_> {
    /// Queues one file and counts it (render-only: only counts).
    pub(crate) fn write(&self, rel: String, text: String) -> Result<BuildReport, SiteError> {
        let Some(queue) = &self.queue else { return self.dest.write(&rel, text.as_bytes()) };
        let report = count(&rel, text.len());
        // The writer only stops early on an error, which `with_writer`
        // returns in place of this one.
        queue.send((rel, text)).map_err(|lost| SiteError::Io {
            action: "writing",
            path: PathBuf::from(lost.0.0),
            source: std::io::Error::other("the writer thread stopped"),
        })?;
        Ok(report)
    }
}

/// What writing a file adds to a build's report.
fn count(rel: &str, len: usize) -> BuildReport {
    BuildReport { pages: u64::from(rel.ends_with(".html")), files: 1, bytes: len as u64, ..BuildReport::default() }
}

impl Destination {
    /// Makes the folders (relative to the root) that files will go into.
    pub(crate) fn create_dirs<'a>(&self, dirs: impl IntoIterator<Item = &'a str>) -> Result<(), SiteError> {
        let Some(root) = &self.root else { return Ok(()) };
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
        let name = out.file_name().map_or("public".into(), |n| n.to_string_lossy().into_owned());
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io_error("creating", &parent))?;
        remove_abandoned(&parent, &name);
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io_error("removing", &dir))?;
        }
        fs::create_dir(&dir).map_err(io_error("creating", &dir))?;
        let marker = dir.join(crate::out_guard::MARKER);
        fs::write(&marker, crate::out_guard::MARKER_TEXT).map_err(io_error("writing", &marker))?;
        Ok(Staging { dir, out: out.to_owned(), published: false })
    }

    pub(crate) fn output(&self) -> Destination {
        Destination { root: Some(self.dir.clone()) }
    }

    /// Swaps the staging folder in: the old output is moved aside, the new
    /// one renamed into place, then the old one removed. Both renames are
    /// within one folder, so a reader sees either the old site or the new.
    pub(crate) fn publish(mut self) -> Result<(), SiteError> {
        // A unique name: an earlier build's old site may still be being
        // deleted in the background under its own name.
        let old =
            self.dir.with_file_name(format!("{}.old", self.dir.file_name().unwrap_or_default().to_string_lossy()));
        if self.out.exists() {
            fs::rename(&self.out, &old).map_err(io_error("moving aside", &self.out))?;
        }
        fs::rename(&self.dir, &self.out).map_err(io_error("publishing", &self.out))?;
        self.published = true;
        if old.exists() {
            remove_in_background(&old);
        }
        Ok(())
    }
}

/// Deletes the replaced site without making the build wait for it:
/// unlinking 400,000 files takes minutes on these disks, and the new site
/// is already in place. A detached `rm -rf` does the work; where it cannot
/// be started the folder is removed here. A folder a crash leaves behind is
/// cleared by the next build ([`remove_abandoned`]).
fn remove_in_background(old: &Path) {
    let spawned = std::process::Command::new("rm")
        .arg("-rf")
        .arg(old)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if spawned.is_err() {
        let _ = fs::remove_dir_all(old);
    }
}

/// Removes staging folders left by builds that were killed (their process
/// is gone), so they do not pile up beside the output.
fn remove_abandoned(parent: &Path, name: &str) {
    let prefix = format!(".{name}.staging-");
    let Ok(entries) = fs::read_dir(parent) else { return };
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file_name.strip_prefix(&prefix).map(|p| p.trim_end_matches(".old")) else { continue };
        let alive = Path::new("/proc").join(pid).exists();
        if !alive && pid.bytes().all(|b| b.is_ascii_digit()) && Path::new("/proc/self").exists() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
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
    use super::Destination;

    /// A file the writer thread cannot create fails the build with the
    /// writer's own error (which names the file), not a hang or a panic.
    #[test]
    fn a_failed_write_is_the_error_returned() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = Destination { root: Some(dir.path().to_owned()) };
        let result = out.with_writer(|writer| {
            writer.write("fine.html".into(), "<p>ok</p>".into())?;
            for n in 0..1000 {
                writer.write(format!("missing-folder/{n}.html"), String::new())?;
            }
            Ok(())
        });
        let message = result.expect_err("the folder does not exist").to_string();
        assert!(message.contains("missing-folder/0.html"), "{message}");
        assert_eq!(std::fs::read_to_string(dir.path().join("fine.html")).expect("written"), "<p>ok</p>");
    }
}
