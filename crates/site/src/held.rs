//! How a page's context holds what is made once per career — its view
//! (what its own page shows) and its entry in lists of careers — when
//! many pages show it: the values themselves, to render, or their
//! hashes, to fingerprint. The home page shows every career's view and a
//! skill page an entry per career that uses the skill; hashing a
//! context with the hashes in place of the values hashes each view and
//! entry once per build instead of once per page that shows it (on the
//! 923-career import, a quarter of an incremental build went to
//! serialising the same views and entries again). The context is the same
//! code either way, so a value added to it is fingerprinted as it is
//! rendered.

use minijinja::Value;

use crate::fingerprint::Shared;
use crate::listings;
use crate::site::Site;

/// What a context holds for each career it shows.
#[derive(Clone, Copy)]
pub(crate) enum Held<'s> {
    /// The views and entries, to render.
    Values,
    /// Their hashes, made once by [`Shared`], to fingerprint.
    Hashes(&'s Shared),
}

impl Held<'_> {
    /// Career `c`'s view.
    pub(crate) fn view(self, site: &Site, c: usize) -> Value {
        match self {
            Held::Values => site.plan.careers[c].clone(),
            Held::Hashes(shared) => Value::from(format!("view {:016x}", shared.views[c])),
        }
    }

    /// Career `c`'s entry in a list whose fourth column is `column`.
    pub(crate) fn entry(self, site: &Site, c: usize, column: &str) -> Value {
        match self {
            Held::Hashes(shared) if column == listings::LIST_COLUMN => {
                Value::from(format!("entry {:016x}", shared.entries[c]))
            }
            _ => listings::entry(&site.plan, c, column),
        }
    }
}
