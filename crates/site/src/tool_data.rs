//! Data for the comparison tool when the pair policy leaves pairs without a
//! page: `compare/data/<slug>.json` per career, holding its values as shown
//! and, for every other career, the verdict of each at-a-glance row and
//! the skill overlap — all computed here by the comparer, so the browser
//! only displays them and no comparison rule is written again in
//! JavaScript.

use careerdiff_compare::{Verdict, facts};
use serde::Serialize;

use crate::plan::Plan;

#[derive(Serialize)]
struct CareerData<'c> {
    title: &'c str,
    /// Row labels, in table order.
    labels: Vec<&'static str>,
    /// This career's value for each row as shown (`null`: no data).
    values: Vec<Option<String>>,
    /// Other career's slug → what comparing with it says.
    pairs: std::collections::BTreeMap<&'c str, PairData>,
}

#[derive(Serialize)]
struct PairData {
    /// One letter per row: `a` this career is better, `b` the other, `t`
    /// tie, `u` not comparable, `-` no better side, `n` no data on either
    /// side (the row is not shown).
    verdicts: String,
    /// Skills both have, and the overlap in percent.
    shared: usize,
    overlap: u32,
    /// Whether the pair has its own page.
    page: bool,
}

/// The data file of career `a`: its values and what comparing it with
/// every other career says.
pub(crate) fn career_file(plan: &Plan, a: usize) -> String {
    let content = plan.comparer.content();
    let career = &content.careers[a];
    let shown = facts(career);
    let pairs = (0..content.careers.len())
        .filter(|&b| b != a)
        .map(|b| {
            let (glance, shared, overlap) = plan.comparer.glance_and_overlap(a, b);
            let mut letters = vec!['n'; shown.len()];
            glance.iter().for_each(|row| letters[row.attribute] = letter(row.verdict));
            let verdicts = letters.into_iter().collect();
            let data = PairData { verdicts, shared, overlap, page: plan.has_pair(a, b) };
            (content.careers[b].slug.as_str(), data)
        })
        .collect();
    let data = CareerData {
        title: &career.title,
        labels: shown.iter().map(|f| f.label).collect(),
        values: shown.into_iter().map(|f| f.value).collect(),
        pairs,
    };
    let json = serde_json::to_string(&data).unwrap_or_default();
    // Escaped like every other piece of content text in the site.
    json.replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

fn letter(verdict: Verdict) -> char {
    match verdict {
        Verdict::A => 'a',
        Verdict::B => 'b',
        Verdict::Tie => 't',
        Verdict::Unknown => 'u',
        Verdict::Neutral => '-',
    }
}
