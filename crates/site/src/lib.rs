//! The careerdiff site renderer: turns content and its comparisons into a
//! published folder of HTML pages, assets, a sitemap and robots.txt, through
//! a minijinja theme.
//!
//! A [`Site`] owns everything a page is made from (the content, shared
//! through an `Arc`, its comparer, the [`Theme`] and what is computed once:
//! the plan) and renders any page by its [`PageId`]. [`Site::pages`] is the
//! one list of pages: [`build`] renders it in parallel into a staging
//! folder that replaces the output only when everything succeeded, or,
//! when the output holds a site this program built, re-renders in place
//! only the pages whose fingerprint (a hash of everything the page is made
//! from, recorded in the output's manifest) changed. Either way nothing
//! half-written is published and nothing holds every page. The theme is
//! the built-in default, overridden file by file by a theme folder.

mod build;
mod chart;
mod credits;
mod fields;
mod fingerprint;
mod fragments;
mod glance_view;
mod held;
mod inputs;
mod item_links;
mod item_pages;
mod item_ranking;
mod licence;
mod listings;
mod manifest;
mod markdown;
mod out_guard;
mod out_lock;
mod output;
mod page;
mod pages;
mod pair_data;
mod plan;
mod render;
mod safe_url;
mod site;
mod sitemap;
mod theme;
mod tool_data;
mod urls;
mod views;

use std::path::{Path, PathBuf};

pub use build::{BuildOptions, build, render_only, render_to_memory};
pub use inputs::input_digest;
pub use manifest::{MANIFEST, Manifest, PAGE_LIST};
pub use output::leftovers;
pub use page::PageId;
pub use site::{ExtraFile, Site, SiteOptions};
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

/// Ranks the careers `candidates` (positions in `Content::careers`) for a
/// query: the same careers, best match first.
pub type Ranker = dyn Fn(&str, &[usize]) -> Vec<usize> + Send + Sync;

/// Receives build progress; the CLI draws it as a progress bar.
pub trait Progress: Send + Sync {
    /// The build will write `total` pages.
    fn start(&self, total: u64);
    /// `n` more pages are written.
    fn advance(&self, n: u64);
    /// Another build of the same output is running: this one waits for it
    /// (`lock` is the lock file they share).
    fn waiting(&self, lock: &Path) {
        let _ = lock;
    }
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
    /// Whether the build updated the output in place.
    pub incremental: bool,
    /// Files an incremental build left as they were.
    pub unchanged: u64,
    /// Files an incremental build deleted (pages the site no longer has).
    pub deleted: u64,
    /// The old site a full build moved aside, for the caller to delete.
    pub replaced: Option<PathBuf>,
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
