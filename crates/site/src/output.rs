//! Writing the published folder atomically: everything goes to a staging
//! folder beside the output, which replaces the output only at the end.

use std::fs;
use std::path::{Path, PathBuf};

use crate::{BuildReport, SiteError, io_error};

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
        let dir = parent.join(format!(".{name}.staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(io_error("removing", &dir))?;
        }
        fs::create_dir(&dir).map_err(io_error("creating", &dir))?;
        Ok(Staging { dir, out: out.to_owned(), published: false })
    }

    pub(crate) fn dir(&self) -> &Path {
        &self.dir
    }

    /// Swaps the staging folder in: the old output is moved aside, the new
    /// one renamed into place, then the old one removed. Both renames are
    /// within one folder, so a reader sees either the old site or the new.
    pub(crate) fn publish(mut self) -> Result<(), SiteError> {
        let old = self.dir.with_extension("old");
        if self.out.exists() {
            fs::rename(&self.out, &old).map_err(io_error("moving aside", &self.out))?;
        }
        fs::rename(&self.dir, &self.out).map_err(io_error("publishing", &self.out))?;
        self.published = true;
        if old.exists() {
            fs::remove_dir_all(&old).map_err(io_error("removing", &old))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.published {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes one file under `root`, creating its folder, and counts it.
pub(crate) fn write(root: &Path, rel: &str, bytes: &[u8]) -> Result<BuildReport, SiteError> {
    let path = root.join(rel);
    if let Some(parent) = path.parent()
        && !parent.exists()
    {
        fs::create_dir_all(parent).map_err(io_error("creating", parent))?;
    }
    fs::write(&path, bytes).map_err(io_error("writing", &path))?;
    let is_page = rel.ends_with(".html");
    Ok(BuildReport { pages: u64::from(is_page), files: 1, bytes: bytes.len() as u64, ..BuildReport::default() })
}
