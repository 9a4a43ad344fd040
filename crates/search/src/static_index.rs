//! The static search index for the published site: small JSON shards that
//! the browser loads on demand, as Pagefind does, so search works on a
//! static host with no server.
//!
//! Layout (under `search/`):
//! - `careers.json`: `[[title], [title, slug], …]`, a career's number is its
//!   position; the slug is left out when it is the title's [`plain_slug`],
//!   which the browser computes the same way (this halves the file);
//! - `w/<key>.json`: for every word starting with `key` (its first three
//!   letters, or the whole word when shorter), `{word: [[career, score], …]}`.
//!
//! A word's score for a career adds up the weights of the fields it appears
//! in (title over alternate titles over skills over body text, as in the
//! tantivy index) times the word's rarity. The browser sums the scores of
//! the query's words, the last one matched as a prefix for type-ahead.

use std::collections::{BTreeMap, BTreeSet};

use careerdiff_model::Content;

/// One file of the static index: its path under the site root and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Path relative to the site root, e.g. `search/w/pyt.json`.
    pub path: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// Field weights: a title match outranks an alternate title, a skill, then
/// the category and the summary.
const TITLE: f64 = 8.0;
const ALTERNATE_TITLE: f64 = 4.0;
const IN_DEMAND_SKILL: f64 = 3.5;
const SKILL: f64 = 1.5;
const CATEGORY: f64 = 1.0;
const SUMMARY: f64 = 0.5;

/// How many letters of a word name its shard.
pub const SHARD_KEY_LEN: usize = 3;

/// Builds the static index of `content`.
pub fn static_index(content: &Content) -> Vec<StaticFile> {
    let n = content.careers.len();
    // word → career → summed field weight
    let mut weights: BTreeMap<String, BTreeMap<usize, f64>> = BTreeMap::new();
    for (idx, career) in content.careers.iter().enumerate() {
        let mut add = |text: &str, weight: f64| {
            let mut seen = BTreeSet::new();
            for word in words(text) {
                if seen.insert(word.clone()) {
                    let entry = weights.entry(word).or_default().entry(idx).or_default();
                    // A word counts once per field and text; several fields add up.
                    *entry = (*entry + weight).min(TITLE + ALTERNATE_TITLE + IN_DEMAND_SKILL + SKILL);
                }
            }
        };
        add(&career.title, TITLE);
        for title in &career.alternate_titles {
            add(title, ALTERNATE_TITLE);
        }
        for skill in &career.skills {
            add(&skill.name, if skill.in_demand { IN_DEMAND_SKILL } else { SKILL });
        }
        if let Some(category) = &career.category {
            add(category, CATEGORY);
        }
        if let Some(summary) = &career.summary {
            add(summary, SUMMARY);
        }
    }
    let mut shards: BTreeMap<String, BTreeMap<String, Vec<(usize, u32)>>> = BTreeMap::new();
    for (word, careers) in weights {
        let rarity = (1.0 + n as f64 / careers.len() as f64).ln();
        let mut postings: Vec<(usize, u32)> =
            careers.into_iter().map(|(career, w)| (career, (w * rarity * 10.0).round().max(1.0) as u32)).collect();
        postings.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        shards.entry(shard_key(&word).to_owned()).or_default().insert(word, postings);
    }
    let mut files = vec![StaticFile {
        path: "search/careers.json".to_owned(),
        bytes: json(&content.careers.iter().map(|c| careers_entry(&c.title, &c.slug)).collect::<Vec<_>>()),
    }];
    for (key, words) in shards {
        files.push(StaticFile { path: format!("search/w/{key}.json"), bytes: json(&words) });
    }
    files
}

fn careers_entry<'c>(title: &'c str, slug: &'c str) -> Vec<&'c str> {
    if plain_slug(title) == slug { vec![title] } else { vec![title, slug] }
}

/// The slug a title gives by the plain rule, as `search.js` computes it:
/// lower case, every run of characters other than a–z and 0–9 one hyphen,
/// none at either end.
pub fn plain_slug(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_matches('-').to_owned()
}

/// The words of `text` as the browser splits them: lower case ASCII
/// letters and digits; anything else separates words.
pub fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_ascii_lowercase)
}

/// The shard a word lives in: its first [`SHARD_KEY_LEN`] letters.
pub fn shard_key(word: &str) -> &str {
    &word[..word.len().min(SHARD_KEY_LEN)]
}

/// JSON with `<`, `>` and `&` escaped, so that no shard can close a script
/// element or start markup wherever it ends up.
fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let text = serde_json::to_string(value).unwrap_or_default();
    text.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026").into_bytes()
}
