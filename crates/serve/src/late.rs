//! Files of a site made after it is served: the static search index takes
//! about a second to make and no page needs it to show, so a server starts
//! (and a rebuild swaps in) without waiting for it. A request for a path
//! the site does not have waits until the late files are made, then finds
//! its file among them or is a 404.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// Files by path, made once, perhaps later than the site.
#[derive(Clone, Default)]
pub struct LateFiles(Arc<OnceLock<HashMap<String, Vec<u8>>>>);

impl LateFiles {
    /// Files that are already made.
    pub fn made(files: Vec<(String, Vec<u8>)>) -> Self {
        let late = LateFiles::default();
        let _ = late.0.set(files.into_iter().collect());
        late
    }

    /// Files made by `make` on a thread of their own, from now. A `make`
    /// that fails gives no files (its error is its own to report).
    pub fn in_background(make: impl FnOnce() -> Vec<(String, Vec<u8>)> + Send + 'static) -> std::io::Result<Self> {
        let late = LateFiles::default();
        let cell = Arc::clone(&late.0);
        std::thread::Builder::new().name("careerdiff-late-files".into()).spawn(move || {
            let _ = cell.set(make().into_iter().collect());
        })?;
        Ok(late)
    }

    /// The file at `path`, once the files are made (waiting for them if
    /// they are not yet), or `None` if there is none.
    pub(crate) async fn get(&self, path: &str) -> Option<Vec<u8>> {
        if self.0.get().is_none() {
            let cell = Arc::clone(&self.0);
            tokio::task::spawn_blocking(move || {
                cell.wait();
            })
            .await
            .ok()?;
        }
        self.0.get()?.get(path).cloned()
    }
}
