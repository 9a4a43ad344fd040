//! The site configuration file, `content/site.toml`.

use serde::{Deserialize, Serialize};

/// Site-wide settings.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in every page title and the header.
    #[serde(default = "default_title")]
    pub title: String,
    /// One sentence about the site, for the home page description.
    #[serde(default)]
    pub description: String,
    /// The public address the site is published at, e.g.
    /// `https://careers.example.org/`. Canonical URLs, Open Graph tags and
    /// the sitemap are built on it. It must end in `/`.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// The theme: a folder under `themes/` beside the content folder whose
    /// files override the built-in default theme file by file.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Which pairs of careers get a page.
    #[serde(default)]
    pub pairs: PairPolicy,
}

/// Which pairs of careers get a comparison page.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, tag = "policy", rename_all = "lowercase")]
#[derive(Default)]
pub enum PairPolicy {
    /// Every unordered pair: N(N−1)/2 pages.
    #[default]
    All,
    /// Each career with its `per_career` most similar careers.
    Similar {
        /// How many similar careers per career get a page, at least 1.
        per_career: usize,
    },
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: default_title(),
            description: String::new(),
            base_url: default_base_url(),
            theme: default_theme(),
            pairs: PairPolicy::default(),
        }
    }
}

fn default_title() -> String {
    "careerdiff".to_owned()
}

fn default_base_url() -> String {
    "/".to_owned()
}

fn default_theme() -> String {
    "default".to_owned()
}
