//! What a served site holds that is made after it: the search index and
//! the static search files take a couple of seconds to make and no page
//! but a skill page needs them, so a server starts (and a rebuild swaps in
//! its site) without waiting for them. A request that needs one waits
//! until it is made: `/api/search` for the index, a path the site does not
//! have for the static files (it finds its file among them or is a 404).

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

/// A value made once, perhaps later than the site it belongs to. Clones
/// share the value.
pub struct Late<T>(Arc<OnceLock<T>>);

impl<T> Clone for Late<T> {
    fn clone(&self) -> Self {
        Late(Arc::clone(&self.0))
    }
}

impl<T> Default for Late<T> {
    fn default() -> Self {
        Late(Arc::new(OnceLock::new()))
    }
}

impl<T: Send + Sync + 'static> Late<T> {
    /// Gives the value, once: later calls change nothing.
    pub fn set(&self, value: T) {
        let _ = self.0.set(value);
    }

    /// The value, waiting on this thread until it is made. Never call it
    /// where the value's maker waits for this thread.
    pub fn wait(&self) -> &T {
        self.0.wait()
    }

    /// The value, waiting for it off the async workers if it is not made.
    pub(crate) async fn get(&self) -> Option<&T> {
        if self.0.get().is_none() {
            let cell = Arc::clone(&self.0);
            tokio::task::spawn_blocking(move || {
                cell.wait();
            })
            .await
            .ok()?;
        }
        self.0.get()
    }
}

/// Files served with the site, by path (the static search index).
pub type LateFiles = Late<HashMap<String, Vec<u8>>>;

impl LateFiles {
    /// The file at `path`, once the files are made, or `None` if there is
    /// none.
    pub(crate) async fn file(&self, path: &str) -> Option<Vec<u8>> {
        self.get().await?.get(path).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_request_waits_for_a_value_made_later() {
        let late: LateFiles = Late::default();
        let maker = late.clone();
        let made = std::thread::spawn(move || {
            std::thread::sleep(std::time::Duration::from_millis(50));
            maker.set(HashMap::from([("search/careers.json".to_owned(), b"[]".to_vec())]));
        });
        assert_eq!(late.file("search/careers.json").await.as_deref(), Some(&b"[]"[..]));
        assert_eq!(late.file("search/other.json").await, None);
        made.join().unwrap();
        late.set(HashMap::new());
        assert!(late.wait().contains_key("search/careers.json"), "a value is given once");
    }
}
