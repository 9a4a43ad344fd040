//! Career text as weighted word vectors (TF-IDF), for the text parts of the
//! similarity score, and the sparse vectors' dot product.

use careerdiff_model::{Career, normalize_phrase};
use rayon::prelude::*;

use crate::hash::Map;

/// Words that say nothing about what a career is.
const STOP_WORDS: &[&str] = &[
    "about", "after", "also", "and", "any", "are", "as", "at", "be", "been", "being", "between", "both", "but", "by",
    "can", "could", "do", "each", "for", "from", "has", "have", "how", "in", "into", "is", "it", "its", "may", "more",
    "most", "not", "of", "on", "or", "other", "such", "than", "that", "the", "their", "them", "these", "they", "this",
    "those", "through", "to", "under", "up", "use", "using", "was", "what", "when", "where", "which", "who", "will",
    "with", "within", "work", "would",
];

/// How many of its heaviest words a career's text vector keeps.
const MAX_WORDS: usize = 48;

/// A sparse vector: (word id, weight), sorted by word id, unit length.
pub(crate) type TextVector = Vec<(u32, f64)>;

/// The legacy score's text vector per career: its title, summary, tasks,
/// alternate titles and body, keeping only the heaviest words.
pub(crate) fn vectors(careers: &[Career]) -> Vec<TextVector> {
    let texts = |idx: usize| -> Vec<&str> {
        let career = &careers[idx];
        [&career.title]
            .into_iter()
            .chain(career.summary.as_ref())
            .chain(&career.tasks)
            .chain(&career.alternate_titles)
            .chain([&career.body])
            .map(String::as_str)
            .collect()
    };
    tf_idf(careers.len(), texts, Terms { abbreviations: false, pairs: false, max: Some(MAX_WORDS) })
}

/// How a career's texts become the terms of its vector.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Terms {
    /// Whether the two-letter abbreviations of [`ABBREVIATIONS`] are
    /// words; other words shorter than three letters never are.
    pub abbreviations: bool,
    /// Whether each two neighbouring words of a text are a term too, so
    /// that "Machine Learning Engineer" meets "Machine Learning Scientist"
    /// on more than "machine" and "learning" apart.
    pub pairs: bool,
    /// How many of its heaviest terms a career keeps, if not all.
    pub max: Option<usize>,
}

/// A unit TF-IDF vector for each of `n` careers of the texts that `texts`
/// gives for its index, cut into terms as `terms` says: term frequency
/// `1 + ln(count)` times inverse document frequency `ln(N / careers with
/// the term)`, N the careers with any terms, so that a term every career
/// has weighs nothing. A career without terms gets an empty vector.
pub(crate) fn tf_idf<'t>(n: usize, texts: impl Fn(usize) -> Vec<&'t str> + Sync, terms: Terms) -> Vec<TextVector> {
    let texts: Vec<Vec<&str>> = (0..n).into_par_iter().map(&texts).collect();
    // Careers share many texts ("Microsoft Excel", "Screwdrivers"): each
    // distinct text is normalised once, in parallel.
    let mut index: Map<&str, usize> = Map::default();
    let mut distinct: Vec<&str> = Vec::new();
    for &text in texts.iter().flatten() {
        index.entry(text).or_insert_with(|| {
            distinct.push(text);
            distinct.len() - 1
        });
    }
    let text_terms: Vec<(Vec<String>, Vec<String>)> = distinct.par_iter().map(|text| words(text, terms)).collect();
    // Each career's words then its word pairs, counted in parallel, so that
    // only its distinct terms go through the shared map; term ids are given
    // out in career order.
    let words: Vec<Vec<(&str, u32)>> = texts
        .par_iter()
        .map(|career| {
            let parts: Vec<&(Vec<String>, Vec<String>)> = career.iter().map(|text| &text_terms[index[text]]).collect();
            distinct_words(parts.iter().flat_map(|p| &p.0).chain(parts.iter().flat_map(|p| &p.1)))
        })
        .collect();
    let mut ids: Map<&str, u32> = Map::default();
    let counts: Vec<Vec<(u32, u32)>> = words.into_iter().map(|w| word_counts(w, &mut ids)).collect();
    let mut df = vec![0u32; ids.len()];
    for career in &counts {
        for &(word, _) in career {
            df[word as usize] += 1;
        }
    }
    // Careers without any of these words do not make a word rarer.
    let n = counts.iter().filter(|c| !c.is_empty()).count().max(1) as f64;
    let idf: Vec<f64> = df.iter().map(|&d| (n / f64::from(d)).ln()).collect();
    counts
        .into_par_iter()
        .map(|career| {
            let mut vector: TextVector = career
                .into_iter()
                .map(|(word, tf)| (word, (1.0 + f64::from(tf).ln()) * idf[word as usize]))
                .filter(|&(_, w)| w > 0.0)
                .collect();
            if let Some(max) = terms.max {
                keep_heaviest(&mut vector, max);
            }
            unit(&mut vector);
            vector
        })
        .collect()
}

/// Keeps the `max` heaviest terms of a sparse vector (ties to the lower
/// id), still sorted by id. The heaviest words carry the likeness; keeping
/// only them makes every pair's cosine a short merge. Ids are unique, so
/// the terms kept are the same whichever way they are picked.
pub(crate) fn keep_heaviest(vector: &mut TextVector, max: usize) {
    if vector.len() > max {
        if max > 0 {
            vector.select_nth_unstable_by(max - 1, |x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
        }
        vector.truncate(max);
        vector.sort_unstable_by_key(|&(word, _)| word);
    }
}

/// Scales a sparse vector to unit length (an empty or zero vector stays so).
pub(crate) fn unit(vector: &mut TextVector) {
    let norm = vector.iter().map(|(_, w)| w * w).sum::<f64>().sqrt();
    if norm > 0.0 {
        vector.iter_mut().for_each(|(_, w)| *w /= norm);
    }
}

/// The terms of `text` that can tell careers apart: its words, in order,
/// and the pairs of neighbouring words if `terms` asks for them.
fn words(text: &str, terms: Terms) -> (Vec<String>, Vec<String>) {
    let short_ok = |w: &str| terms.abbreviations && ABBREVIATIONS.contains(&w);
    let keep =
        |w: &&str| (w.len() >= 3 || short_ok(w)) && !STOP_WORDS.contains(w) && !w.bytes().all(|b| b.is_ascii_digit());
    let words: Vec<String> = normalize_phrase(text).split(' ').filter(keep).map(str::to_owned).collect();
    let pairs = if terms.pairs { words.windows(2).map(|p| format!("{} {}", p[0], p[1])).collect() } else { Vec::new() };
    (words, pairs)
}

/// Two-letter abbreviations that job titles and tasks use as words
/// (`normalize_phrase` spells out "ML" and "NLP" itself). Spelling them out
/// would match homonyms: "AI" as "intelligence" meets Intelligence Analysts.
const ABBREVIATIONS: &[&str] = &["ai", "hr", "qa", "ui", "ux"];

/// Each distinct word of `words` with its count, in order of first use.
fn distinct_words<'w>(words: impl Iterator<Item = &'w String>) -> Vec<(&'w str, u32)> {
    let mut index: Map<&str, usize> = Map::default();
    let mut distinct: Vec<(&str, u32)> = Vec::new();
    for word in words {
        match index.get(word.as_str()) {
            Some(&i) => distinct[i].1 += 1,
            None => {
                index.insert(word, distinct.len());
                distinct.push((word, 1));
            }
        }
    }
    distinct
}

/// (word id, count) of distinct `words`, sorted by id; a new word gets the
/// next id, in the order the words are given.
fn word_counts<'w>(words: Vec<(&'w str, u32)>, ids: &mut Map<&'w str, u32>) -> Vec<(u32, u32)> {
    let mut counts: Vec<(u32, u32)> = words
        .into_iter()
        .map(|(word, count)| {
            let next = ids.len() as u32;
            (*ids.entry(word).or_insert(next), count)
        })
        .collect();
    counts.sort_unstable();
    counts
}

/// The dot product of two sparse vectors sorted by id: for unit vectors,
/// their cosine. The terms are added in id order whichever vector comes
/// first, so `cosine(a, b)` and `cosine(b, a)` are the same number.
pub(crate) fn cosine(a: &TextVector, b: &TextVector) -> f64 {
    let (mut i, mut j, mut dot) = (0, 0, 0.0);
    // A merge whose indices advance without branches (see
    // `skills::for_each_common`); a miss adds exactly zero.
    while i < a.len() && j < b.len() {
        let ((x, wx), (y, wy)) = (a[i], b[j]);
        dot += f64::from(u8::from(x == y)) * wx * wy;
        i += usize::from(x <= y);
        j += usize::from(y <= x);
    }
    dot
}
