//! Page identity: every file a site publishes is a [`PageId`], with one
//! path. The site's page list ([`crate::Site::pages`]) drives the build, the
//! sitemap, the incremental build's manifest and the server's routes, so
//! no list of pages is kept anywhere else.

/// One page or file of a site. Indices are positions in the site's lists
/// (careers in `Content::careers`, skills in the plan, collections in
/// `Content::collections`, items in `WORKER_ITEMS`, static files in the
/// theme), so an id is small, copyable and orders pages as the sitemap
/// lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PageId {
    /// `index.html`.
    Home,
    /// `search.html`.
    Search,
    /// `compare.html`: pick any two careers.
    Tool,
    /// `careers/<slug>.html`.
    Career(u32),
    /// `roadmaps/<slug>.html`.
    Roadmap(u32),
    /// `skills/<id>.html`: careers that use a technology skill (index into
    /// the site's skill list).
    Skill(u32),
    /// `collections/<slug>.html`.
    Collection(u32),
    /// `skills/index.html`: the O*NET skills and knowledge areas.
    ItemsIndex,
    /// `skills/<item>.html`: one O*NET skill or knowledge area.
    Item(u16),
    /// `compare/<a>-vs-<b>.html`, careers `a < b`.
    Pair(u32, u32),
    /// `404.html`.
    NotFound,
    /// `compare/glance.json`: what the comparison tool's data of every
    /// career shares, when pairs have no page of their own.
    ToolGlance,
    /// `compare/data/<slug>.json`: the comparison tool's data for a
    /// career, when pairs have no page of their own.
    ToolData(u32),
    /// `sitemap-<n+1>.xml`: at most 50,000 page URLs.
    Sitemap(u32),
    /// `sitemap.xml`: the index of the sitemap files.
    SitemapIndex,
    /// `robots.txt`.
    Robots,
    /// A static file of the theme (`style.css`, …).
    Static(u32),
    /// A file handed to the build (the static search index).
    Extra(u32),
}

impl PageId {
    /// Whether the sitemap lists the page: the HTML pages a visitor may
    /// land on from a search engine.
    pub fn in_sitemap(self) -> bool {
        matches!(
            self,
            PageId::Home
                | PageId::Search
                | PageId::Tool
                | PageId::Career(_)
                | PageId::Roadmap(_)
                | PageId::Skill(_)
                | PageId::Collection(_)
                | PageId::ItemsIndex
                | PageId::Item(_)
                | PageId::Pair(..)
        )
    }

    /// The theme template that renders the page, if one does.
    pub fn template(self) -> Option<&'static str> {
        Some(match self {
            PageId::Home => "home.html",
            PageId::Search => "search.html",
            PageId::Tool => "tool.html",
            PageId::Career(_) => "career.html",
            PageId::Roadmap(_) => "roadmap.html",
            PageId::Skill(_) => "skill.html",
            PageId::Collection(_) => "collection.html",
            PageId::ItemsIndex => "items.html",
            PageId::Item(_) => "item.html",
            PageId::Pair(..) => "pair.html",
            PageId::NotFound => "404.html",
            _ => return None,
        })
    }

    /// Whether the page is a pair page, the pages a shard splits.
    pub fn is_pair(self) -> bool {
        matches!(self, PageId::Pair(..))
    }
}
