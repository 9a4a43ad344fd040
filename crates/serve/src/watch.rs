//! Watching the content and theme folders: after a burst of changes has
//! settled, the site is made anew on a thread of its own and swapped in
//! (or, when it fails, the last good site stays and shows why), and open
//! pages are told to reload.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{EventKind, RecommendedWatcher, RecursiveMode, Watcher};

use crate::Loader;
use crate::state::AppState;

/// How long the folders must be quiet before a rebuild: an editor's save
/// is often several events (write, rename, metadata) within a few ms.
const SETTLE: Duration = Duration::from_millis(40);

/// Starts watching `folders` (those that exist); the returned watcher
/// stops when dropped, and the rebuild thread with it.
pub(crate) fn start(
    folders: &[PathBuf],
    state: Arc<AppState>,
    loader: Arc<Loader>,
) -> std::io::Result<RecommendedWatcher> {
    let (tx, rx) = mpsc::channel::<()>();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        // Reads change nothing; errors (a folder gone) are worth a look.
        let relevant = event.map_or(true, |e| !matches!(e.kind, EventKind::Access(_)));
        if relevant {
            let _ = tx.send(());
        }
    })
    .map_err(std::io::Error::other)?;
    for folder in folders.iter().filter(|f| f.is_dir()) {
        watcher.watch(folder, RecursiveMode::Recursive).map_err(std::io::Error::other)?;
    }
    let inputs = folders.to_vec();
    std::thread::Builder::new().name("careerdiff-watch".into()).spawn(move || {
        let paths: Vec<&std::path::Path> = inputs.iter().map(PathBuf::as_path).collect();
        let digest = || careerdiff_site::input_digest(&paths);
        // The digest of the inputs of the last failed rebuild, if the last
        // rebuild failed.
        let mut failed: Option<u64> = None;
        // A change between loading the first site and watching is seen by
        // no event: compare the inputs with the ones the site was made from.
        let mut changed = true;
        loop {
            if changed {
                // Events without a change of content (a file touched, saved
                // unchanged, read by a tool that sets its time) rebuild and
                // reload nothing.
                let now = digest();
                let served = if failed.is_some() { failed } else { Some(state.current().digest) };
                if served != Some(now) {
                    failed = rebuild(&state, &*loader, (now, served), &digest, failed);
                }
            }
            // Ends when the watcher (the channel's sender) is dropped.
            if rx.recv().is_err() {
                return;
            }
            loop {
                match rx.recv_timeout(SETTLE) {
                    Ok(()) => continue,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            changed = true;
        }
    })?;
    Ok(watcher)
}

/// How long a failed rebuild waits to see whether the inputs are still
/// being written (an editor that saves in place empties the file first)
/// before it shows the failure.
const RECHECK: Duration = Duration::from_millis(150);

/// Rebuilds from inputs whose digest is `digest` (`now` gives the digest
/// as it is now; `served` is the digest of what is served, a site or the
/// failure `failed`); returns the digest the failure was made from if it
/// failed, `None` if the new site is served.
fn rebuild(
    state: &AppState,
    loader: &Loader,
    (mut digest, served): (u64, Option<u64>),
    now: &dyn Fn() -> u64,
    failed: Option<u64>,
) -> Option<u64> {
    let started = Instant::now();
    loop {
        match loader() {
            Ok(loaded) => {
                // A file saved unchanged can be caught empty by the digest
                // that started this rebuild and whole by the load: when
                // the inputs are back to what is served, so is the site.
                if failed.is_none() && Some(now()) == served {
                    return None;
                }
                // Said before the swap, so that whoever sees the new site
                // has been told of it (a test that stops the server once
                // it serves the edit finds the line).
                (state.report)(&format!("rebuilt in {:.2} s; open pages reload", started.elapsed().as_secs_f64()));
                state.replace(loaded);
                return None;
            }
            Err(failure) => {
                // A file caught half-written fails to load: if the inputs
                // are still changing, load them again before saying so.
                std::thread::sleep(RECHECK);
                let after = now();
                // Back to what is served (a file saved unchanged by
                // emptying it first, caught empty): nothing to do.
                if Some(after) == served {
                    return failed;
                }
                if after != digest {
                    digest = after;
                    continue;
                }
                // The loader has printed the problems; the pages show them.
                state.fail(failure);
                (state.report)("the last good site is still served; fix the file and save to rebuild");
                return Some(digest);
            }
        }
    }
}
