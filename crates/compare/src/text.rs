//! Career text as weighted word vectors (TF-IDF), for the text parts of the
//! similarity score, and the sparse vectors' dot product.

use std::collections::HashMap;

use careerdiff_model::{Career, normalize_phrase};
use rayon::prelude::*;

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
    let texts = |idx: usize| -> Vec<String> {
        let career = &careers[idx];
        [&career.title]
            .into_iter()
            .chain(career.summary.as_ref())
            .chain(&career.tasks)
            .chain(&career.alternate_titles)
            .chain([&career.body])
            .cloned()
            .collect()
    };
    tf_idf(careers.len(), texts, Some(MAX_WORDS))
}

/// A unit TF-IDF vector for each of `n` careers of the texts that `texts`
/// gives for its index: term frequency `1 + ln(count)` times inverse
/// document frequency `ln(N / careers with the word)`, N the careers with
/// any such words, so that a word every career has weighs nothing. With
/// `max_words`, only that many of a career's heaviest words are kept. A
/// career without words gets an empty vector.
pub(crate) fn tf_idf(
    n: usize,
    texts: impl Fn(usize) -> Vec<String> + Sync,
    max_words: Option<usize>,
) -> Vec<TextVector> {
    // Normalising runs in parallel; word ids are given out in career order.
    let words: Vec<Vec<String>> = (0..n).into_par_iter().map(|idx| words(&texts(idx))).collect();
    let mut ids: HashMap<String, u32> = HashMap::new();
    let counts: Vec<Vec<(u32, u32)>> = words.into_iter().map(|w| word_counts(w, &mut ids)).collect();
    let mut df = vec![0u32; ids.len()];
    for career in &counts {
        for &(word, _) in career {
            df[word as usize] += 1;
        }
    }
    // Careers without any of these words do not make a word rarer.
    let n = counts.iter().filter(|c| !c.is_empty()).count().max(1) as f64;
    counts
        .into_iter()
        .map(|career| {
            let mut vector: TextVector = career
                .into_iter()
                .map(|(word, tf)| (word, (1.0 + f64::from(tf).ln()) * (n / f64::from(df[word as usize])).ln()))
                .filter(|&(_, w)| w > 0.0)
                .collect();
            if let Some(max) = max_words {
                keep_heaviest(&mut vector, max);
            }
            unit(&mut vector);
            vector
        })
        .collect()
}

/// Keeps the `max` heaviest terms of a sparse vector (ties to the lower
/// id), still sorted by id. The heaviest words carry the likeness; keeping
/// only them makes every pair's cosine a short merge.
pub(crate) fn keep_heaviest(vector: &mut TextVector, max: usize) {
    if vector.len() > max {
        vector.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
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

/// The words of `texts` that can tell careers apart, in order.
fn words(texts: &[String]) -> Vec<String> {
    let mut words = Vec::new();
    for text in texts {
        let keep = |w: &&str| !(w.len() < 3 || STOP_WORDS.contains(w) || w.bytes().all(|b| b.is_ascii_digit()));
        words.extend(normalize_phrase(text).split(' ').filter(keep).map(str::to_owned));
    }
    words
}

/// (word id, count) of `words`, sorted by id; a new word gets the next id.
fn word_counts(words: Vec<String>, ids: &mut HashMap<String, u32>) -> Vec<(u32, u32)> {
    let mut counts: HashMap<u32, u32> = HashMap::new();
    for word in words {
        let next = ids.len() as u32;
        let id = *ids.entry(word).or_insert(next);
        *counts.entry(id).or_default() += 1;
    }
    let mut counts: Vec<(u32, u32)> = counts.into_iter().collect();
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
