//! Per-career data computed once before any pair is compared: skill units,
//! word sets for text similarity, and unit weights.

use std::collections::HashMap;

use careerdiff_model::{Content, normalize_phrase};

/// A skill "unit" is what overlap is counted in: a canonical skill of the
/// taxonomy (ids below the taxonomy's size), or, for a phrase that matches
/// no canonical skill, the normalised phrase itself (ids above).
pub(crate) type Unit = u32;

/// One career's skills, ready for comparison.
pub(crate) struct PreparedCareer {
    /// The units of each skill phrase, by phrase index.
    pub phrase_units: Vec<Vec<Unit>>,
    /// Content words of each phrase (interned, sorted), by phrase index.
    pub phrase_words: Vec<Vec<u32>>,
    /// All units of the career, sorted, without repeats.
    pub units: Vec<Unit>,
    /// Euclidean norm of the career's unit weights.
    pub norm: f64,
    /// The career's description text as a unit TF-IDF vector.
    pub text: crate::text::TextVector,
}

/// Every career prepared, plus the weight of each unit.
pub(crate) struct Prepared {
    pub careers: Vec<PreparedCareer>,
    /// Inverse document frequency of each unit: rare skills weigh more.
    pub weight: Vec<f64>,
}

/// Words too common in skill phrases to say that two phrases are related.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "across", "at", "based", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
    "using", "with", "within",
];

impl Prepared {
    pub(crate) fn new(content: &Content) -> Self {
        let n_canonical = content.taxonomy.skills().len() as u32;
        let mut phrase_ids: HashMap<String, Unit> = HashMap::new();
        let mut word_ids: HashMap<String, u32> = HashMap::new();
        let mut careers = Vec::with_capacity(content.careers.len());
        for career in &content.careers {
            let mut phrase_units = Vec::with_capacity(career.skills.len());
            let mut phrase_words = Vec::with_capacity(career.skills.len());
            for skill in &career.skills {
                let mut units: Vec<Unit> =
                    content.taxonomy.canonical_ids(skill).into_iter().map(|i| i as Unit).collect();
                if units.is_empty() {
                    let key = normalize_phrase(&skill.name);
                    let next = n_canonical + phrase_ids.len() as Unit;
                    units.push(*phrase_ids.entry(key).or_insert(next));
                }
                phrase_units.push(units);
                phrase_words.push(content_words(&skill.name, &mut word_ids));
            }
            let mut units: Vec<Unit> = phrase_units.iter().flatten().copied().collect();
            units.sort_unstable();
            units.dedup();
            careers.push(PreparedCareer { phrase_units, phrase_words, units, norm: 0.0, text: Vec::new() });
        }
        let n_units = n_canonical as usize + phrase_ids.len();
        let mut df = vec![0u32; n_units];
        for career in &careers {
            for &u in &career.units {
                df[u as usize] += 1;
            }
        }
        let n = careers.len().max(1) as f64;
        let weight: Vec<f64> = df.iter().map(|&d| (1.0 + n / f64::from(d.max(1))).ln()).collect();
        let texts = crate::text::vectors(&content.careers);
        for (career, text) in careers.iter_mut().zip(texts) {
            career.text = text;
            career.norm = career.units.iter().map(|&u| weight[u as usize].powi(2)).sum::<f64>().sqrt();
        }
        Prepared { careers, weight }
    }
}

/// The content words of a phrase, interned and sorted. Text in parentheses
/// is left out: it lists examples ("(LangChain, LlamaIndex)") that make two
/// phrases look less alike than they are.
fn content_words(phrase: &str, ids: &mut HashMap<String, u32>) -> Vec<u32> {
    let mut depth = 0usize;
    let outside: String = phrase
        .chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect();
    let mut words: Vec<u32> = normalize_phrase(&outside)
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(|w| {
            let next = ids.len() as u32;
            *ids.entry(w.to_owned()).or_insert(next)
        })
        .collect();
    words.sort_unstable();
    words.dedup();
    words
}
