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

mod chart;
mod credits;
mod fields;
mod fragments;
mod glance_view;
mod item_links;
mod item_pages;
mod item_ranking;
mod listings;
mod markdown;
mod out_guard;
mod output;
mod pages;
mod pair_data;
mod plan;
mod safe_url;
mod sitemap;
mod theme;
mod tool_data;
mod urls;
mod views;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use careerdiff_compare::Comparer;

pub use theme::Theme;
pub use urls::{ITEMS_INDEX_PATH, career_path, collection_path, item_path, pair_path, roadmap_path, skill_path};

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
    /// The output folder may not be replaced: it is or holds the content or
    /// theme, or it holds files no build wrote. Nothing was touched.
    #[error("refusing to build into {out}: {reason}")]
    OutputRefused {
        /// The output folder as given.
        out: PathBuf,
        /// Why, and what to do instead.
        reason: String,
    },
}

/// Where and how to build.
#[derive(Clone)]
pub struct BuildOptions {
    /// The published folder, e.g. `public/`. Replaced as a whole.
    pub out: PathBuf,
    /// A theme folder whose `templates/` and `static/` override the
    /// built-in theme, if any.
    pub theme_dir: Option<PathBuf>,
    /// Which slice of the pages to build.
    pub shard: Shard,
    /// Render every page but write nothing (to measure rendering alone).
    pub render_only: bool,
    /// Replace an existing, non-empty output folder even if no build wrote
    /// it. The content and theme folders are protected all the same.
    pub force: bool,
    /// Told how many pair pages there are and as each is written.
    pub progress: Option<Arc<dyn Progress>>,
    /// More files to publish with the site, as (path, bytes): the static
    /// search index. Written by the first shard.
    pub extra_files: Vec<(String, Vec<u8>)>,
    /// Ranks careers for a skill page: given a skill's name, the positions
    /// of careers in `Content::careers`, best first (the CLI passes the
    /// search index's ranking).
    pub rank: Option<Arc<Ranker>>,
}

/// A ranking of careers for a query: positions in `Content::careers`, best first.
pub type Ranker = dyn Fn(&str) -> Vec<usize> + Send + Sync;

impl BuildOptions {
    /// A whole build into `out` with the built-in theme.
    pub fn new(out: impl Into<PathBuf>) -> Self {
        BuildOptions {
            out: out.into(),
            theme_dir: None,
            shard: Shard::WHOLE,
            render_only: false,
            force: false,
            progress: None,
            rank: None,
            extra_files: Vec::new(),
        }
    }
}

/// Receives build progress; the CLI draws it as a progress bar.
pub trait Progress: Send + Sync {
    /// The build will write `total` pair pages.
    fn start(&self, total: u64);
    /// `n` more pair pages are written.
    fn advance(&self, n: u64);
}

/// One of `count` deterministic slices of a site, so that several machines
/// build one site together: shard `index` (0-based) builds every pair page
/// whose position in the sorted pair list is `index` modulo `count`, and
/// the first shard also builds every other page. The union of all shards'
/// output is the whole site, byte for byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u32,
    count: u32,
}

impl Shard {
    /// The whole site in one piece.
    pub const WHOLE: Shard = Shard { index: 0, count: 1 };

    /// Shard `k` of `n`, counted from 1 as users write it (`--shard 2/3`).
    pub fn new(k: u32, n: u32) -> Option<Self> {
        (n >= 1 && (1..=n).contains(&k)).then_some(Shard { index: k - 1, count: n })
    }

    /// Whether this shard builds the pair page at `position`.
    pub fn owns_pair(self, position: usize) -> bool {
        position as u64 % u64::from(self.count) == u64::from(self.index)
    }

    /// Whether this shard builds the pages that are not pair pages.
    pub fn owns_site_pages(self) -> bool {
        self.index == 0
    }
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
    /// Bytes of the pair pages.
    pub pair_bytes: u64,
}

/// Renders the site (or `options.shard` of it) into `options.out`.
pub fn build(comparer: &Comparer, options: &BuildOptions) -> Result<BuildReport, SiteError> {
    let theme = Theme::load(options.theme_dir.as_deref())?;
    if options.render_only {
        return pages::render_all(comparer, &theme, &output::Destination::discard(), options);
    }
    let content_root = comparer.content().root.as_path();
    let mut protected = vec![("content", content_root)];
    protected.extend(options.theme_dir.as_deref().map(|theme| ("theme", theme)));
    out_guard::check_output(&options.out, &protected, options.force)?;
    let staging = output::Staging::create(&options.out)?;
    let report = pages::render_all(comparer, &theme, &staging.output(), options)?;
    staging.publish()?;
    Ok(report)
}

impl BuildReport {
    pub(crate) fn add(&mut self, other: BuildReport) {
        self.pages += other.pages;
        self.files += other.files;
        self.bytes += other.bytes;
        self.pair_pages += other.pair_pages;
        self.pair_bytes += other.pair_bytes;
    }
}

pub(crate) fn io_error<'p>(action: &'static str, path: &'p Path) -> impl FnOnce(std::io::Error) -> SiteError + 'p {
    move |source| SiteError::Io { action, path: path.to_owned(), source }
}
