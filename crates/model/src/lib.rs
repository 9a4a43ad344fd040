//! The careerdiff content model: careers, the skill taxonomy and the site
//! configuration, loaded from a `content/` folder and validated.
//!
//! [`load_content`] reads a content folder into a [`Content`]: the
//! [`SiteConfig`] from `site.toml`, the [`Taxonomy`] from `skills.toml` and
//! one [`Career`] per `careers/<slug>.md`. Every problem in every file is
//! collected into [`ContentErrors`], each [`Diagnostic`] naming the file,
//! line and column and what was expected, so a writer fixes them all in one
//! pass. Parsing itself ([`parse_career`]) does no IO.
//!
//! Sibling crates: `careerdiff-compare` turns pairs of careers into
//! comparisons, `careerdiff-search` indexes them, `careerdiff-site` renders
//! them.
//!
//! A career file looks like this:
//!
//! ```toml
//! +++
//! title = "Data Scientist"
//! category = "Computer and Mathematical"
//! demand_score = 8.5
//! skills = ["Python", { name = "Statistical modelling", tags = ["statistics"] }]
//!
//! [salary]
//! min = 90000
//! max = 180000
//! +++
//! Data scientists turn data into decisions.
//!
//! ## Roadmap
//! 1. Learn Python and statistics.
//! ```

mod career;
mod collection;
mod control;
mod diagnostic;
pub mod display;
mod explain;
mod field_help;
mod frontmatter;
mod inert;
mod input;
mod load;
mod locate;
mod parse;
mod preferences;
mod site_config;
mod suggest;
mod taxonomy;
mod tolerant;
mod validate;
mod warnings;
mod worker_items;

pub use career::{Career, Difficulty, EntryBarrier, Onet, Period, Rating, Ratings, Salary, SkillRef, Wage};
pub use collection::{Collection, Filter, Sort, SortKey};
pub use diagnostic::{ContentErrors, Diagnostic, Level, SOURCE_WIDTH};
pub use inert::{escape_text, inert};
pub use input::{
    CAREER_FILE_LIMIT, COLLECTION_FILE_LIMIT, InputError, SITE_FILE_LIMIT, SKILLS_FILE_LIMIT, THEME_FILE_LIMIT,
    read_input, resolve_inside,
};
pub use load::{Content, LoadCache, load_content, load_content_with, pair_slug_problem};
pub use parse::{Checked, parse_career, parse_collection, parse_site, parse_skills};
pub use preferences::{Interests, SCORE_RANGE, Score, WorkValues};
pub use site_config::{PairPolicy, SiteConfig, base_url_problem};
pub use taxonomy::{Skill, Taxonomy, normalize_phrase};
pub use validate::is_web_url;
pub use worker_items::{ItemKind, WORKER_ITEMS, WORKER_ITEMS_SOURCE, WorkerItem, worker_item};

/// Cuts a content file into its TOML front matter and Markdown body, or
/// `None` when it has no `+++` fences.
pub fn split_front_matter(text: &str) -> Option<(&str, &str)> {
    frontmatter::split(text).ok().map(|s| (s.front, s.body))
}

/// Whether `slug` is safe as a file name and URL segment: lowercase ASCII
/// letters, digits and single hyphens, starting with a letter or digit.
/// Anything else could escape the output folder or clash on a
/// case-insensitive disk.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 100
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}
