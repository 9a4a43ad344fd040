//! [`Site`]: everything needed to render any page, owned, so that a build
//! renders its page list and a long-running process (a preview server) can
//! hold one, render pages on request and swap it for a new one on reload.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use careerdiff_compare::Comparer;
use careerdiff_model::{Content, PairPolicy, WORKER_ITEMS};
use minijinja::{Value, context};
use xxhash_rust::xxh3::Xxh3;

use crate::page::PageId;
use crate::pair_data::PairParts;
use crate::plan::Plan;
use crate::sitemap::MAX_URLS_PER_FILE;
use crate::theme::Theme;
use crate::tool_data::{self, ToolPairs};
use crate::urls::{ITEMS_INDEX_PATH, career_path, collection_path, item_path, pair_path, roadmap_path, skill_path};
use crate::{Ranker, SiteError, credits, fingerprint};

/// What a site is made from besides its content and theme.
#[derive(Default, Clone)]
pub struct SiteOptions {
    /// More files to publish with the site, by path: the static search
    /// index.
    pub extra_files: Vec<(String, ExtraFile)>,
    /// Ranks careers for a skill page: given a skill's name, the positions
    /// of careers in `Content::careers`, best first (the CLI passes the
    /// search index's ranking).
    pub rank: Option<Arc<Ranker>>,
}

/// A file published with the site that no template makes.
#[derive(Debug, Clone)]
pub enum ExtraFile {
    /// Its bytes.
    Bytes(Vec<u8>),
    /// A file an earlier build published, read only when it has to be
    /// written again: a rebuild that keeps it does not read it at all.
    Kept {
        /// Where it is.
        from: PathBuf,
        /// The fingerprint of its bytes, as [`ExtraFile::fingerprint`]
        /// gives it.
        fingerprint: u64,
    },
}

impl ExtraFile {
    /// The fingerprint of its bytes, as the manifest records it: for a
    /// kept file, the one it was published with.
    pub fn fingerprint(&self) -> u64 {
        match self {
            ExtraFile::Bytes(bytes) => fingerprint::output_fingerprint(bytes),
            ExtraFile::Kept { fingerprint, .. } => *fingerprint,
        }
    }
}

/// A site ready to render: the content (shared), its comparer, the theme,
/// and what every page reads that is made once (the plan: pairs, similar
/// careers, career views, skill and collection members; the template
/// values pair pages share).
pub struct Site {
    pub(crate) plan: Plan,
    pub(crate) theme: Theme,
    pub(crate) parts: PairParts,
    /// The `site` value every template gets.
    pub(crate) globals: Value,
    pub(crate) extras: Vec<(String, ExtraFile)>,
    /// What several pages read, hashed once, for fingerprints: made by
    /// [`Site::prepare_fingerprints`] (a server, which never asks for a
    /// fingerprint, never makes it).
    shared: OnceLock<fingerprint::Shared>,
    /// The comparison tool's comparisons, made when first needed.
    tool_pairs: OnceLock<ToolPairs>,
    /// Every page but the pairs, by path, made on the first lookup.
    routes: OnceLock<std::collections::HashMap<String, PageId>>,
    /// [`Site::page_list_digest`], made when first asked.
    list_digest: OnceLock<u64>,
}

impl Site {
    /// Prepares every page of the content `comparer` compares.
    pub fn new(comparer: Arc<Comparer>, theme: Theme, options: SiteOptions) -> Result<Self, SiteError> {
        let plan = Plan::new(comparer, options.rank.clone());
        let parts = PairParts::new(&plan, &theme)?;
        let content = plan.comparer.content();
        let globals = context! {
            credits => credits::credits(content), items_index_url => ITEMS_INDEX_PATH,
            ..Value::from_serialize(&content.site)
        };
        Ok(Site {
            plan,
            theme,
            parts,
            globals,
            extras: options.extra_files,
            shared: OnceLock::new(),
            tool_pairs: OnceLock::new(),
            routes: OnceLock::new(),
            list_digest: OnceLock::new(),
        })
    }

    /// Adds files to publish with the site, as [`SiteOptions::extra_files`]
    /// does: files made from the same inputs (the static search index) can
    /// then be made while the site is prepared rather than before.
    pub fn add_extra_files(&mut self, files: Vec<(String, ExtraFile)>) {
        self.extras.extend(files);
    }

    /// Hashes what several pages read, once, so that
    /// [`Site::input_fingerprint`] can be asked from many threads. Call it
    /// before asking for fingerprints in parallel (it works in parallel
    /// itself, and must not start from inside a parallel loop whose other
    /// steps wait for it).
    pub fn prepare_fingerprints(&self) {
        self.shared();
    }

    /// What [`Site::prepare_fingerprints`] makes.
    pub(crate) fn shared(&self) -> &fingerprint::Shared {
        self.shared.get_or_init(|| fingerprint::Shared::new(&self.plan, &self.parts, &self.theme, &self.globals))
    }

    /// The content the site is built from.
    pub fn content(&self) -> &Content {
        self.plan.comparer.content()
    }

    /// The comparer of the site's careers.
    pub fn comparer(&self) -> &Arc<Comparer> {
        &self.plan.comparer
    }

    /// The theme the pages are rendered with.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// Every page and file of the site, in the order the sitemap lists
    /// them (the pages it lists come first).
    pub fn pages(&self) -> impl Iterator<Item = PageId> + '_ {
        let n = self.content().careers.len() as u32;
        let head = [PageId::Home, PageId::Search, PageId::Tool].into_iter();
        let careers = (0..n).map(PageId::Career).chain((0..n).map(PageId::Roadmap));
        let skills = (0..self.plan.skills.len() as u32).map(PageId::Skill);
        let collections = (0..self.content().collections.len() as u32).map(PageId::Collection);
        let items = std::iter::once(PageId::ItemsIndex).chain((0..WORKER_ITEMS.len() as u16).map(PageId::Item));
        let pairs = self.plan.pairs.iter().map(|&(i, j)| PageId::Pair(i, j));
        let tool_data = self
            .has_tool_data()
            .then(|| std::iter::once(PageId::ToolGlance).chain((0..n).map(PageId::ToolData)))
            .into_iter()
            .flatten();
        let sitemaps = (0..self.sitemap_files()).map(PageId::Sitemap);
        let tail = [PageId::SitemapIndex, PageId::Robots].into_iter();
        let statics = (0..self.theme.statics().len() as u32).map(PageId::Static);
        let extras = (0..self.extras.len() as u32).map(PageId::Extra);
        head.chain(careers)
            .chain(skills)
            .chain(collections)
            .chain(items)
            .chain(pairs)
            .chain(std::iter::once(PageId::NotFound))
            .chain(tool_data)
            .chain(sitemaps)
            .chain(tail)
            .chain(statics)
            .chain(extras)
    }

    /// How many pages [`Site::pages`] lists.
    pub fn page_count(&self) -> usize {
        let n = self.content().careers.len();
        let tool_data = if self.has_tool_data() { n + 1 } else { 0 };
        let fixed = 3 + 1 + 1 + 2; // home, search, tool; items index; 404; sitemap index, robots
        fixed
            + 2 * n
            + self.plan.skills.len()
            + self.content().collections.len()
            + WORKER_ITEMS.len()
            + self.plan.pairs.len()
            + tool_data
            + self.sitemap_files() as usize
            + self.theme.statics().len()
            + self.extras.len()
    }

    /// A digest of the page list: two sites made by one program list the
    /// same pages at the same paths in the same order when their digests
    /// are equal. Pair pages count by their careers' positions (with every
    /// career's slug), every other page by its path, so an all-pairs site
    /// is digested without formatting its 400,000 pair paths.
    pub fn page_list_digest(&self) -> u64 {
        *self.list_digest.get_or_init(|| self.digest_page_list())
    }

    fn digest_page_list(&self) -> u64 {
        // Each part is tagged or counted, so that no two lists read alike.
        let mut hasher = Xxh3::new();
        hasher.update(&(self.content().careers.len() as u64).to_le_bytes());
        for slug in self.content().careers.iter().map(|career| career.slug.as_str()) {
            hasher.update(slug.as_bytes());
            hasher.update(b"\0");
        }
        for page in self.pages() {
            if let PageId::Pair(i, j) = page {
                hasher.update(b"p");
                hasher.update(&i.to_le_bytes());
                hasher.update(&j.to_le_bytes());
            } else {
                hasher.update(b"f");
                hasher.update(self.path(page).as_bytes());
                hasher.update(b"\0");
            }
        }
        hasher.digest()
    }

    /// The path of `page` in the published folder.
    pub fn path(&self, page: PageId) -> String {
        let content = self.content();
        let slug = |i: u32| content.careers[i as usize].slug.as_str();
        match page {
            PageId::Home => "index.html".into(),
            PageId::Search => "search.html".into(),
            PageId::Tool => "compare.html".into(),
            PageId::Career(i) => career_path(slug(i)),
            PageId::Roadmap(i) => roadmap_path(slug(i)),
            PageId::Skill(k) => skill_path(&content.taxonomy.get(self.plan.skills[k as usize].0).id),
            PageId::Collection(c) => collection_path(&content.collections[c as usize].slug),
            PageId::ItemsIndex => ITEMS_INDEX_PATH.into(),
            PageId::Item(n) => item_path(&WORKER_ITEMS[n as usize]),
            PageId::Pair(i, j) => pair_path(slug(i), slug(j)),
            PageId::NotFound => "404.html".into(),
            PageId::ToolGlance => tool_data::GLANCE_PATH.into(),
            PageId::ToolData(i) => tool_data::data_path(slug(i)),
            PageId::Sitemap(n) => format!("sitemap-{}.xml", n + 1),
            PageId::SitemapIndex => "sitemap.xml".into(),
            PageId::Robots => "robots.txt".into(),
            PageId::Static(k) => self.theme.statics()[k as usize].0.clone(),
            PageId::Extra(k) => self.extras[k as usize].0.clone(),
        }
    }

    /// The page's address relative to the base URL, as the sitemap gives
    /// it: the home page is the base URL itself.
    pub fn url_path(&self, page: PageId) -> String {
        if page == PageId::Home { String::new() } else { self.path(page) }
    }

    /// The page at `path`, if the site has one there. A pair page of two
    /// existing careers is found even when the pair policy gives it no
    /// page (a server may render it on request; the build does not).
    pub fn page_at(&self, path: &str) -> Option<PageId> {
        if let Some(pair) = path.strip_prefix("compare/").and_then(|p| p.strip_suffix(".html"))
            && let Some(page) = self.pair_at(pair)
        {
            return Some(page);
        }
        let path = if path.is_empty() { "index.html" } else { path };
        let routes = self
            .routes
            .get_or_init(|| self.pages().filter(|p| !p.is_pair()).map(|page| (self.path(page), page)).collect());
        routes.get(path).copied()
    }

    /// The pair page `<a>-vs-<b>` of two existing careers, the slugs in
    /// order. Slugs may hold `-vs-` themselves, so every split is tried.
    fn pair_at(&self, name: &str) -> Option<PageId> {
        let comparer = &self.plan.comparer;
        name.match_indices("-vs-").find_map(|(at, sep)| {
            let (a, b) = (&name[..at], &name[at + sep.len()..]);
            let (i, j) = (comparer.index_of(a)?, comparer.index_of(b)?);
            (a < b).then_some(PageId::Pair(i as u32, j as u32))
        })
    }

    /// The comparison tool's comparisons, each pair once.
    pub(crate) fn tool_pairs(&self) -> &ToolPairs {
        self.tool_pairs.get_or_init(|| ToolPairs::new(&self.plan))
    }

    /// Whether the build writes the comparison tool's data: when pairs
    /// have no page of their own.
    pub(crate) fn has_tool_data(&self) -> bool {
        matches!(self.content().site.pairs, PairPolicy::Similar { .. })
    }

    /// The folders of the output, made before any page is written (a full
    /// build makes each of them, even one that stays empty).
    pub(crate) fn dirs(&self) -> Vec<String> {
        let mut dirs: Vec<String> = ["careers", "compare", "roadmaps", "skills", "collections", "search/w", "search/r"]
            .map(String::from)
            .into();
        if self.has_tool_data() {
            dirs.push("compare/data".into());
        }
        let files = self.theme.statics().iter().map(|(p, _)| p).chain(self.extras.iter().map(|(p, _)| p));
        for path in files {
            let mut rel = path.as_str();
            while let Some((parent, _)) = rel.rsplit_once('/') {
                dirs.push(parent.to_owned());
                rel = parent;
            }
        }
        dirs.sort();
        dirs.dedup();
        dirs
    }

    /// The site of the content folder `content` with the theme folder
    /// `theme` (if any) laid over the default one, for tests.
    #[cfg(test)]
    pub(crate) fn load(content: &std::path::Path, theme: Option<&std::path::Path>) -> Site {
        let content = careerdiff_model::load_content(content).expect("the content loads");
        let comparer = Arc::new(Comparer::new(Arc::new(content)));
        Site::new(comparer, Theme::load(theme).expect("the theme loads"), SiteOptions::default())
            .expect("the site is prepared")
    }

    /// How many sitemap files the site's URLs fill.
    pub(crate) fn sitemap_files(&self) -> u32 {
        let content = self.content();
        let urls = 3
            + 2 * content.careers.len()
            + self.plan.skills.len()
            + content.collections.len()
            + 1
            + WORKER_ITEMS.len()
            + self.plan.pairs.len();
        urls.div_ceil(MAX_URLS_PER_FILE).max(1) as u32
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::Arc;

    use careerdiff_compare::Comparer;
    use careerdiff_model::{Content, PairPolicy};

    use super::{Site, SiteOptions};
    use crate::Theme;

    /// The site of the small fixture, its content edited by `edit`.
    fn site_with(edit: impl FnOnce(&mut Content)) -> Site {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/ok/small");
        let mut content = careerdiff_model::load_content(&fixture).expect("the fixture loads");
        edit(&mut content);
        let comparer = Arc::new(Comparer::new(Arc::new(content)));
        Site::new(comparer, Theme::load(None).expect("the theme loads"), SiteOptions::default()).expect("prepared")
    }

    fn statisticians(content: &mut Content) -> &mut careerdiff_model::Career {
        content.careers.iter_mut().find(|c| c.slug == "statisticians").expect("in the fixture")
    }

    fn paths(site: &Site) -> Vec<String> {
        site.pages().map(|page| site.path(page)).collect()
    }

    /// A full build fingerprints each page from the source it renders, an
    /// incremental build without rendering it: the two must agree on every
    /// page, or each rebuild renders again what is unchanged.
    #[test]
    fn full_and_incremental_builds_fingerprint_every_page_alike() {
        let site = site_with(|_| {});
        site.prepare_fingerprints();
        for page in site.pages() {
            let rendered = site.fingerprint_of(page, Some(&site.source(page)));
            assert_eq!(rendered, site.input_fingerprint(page), "{}", site.path(page));
        }
    }

    /// Equal digests are equal path lists: an edit that keeps every page
    /// keeps the digest, and one that renames a career changes it.
    #[test]
    fn the_page_list_digest_changes_with_the_paths_and_only_then() {
        let site = site_with(|_| {});
        let edited =
            site_with(|content| statisticians(content).summary = Some("Design or apply statistical methods.".into()));
        assert_eq!(paths(&edited), paths(&site));
        assert_eq!(edited.page_list_digest(), site.page_list_digest());
        let renamed = site_with(|content| statisticians(content).slug = "statistician".into());
        assert_ne!(paths(&renamed), paths(&site));
        assert_ne!(renamed.page_list_digest(), site.page_list_digest());
        let fewer = site_with(|content| content.site.pairs = PairPolicy::Similar { per_career: 1 });
        assert_ne!(fewer.page_list_digest(), site.page_list_digest(), "fewer pairs, another list");
    }
}
