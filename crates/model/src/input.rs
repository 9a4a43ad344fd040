//! Reading input files safely: every file a build reads (content and theme)
//! must lie inside the folder it belongs to, be a regular file and stay
//! under a size limit. Content comes from pull requests nobody has reviewed
//! yet; a symbolic link must not publish `/etc/passwd`, a link to
//! `/dev/zero` must not exhaust memory and a FIFO must not hang the build.

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// Largest career file, `careers/<slug>.md` (the largest imported career
/// is 36 KB).
pub const CAREER_FILE_LIMIT: u64 = 1 << 20;
/// Largest `skills.toml` (the imported taxonomy of every O*NET occupation
/// is 1.2 MB).
pub const SKILLS_FILE_LIMIT: u64 = 16 << 20;
/// Largest `site.toml`.
pub const SITE_FILE_LIMIT: u64 = 64 << 10;
/// Largest collection file, `collections/<slug>.toml`.
pub const COLLECTION_FILE_LIMIT: u64 = 64 << 10;
/// Largest theme file (a template or a static file such as an image).
pub const THEME_FILE_LIMIT: u64 = 16 << 20;

/// Why an input file was not read.
#[derive(Debug)]
pub enum InputError {
    /// The path, or a symbolic link on the way to it, leads out of the
    /// folder (or into `/proc`, `/sys` or `/dev`).
    Outside {
        /// The symbolic link that leaves, as the user named it (the path
        /// itself when no single link is to blame).
        link: PathBuf,
        /// Where it points, as the link says.
        target: PathBuf,
        /// The folder the file belongs to.
        root: PathBuf,
    },
    /// Not a regular file: a folder, FIFO, device or socket.
    NotAFile {
        /// The file.
        path: PathBuf,
        /// What it is instead ("a FIFO (named pipe)").
        kind: &'static str,
    },
    /// Larger than the limit for its kind.
    TooLarge {
        /// The file.
        path: PathBuf,
        /// The limit in bytes.
        limit: u64,
    },
    /// Symbolic links that point at each other without end.
    Loop {
        /// The path whose links loop.
        path: PathBuf,
    },
    /// Any other failure to read.
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

impl InputError {
    /// What the user should have given instead, for a diagnostic's
    /// `expected` line.
    pub fn expected(&self) -> String {
        match self {
            InputError::Outside { .. } => {
                "files inside the folder; a symbolic link may point only within it".to_owned()
            }
            InputError::NotAFile { .. } => "a regular file".to_owned(),
            InputError::TooLarge { limit, .. } => format!("a file of at most {}", size(*limit)),
            InputError::Loop { .. } => "symbolic links that end at a file".to_owned(),
            InputError::Io { .. } => "a readable file".to_owned(),
        }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Outside { link, target, root } => write!(
                f,
                "{} is a symbolic link to {}, which is outside {}; it was not read",
                link.display(),
                target.display(),
                root.display()
            ),
            InputError::NotAFile { path, kind } => {
                write!(f, "{} is {kind}, not a regular file; it was not read", path.display())
            }
            InputError::TooLarge { path, limit } => {
                write!(f, "{} is larger than {}, the limit for this file", path.display(), size(*limit))
            }
            InputError::Loop { path } => write!(f, "symbolic links loop at {}", path.display()),
            InputError::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for InputError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            InputError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<InputError> for io::Error {
    fn from(e: InputError) -> Self {
        let kind = match &e {
            InputError::Io { source, .. } => source.kind(),
            InputError::TooLarge { .. } => io::ErrorKind::FileTooLarge,
            _ => io::ErrorKind::InvalidInput,
        };
        io::Error::new(kind, e.to_string())
    }
}

fn size(bytes: u64) -> String {
    if bytes >= 1 << 20 { format!("{} MiB", bytes >> 20) } else { format!("{} KiB", bytes >> 10) }
}

/// Reads the file at `path`, which must lie inside the folder `root` once
/// every symbolic link is followed, be a regular file (not a FIFO, device
/// or `/proc` file) and hold at most `limit` bytes. Never reads more than
/// `limit + 1` bytes, whatever the file claims.
pub fn read_input(root: &Path, path: &Path, limit: u64) -> Result<Vec<u8>, InputError> {
    let real = resolve_inside(root, path)?;
    let io = |source| InputError::Io { path: path.to_owned(), source };
    let metadata = fs::metadata(&real).map_err(io)?;
    if let Some(kind) = not_a_file(&metadata.file_type()) {
        return Err(InputError::NotAFile { path: path.to_owned(), kind });
    }
    if metadata.len() > limit {
        return Err(InputError::TooLarge { path: path.to_owned(), limit });
    }
    let file = File::open(&real).map_err(io)?;
    // The file may have been swapped between the check and the open.
    let opened = file.metadata().map_err(io)?;
    if let Some(kind) = not_a_file(&opened.file_type()) {
        return Err(InputError::NotAFile { path: path.to_owned(), kind });
    }
    let mut bytes = Vec::with_capacity(opened.len().min(limit) as usize);
    file.take(limit + 1).read_to_end(&mut bytes).map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(InputError::TooLarge { path: path.to_owned(), limit });
    }
    Ok(bytes)
}

/// The real path of `path` (a file or folder), checked to lie inside the
/// folder `root` once every symbolic link is followed, and outside the
/// kernel's pseudo-file systems.
pub fn resolve_inside(root: &Path, path: &Path) -> Result<PathBuf, InputError> {
    let real_root = canonical(root)?;
    let real = canonical(path)?;
    if real.starts_with(&real_root) && !is_pseudo(&real) {
        return Ok(real);
    }
    let (link, target) = leaving_link(root, &real_root, path).unwrap_or_else(|| (path.to_owned(), real));
    Err(InputError::Outside { link, target, root: root.to_owned() })
}

fn canonical(path: &Path) -> Result<PathBuf, InputError> {
    fs::canonicalize(path).map_err(|source| {
        if is_loop(&source) {
            InputError::Loop { path: path.to_owned() }
        } else {
            InputError::Io { path: path.to_owned(), source }
        }
    })
}

/// ELOOP, for which std has no stable `ErrorKind` yet.
pub(crate) fn is_loop(e: &io::Error) -> bool {
    let eloop = if cfg!(target_os = "linux") {
        40
    } else if cfg!(target_os = "macos") {
        62
    } else {
        return false;
    };
    e.raw_os_error() == Some(eloop)
}

/// The first symbolic link on the way from `root` to `path` that leads
/// out of the folder, with its target as written in the link.
fn leaving_link(root: &Path, real_root: &Path, path: &Path) -> Option<(PathBuf, PathBuf)> {
    let rel = path.strip_prefix(root).ok()?;
    let mut current = root.to_owned();
    for component in rel.components() {
        current.push(component);
        let is_link = fs::symlink_metadata(&current).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link {
            continue;
        }
        let leaves = fs::canonicalize(&current).map_or(true, |t| !t.starts_with(real_root) || is_pseudo(&t));
        if leaves {
            let target = fs::read_link(&current).unwrap_or_default();
            return Some((current, target));
        }
    }
    None
}

/// Whether `path` is in a kernel pseudo-file system, whose files claim a
/// size of 0 and may hold the process's secrets (`/proc/self/environ`).
fn is_pseudo(path: &Path) -> bool {
    cfg!(unix) && ["/proc", "/sys", "/dev"].iter().any(|p| path.starts_with(p))
}

/// What a file is when it is not a regular file, or `None`.
fn not_a_file(file_type: &fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if file_type.is_char_device() || file_type.is_block_device() {
            return Some("a device");
        }
        if file_type.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

#[cfg(all(test, unix))]
mod tests;
