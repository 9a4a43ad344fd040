//! The static search index for the published site: the relevance model's
//! numbers, written as small JSON files that `search.js` loads on demand
//! (as Pagefind does), so the browser ranks exactly as the terminal does
//! with no server.
//!
//! Layout (under `search/`):
//! - `careers.json`: `{"categories": [name…], "careers": [[title,
//!   category or -1, slug?]…], "prominence": [place…]}`; a career's number
//!   is its position, its slug is left out when it is the title's
//!   [`plain_slug`], and its place by employment breaks ties in points;
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
use std::fmt::Write as _;

use careerdiff_model::{ItemKind, WORKER_ITEMS};
use rayon::prelude::*;
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
    let mut entries: Vec<Entry> = all
        .par_iter()
        .map(|(term, postings)| {
            let mut list = String::from("[");
            for &(career, points) in postings.iter().filter(|(_, points)| *points > 0) {
                if list.len() > 1 {
                    list.push(',');
                }
                // Writing into a String cannot fail.
                let _ = match reasons.get(&(term.as_str(), career)) {
                    Some(reason) => write!(list, "[{career},{points},{}]", json_text(reason)),
                    None => write!(list, "[{career},{points}]"),
                };
            }
            list.push(']');
            Entry::new(term.clone(), list)
        })
        .collect();
    for (title, careers) in &index.exact_titles {
        let list: Vec<String> = careers.iter().map(|&(career, tier)| format!("[{career},{tier}]")).collect();
        entries.push(Entry::new(format!("={title}"), format!("[{}]", list.join(","))));
    }
    entries.sort_unstable_by(|a, b| a.term.cmp(&b.term));
    shards(entries, SHARD_KEY_LEN, &mut files);
    Ok(files)
}

/// One term of a shard, written as JSON once: its key and its value,
/// escaped as [`json_bytes`] escapes.
struct Entry {
    term: String,
    /// `"term":value`.
    json: String,
}

impl Entry {
    fn new(term: String, value: String) -> Self {
        let json = format!("{}:{}", json_text(&term), escape_markup(&value));
        Entry { term, json }
    }
}

/// Writes `entries` (sorted by term) as shards keyed by the first `len`
/// letters of each term's first word; a shard over [`SHARD_BYTES`] keeps
/// the terms whose first word is no longer than its key, marks itself
/// split with the key `""`, and hands the rest to shards keyed by one
/// more letter. Each shard is the JSON object of its entries in order.
fn shards(entries: Vec<Entry>, len: usize, files: &mut Vec<StaticFile>) {
    let mut groups: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
    for entry in entries {
        groups.entry(shard_key(&entry.term, len).to_owned()).or_default().push(entry);
    }
    for (key, group) in groups {
        let size = 1 + group.iter().map(|e| e.json.len() + 1).sum::<usize>();
        let splittable = group.iter().any(|e| first_word(&e.term).len() > len);
        let bytes = if size > SHARD_BYTES && splittable {
            let (longer, shorter): (Vec<Entry>, Vec<Entry>) =
                group.into_iter().partition(|e| first_word(&e.term).len() > len);
            let bytes = object(std::iter::once("\"\":1").chain(shorter.iter().map(|e| e.json.as_str())));
            shards(longer, len + 1, files);
            bytes
        } else {
            object(group.iter().map(|e| e.json.as_str()))
        };
        files.push(StaticFile { path: format!("search/w/{key}.json"), bytes });
    }
}

/// `{` + the members, comma-separated + `}`.
fn object<'a>(members: impl Iterator<Item = &'a str>) -> Vec<u8> {
    let mut out = String::from("{");
    for (i, member) in members.enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(member);
    }
    out.push('}');
    out.into_bytes()
}

/// `text` as a JSON string, escaped as [`json_bytes`] escapes.
fn json_text(text: &str) -> String {
    escape_markup(&serde_json::to_string(text).unwrap_or_default())
}

/// The reason of each of every single term's [`REASONED_POSTINGS`] best careers,
/// found career by career, careers in parallel.
fn reasons<'t>(index: &SearchIndex, all: &'t BTreeMap<String, Vec<(usize, i64)>>) -> HashMap<(&'t str, usize), String> {
    let mut wanted: Vec<Vec<&str>> = vec![Vec::new(); index.docs.len()];
    for (term, postings) in all.iter().filter(|(term, _)| !term.contains(' ')) {
        for &(career, _) in postings.iter().filter(|(_, points)| *points > 0).take(REASONED_POSTINGS) {
            wanted[career].push(term);
        }
    }
    let found: Vec<Vec<((&str, usize), String)>> = wanted
        .into_par_iter()
        .enumerate()
        .map(|(career, terms)| {
            let finder = index.reason_finder(career);
            terms.into_iter().filter_map(|term| Some(((term, career), finder.reason(term)?))).collect()
        })
        .collect();
    found.into_iter().flatten().collect()
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
        bytes: json_bytes(&json!({ "categories": categories, "careers": careers, "prominence": index.prominence })),
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
    escape_markup(&serde_json::to_string(value).unwrap_or_default()).into_bytes()
}

/// JSON text with `<`, `>` and `&` escaped (they only occur in strings).
fn escape_markup(json: &str) -> String {
    if !json.contains(['<', '>', '&']) {
        return json.to_owned();
    }
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}
