//! The careerdiff site renderer: turns content and its comparisons into a
//! published folder of HTML pages, assets, a sitemap and robots.txt, through
//! a minijinja theme.
//!
//! [`build`] renders every page of a `careerdiff_compare::Comparer`'s
//! content into a staging folder beside the output and swaps it in only
//! when everything succeeded ([`output::Staging`]), so a failed build never
//! leaves a half-written site. Pair pages are rendered in parallel and
//! written straight to disk; nothing holds every page. The [`Theme`] is the
//! built-in default, overridden file by file by a theme folder.

mod markdown;
mod output;
mod pages;
mod sitemap;
mod theme;
mod urls;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use careerdiff_compare::Comparer;

pub use theme::Theme;
pub use urls::{career_path, pair_path};

/// Errors that stop a build. The output folder is untouched when one occurs.
#[derive(Debug, thiserror::Error)]
pub enum SiteError {
    /// A template failed to load or render; the message names the template
    /// and line.
    #[error("template error: {0:#}")]
    Template(#[from] minijinja::Error),
    /// Reading the theme or writing the output failed.
    #[error("{action} {path}: {source}")]
    Io {
        /// What was being done ("writing", "reading").
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// Where and how to build.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The published folder, e.g. `public/`. Replaced as a whole.
    pub out: PathBuf,
    /// A theme folder whose `templates/` and `static/` override the
    /// built-in theme, if any.
    pub theme_dir: Option<PathBuf>,
}

/// What a build wrote.
#[derive(Debug, Clone, Default)]
pub struct BuildReport {
    /// HTML pages written.
    pub pages: u64,
    /// Files written, pages included.
    pub files: u64,
    /// Bytes written.
    pub bytes: u64,
    /// Pair pages among the pages.
    pub pair_pages: u64,
    /// Wall time of the build.
    pub elapsed: Duration,
}

/// Renders the whole site into `options.out`.
pub fn build(comparer: &Comparer<'_>, options: &BuildOptions) -> Result<BuildReport, SiteError> {
    let started = Instant::now();
    let theme = Theme::load(options.theme_dir.as_deref())?;
    let staging = output::Staging::create(&options.out)?;
    let mut report = pages::render_all(comparer, &theme, staging.dir())?;
    report.add(theme.write_static(staging.dir())?);
    staging.publish()?;
    report.elapsed = started.elapsed();
    Ok(report)
}

impl BuildReport {
    fn add(&mut self, other: BuildReport) {
        self.pages += other.pages;
        self.files += other.files;
        self.bytes += other.bytes;
        self.pair_pages += other.pair_pages;
    }
}

pub(crate) fn io_error<'p>(action: &'static str, path: &'p Path) -> impl FnOnce(std::io::Error) -> SiteError + 'p {
    move |source| SiteError::Io { action, path: path.to_owned(), source }
}
