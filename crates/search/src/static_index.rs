//! The static search index for the published site: the relevance model's
//! numbers, written as small JSON files that `search.js` loads on demand
//! (as Pagefind does), so the browser ranks exactly as the terminal does
//! with no server.
//!
//! Layout (under `search/`):
//! - `careers.json`: `{"categories": [name…], "careers": [[title,
//!   category or -1, slug?]…]}`; a career's number is its position, and
//!   its slug is left out when it is the title's [`plain_slug`];
//! - `w/<key>.json`: for every term whose first word starts with `key`
//!   (three letters, or the whole word when shorter; a shard that would
//!   be too big holds `"": 1` and the words no longer than its key, and
//!   the others move to shards with one more letter), `{term: [[career, points,
//!   reason?]…]}`, best first, the points [`SearchIndex`]'s own; a term
//!   may be two neighbouring words ("first aid"); a key `=<terms>` lists
//!   the careers whose title (2) or an alternate title (1) is those terms;
//! - `items.json`: the rating weight and every O*NET skill and knowledge
//!   area with the terms of the phrases that name it;
//! - `r/<item slug>.json`: `[[career, importance, level]…]` for each item.

use std::collections::{BTreeMap, HashMap};

use careerdiff_model::{ItemKind, WORKER_ITEMS};
use serde_json::{Value, json};

use crate::items::{MATCH_IMPORTANCE, RATING_WEIGHT};
use crate::query::REASONED_POSTINGS;
use crate::{SearchError, SearchIndex};

/// One file of the static index: its path under the site root and bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Path relative to the site root, e.g. `search/w/pyt.json`.
    pub path: String,
    /// The file's contents.
    pub bytes: Vec<u8>,
}

/// How many letters of a term name its shard, at first.
pub const SHARD_KEY_LEN: usize = 3;

/// Most bytes of a shard before it is split by one more letter.
const SHARD_BYTES: usize = 40_000;

/// Builds the static index of `index`.
pub fn static_index(index: &SearchIndex) -> Result<Vec<StaticFile>, SearchError> {
    let mut files = vec![careers_file(index), items_file(index)];
    files.extend(rating_files(index));
    let all = index.all_term_points()?;
    let reasons = reasons(index, &all);
    let mut entries: BTreeMap<String, Value> = BTreeMap::new();
    for (term, postings) in &all {
        let list: Vec<Value> = postings
            .iter()
            .filter(|(_, points)| *points > 0)
            .map(|&(career, points)| match reasons.get(&(term.as_str(), career)) {
                Some(reason) => json!([career, points, reason]),
                None => json!([career, points]),
            })
            .collect();
        entries.insert(term.clone(), Value::from(list));
    }
    for (title, careers) in &index.exact_titles {
        let list: Vec<Value> = careers.iter().map(|&(career, tier)| json!([career, tier])).collect();
        entries.insert(format!("={title}"), Value::from(list));
    }
    shards(entries, SHARD_KEY_LEN, &mut files);
    Ok(files)
}

/// Writes `entries` as shards keyed by the first `len` letters of each
/// term's first word; a shard over [`SHARD_BYTES`] keeps the terms whose
/// first word is no longer than its key, marks itself split with the key
/// `""`, and hands the rest to shards keyed by one more letter.
fn shards(entries: BTreeMap<String, Value>, len: usize, files: &mut Vec<StaticFile>) {
    let mut groups: BTreeMap<String, BTreeMap<String, Value>> = BTreeMap::new();
    for (term, list) in entries {
        groups.entry(shard_key(&term, len).to_owned()).or_default().insert(term, list);
    }
    for (key, mut group) in groups {
        let mut bytes = json_bytes(&group);
        let splittable = group.keys().any(|term| first_word(term).len() > len);
        if bytes.len() > SHARD_BYTES && splittable {
            let (longer, shorter): (BTreeMap<String, Value>, _) =
                group.into_iter().partition(|(term, _)| first_word(term).len() > len);
            group = shorter;
            group.insert(String::new(), Value::from(1));
            bytes = json_bytes(&group);
            shards(longer, len + 1, files);
        }
        files.push(StaticFile { path: format!("search/w/{key}.json"), bytes });
    }
}

/// The reason of each of every single term's [`REASONED_POSTINGS`] best careers,
/// found career by career.
fn reasons<'t>(index: &SearchIndex, all: &'t BTreeMap<String, Vec<(usize, i64)>>) -> HashMap<(&'t str, usize), String> {
    let mut wanted: Vec<Vec<&str>> = vec![Vec::new(); index.docs.len()];
    for (term, postings) in all.iter().filter(|(term, _)| !term.contains(' ')) {
        for &(career, _) in postings.iter().filter(|(_, points)| *points > 0).take(REASONED_POSTINGS) {
            wanted[career].push(term);
        }
    }
    let mut reasons = HashMap::new();
    for (career, terms) in wanted.into_iter().enumerate() {
        let finder = index.reason_finder(career);
        for term in terms {
            if let Some(reason) = finder.reason(term) {
                reasons.insert((term, career), reason);
            }
        }
    }
    reasons
}

fn careers_file(index: &SearchIndex) -> StaticFile {
    let mut categories: Vec<&str> = index.listings.iter().filter_map(|l| l.category.as_deref()).collect();
    categories.sort_unstable();
    categories.dedup();
    let careers: Vec<Value> = index
        .listings
        .iter()
        .map(|l| {
            let category = l.category.as_deref().and_then(|c| categories.binary_search(&c).ok());
            let category = category.map_or(json!(-1), |c| json!(c));
            if plain_slug(&l.title) == l.slug { json!([l.title, category]) } else { json!([l.title, category, l.slug]) }
        })
        .collect();
    StaticFile {
        path: "search/careers.json".to_owned(),
        bytes: json_bytes(&json!({ "categories": categories, "careers": careers })),
    }
}

fn items_file(index: &SearchIndex) -> StaticFile {
    let items: Vec<Value> = WORKER_ITEMS
        .iter()
        .zip(&index.item_phrases)
        .map(|(item, phrases)| {
            let kind = if item.kind == ItemKind::Knowledge { "knowledge" } else { "skill" };
            json!([item.name, kind, item.slug, phrases])
        })
        .collect();
    let body = json!({ "weight": RATING_WEIGHT, "match": MATCH_IMPORTANCE, "items": items });
    StaticFile { path: "search/items.json".to_owned(), bytes: json_bytes(&body) }
}

fn rating_files(index: &SearchIndex) -> Vec<StaticFile> {
    WORKER_ITEMS
        .iter()
        .enumerate()
        .map(|(item_idx, item)| {
            let ratings: Vec<Value> = index
                .ratings
                .iter()
                .enumerate()
                .filter_map(|(career, r)| r[item_idx].map(|(importance, level)| json!([career, importance, level])))
                .collect();
            StaticFile { path: format!("search/r/{}.json", item.slug), bytes: json_bytes(&ratings) }
        })
        .collect()
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

/// The first `len` letters of the first word of `term` (terms are ASCII),
/// which name the shard it lives in when shards are `len` letters long.
pub fn shard_key(term: &str, len: usize) -> &str {
    let word = first_word(term);
    &word[..word.len().min(len)]
}

/// The first word of a term, of a pair of words, or of a `=title` key.
fn first_word(term: &str) -> &str {
    let term = term.strip_prefix('=').unwrap_or(term);
    term.split(' ').next().unwrap_or(term)
}

/// JSON with `<`, `>` and `&` escaped, so that no shard can close a script
/// element or start markup wherever it ends up.
fn json_bytes<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let text = serde_json::to_string(value).unwrap_or_default();
    text.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026").into_bytes()
}
