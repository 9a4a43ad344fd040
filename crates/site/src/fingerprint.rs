//! Page fingerprints: a hash of everything a page is made from, so that an
//! incremental build re-renders only the pages whose inputs changed.
//!
//! A page rendered by a template is a pure function of the template's
//! source (with the templates it extends, imports or includes) and its
//! context; its fingerprint hashes both. Pages that show careers' views
//! or list entries (home, career, roadmap and skill pages) hash their
//! context with each view's and entry's hash in its place, made once per
//! build ([`crate::held::Held`]). The context is the explicit list
//! of what the page reads, whole-site inputs included: a career page's
//! context holds its similar careers, so a similar-careers list changes
//! the pages that show it, and only those. A pair page's inputs are named
//! in [`PairInputs`] and hashed from parts made once per career and from
//! what its comparison reads ([`careerdiff_compare::InputHashes`]), so a
//! pair's fingerprint is known without comparing it: on 400,000 pairs,
//! comparing and hashing each comparison cost more than a fifth of a full
//! build. A sitemap file's fingerprint is the page list's digest (with the
//! base URL); other files that no template makes (data, assets) are
//! fingerprinted by their bytes.
//!
//! A page's output fingerprint is the hash of its bytes: a page whose
//! inputs changed but whose bytes did not is not written again.
//!
//! The hash is XXH3, 64 bits: a page whose inputs changed keeps its old
//! fingerprint with a chance of 2^-64.

use std::collections::{BTreeMap, BTreeSet};
use std::hash::{Hash, Hasher};
use std::io::Write;

use careerdiff_compare::InputHashes;
use minijinja::Value;
use rayon::prelude::*;
use serde::Serialize;
use xxhash_rust::xxh3::{Xxh3, xxh3_64};

use crate::PageId;
use crate::held::Held;
use crate::pair_data::PairParts;
use crate::plan::Plan;
use crate::render::Source;
use crate::site::Site;
use crate::theme::Theme;
use crate::{listings, pages};

/// Hashes of what many pages read, made once per site.
pub(crate) struct Shared {
    /// Each template's source with every template it uses, by name.
    templates: BTreeMap<String, u64>,
    /// The `site` value of every page.
    globals: u64,
    /// What a pair page reads of each career: its view, its skill items
    /// and its links to other pairs.
    careers: Vec<u64>,
    /// Each career's view, for the pages that show it ([`Held`]).
    pub(crate) views: Vec<u64>,
    /// Each career's entry in lists whose fourth column is
    /// [`listings::LIST_COLUMN`] ([`Held`]).
    pub(crate) entries: Vec<u64>,
    /// The collections' titles and paths, which pair pages link to.
    collections: u64,
    /// What comparisons read.
    compared: InputHashes,
}

/// What a pair page is made from, each input named.
#[derive(Hash)]
struct PairInputs {
    template: u64,
    site: u64,
    a: u64,
    b: u64,
    /// What the comparison reads: its verdicts, skill lists, profile,
    /// moves and advice are made from it.
    compared: u64,
    /// The collections linked from the page, and their titles.
    collections: Vec<usize>,
    collection_titles: u64,
}

impl Shared {
    pub(crate) fn new(plan: &Plan, parts: &PairParts, theme: &Theme, globals: &Value) -> Self {
        let content = plan.comparer.content();
        let (views, entries): (Vec<u64>, Vec<u64>) = (0..content.careers.len())
            .into_par_iter()
            .map(|c| (serialized(&plan.careers[c]), serialized(&listings::entry(plan, c, listings::LIST_COLUMN))))
            .unzip();
        let careers = views
            .par_iter()
            .enumerate()
            .map(|(c, view)| {
                let mut hasher = Xxh3::new();
                view.hash(&mut hasher);
                parts.career_fingerprint(c, &mut hasher);
                hasher.finish()
            })
            .collect();
        let collections = hash_of(&content.collections.iter().map(|c| (&c.title, &c.slug)).collect::<Vec<_>>());
        let compared = plan.comparer.input_hashes();
        Shared {
            templates: template_hashes(theme),
            globals: serialized(globals),
            careers,
            views,
            entries,
            collections,
            compared,
        }
    }

    fn template(&self, name: &str) -> u64 {
        self.templates.get(name).copied().unwrap_or_default()
    }
}

impl Site {
    /// The input fingerprint of `page`, made from its source only when
    /// needed (a pair page's is made without comparing the pair).
    pub(crate) fn input_fingerprint(&self, page: PageId) -> u64 {
        self.fingerprint_of(page, None)
    }

    /// The input fingerprint of `page`, made from `source` (what it is
    /// rendered from) when given and it is what the fingerprint hashes.
    /// Pages that show careers' views or list entries hash a context
    /// holding their hashes instead ([`Held`]).
    pub(crate) fn fingerprint_of(&self, page: PageId, source: Option<&Source<'_>>) -> u64 {
        match page {
            PageId::Pair(i, j) => self.pair_fingerprint((i as usize, j as usize)),
            // A sitemap file lists its share of the page list's URLs: they
            // change with the list or the base URL, and are not written
            // out to learn that (on an all-pairs site, 400,000 of them).
            PageId::Sitemap(n) => {
                hash_of(&("sitemap", n, self.content().site.base_url.as_str(), self.page_list_digest()))
            }
            PageId::Home | PageId::Career(_) | PageId::Roadmap(_) | PageId::Skill(_) => {
                self.fingerprint(&self.source_holding(page, Held::Hashes(self.shared())))
            }
            _ => match source {
                Some(source) => self.fingerprint(source),
                None => self.fingerprint(&self.source(page)),
            },
        }
    }

    /// The input fingerprint of the page made from `source`.
    fn fingerprint(&self, source: &Source<'_>) -> u64 {
        match source {
            Source::Template(name, context) => hash_of(&(self.shared().template(name), serialized(context))),
            Source::Pair(pair, _) => self.pair_fingerprint(*pair),
            Source::Text(text) => output_fingerprint(text.as_bytes()),
            Source::Bytes(bytes) => output_fingerprint(bytes),
            Source::File(_, fingerprint) => *fingerprint,
        }
    }

    fn pair_fingerprint(&self, (i, j): (usize, usize)) -> u64 {
        let shared = self.shared();
        let inputs = PairInputs {
            template: shared.template("pair.html"),
            site: shared.globals,
            a: shared.careers[i],
            b: shared.careers[j],
            compared: self.plan.comparer.pair_input_hash(&shared.compared, i, j),
            collections: pages::pair_collections(&self.plan, (i, j)),
            collection_titles: shared.collections,
        };
        hash_of(&inputs)
    }
}

/// The fingerprint of a page's bytes.
pub(crate) fn output_fingerprint(bytes: &[u8]) -> u64 {
    xxh3_64(bytes)
}

/// The hash of `value` as JSON, written straight into the hasher.
pub(crate) fn serialized(value: &impl Serialize) -> u64 {
    let mut writer = HashWriter(Xxh3::new());
    // Writing into a hasher cannot fail; a value that cannot be serialised
    // hashes as far as it got, the same every time.
    let _ = serde_json::to_writer(&mut writer, value);
    writer.0.finish()
}

pub(crate) fn hash_of(value: &(impl Hash + ?Sized)) -> u64 {
    let mut hasher = Xxh3::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// An `io::Write` that hashes what is written.
pub(crate) struct HashWriter(pub(crate) Xxh3);

impl Write for HashWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.write(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Each template's hash: its source and the sources of every template it
/// names (extends, imports, includes), followed to the end.
fn template_hashes(theme: &Theme) -> BTreeMap<String, u64> {
    let sources: BTreeMap<&str, String> = theme.templates().collect();
    let uses = |source: &str| -> Vec<&str> {
        sources
            .keys()
            .copied()
            .filter(|name| source.contains(&format!("\"{name}\"")) || source.contains(&format!("'{name}'")))
            .collect()
    };
    sources
        .keys()
        .map(|&name| {
            let mut seen = BTreeSet::from([name]);
            let mut todo = vec![name];
            while let Some(next) = todo.pop() {
                for used in uses(&sources[next]) {
                    if seen.insert(used) {
                        todo.push(used);
                    }
                }
            }
            let closure: Vec<(&str, &str)> = seen.into_iter().map(|n| (n, sources[n].as_str())).collect();
            (name.to_owned(), hash_of(&closure))
        })
        .collect()
}
