//! Data for the comparison tool when the pair policy leaves pairs without a
//! page: `compare/data/<slug>.json` per career, holding its glance cells
//! and, for every other career, the verdict of each at-a-glance row and
//! the skill overlap — all computed here by the comparer, and the cells
//! rendered by the theme's `value` and `glance_edge` macros, so the
//! browser only places them: no comparison rule and none of the theme's
//! words are written again in JavaScript. `compare/glance.json` holds
//! what every career shares: the attributes and their cells for the
//! verdicts that name no side.

use std::collections::BTreeMap;

use careerdiff_compare::Verdict;
use minijinja::Value;
use rayon::prelude::*;
use serde::Serialize;

use crate::glance_view::{GlanceCells, attributes};
use crate::plan::Plan;

/// Where the data every career's data shares is written.
pub(crate) const GLANCE_PATH: &str = "compare/glance.json";

/// Where the data of the career with slug `slug` is written.
pub(crate) fn data_path(slug: &str) -> String {
    format!("compare/data/{slug}.json")
}

/// What every career's data shares: [`GLANCE_PATH`].
#[derive(Serialize)]
struct GlanceData<'c> {
    /// Each verdict letter's `Verdict` name.
    verdicts: BTreeMap<char, &'static str>,
    /// The attributes' keys, in table order: the order of the verdict
    /// letters.
    keys: Vec<&'static str>,
    /// Each attribute's row label, by key.
    labels: BTreeMap<&'static str, &'static str>,
    /// Each attribute's edge cell (`glance_edge`) for the verdicts naming
    /// no side, by key, then by verdict letter (`t`, `u`, `-`).
    draws: BTreeMap<&'static str, BTreeMap<char, &'c str>>,
}

#[derive(Serialize)]
struct CareerData<'c> {
    title: &'c str,
    /// Whether its list is O*NET's technologies (an imported career) or
    /// its writers' skills: the tool names what two careers share as the
    /// pair page does (`Listed`).
    imported: bool,
    /// This career's value cell (`value` of its shown value), by key.
    cells: BTreeMap<&'static str, &'c str>,
    /// Its edge cell (`glance_edge`) when it is ahead, by key, then by
    /// verdict letter: `a` as the first career, `b` as the second.
    wins: BTreeMap<&'static str, BTreeMap<char, &'c str>>,
    /// Other career's slug → what comparing with it says.
    pairs: BTreeMap<&'c str, PairData>,
}

#[derive(Serialize, Clone, Debug, PartialEq)]
struct PairData {
    /// One letter per attribute, in `keys` order: `a` this career is
    /// better, `b` the other, `t` tie, `u` not comparable, `-` no better
    /// side, `n` no data on either side (the row is not shown).
    verdicts: String,
    /// Skills both have, and the overlap in percent.
    shared: usize,
    overlap: u32,
    /// Whether the pair has its own page.
    page: bool,
}

impl PairData {
    /// The same comparison seen from the other career: `a` and `b` swap.
    fn swapped(&self) -> Self {
        let swap = |c| match c {
            'a' => 'b',
            'b' => 'a',
            other => other,
        };
        PairData { verdicts: self.verdicts.chars().map(swap).collect(), ..self.clone() }
    }
}

/// What comparing each career with each later one says, each unordered
/// pair compared once (`[a][b - a - 1]`); the other direction is the same
/// data swapped. Made once per site, when the first data file is rendered.
pub(crate) struct ToolPairs(Vec<Vec<PairData>>);

impl ToolPairs {
    pub(crate) fn new(plan: &Plan) -> Self {
        let n = plan.comparer.content().careers.len();
        ToolPairs((0..n).into_par_iter().map(|a| (a + 1..n).map(|b| pair_data(plan, a, b)).collect()).collect())
    }

    /// What comparing `a` with `b` says, from `a`'s side.
    fn get(&self, a: usize, b: usize) -> PairData {
        if a < b { self.0[a][b - a - 1].clone() } else { self.0[b][a - b - 1].swapped() }
    }
}

/// [`GLANCE_PATH`]: the attributes, their labels and the cells of the
/// verdicts that name no side.
pub(crate) fn glance_file(cells: &GlanceCells) -> String {
    let attributes = attributes();
    let draws: Vec<[String; 3]> = cells.draws.iter().map(|d| d.each_ref().map(html)).collect();
    let verdicts = [Verdict::A, Verdict::B, Verdict::Tie, Verdict::Unknown, Verdict::Neutral];
    let glance = GlanceData {
        verdicts: verdicts.into_iter().map(|v| (letter(v), v.name())).collect(),
        keys: attributes.iter().map(|a| a.key).collect(),
        labels: attributes.iter().map(|a| (a.key, a.label)).collect(),
        draws: attributes
            .iter()
            .zip(&draws)
            .map(|(a, d)| (a.key, ['t', 'u', '-'].into_iter().zip(d.iter().map(String::as_str)).collect()))
            .collect(),
    };
    escaped_json(&glance)
}

/// The data file of career `a`: its cells and what comparing it with
/// every other career says.
pub(crate) fn career_file(plan: &Plan, cells: &GlanceCells, pairs: &ToolPairs, a: usize) -> String {
    let careers = &plan.comparer.content().careers;
    let attributes = attributes();
    let others = (0..careers.len()).filter(|&b| b != a).map(|b| (careers[b].slug.as_str(), pairs.get(a, b))).collect();
    let values: Vec<String> = cells.values[a].iter().map(html).collect();
    let wins: Vec<[String; 2]> = cells.wins[a].iter().map(|w| w.each_ref().map(html)).collect();
    let data = CareerData {
        title: &careers[a].title,
        imported: careers[a].onet.is_some(),
        cells: attributes.iter().zip(&values).map(|(attr, v)| (attr.key, v.as_str())).collect(),
        wins: attributes
            .iter()
            .zip(&wins)
            .map(|(attr, [as_a, as_b])| (attr.key, BTreeMap::from([('a', as_a.as_str()), ('b', as_b.as_str())])))
            .collect(),
        pairs: others,
    };
    escaped_json(&data)
}

fn html(cell: &Value) -> String {
    cell.as_str().unwrap_or_default().to_owned()
}

/// What comparing career `a` with career `b` says, from `a`'s side.
fn pair_data(plan: &Plan, a: usize, b: usize) -> PairData {
    let (glance, shared, overlap) = plan.comparer.glance_and_overlap(a, b);
    let mut letters = vec!['n'; attributes_len()];
    glance.iter().for_each(|row| letters[row.attribute] = letter(row.verdict));
    PairData { verdicts: letters.into_iter().collect(), shared, overlap, page: plan.has_pair(a, b) }
}

fn attributes_len() -> usize {
    careerdiff_compare::better_words().len()
}

/// `value` as JSON, escaped like every other piece of content text in the
/// site.
fn escaped_json(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
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

#[cfg(test)]
mod tests {
    /// Swapping the letters of a pair compared once gives what comparing
    /// it the other way round gives.
    #[test]
    fn the_other_direction_is_the_pair_swapped() {
        let plan = crate::plan::tests::default_plan();
        let n = plan.comparer.content().careers.len();
        let mut named_a_side = false;
        for (a, b) in (0..40).flat_map(|a| (a + 1..40).map(move |b| (a, b))).chain([(0, n - 1), (n / 2, n - 2)]) {
            let once = super::pair_data(&plan, a, b);
            assert_eq!(once.swapped(), super::pair_data(&plan, b, a), "{a} {b}");
            named_a_side |= once.verdicts.contains('a') && once.verdicts.contains('b');
        }
        assert!(named_a_side, "the pairs exercise the swap");
    }

    /// tool.html gives compare.js the pair pages' URL as `pair_url("{first}",
    /// "{second}")`, `{first}` being the career earlier in its list (the
    /// content's order): that is the page urls.rs names, in either order.
    #[test]
    fn the_tool_s_pair_url_pattern_names_the_pair_page() {
        let content = crate::plan::tests::default_content();
        let pattern = crate::urls::pair_path("{first}", "{second}");
        let careers = &content.careers;
        for (i, j) in (0..careers.len() - 1).map(|i| (i, i + 1)).chain([(0, careers.len() - 1)]) {
            let (first, second) = (&careers[i].slug, &careers[j].slug);
            let filled = pattern.replace("{first}", first).replace("{second}", second);
            assert_eq!(filled, crate::urls::pair_path(second, first), "{first} {second}");
        }
    }
}
