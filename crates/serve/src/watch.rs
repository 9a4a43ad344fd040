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
        // A change between loading the first site and watching is seen by
        // no event: compare the inputs with the ones the site was made from.
        let paths: Vec<&std::path::Path> = inputs.iter().map(PathBuf::as_path).collect();
        if careerdiff_site::input_digest(&paths) != state.current().digest {
            rebuild(&state, &*loader);
        }
        // Ends when the watcher (the channel's sender) is dropped.
        while rx.recv().is_ok() {
            loop {
                match rx.recv_timeout(SETTLE) {
                    Ok(()) => continue,
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return,
                }
            }
            rebuild(&state, &*loader);
        }
    })?;
    Ok(watcher)
}

fn rebuild(state: &AppState, loader: &Loader) {
    let started = Instant::now();
    match loader() {
        Ok(loaded) => {
            state.replace(loaded);
            (state.report)(&format!("rebuilt in {:.2} s; open pages reload", started.elapsed().as_secs_f64()));
        }
        Err(failure) => {
            // The loader has printed the problems; the pages show them.
            state.fail(failure);
            (state.report)("the last good site is still served; fix the file and save to rebuild");
        }
    }
}
