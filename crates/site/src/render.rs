//! Rendering one page of a [`Site`]: its template and context, or the
//! bytes of a file that no template makes.

use std::path::Path;

use careerdiff_compare::Comparison;
use careerdiff_model::WORKER_ITEMS;
use minijinja::Value;

use crate::held::Held;
use crate::page::PageId;
use crate::site::{ExtraFile, Site};
use crate::{SiteError, io_error, item_pages, listings, pages, sitemap, tool_data};

/// What a page is made from: a template and its context, or bytes.
// A source lives for one page and is never stored, so the size of the
// pair variant costs nothing, and boxing it would allocate once per pair.
#[allow(clippy::large_enum_variant)]
pub(crate) enum Source<'s> {
    Template(&'static str, Value),
    /// A pair page: the pair and its comparison, from which its context
    /// is made.
    Pair((usize, usize), Comparison<'s>),
    Text(String),
    Bytes(&'s [u8]),
    /// A file on disk whose bytes have this fingerprint ([`ExtraFile::Kept`]).
    File(&'s Path, u64),
}

impl Site {
    /// Renders `page`. Any page of [`Site::pages`] may be rendered, in any
    /// order and from any thread; so may a pair page the pair policy
    /// gives no page (a server renders those on request).
    pub fn render(&self, page: PageId) -> Result<Vec<u8>, SiteError> {
        self.render_source(self.source(page))
    }

    /// Renders a page from what it is made from.
    pub(crate) fn render_source(&self, source: Source<'_>) -> Result<Vec<u8>, SiteError> {
        Ok(match source {
            Source::Template(template, context) => self.theme.render(template, context)?.into_bytes(),
            Source::Pair(pair, comparison) => {
                self.theme.render("pair.html", pages::pair(self, pair, comparison))?.into_bytes()
            }
            Source::Text(text) => text.into_bytes(),
            Source::Bytes(bytes) => bytes.to_vec(),
            Source::File(path, _) => std::fs::read(path).map_err(io_error("reading", path))?,
        })
    }

    /// What `page` is made from.
    pub(crate) fn source(&self, page: PageId) -> Source<'_> {
        self.source_holding(page, Held::Values)
    }

    /// What `page` is made from, its contexts holding each career's view
    /// and entry as `held` says (see [`Held`]).
    pub(crate) fn source_holding(&self, page: PageId, held: Held<'_>) -> Source<'_> {
        let template = |context| Source::Template(page.template().unwrap_or_default(), context);
        let careers = &self.content().careers;
        let base_url = self.content().site.base_url.as_str();
        match page {
            PageId::Home => template(pages::home(self, held)),
            PageId::NotFound => template(pages::not_found(self)),
            PageId::Search => template(listings::career_finder(self, false)),
            PageId::Tool => template(listings::career_finder(self, true)),
            PageId::Career(i) => template(pages::career(self, i as usize, held)),
            PageId::Roadmap(i) => template(pages::roadmap(self, i as usize, held)),
            PageId::Skill(k) => template(listings::skill(self, k as usize, held)),
            PageId::Collection(c) => template(listings::collection(self, c as usize)),
            PageId::ItemsIndex => template(item_pages::index(careers, &self.globals)),
            PageId::Item(n) => template(item_pages::item(careers, &self.globals, n as usize)),
            PageId::Pair(i, j) => {
                let (i, j) = (i as usize, j as usize);
                Source::Pair((i, j), self.plan.comparer.compare(i, j))
            }
            PageId::ToolGlance => Source::Text(tool_data::glance_file(&self.parts.glance)),
            PageId::ToolData(i) => {
                Source::Text(tool_data::career_file(&self.plan, &self.parts.glance, self.tool_pairs(), i as usize))
            }
            PageId::Sitemap(n) => {
                let listed = self.pages().filter(|p| p.in_sitemap());
                // Skipped before the URLs are made: only this file's are.
                let mine = listed.skip(n as usize * sitemap::MAX_URLS_PER_FILE).take(sitemap::MAX_URLS_PER_FILE);
                Source::Text(sitemap::file(base_url, mine.map(|p| self.url_path(p))))
            }
            PageId::SitemapIndex => Source::Text(sitemap::index(base_url, self.sitemap_files())),
            PageId::Robots => Source::Text(sitemap::robots(base_url)),
            PageId::Static(k) => Source::Bytes(&self.theme.statics()[k as usize].1),
            PageId::Extra(k) => match &self.extras[k as usize].1 {
                ExtraFile::Bytes(bytes) => Source::Bytes(bytes),
                ExtraFile::Kept { from, fingerprint } => Source::File(from, *fingerprint),
            },
        }
    }
}

/// Every item page exists whatever the content: a compile-time check that
/// the item index fits the page id.
const _: () = assert!(WORKER_ITEMS.len() <= u16::MAX as usize);
