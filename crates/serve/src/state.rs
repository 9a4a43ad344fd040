//! What the server holds: the current site (swapped whole on reload), the
//! problems of the last failed reload, and the channels that tell open
//! pages to reload and the event streams to stop.

use std::sync::Arc;

use arc_swap::ArcSwap;
use careerdiff_site::{PageId, Site};
use tokio::sync::watch;

use crate::problem::LoadFailure;
use crate::{Loaded, Reporter};

/// One site as served: what was loaded, and what is looked up per request.
pub(crate) struct Ready {
    pub site: Site,
    pub search: crate::Late<Option<Arc<careerdiff_search::SearchIndex>>>,
    /// What every page's ETag is made from: the inputs' digest and this
    /// program's version (a new version may render the same inputs
    /// differently). See [`AppState::etag`].
    etag: String,
    /// The digest of the inputs the site was made from.
    pub digest: u64,
    /// The theme folder, if any: where a template error is.
    pub theme_dir: Option<std::path::PathBuf>,
    /// Files served with the site, perhaps made after it.
    pub late_files: crate::LateFiles,
}

impl Ready {
    pub fn new(loaded: Loaded) -> Self {
        let Loaded { site, search, digest, theme_dir, late_files } = loaded;
        let etag = format!("{digest:016x}-{}", env!("CARGO_PKG_VERSION"));
        Ready { site, search, etag, digest, theme_dir, late_files }
    }

    /// The page at `path` (relative to the site root, already checked):
    /// any page of the site, and any pair whatever the pair policy.
    pub fn page_at(&self, path: &str) -> Option<PageId> {
        self.site.page_at(path)
    }
}

/// What a request is answered from, swapped whole so that a page never
/// pairs one rebuild's site with another's problems or number.
pub(crate) struct Served {
    pub ready: Arc<Ready>,
    /// Why the last reload failed, while it is not fixed.
    pub problem: Option<Arc<LoadFailure>>,
    /// How many times the site has been rebuilt (or failed to be) up to
    /// this one: the number its pages carry.
    pub generation: u64,
}

/// The server's state, shared by every request.
pub(crate) struct AppState {
    served: ArcSwap<Served>,
    /// The generation of what is served, sent after it is swapped in:
    /// open pages of an older one reload.
    generation: watch::Sender<u64>,
    /// Set once, when the server is asked to stop.
    stopping: watch::Sender<bool>,
    /// Whether pages carry the reload script.
    pub live: bool,
    pub report: Arc<Reporter>,
}

impl AppState {
    pub fn new(first: Loaded, live: bool, report: Arc<Reporter>) -> Self {
        let served = Served { ready: Arc::new(Ready::new(first)), problem: None, generation: 0 };
        AppState {
            served: ArcSwap::from_pointee(served),
            generation: watch::channel(0).0,
            stopping: watch::channel(false).0,
            live,
            report,
        }
    }

    /// What requests are answered from.
    pub fn served(&self) -> Arc<Served> {
        self.served.load_full()
    }

    /// The site requests are answered from.
    pub fn current(&self) -> Arc<Ready> {
        Arc::clone(&self.served.load().ready)
    }

    /// Serves `loaded` from now on, and tells open pages. Rebuilds and
    /// failures come from one thread, so nothing is swapped in between.
    pub fn replace(&self, loaded: Loaded) {
        self.swap(Arc::new(Ready::new(loaded)), None);
    }

    /// Keeps the current site, shows `failure` on every page, and tells
    /// open pages.
    pub fn fail(&self, failure: LoadFailure) {
        self.swap(self.current(), Some(Arc::new(failure)));
    }

    fn swap(&self, ready: Arc<Ready>, problem: Option<Arc<LoadFailure>>) {
        let generation = self.served.load().generation + 1;
        self.served.store(Arc::new(Served { ready, problem, generation }));
        self.generation.send_replace(generation);
    }

    /// The weak ETag of every page of `ready` as served in `generation`.
    /// With live reload it names the rebuild too, since pages carry its
    /// number.
    pub fn etag(&self, ready: &Ready, generation: u64) -> String {
        if self.live { format!("W/\"{}-live-{generation}\"", ready.etag) } else { format!("W/\"{}\"", ready.etag) }
    }

    pub fn generation(&self) -> u64 {
        *self.generation.borrow()
    }

    pub fn subscribe(&self) -> watch::Receiver<u64> {
        self.generation.subscribe()
    }

    pub fn shutdown(&self) {
        self.stopping.send_replace(true);
    }

    pub fn stopping(&self) -> watch::Receiver<bool> {
        self.stopping.subscribe()
    }

    /// Resolves once [`AppState::shutdown`] has been called.
    pub async fn stopped(&self) {
        let mut stopping = self.stopping();
        let _ = stopping.wait_for(|&stop| stop).await;
    }
}
