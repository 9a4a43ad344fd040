//! Per-career data computed once before any pair is compared: skill units,
//! lookups from units and words to phrases, the order phrases are listed
//! in, and the weights of units.

use std::cmp::Reverse;
use std::sync::Arc;

use careerdiff_model::{Career, Content};

use crate::hash::Map;
use crate::phrase::{Acronyms, Normalised, short};
use rayon::prelude::*;

/// A skill "unit" is what overlap is counted in: a canonical skill of the
/// taxonomy (ids below the taxonomy's size), or, for a phrase that matches
/// no canonical skill, the normalised phrase itself (ids above).
pub(crate) type Unit = u32;

/// One career's skills, ready for comparison. The fields comparisons read
/// come first, in the order given (`repr(C)`), so that they share cache
/// lines: with thousands of careers, each comparison reads the other
/// career from memory, a line at a time.
#[repr(C)]
#[derive(Debug)]
pub(crate) struct PreparedCareer {
    /// All units of the career, sorted, without repeats.
    pub units: Vec<Unit>,
    /// The entries of `units[k]` are `unit_phrases[unit_starts[k]..unit_starts[k + 1]]`.
    pub unit_starts: Vec<u32>,
    /// For each of `units`, what its phrases are (see `skills::UnitFlags`).
    pub unit_flags: Vec<crate::skills::UnitFlags>,
    /// For each of `units`, its place among shared skills as far as it
    /// depends on this career (see `skills::shared_orders`).
    pub shared_order: Vec<u64>,
    /// (unit, phrase index) for every phrase and unit, sorted.
    pub unit_phrases: Vec<(Unit, u32)>,
    /// Phrase indices, most useful first: generic office software last,
    /// then in demand, then (once the comparer knows the career's most
    /// similar careers) what they use too, then hot, then the skills more
    /// careers use, then file order (see [`Prepared::order_by_field`]).
    pub order: Vec<u32>,
    /// Whether each phrase names generic office or ERP software.
    pub generic: Vec<bool>,
    /// How many of its ten most similar careers use each phrase too (see
    /// [`Prepared::order_by_field`]), by phrase index.
    pub field_support: Vec<u8>,
    /// How many most similar careers it has (ten, on a site of eleven
    /// careers or more).
    pub field_size: u8,
    /// The pairs of content words its phrases have that can relate two
    /// phrases, each with its phrases.
    pub word_pairs: crate::word_pairs::WordPairs,
    /// Its at-a-glance values as shown.
    pub measures: crate::glance::Measures,
    /// Its category, as an id shared by careers of the same category.
    pub category: Option<u32>,
    /// What "Choose … if you…" reads from it.
    pub task_facts: crate::task_reason::TaskFacts,
    /// What the sentences on whom the work suits read from it.
    pub suit_facts: crate::suits::SuitFacts,
    /// What a move to or from the career reads from it.
    pub move_facts: crate::transition::MoveFacts,
    /// Each phrase's short label and canonical skill ids, by phrase index.
    pub labels: Vec<String>,
    /// Whether each label is a common noun (see `advice::is_common_noun`).
    pub label_nouns: Vec<bool>,
    /// Whether each phrase, as written, is a common noun (see
    /// `advice::is_common_noun`), by phrase index.
    pub name_nouns: Vec<bool>,
    /// The units of each skill phrase, by phrase index.
    pub phrase_units: Vec<Vec<Unit>>,
    /// Each phrase's content words, sorted, without repeats.
    pub phrase_words: Vec<Vec<u32>>,
    /// The sum of each phrase's word weights (see [`crate::phrase::Words`]).
    pub phrase_weight: Vec<f32>,
    /// Each phrase's acronyms ("GIS", "MIS"), lower-cased and sorted: two
    /// phrases that each name a product by a different acronym name
    /// different things, however many words they share.
    pub phrase_acronyms: Vec<Acronyms>,
    /// Each phrase's head word (see [`Normalised`]), if it has one.
    pub phrase_heads: Vec<Option<u32>>,
    /// Euclidean norm of the career's unit weights.
    pub norm: f64,
    /// Its O*NET job zone.
    pub job_zone: Option<u8>,
    /// The natural log of its median pay, and the pay period.
    pub log_median: Option<(f64, careerdiff_model::Period)>,
    /// Each phrase's canonical skill ids, by phrase index.
    pub skill_ids: Vec<Vec<String>>,
}

/// Every career prepared, plus the weight of each unit.
pub(crate) struct Prepared {
    pub careers: Vec<PreparedCareer>,
    /// Inverse document frequency of each unit: rare skills weigh more.
    pub weight: Vec<f64>,
    /// What each content word of the skill phrases tells.
    pub words: crate::phrase::Words,
    /// Whether each canonical skill's name is a common noun.
    pub canonical_nouns: Vec<bool>,
    /// Each career's similarity signals, by career index.
    pub signals: Vec<crate::signals::Signals>,
    /// Each career's description text as a unit TF-IDF vector, for the
    /// legacy score alone: made on first use (see [`Prepared::legacy_text`]).
    legacy_text: std::sync::OnceLock<Vec<crate::text::TextVector>>,
}

impl PreparedCareer {
    /// The (unit, phrase) entries of `units[k]`, by phrase.
    pub(crate) fn entries_of(&self, k: usize) -> &[(Unit, u32)] {
        &self.unit_phrases[self.unit_starts[k] as usize..self.unit_starts[k + 1] as usize]
    }

    /// How rare phrase `i` is across careers: the weight (see
    /// [`Prepared::weight`]) of its commonest unit, since a phrase that
    /// stands for Excel among other skills is as common as Excel.
    pub(crate) fn rarity(&self, i: usize, weight: &[f64]) -> f64 {
        self.phrase_units[i].iter().map(|&u| weight[u as usize]).fold(f64::INFINITY, f64::min)
    }

    /// Marks in `only`, by phrase index, which phrases are "only" the
    /// career's: those none of whose units is shared, given the places in
    /// `units` of the shared ones.
    pub(crate) fn mark_only(&self, shared: impl Iterator<Item = usize>, only: &mut Vec<bool>) {
        only.clear();
        only.resize(self.order.len(), true);
        for k in shared {
            self.entries_of(k).iter().for_each(|&(_, phrase)| only[phrase as usize] = false);
        }
    }
}

impl Prepared {
    /// Each career's legacy text vector (see `legacy.rs`), made on first
    /// use: only the legacy model, which `cargo xtask similar-check`
    /// measures, reads them, and they cost more than the rest of
    /// preparing. `content` is the content this was prepared from. Making
    /// them runs in parallel, so call this before any parallel work that
    /// reads them (as `similarity::Scores::new` does), not first from
    /// inside it.
    pub(crate) fn legacy_text(&self, content: &Content) -> &[crate::text::TextVector] {
        self.legacy_text.get_or_init(|| crate::text::vectors(&content.careers))
    }

    /// A unit's share of the dot product of two careers that both have it:
    /// its weight squared.
    pub(crate) fn shared_weight(&self, unit: Unit) -> f64 {
        self.weight[unit as usize].powi(2)
    }
}

impl Prepared {
    pub(crate) fn new(content: &Content) -> Self {
        // The text signals read the content alone, so they are made while
        // the careers' skills are prepared, whose steps that give out ids
        // in career order run on one thread.
        let ((careers, weight, words), text_signals) =
            rayon::join(|| prepare_careers(content), || crate::signals::TextSignals::new(content));
        let canonical_nouns =
            content.taxonomy.skills().iter().map(|s| crate::advice::is_common_noun(&s.name)).collect();
        let signals = crate::signals::prepare(content, &careers, text_signals);
        let legacy_text = std::sync::OnceLock::new();
        Prepared { careers, weight, words, canonical_nouns, signals, legacy_text }
    }
}

/// Every career of `content` prepared, the weight of each unit, and what
/// each content word tells.
fn prepare_careers(content: &Content) -> (Vec<PreparedCareer>, Vec<f64>, crate::phrase::Words) {
    let n_canonical = content.taxonomy.skills().len() as u32;
    let mut phrase_ids: Map<String, Unit> = Map::default();
    let mut word_ids: Map<String, u32> = Map::default();
    let mut careers = Vec::with_capacity(content.careers.len());
    let mut measure_ids = crate::glance::MeasureIds::default();
    let mut categories: Map<&str, u32> = Map::default();
    // Normalising text is the costly part and runs in parallel, each
    // phrase once per batch of careers (most O*NET technologies are
    // named by hundreds of careers); ids are then given out in career
    // order, so they never depend on the number of threads.
    let normalised: Vec<Vec<Arc<Normalised>>> = content
        .careers
        .par_iter()
        .map_init(Map::default, |known, career| {
            career.skills.iter().map(|skill| Normalised::once(content, skill, known)).collect()
        })
        .collect();
    let mut word_pair_entries = Vec::with_capacity(content.careers.len());
    let mut task_ids = crate::task_reason::TaskIds::default();
    for (career, normalised) in content.careers.iter().zip(normalised) {
        let mut phrase_units = Vec::with_capacity(career.skills.len());
        let mut word_pairs = Vec::new();
        let mut phrase_words = Vec::with_capacity(career.skills.len());
        let mut phrase_acronyms = Vec::with_capacity(career.skills.len());
        let mut phrase_heads = Vec::with_capacity(career.skills.len());
        for (i, phrase) in normalised.iter().enumerate() {
            phrase_acronyms.push(phrase.acronyms.clone());
            let mut units = phrase.canonical.clone();
            if let Some(key) = &phrase.key {
                units.push(intern(key, &mut phrase_ids, n_canonical));
            }
            phrase_units.push(units);
            let words = intern_words(&phrase.words, &mut word_ids);
            crate::word_pairs::add_pairs(&words, i as u32, &mut word_pairs);
            phrase_words.push(words);
            phrase_heads.push(phrase.head.as_deref().map(|head| intern(head, &mut word_ids, 0)));
        }
        word_pair_entries.push(word_pairs);
        let skills = content.taxonomy.skills();
        let canonical = |units: &[Unit]| -> Vec<&careerdiff_model::Skill> {
            units.iter().filter_map(|&u| skills.get(u as usize)).collect()
        };
        let labels: Vec<String> = phrase_units
            .iter()
            .zip(&career.skills)
            .map(|(units, skill)| canonical(units).first().map_or_else(|| short(&skill.name), |s| &s.name).to_owned())
            .collect();
        let skill_ids =
            phrase_units.iter().map(|units| canonical(units).iter().map(|s| s.id.clone()).collect()).collect();
        let mut unit_phrases: Vec<(Unit, u32)> =
            phrase_units.iter().enumerate().flat_map(|(i, us)| us.iter().map(move |&u| (u, i as u32))).collect();
        unit_phrases.sort_unstable();
        let (mut units, mut unit_starts) = (Vec::new(), vec![0]);
        for run in unit_phrases.chunk_by(|x, y| x.0 == y.0) {
            units.push(run[0].0);
            unit_starts.push(unit_starts[units.len() - 1] + run.len() as u32);
        }
        careers.push(PreparedCareer {
            phrase_units,
            unit_phrases,
            word_pairs: Default::default(),
            phrase_words,
            phrase_weight: Vec::new(),
            phrase_acronyms,
            phrase_heads,
            order: Vec::new(),
            generic: normalised.iter().map(|phrase| phrase.generic).collect(),
            field_support: Vec::new(),
            field_size: 0,
            units,
            norm: 0.0,
            category: career.category.as_deref().map(|c| {
                let next = categories.len() as u32;
                *categories.entry(c).or_insert(next)
            }),
            job_zone: career.onet.as_ref().and_then(|o| o.job_zone),
            log_median: career.salary.as_ref().and_then(|s| {
                let median = s.median.map(careerdiff_model::Wage::amount).filter(|m| *m > 0.0)?;
                Some((median.ln(), s.period))
            }),
            measures: crate::glance::measures(career, &mut measure_ids),
            label_nouns: labels.iter().map(|l| crate::advice::is_common_noun(l)).collect(),
            name_nouns: career.skills.iter().map(|s| crate::advice::is_common_noun(&s.name)).collect(),
            unit_starts,
            unit_flags: Vec::new(),
            shared_order: Vec::new(),
            labels,
            skill_ids,
            move_facts: crate::transition::MoveFacts::of(career),
            suit_facts: crate::suits::SuitFacts::of(career),
            task_facts: crate::task_reason::TaskFacts::of(&career.tasks, &mut task_ids),
        });
    }
    let phrase_units: Vec<&[Vec<Unit>]> = careers.iter().map(|c| c.phrase_units.as_slice()).collect();
    let word_pairs = crate::word_pairs::index(word_pair_entries, &phrase_units);
    for (career, word_pairs) in careers.iter_mut().zip(word_pairs) {
        career.word_pairs = word_pairs;
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
    careers.par_iter_mut().zip(&content.careers).for_each(|(prepared, career)| {
        prepared.norm = prepared.units.iter().map(|&u| weight[u as usize].powi(2)).sum::<f64>().sqrt();
        let commonness = |i: usize| (prepared.rarity(i, &weight) * 1e6) as i64;
        let mut order: Vec<u32> = (0..career.skills.len() as u32).collect();
        // Generic office and ERP software last, whatever its flags:
        // it is never the first thing to learn for a career.
        let generic = &prepared.generic;
        order.sort_by_key(|&i| {
            let skill = &career.skills[i as usize];
            (generic[i as usize], !skill.in_demand, !skill.hot, commonness(i as usize), i)
        });
        prepared.unit_flags = crate::skills::unit_flags(prepared, career);
        prepared.order = order;
    });
    set_shared_orders(content, &mut careers, &weight);
    let mut kind = vec![false; word_ids.len()];
    word_ids.iter().for_each(|(word, &id)| kind[id as usize] = crate::phrase::is_kind_word(word));
    let words = crate::phrase::Words { weight: word_weights(content, &mut careers, word_ids.len()), kind };
    (careers, weight, words)
}

/// The weight of each of the `n_words` content words (inverse document
/// frequency over distinct phrases, each counted once however many careers
/// name it), and each phrase's total.
fn word_weights(content: &Content, careers: &mut [PreparedCareer], n_words: usize) -> Vec<f32> {
    let mut df = vec![0u32; n_words];
    let mut seen: Map<&str, ()> = Map::default();
    for (prepared, career) in careers.iter().zip(&content.careers) {
        for (words, skill) in prepared.phrase_words.iter().zip(&career.skills) {
            if seen.insert(&skill.name, ()).is_none() {
                words.iter().for_each(|&w| df[w as usize] += 1);
            }
        }
    }
    let n = seen.len().max(1) as f32;
    let weight: Vec<f32> = df.iter().map(|&d| (1.0 + n / d.max(1) as f32).ln()).collect();
    for prepared in careers {
        prepared.phrase_weight =
            prepared.phrase_words.iter().map(|words| words.iter().map(|&w| weight[w as usize]).sum()).collect();
    }
    weight
}

/// Gives each career its units' places among shared skills (see
/// `skills::shared_orders`), from the units' `weight`s and every name a
/// unit can go by, each ranked once.
fn set_shared_orders(content: &Content, careers: &mut [PreparedCareer], weight: &[f64]) {
    let mut weights = weight.to_vec();
    weights.sort_by(|x, y| y.total_cmp(x));
    weights.dedup_by(|x, y| x.total_cmp(y).is_eq());
    let weight_ranks: Vec<u32> =
        weight.iter().map(|w| weights.partition_point(|v| v.total_cmp(w).is_gt()) as u32).collect();
    // The taxonomy's names, and the phrases that stand for no canonical
    // skill (see `skills::unit_name`).
    let taxonomy = content.taxonomy.skills();
    let mut names: Vec<&str> = taxonomy.iter().map(|s| s.name.as_str()).collect();
    for (prepared, career) in careers.iter().zip(&content.careers) {
        let own = |units: &&Vec<Unit>| units.iter().any(|&u| u as usize >= taxonomy.len());
        let phrases = prepared.phrase_units.iter().zip(&career.skills).filter(|(units, _)| own(units));
        names.extend(phrases.map(|(_, skill)| skill.name.as_str()));
    }
    names.par_sort_unstable();
    names.dedup();
    let ranks: Map<&str, u32> = names.iter().enumerate().map(|(rank, &name)| (name, rank as u32)).collect();
    let name_rank = |name: &str| ranks[name];
    careers.par_iter_mut().zip(&content.careers).for_each(|(prepared, career)| {
        prepared.shared_order = crate::skills::shared_orders(content, (prepared, career), &weight_ranks, name_rank);
    });
}

/// How many of a career's ten most similar careers must use a technology
/// for it to count as its field's own (see [`Prepared::order_by_field`]).
const FIELD_SUPPORT: usize = 2;

/// How many most similar careers make a career's field.
pub(crate) const FIELD_SIZE: usize = 10;

impl PreparedCareer {
    /// Whether phrase `i` of `career` (this one's) is worth learning first
    /// on the way to it: every phrase of a hand-written career; of an
    /// imported one, what its own job postings often name (O*NET's "in
    /// demand") and what at least [`FIELD_SUPPORT`] of its ten most
    /// similar careers use too. O*NET's lists hold products that a few
    /// employers named (an applicant-tracking system on the registered
    /// nurse's list); the field's own tools, and what its employers ask
    /// for however few neighbours use it (Adobe XD for web and digital
    /// interface designers), are what a move there needs. On a site too
    /// small to give a career a field of [`FIELD_SIZE`] careers, nothing
    /// tells them apart, and every phrase counts.
    pub(crate) fn learnable(&self, career: &Career, i: usize) -> bool {
        !self.has_field(career) || career.skills[i].in_demand || usize::from(self.field_support[i]) >= FIELD_SUPPORT
    }

    /// Whether `career` (this one) is imported and has a field of
    /// [`FIELD_SIZE`] careers to tell its own technologies by.
    pub(crate) fn has_field(&self, career: &Career) -> bool {
        career.onet.is_some() && usize::from(self.field_size) >= FIELD_SIZE
    }
}

impl Prepared {
    /// Orders each career's phrases again now that its most similar
    /// careers are known (`neighbours`, by career): within the in-demand
    /// ones and within the rest, the kinds of tools the field uses come
    /// first (what more than half the neighbours use a technology of the
    /// same O*NET family for, see [`family_supports`]); within those, what
    /// at least [`FIELD_SUPPORT`] of the neighbours also use comes first,
    /// then what one uses, then what none does. Among what the neighbours
    /// use, the field's own come first: how many neighbours use it times
    /// its rarity across all careers, so Minitab and Mathematica, used by
    /// a few statistical careers, go before XML and Visual Basic, used by
    /// as many neighbours and by a hundred careers besides. Hot
    /// technologies come next among equals, and last among what no
    /// neighbour uses: O*NET flags a technology hot
    /// from job postings across the whole economy, so a nurse's list has
    /// Apache Spark among its hot technologies; no nurse's neighbour uses
    /// it, and it is not the first thing to learn on the way there.
    /// Generic office software stays last.
    pub(crate) fn order_by_field(&mut self, content: &Content, neighbours: &[Vec<usize>]) {
        let snapshot: Vec<&[Unit]> = self.careers.iter().map(|c| c.units.as_slice()).collect();
        let supports: Vec<Vec<u8>> = (self.careers.iter().zip(neighbours))
            .map(|(prepared, near)| {
                (0..prepared.phrase_units.len())
                    .map(|i| {
                        let units = &prepared.phrase_units[i];
                        near.iter()
                            .filter(|&&j| units.iter().any(|u| snapshot[j].binary_search(u).is_ok()))
                            .count()
                            .min(u8::MAX as usize) as u8
                    })
                    .collect()
            })
            .collect();
        drop(snapshot);
        let family_supports = family_supports(content, &self.careers, neighbours, &supports);
        let weight = &self.weight;
        for ((((prepared, career), support), family_support), near) in
            self.careers.iter_mut().zip(&content.careers).zip(supports).zip(family_supports).zip(neighbours)
        {
            let rarity = |i: usize| prepared.rarity(i, weight);
            // Field score and commonness in millionths, to sort as integers.
            let field = |i: usize| Reverse((f64::from(support[i]) * rarity(i) * 1e6) as i64);
            let commonness = |i: usize| (rarity(i) * 1e6) as i64;
            let keys: Vec<_> = (0..career.skills.len())
                .map(|i| {
                    let skill = &career.skills[i];
                    // Hot helps among what the field uses; a hot technology
                    // no neighbour uses is a tool of other fields that
                    // turned up in the career's postings, and goes after
                    // the field's own.
                    let hot_first = if support[i] > 0 { !skill.hot } else { skill.hot };
                    let outside = FIELD_SUPPORT - usize::from(support[i]).min(FIELD_SUPPORT);
                    let minor_kind = 2 * usize::from(family_support[i]) <= near.len();
                    (
                        prepared.generic[i],
                        !skill.in_demand,
                        minor_kind,
                        outside,
                        field(i),
                        hot_first,
                        commonness(i),
                        i as u32,
                    )
                })
                .collect();
            prepared.order.sort_by_key(|&i| keys[i as usize]);
            prepared.field_support = support;
            prepared.field_size = near.len().min(usize::from(u8::MAX)) as u8;
        }
    }
}

/// For each career (`prepared`, with its `neighbours` and each phrase's
/// support among them, `supports`), by phrase: how many neighbours use a
/// technology of the phrase's kind, by O*NET's families ("Medical
/// software", "Human resources software"), or the phrase itself. The
/// field's kinds of tools come first in its lists: on the registered
/// nurse's, charting systems before the applicant-tracking system that
/// one neighbour names. A phrase of no family counts its own support.
fn family_supports(
    content: &Content,
    prepared: &[PreparedCareer],
    neighbours: &[Vec<usize>],
    supports: &[Vec<u8>],
) -> Vec<Vec<u8>> {
    let skills = content.taxonomy.skills();
    let mut ids: Map<&str, u32> = Map::default();
    let family_of: Vec<Option<u32>> = (skills.iter())
        .map(|skill| {
            let family = skill.family.as_deref()?;
            let next = ids.len() as u32;
            Some(*ids.entry(family).or_insert(next))
        })
        .collect();
    // By career, each phrase's families.
    let phrase_families: Vec<Vec<Vec<u32>>> = (prepared.iter())
        .map(|p| {
            (p.phrase_units.iter())
                .map(|units| units.iter().filter_map(|&u| family_of.get(u as usize).copied().flatten()).collect())
                .collect()
        })
        .collect();
    // Each career's families, sorted.
    let families: Vec<Vec<u32>> = (phrase_families.iter())
        .map(|phrases| {
            let mut all: Vec<u32> = phrases.iter().flatten().copied().collect();
            all.sort_unstable();
            all.dedup();
            all
        })
        .collect();
    (phrase_families.iter().zip(neighbours).zip(supports))
        .map(|((phrases, near), support)| {
            (phrases.iter().zip(support))
                .map(|(mine, &own)| {
                    let used = |j: &&usize| mine.iter().any(|f| families[**j].binary_search(f).is_ok());
                    let by_family = near.iter().filter(used).count().min(usize::from(u8::MAX)) as u8;
                    by_family.max(own)
                })
                .collect()
        })
        .collect()
}

/// The id of `key` in `ids`, given out next (from `first` on) if new.
fn intern(key: &str, ids: &mut Map<String, u32>, first: u32) -> u32 {
    if let Some(&id) = ids.get(key) {
        return id;
    }
    let id = first + ids.len() as u32;
    ids.insert(key.to_owned(), id);
    id
}

/// Words as ids, sorted and without repeats; a new word gets the next id.
fn intern_words(words: &[String], ids: &mut Map<String, u32>) -> Vec<u32> {
    let mut words: Vec<u32> = words.iter().map(|w| intern(w, ids, 0)).collect();
    words.sort_unstable();
    words.dedup();
    words
}
