//! Per-career vectors for the similarity score (see [`crate::similarity`]),
//! computed once in [`crate::prepare::Prepared`]: sparse vectors sorted by
//! id, so that a pair's dot product is one merge, and a dense vector of
//! standardised O*NET ratings.

use std::collections::BTreeMap;

use careerdiff_model::{Career, Content, Rating, normalize_phrase};

use crate::prepare::PreparedCareer;
use crate::text::{Terms, TextVector, keep_heaviest, tf_idf, unit};

/// One career's similarity signals. An empty vector means the career does
/// not have that signal (no tasks or description, no skills, no tools, no
/// ratings), which is not the same as being unlike every other career.
pub(crate) struct Signals {
    /// TF-IDF of its task statements and description (summary and body),
    /// all of it: the baseline model's vector.
    pub all_task_text: TextVector,
    /// The same, its heaviest words only.
    pub task_text: TextVector,
    /// TF-IDF of the words and word pairs of its title and alternate titles.
    pub titles: TextVector,
    /// TF-IDF of its skill phrases and of the names of the canonical skills
    /// (O*NET technologies among them) that they stand for.
    pub technology: TextVector,
    /// TF-IDF of the words of its tools and equipment.
    pub tools: TextVector,
    /// Its skill and knowledge ratings, standardised across careers and
    /// scaled to unit length; empty without ratings.
    pub ratings: Vec<f64>,
}

/// How many of their heaviest terms the text vectors of the score keep.
/// Their cosines are then short merges, which every pair page computes,
/// and the lists that `cargo xtask similar-check` measures are as good (a
/// career has 120 distinct task words on average, and some a thousand
/// title words).
const MAX_TERMS: usize = 64;

/// How many sparse vectors [`Signals::sparse`] gives.
pub(crate) const SPARSE: usize = 4;

impl Signals {
    /// The sparse vectors of the score: task text, titles, technology, tools.
    pub(crate) fn sparse(&self) -> [&TextVector; SPARSE] {
        [&self.task_text, &self.titles, &self.technology, &self.tools]
    }
}

/// The signals made of a career's own text and ratings, by career: all
/// but the technology, which reads the canonical skills of its phrases, so
/// that these can be made while the skills are prepared.
pub(crate) struct TextSignals {
    task_text: Vec<TextVector>,
    titles: Vec<TextVector>,
    tools: Vec<TextVector>,
    ratings: Vec<Vec<f64>>,
}

impl TextSignals {
    pub(crate) fn new(content: &Content) -> Self {
        let careers = &content.careers;
        let n = careers.len();
        // Each signal is made on its own, at the same time as the others:
        // each has steps that run on one thread (giving out term ids in
        // career order), which the others' fill in.
        let ((task_text, titles), (tools, ratings)) = rayon::join(
            || {
                let title_terms = Terms { abbreviations: true, pairs: true, max: Some(MAX_TERMS) };
                rayon::join(
                    || tf_idf(n, |i| task_text(&careers[i]), words(None)),
                    || tf_idf(n, |i| titles(&careers[i]), title_terms),
                )
            },
            || {
                let tools =
                    || tf_idf(n, |i| careers[i].tools.iter().map(String::as_str).collect(), words(Some(MAX_TERMS)));
                rayon::join(tools, || ratings(careers))
            },
        );
        TextSignals { task_text, titles, tools, ratings }
    }
}

/// How the words of a text become terms: words alone, keeping the `max`
/// heaviest if given.
fn words(max: Option<usize>) -> Terms {
    Terms { abbreviations: true, pairs: false, max }
}

/// Every career's signals, in career order, from those of its `text` and
/// its technology. `prepared` are the careers as
/// [`crate::prepare::Prepared`] holds them, for the canonical skills of
/// their phrases.
pub(crate) fn prepare(content: &Content, prepared: &[PreparedCareer], text: TextSignals) -> Vec<Signals> {
    let careers = &content.careers;
    let technology =
        tf_idf(careers.len(), |i| technology_text(content, &careers[i], &prepared[i]), words(Some(MAX_TERMS)));
    let TextSignals { task_text, titles, tools, ratings } = text;
    task_text
        .into_iter()
        .zip(titles)
        .zip(technology)
        .zip(tools)
        .zip(ratings)
        .map(|((((all_task_text, titles), technology), tools), ratings)| {
            let mut task_text = all_task_text.clone();
            keep_heaviest(&mut task_text, MAX_TERMS);
            unit(&mut task_text);
            Signals { all_task_text, task_text, titles, technology, tools, ratings }
        })
        .collect()
}

/// A career's task statements and description.
fn task_text(career: &Career) -> Vec<&str> {
    career.tasks.iter().chain(&career.summary).chain([&career.body]).map(String::as_str).collect()
}

/// A career's title and alternate titles.
fn titles(career: &Career) -> Vec<&str> {
    [&career.title].into_iter().chain(&career.alternate_titles).map(String::as_str).collect()
}

/// The text of a career's skills: each phrase, and the name of each
/// canonical skill it stands for when that reads otherwise (a tag of an
/// O*NET technology on a hand-written phrase adds the technology's name).
/// Its words weigh by rarity like any text's: "Microsoft" and "Excel", in
/// nearly every O*NET occupation's list, weigh almost nothing beside
/// "Kafka".
fn technology_text<'c>(content: &'c Content, career: &'c Career, prepared: &PreparedCareer) -> Vec<&'c str> {
    let skills = content.taxonomy.skills();
    let mut texts = Vec::new();
    for (skill, units) in career.skills.iter().zip(&prepared.phrase_units) {
        texts.push(skill.name.as_str());
        let other = |name: &str| name != skill.name && normalize_phrase(name) != normalize_phrase(&skill.name);
        for canonical in units.iter().filter_map(|&u| skills.get(u as usize)) {
            if other(&canonical.name) {
                texts.push(canonical.name.as_str());
            }
        }
    }
    texts
}

/// Each career's ratings as one vector: for every skill and knowledge area
/// that any career rates, importance (1–5) times level (0–7; 0 when the
/// publisher gives none), minus the mean over the careers that rate it,
/// divided by their standard deviation. What every occupation needs
/// (reading, speaking) thus moves little between careers and counts
/// little; an area a career does not rate sits at the mean.
fn ratings(careers: &[Career]) -> Vec<Vec<f64>> {
    let value = |r: &Rating| r.importance * r.level.unwrap_or(0.0);
    // Skills and knowledge areas share names ("Mathematics"): the flag
    // keeps them apart.
    let rated: Vec<Vec<((bool, &str), f64)>> = careers
        .iter()
        .map(|career| {
            career.ratings.as_ref().map_or_else(Vec::new, |r| {
                let skills = r.skills.iter().map(|(name, rating)| ((false, name.as_str()), value(rating)));
                let knowledge = r.knowledge.iter().map(|(name, rating)| ((true, name.as_str()), value(rating)));
                skills.chain(knowledge).collect()
            })
        })
        .collect();
    // Count, sum and sum of squares per area, in name order.
    let mut areas: BTreeMap<(bool, &str), (f64, f64, f64)> = BTreeMap::new();
    for &(area, v) in rated.iter().flatten() {
        let (count, sum, squares) = areas.entry(area).or_default();
        (*count, *sum, *squares) = (*count + 1.0, *sum + v, *squares + v * v);
    }
    let index: BTreeMap<(bool, &str), usize> = areas.keys().enumerate().map(|(i, &area)| (area, i)).collect();
    let moments: Vec<(f64, f64)> = areas
        .values()
        .map(|&(count, sum, squares)| {
            let mean = sum / count;
            (mean, (squares / count - mean * mean).max(0.0).sqrt())
        })
        .collect();
    rated
        .iter()
        .map(|career| {
            let mut vector = vec![0.0; moments.len()];
            for &(area, v) in career {
                let i = index[&area];
                let (mean, deviation) = moments[i];
                if deviation > 0.0 {
                    vector[i] = (v - mean) / deviation;
                }
            }
            let norm = vector.iter().map(|x| x * x).sum::<f64>().sqrt();
            if norm > 0.0 {
                vector.iter_mut().for_each(|x| *x /= norm);
                vector
            } else {
                Vec::new()
            }
        })
        .collect()
}

/// For one sparse signal, the careers whose vector has each term, with
/// their weights: an inverted index, so that one career's dot products
/// with all others cost the lengths of its terms' lists rather than a merge
/// with every career.
pub(crate) struct Postings {
    /// The entries of term `t` are `entries[starts[t]..starts[t + 1]]`.
    starts: Vec<u32>,
    /// (career index, weight), grouped by term, by career within a term.
    entries: Vec<(u32, f64)>,
}

impl Postings {
    /// The postings of sparse signal `signal` (an index into
    /// [`Signals::sparse`]) of every career.
    pub(crate) fn new(signals: &[Signals], signal: usize) -> Self {
        let vectors = || signals.iter().map(move |s| s.sparse()[signal]);
        let n_terms = vectors().filter_map(|v| v.last()).map(|&(t, _)| t as usize + 1).max().unwrap_or(0);
        let mut starts = vec![0u32; n_terms + 1];
        for &(term, _) in vectors().flatten() {
            starts[term as usize + 1] += 1;
        }
        for t in 0..n_terms {
            starts[t + 1] += starts[t];
        }
        let mut next = starts.clone();
        let mut entries = vec![(0, 0.0); starts[n_terms] as usize];
        for (career, vector) in vectors().enumerate() {
            for &(term, weight) in vector {
                entries[next[term as usize] as usize] = (career as u32, weight);
                next[term as usize] += 1;
            }
        }
        Postings { starts, entries }
    }

    /// The careers with `term`, by career index, and their weights.
    pub(crate) fn of(&self, term: u32) -> &[(u32, f64)] {
        &self.entries[self.starts[term as usize] as usize..self.starts[term as usize + 1] as usize]
    }
}
