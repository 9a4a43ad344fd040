//! Career text as weighted word vectors (TF-IDF), for the text parts of the
//! similarity score, and the sparse vectors' dot product.

use careerdiff_model::{Career, normalize_phrase};
use rayon::prelude::*;

use crate::hash::Map;

/// Words that say nothing about what a career is, sorted (they are
/// looked up by binary search).
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
    let text_terms: Vec<TextTerms> = distinct
        .par_iter()
        .map_init(Map::default, |normalised, text| TextTerms::new(text, terms, normalised))
        .collect();
    // Each career's words then its word pairs, counted in parallel, so that
    // only its distinct terms go through the shared map; term ids are given
    // out in career order.
    let words: Vec<Vec<(Term, u32)>> = texts
        .par_iter()
        .map(|career| {
            let parts: Vec<&TextTerms> = career.iter().map(|text| &text_terms[index[text]]).collect();
            let words = parts.iter().flat_map(|p| p.words().map(Term::Word));
            let pairs = parts.iter().filter(|_| terms.pairs).flat_map(|p| p.pairs().map(|(x, y)| Term::Pair(x, y)));
            distinct_words(words.chain(pairs))
        })
        .collect();
    let mut ids: Map<Term, u32> = Map::default();
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

/// A term of a career's texts: a word, or two neighbouring words (see
/// [`Terms::pairs`]). Words have no spaces, so a pair is told from a word
/// as the text "first second" would be.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
enum Term<'t> {
    Word(&'t str),
    Pair(&'t str, &'t str),
}

/// The terms of one text that can tell careers apart: the text normalised,
/// and where each of its words is in it, in order. Words are kept as
/// places, not strings of their own: texts have hundreds of thousands of
/// words.
struct TextTerms {
    normalised: String,
    words: Vec<(u32, u32)>,
}

impl TextTerms {
    /// The terms of `text`; `normalised` holds the words normalised so far
    /// (see [`normalise`]).
    fn new<'t>(text: &'t str, terms: Terms, normalised: &mut Map<&'t str, String>) -> Self {
        let short_ok = |w: &str| terms.abbreviations && ABBREVIATIONS.contains(&w);
        let keep = |w: &str| {
            (w.len() >= 3 || short_ok(w))
                && STOP_WORDS.binary_search(&w).is_err()
                && !w.bytes().all(|b| b.is_ascii_digit())
        };
        let normalised = normalise(text, normalised);
        let mut words = Vec::new();
        let mut start = 0;
        for word in normalised.split(' ') {
            if keep(word) {
                words.push((start as u32, (start + word.len()) as u32));
            }
            start += word.len() + 1;
        }
        TextTerms { normalised, words }
    }

    /// The words, in order.
    fn words(&self) -> impl Iterator<Item = &str> + Clone {
        self.words.iter().map(|&(start, end)| &self.normalised[start as usize..end as usize])
    }

    /// Each two neighbouring words, in order.
    fn pairs(&self) -> impl Iterator<Item = (&str, &str)> {
        self.words().zip(self.words().skip(1))
    }
}

/// `normalize_phrase(text)`, from each of its words normalised once:
/// `normalised` keeps them. Texts share most of their words, and a
/// phrase normalises word by word (what is between two spaces never
/// changes what another word becomes, not even a Greek final sigma), so the
/// words normalised and joined are the text normalised.
fn normalise<'t>(text: &'t str, normalised: &mut Map<&'t str, String>) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        let word = normalised.entry(word).or_insert_with(|| normalize_phrase(word));
        if !word.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }
    out
}

/// The content words of `text`, normalised, as its terms keep them: no
/// stop words, numbers or words shorter than three letters (but "AI",
/// "UX"…). `normalised` keeps the words normalised so far.
pub(crate) fn content_words<'t>(text: &'t str, normalised: &mut Map<&'t str, String>) -> Vec<String> {
    let terms = Terms { abbreviations: true, pairs: false, max: None };
    TextTerms::new(text, terms, normalised).words().map(str::to_owned).collect()
}

/// Two-letter abbreviations that job titles and tasks use as words
/// (`normalize_phrase` spells out "ML" and "NLP" itself). Spelling them out
/// would match homonyms: "AI" as "intelligence" meets Intelligence Analysts.
const ABBREVIATIONS: &[&str] = &["ai", "hr", "qa", "ui", "ux"];

/// Each distinct term of `terms` with its count, in order of first use.
fn distinct_words<'t>(terms: impl Iterator<Item = Term<'t>>) -> Vec<(Term<'t>, u32)> {
    let mut index: Map<Term, usize> = Map::default();
    let mut distinct: Vec<(Term, u32)> = Vec::new();
    for term in terms {
        match index.get(&term) {
            Some(&i) => distinct[i].1 += 1,
            None => {
                index.insert(term, distinct.len());
                distinct.push((term, 1));
            }
        }
    }
    distinct
}

/// (term id, count) of distinct `terms`, sorted by id; a new term gets the
/// next id, in the order the terms are given.
fn word_counts<'t>(terms: Vec<(Term<'t>, u32)>, ids: &mut Map<Term<'t>, u32>) -> Vec<(u32, u32)> {
    let mut counts: Vec<(u32, u32)> = terms
        .into_iter()
        .map(|(term, count)| {
            let next = ids.len() as u32;
            (*ids.entry(term).or_insert(next), count)
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

#[cfg(test)]
mod tests {
    use careerdiff_model::normalize_phrase;

    use super::{Map, STOP_WORDS, Terms, TextTerms, normalise};

    #[test]
    fn texts_normalise_word_by_word_as_a_whole() {
        let mut normalised = Map::default();
        for text in [
            "Develops ML pipelines (e.g. Kubernetes, k8s) — and DBs.",
            "  Nurses’ stations;  O'Neil's   ΟΔΟΣ ΟΔΟΣ-Α   Σ ",
            "C++/C# developer's tools: Node.js, ASP.NET, R&D",
            "",
            "...",
        ] {
            assert_eq!(normalise(text, &mut normalised), normalize_phrase(text), "{text}");
        }
    }

    #[test]
    fn stop_words_are_sorted_for_their_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn terms_are_the_kept_words_and_their_neighbouring_pairs() {
        let terms = Terms { abbreviations: true, pairs: true, max: None };
        let text = TextTerms::new("Senior AI Engineer of the Machine Learning team, 2024", terms, &mut Map::default());
        assert_eq!(text.words().collect::<Vec<_>>(), ["senior", "ai", "engineer", "machine", "learning", "team"]);
        assert_eq!(text.pairs().nth(2), Some(("engineer", "machine")));
    }
}
