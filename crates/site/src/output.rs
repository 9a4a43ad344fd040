//! Writing the published folder atomically: everything goes to a staging
//! folder beside the output, which replaces the output only at the end. A
//! render-only build writes nothing and only counts.

use std::fs;
use std::path::{Path, PathBuf};

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
        let is_page = rel.ends_with(".html");
        Ok(BuildReport { pages: u64::from(is_page), files: 1, bytes: bytes.len() as u64, ..BuildReport::default() })
    }

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
