//! The careerdiff server: serves a [`Site`] over HTTP, rendering any page
//! from the site held in memory on request, with live reload and a JSON API.
//!
//! [`serve`] takes a bound listener, a first [`Loaded`] site and a
//! [`Loader`] that makes a new one (the CLI loads content, theme and search
//! index; this crate never reads the content folder itself). Requests read
//! the current site through an `ArcSwap`, so a reload replaces it whole
//! while requests in flight finish on the old one. Routes:
//! - every path of [`Site::pages`], plus every pair page `compare/<a>-vs-<b>.html`
//!   of two careers whatever the pair policy ([`Site::page_at`]), rendered
//!   on request (`pages.rs`); anything else is the theme's 404. Paths are
//!   checked before any lookup (`paths.rs`), and nothing is read from disk
//!   while serving: pages, theme files and search files are all in memory.
//!   The search index and the static search files may be made after the
//!   site is served ([`Late`]): a rebuild swaps its site in as soon as its
//!   pages can be rendered. A request for a path the site lacks waits for
//!   the static files; `/api/search` and skill pages wait for the index;
//! - `/api/search`, `/api/compare`, `/api/similar` ([`api`]): the JSON that
//!   `careerdiff search|compare|similar --json` print, from the same
//!   functions;
//! - with live reload, `/_careerdiff/reload`: server-sent events that tell
//!   open pages to reload after the watched folders changed and the site
//!   was rebuilt (`reload.rs`, `watch.rs`). A failed rebuild keeps the last
//!   good site and shows its errors, with file and line, on every page
//!   (`problem.rs`) until a rebuild succeeds.
//!
//! The server keeps no state between requests beyond the site, so any
//! number of replicas over the same content answer alike (the ETag is the
//! inputs' digest).

pub mod api;
mod late;
mod pages;
mod paths;
mod problem;
mod reload;
mod state;
mod watch;

use std::net::TcpListener;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::get;
use careerdiff_search::SearchIndex;
use careerdiff_site::Site;
use tower_http::compression::{CompressionLayer, CompressionLevel};
use tower_http::timeout::TimeoutLayer;

pub use late::{Late, LateFiles};
pub use problem::{LoadFailure, Problem};

/// A site ready to serve, with the search index the API answers from.
pub struct Loaded {
    /// The site, every page of which may be rendered.
    pub site: Site,
    /// The search index of the site's careers, perhaps made after the
    /// site; `None` if it could not be made (the maker reports why).
    pub search: Late<Option<Arc<SearchIndex>>>,
    /// A digest of every input the site was made from: pages' ETags, so
    /// that replicas over the same inputs agree.
    pub digest: u64,
    /// The theme folder the site was made with, if any: template errors
    /// are shown with their file in it.
    pub theme_dir: Option<PathBuf>,
    /// Files served with the site that may be made after it (the static
    /// search index).
    pub late_files: LateFiles,
}

/// Makes a new [`Loaded`] site from the inputs as they are now, or says
/// why it cannot (after reporting it to the user).
pub type Loader = dyn Fn() -> Result<Loaded, LoadFailure> + Send + Sync;

/// Prints a line for the user (the CLI owns the terminal).
pub type Reporter = dyn Fn(&str) + Send + Sync;

/// How to serve.
pub struct ServeOptions {
    /// Watch these folders and reload on change, injecting the reload
    /// script into pages. Empty: serve the first site as it is, pages byte
    /// for byte what a build writes.
    pub watch: Vec<PathBuf>,
    /// The longest a request may take before it is answered 408.
    pub request_timeout: Duration,
    /// Where messages for the user go: reloads, render errors.
    pub report: Arc<Reporter>,
    /// Called once the server accepts requests and watches its folders:
    /// the moment to print the address, since an edit from then on is seen.
    pub ready: Box<dyn FnOnce() + Send>,
}

/// Serves `first` on `listener` until Ctrl-C or SIGTERM, reloading through
/// `loader` when a watched folder changes. Requests in flight are finished
/// before it returns (for at most a few seconds).
pub fn serve(listener: TcpListener, first: Loaded, loader: Arc<Loader>, options: ServeOptions) -> std::io::Result<()> {
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(run(listener, first, loader, options))
}

async fn run(listener: TcpListener, first: Loaded, loader: Arc<Loader>, options: ServeOptions) -> std::io::Result<()> {
    let live = !options.watch.is_empty();
    let state = Arc::new(state::AppState::new(first, live, Arc::clone(&options.report)));
    // The watcher lives as long as the server: dropping it stops watching.
    let _watcher = if live { Some(watch::start(&options.watch, Arc::clone(&state), loader)?) } else { None };
    let app = router(Arc::clone(&state), options.request_timeout);
    listener.set_nonblocking(true)?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    (options.ready)();
    let stopping = Arc::clone(&state);
    let server = axum::serve(listener, app).with_graceful_shutdown(async move {
        shutdown_signal().await;
        // Ends the live-reload streams, which would otherwise hold their
        // connections open and the shutdown with them.
        stopping.shutdown();
    });
    let waiting = Arc::clone(&state);
    tokio::select! {
        served = server => served,
        () = async move {
            waiting.stopped().await;
            tokio::time::sleep(Duration::from_secs(5)).await;
        } => Ok(()),
    }
}

fn router(state: Arc<state::AppState>, timeout: Duration) -> Router {
    Router::new()
        .route("/api/search", get(api::search_route))
        .route("/api/compare", get(api::compare_route))
        .route("/api/similar", get(api::similar_route))
        .route("/api/{*rest}", get(api::unknown_route))
        .route(reload::EVENTS_PATH, get(reload::events))
        .fallback(pages::page)
        .with_state(state)
        .layer(CompressionLayer::new().quality(CompressionLevel::Fastest))
        .layer(TimeoutLayer::with_status_code(StatusCode::REQUEST_TIMEOUT, timeout))
}

/// Resolves on Ctrl-C or (on Unix) SIGTERM, as a container stop sends.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {}
        () = terminate => {}
    }
}
