//! The at-a-glance table: one row per attribute, with the rule that says
//! which side is better. Ties are decided on the values as shown.

use std::cmp::Ordering;

use careerdiff_model::display::{self, money_key, thousands, wage};
use careerdiff_model::{Career, Salary, Wage};

use crate::{GlanceRow, Verdict};

/// A value as shown plus what it is compared on.
struct Measure {
    shown: String,
    compared: Compared,
}

/// What a value is compared on.
#[derive(Debug, Clone, Copy)]
struct Compared {
    key: i64,
    /// Only a lower bound (BLS's "at or above the top of the range").
    at_least: bool,
    /// Values compare only within the same scale: 0 for plain numbers,
    /// else an id of the currency and period (see [`measures`]).
    scale: u32,
}

/// Every attribute of one career measured, in table order: what each
/// value is compared on, and the values as shown in one string. Every
/// comparison of the career reads them, and one string is a line or two
/// of memory where a string per value was a line each.
#[derive(Debug)]
pub(crate) struct Measures {
    compared: Vec<Option<Compared>>,
    /// For each attribute, an id of the published figure its value is
    /// when it is one of BLS's (see [`source_key`]): careers with the same
    /// id show one figure for a larger occupation, not two measurements.
    sources: Vec<Option<u32>>,
    shown: String,
    /// Attribute `k`'s value is `shown[ends[k]..ends[k + 1]]`.
    ends: Vec<u32>,
}

impl Measures {
    /// Attribute `k`'s value as shown, if the career has it.
    // Inlined: a pair's rows read a dozen values, and a call each was a
    // tenth of making the rows.
    #[inline(always)]
    fn shown(&self, k: usize) -> Option<&str> {
        let (start, end) = (self.ends[k] as usize, self.ends[k + 1] as usize);
        self.compared[k].is_some().then(|| &self.shown[start..end])
    }
}

/// Ids of pay scales ("USD/yr") and of published figures' sources ("BLS
/// OEWS May 2025, SOC 15-2051"), so that comparing two is comparing two
/// numbers.
#[derive(Default)]
pub(crate) struct MeasureIds {
    scales: std::collections::HashMap<String, u32>,
    sources: std::collections::HashMap<String, u32>,
}

/// The provenance field that says where each BLS attribute comes from.
pub(crate) fn source_field(key: &str) -> Option<&'static str> {
    Some(match key {
        "pay_p10" | "salary_median" | "pay_p90" => "salary",
        "employment" => "employment",
        "projected_growth" => "projected_growth",
        "annual_openings" => "annual_openings",
        "entry_education" => "entry_education",
        _ => return None,
    })
}

/// The dataset and occupation a provenance names, up to and including
/// its SOC or NEM code ("BLS OEWS May 2025, SOC 15-2051"): two careers
/// whose figure has the same key show the same published figure.
fn source_key(provenance: &str) -> Option<&str> {
    let code_at = ["SOC ", "NEM "].iter().filter_map(|tag| provenance.find(tag).map(|at| at + tag.len())).min()?;
    let code_len =
        provenance[code_at..].find(|c: char| !(c.is_ascii_digit() || c == '-')).unwrap_or(provenance.len() - code_at);
    (code_len > 0).then(|| &provenance[..code_at + code_len])
}

/// Which way is better for an attribute.
#[derive(Clone, Copy)]
enum Better {
    Higher,
    Lower,
    Neither,
}

struct Attribute {
    key: &'static str,
    label: &'static str,
    /// The label inside a sentence: "salary floor", "AI replacement risk".
    noun: &'static str,
    better: Better,
    /// What "better" is called in sentences: "higher", "lower", "shorter".
    word: &'static str,
    measure: fn(&Career) -> Option<Measure>,
    /// Pay, compared only within one currency and period.
    money: bool,
}

/// One attribute row of the table, written compactly: key, label, noun,
/// better side, its word, measure, and whether it is money.
const fn attribute(
    key: &'static str,
    label: &'static str,
    noun: &'static str,
    better: Better,
    word: &'static str,
    measure: fn(&Career) -> Option<Measure>,
    money: bool,
) -> Attribute {
    Attribute { key, label, noun, better, word, measure, money }
}

use Better::{Higher, Lower, Neither};

/// The attributes, in the order pages show them. A writer's advertised
/// range (`min`, `max`) and a wage survey's percentiles are different
/// things and get rows of their own: a 10th percentile is not a floor.
const ATTRIBUTES: &[Attribute] = &[
    attribute("salary_floor", "Salary floor (range given)", "salary floor", Higher, "higher", salary_floor, true),
    attribute(
        "salary_ceiling",
        "Salary ceiling (range given)",
        "salary ceiling",
        Higher,
        "higher",
        salary_ceiling,
        true,
    ),
    attribute("pay_p10", "Pay at the 10th percentile", "pay at the 10th percentile", Higher, "higher", pay_p10, true),
    attribute("salary_median", "Median pay", "median pay", Higher, "higher", salary_median, true),
    attribute("pay_p90", "Pay at the 90th percentile", "pay at the 90th percentile", Higher, "higher", pay_p90, true),
    attribute("employment", "Employment (jobs now)", "employment", Higher, "larger", employment, false),
    attribute("projected_growth", "Projected growth (2024–34)", "projected growth", Higher, "higher", growth, false),
    attribute("annual_openings", "Openings a year (projected)", "openings a year", Higher, "more", openings, false),
    attribute("demand_score", "Demand score", "demand score", Higher, "higher", demand, false),
    attribute("ai_risk", "AI replacement risk (estimate)", "AI replacement risk", Lower, "lower", ai_risk, false),
    attribute("ai_exposure", "AI exposure (language models)", "AI exposure", Lower, "lower", ai_exposure, false),
    attribute("learning_months", "Learning curve", "learning curve", Lower, "shorter", learning, false),
    attribute("difficulty", "Difficulty", "difficulty", Lower, "lower", difficulty, false),
    attribute("entry_barrier", "Entry barrier", "entry barrier", Lower, "lower", entry_barrier, false),
    attribute(
        "job_zone",
        "Preparation needed (O*NET job zone)",
        "preparation needed",
        Lower,
        "lighter",
        job_zone,
        false,
    ),
    attribute(
        "entry_education",
        "Typical entry education (BLS)",
        "schooling needed to enter",
        Lower,
        "shorter",
        entry_education,
        false,
    ),
    attribute(
        "remote_friendly",
        "Can usually be done from home",
        "scope for remote work",
        Higher,
        "wider",
        remote,
        false,
    ),
    attribute("requires_coding", "Requires coding", "requires coding", Neither, "", coding, false),
];

/// Every attribute of `career` measured, in table order; computed once
/// per career, since a career's values read the same on all its pages.
pub(crate) fn measures(career: &Career, ids: &mut MeasureIds) -> Measures {
    let scale = career.salary.as_ref().map_or(0, |s| {
        let next = ids.scales.len() as u32 + 1;
        *ids.scales.entry(format!("{}{}", s.currency, s.period.suffix())).or_insert(next)
    });
    let mut measures = Measures {
        compared: Vec::with_capacity(ATTRIBUTES.len()),
        sources: Vec::with_capacity(ATTRIBUTES.len()),
        shown: String::new(),
        ends: vec![0],
    };
    for attr in ATTRIBUTES {
        let measure = (attr.measure)(career);
        let provenance = source_field(attr.key).and_then(|field| career.provenance.get(field));
        let source = provenance.and_then(|p| source_key(p)).filter(|_| measure.is_some()).map(|key| {
            let next = ids.sources.len() as u32;
            *ids.sources.entry(key.to_owned()).or_insert(next)
        });
        measures.sources.push(source);
        if let Some(m) = &measure {
            measures.shown.push_str(&m.shown);
        }
        measures.ends.push(measures.shown.len() as u32);
        let scale = if attr.money { scale } else { 0 };
        measures.compared.push(measure.map(|m| Compared { scale, ..m.compared }));
    }
    measures
}

/// Each attribute's key, in table order.
pub(crate) fn keys() -> impl Iterator<Item = &'static str> {
    ATTRIBUTES.iter().map(|attr| attr.key)
}

/// Each attribute's word for "better" and its noun, as a row gives them
/// ([`GlanceRow::better`], [`GlanceRow::noun`]), in table order.
pub(crate) fn words_and_nouns() -> impl Iterator<Item = (&'static str, &'static str)> {
    ATTRIBUTES.iter().map(|attr| (attr.word, attr.noun))
}

/// The at-a-glance rows for `a` against `b`, from their measures. A row
/// with no data on either side says nothing and is left out.
pub(crate) fn rows<'s>(a: &'s Measures, b: &'s Measures) -> Vec<GlanceRow<'s>> {
    let mut rows = Vec::with_capacity(ATTRIBUTES.len());
    let margins = &*MARGINS;
    for (attribute, attr) in ATTRIBUTES.iter().enumerate() {
        // One published figure shown for both tells them apart in nothing.
        let same_source = a.sources[attribute].is_some() && a.sources[attribute] == b.sources[attribute];
        let units_differ =
            matches!((&a.compared[attribute], &b.compared[attribute]), (Some(x), Some(y)) if x.scale != y.scale);
        let verdict = match (&a.compared[attribute], &b.compared[attribute]) {
            (None, None) => continue,
            _ if same_source => Verdict::Unknown,
            // An entry barrier derived from the job zone on both sides says
            // less than the job zone row does (zones 3 and 4 are both
            // "medium"): left out, as the row below tells them apart.
            // Shown, it read "Medium, Medium, —" above "zone 3, zone 4".
            _ if attribute == *DERIVED_BARRIER
                && a.compared[*JOB_ZONE].is_some()
                && b.compared[*JOB_ZONE].is_some() =>
            {
                continue;
            }
            (Some(x), Some(y)) => verdict(attr.better, x, y, margins[attribute]),
            _ if matches!(attr.better, Better::Neither) => Verdict::Neutral,
            _ => Verdict::Unknown,
        };
        rows.push(GlanceRow {
            key: attr.key,
            label: attr.label,
            noun: attr.noun,
            a: a.shown(attribute),
            b: b.shown(attribute),
            verdict,
            better: attr.word,
            attribute,
            same_source,
            units_differ,
        });
    }
    rows
}

/// How far apart two exact values of an attribute may be and still be
/// even: a counsellor does not call $108,510 against $108,420 an edge.
#[derive(Clone, Copy)]
enum Margin {
    /// Within this fraction of the larger value.
    Relative(f64),
    /// Within this many units of the compared key (tenths for growth).
    Absolute(i64),
}

impl Margin {
    fn within(self, x: i64, y: i64) -> bool {
        match self {
            Margin::Relative(share) => ((x - y).abs() as f64) < share * x.abs().max(y.abs()) as f64,
            Margin::Absolute(units) => (x - y).abs() < units,
        }
    }
}

/// The place of the entry barrier row.
static DERIVED_BARRIER: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| place("entry_barrier"));
/// The place of the job zone row.
static JOB_ZONE: std::sync::LazyLock<usize> = std::sync::LazyLock::new(|| place("job_zone"));

fn place(key: &str) -> usize {
    ATTRIBUTES.iter().position(|attr| attr.key == key).unwrap_or(usize::MAX)
}

/// Each attribute's [`Margin`], by attribute index: pay, employment and
/// openings within 2 % are even, projected growth over ten years within
/// one percentage point (+7.5 % against +7.0 % is no faster-growing
/// field), AI exposure within five points (annotators rated some twenty
/// tasks an occupation: one task's rating moves its share by about five,
/// and 59.7 % against 59.8 % is no reason to choose); other values are
/// even only when they show the same.
static MARGINS: std::sync::LazyLock<Vec<Option<Margin>>> = std::sync::LazyLock::new(|| {
    let margin = |attr: &Attribute| match attr.key {
        _ if attr.money => Some(Margin::Relative(0.02)),
        "employment" | "annual_openings" => Some(Margin::Relative(0.02)),
        "projected_growth" => Some(Margin::Absolute(10)),
        "ai_exposure" => Some(Margin::Absolute(50)),
        _ => None,
    };
    ATTRIBUTES.iter().map(margin).collect()
});

fn verdict(better: Better, x: &Compared, y: &Compared, margin: Option<Margin>) -> Verdict {
    if x.scale != y.scale {
        return Verdict::Unknown;
    }
    let even = !x.at_least && !y.at_least && margin.is_some_and(|m| m.within(x.key, y.key));
    let order = match (x.at_least, y.at_least, x.key.cmp(&y.key)) {
        _ if even => Ordering::Equal,
        (false, false, order) => order,
        // "at least X" beats an exact figure below X; anything else is unknown.
        (true, false, Ordering::Greater) => Ordering::Greater,
        (false, true, Ordering::Less) => Ordering::Less,
        _ => return Verdict::Unknown,
    };
    match (better, order) {
        (Better::Neither, _) => Verdict::Neutral,
        (_, Ordering::Equal) => Verdict::Tie,
        (Better::Higher, Ordering::Greater) | (Better::Lower, Ordering::Less) => Verdict::A,
        _ => Verdict::B,
    }
}

fn money_measure(salary: &Salary, w: Wage) -> Measure {
    Measure {
        shown: format!("{}{}", wage(salary, w), salary.period.suffix()),
        compared: Compared { key: money_key(salary, w.amount()), at_least: w.is_at_least(), scale: 0 },
    }
}

fn plain(shown: String, key: i64) -> Measure {
    Measure { shown, compared: Compared { key, at_least: false, scale: 0 } }
}

fn salary_floor(c: &Career) -> Option<Measure> {
    let s = c.salary.as_ref()?;
    Some(money_measure(s, Wage::Exact(s.min?)))
}

fn pay_p10(c: &Career) -> Option<Measure> {
    let s = c.salary.as_ref()?;
    Some(money_measure(s, s.p10?))
}

fn pay_p90(c: &Career) -> Option<Measure> {
    let s = c.salary.as_ref()?;
    Some(money_measure(s, s.p90?))
}

fn salary_median(c: &Career) -> Option<Measure> {
    let s = c.salary.as_ref()?;
    Some(money_measure(s, s.median?))
}

fn salary_ceiling(c: &Career) -> Option<Measure> {
    let s = c.salary.as_ref()?;
    Some(money_measure(s, Wage::Exact(s.max?)))
}

fn employment(c: &Career) -> Option<Measure> {
    c.employment.map(|n| plain(thousands(n), n as i64))
}

fn growth(c: &Career) -> Option<Measure> {
    c.projected_growth.map(|g| {
        // Signs as printed: "+15.8%", "−6%" (a minus sign, not a hyphen).
        let tenths = (g * 10.0).round();
        let sign = if tenths > 0.0 {
            "+"
        } else if tenths < 0.0 {
            "−"
        } else {
            ""
        };
        plain(format!("{sign}{}%", display::tenths(g.abs())), tenths as i64)
    })
}

fn openings(c: &Career) -> Option<Measure> {
    c.annual_openings.map(|n| plain(thousands(n), n as i64))
}

fn ai_exposure(c: &Career) -> Option<Measure> {
    c.ai_exposure.map(|e| plain(format!("{}%", display::tenths(e)), (e * 10.0).round() as i64))
}

fn demand(c: &Career) -> Option<Measure> {
    c.demand_score.map(|d| plain(format!("{d:.1}/10"), (d * 10.0).round() as i64))
}

fn ai_risk(c: &Career) -> Option<Measure> {
    c.ai_risk.map(|r| plain(format!("{}%", display::tenths(r)), (r * 10.0).round() as i64))
}

fn learning(c: &Career) -> Option<Measure> {
    c.own_learning_months().map(|m| {
        let unit = if m == 1 { "month" } else { "months" };
        plain(format!("{m} {unit}"), i64::from(m))
    })
}

fn difficulty(c: &Career) -> Option<Measure> {
    c.difficulty.map(|d| plain(d.to_string(), d as i64))
}

fn entry_barrier(c: &Career) -> Option<Measure> {
    c.entry_barrier.map(|e| plain(e.to_string(), e as i64))
}

fn job_zone(c: &Career) -> Option<Measure> {
    let zone = c.onet.as_ref()?.job_zone?;
    let typical = careerdiff_model::display::job_zone_preparation(zone);
    Some(plain(format!("zone {zone} of 5, {typical} typical"), i64::from(zone)))
}

fn entry_education(c: &Career) -> Option<Measure> {
    let education = c.entry_education.as_deref()?;
    let rank = crate::transition::education_rank(education)?;
    Some(plain(education.to_owned(), rank as i64))
}

/// How a yes/no attribute's values are shown.
const YES_NO: [&str; 2] = ["No", "Yes"];

fn yes_no(value: bool) -> Measure {
    plain(YES_NO[usize::from(value)].to_owned(), i64::from(value))
}

/// A yes/no attribute's shown value as a word inside a sentence ("yes",
/// "no"); `None` for any other value.
pub(crate) fn yes_no_word(shown: &str) -> Option<&'static str> {
    ["no", "yes"].into_iter().zip(YES_NO).find_map(|(word, value)| (shown == value).then_some(word))
}

fn remote(c: &Career) -> Option<Measure> {
    c.remote_friendly.map(yes_no)
}

fn coding(c: &Career) -> Option<Measure> {
    c.requires_coding.map(yes_no)
}

/// One attribute of one career as shown, for career pages.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Fact {
    /// A stable key, e.g. `demand_score`.
    pub key: &'static str,
    /// The label shown.
    pub label: &'static str,
    /// The value as shown, or `None` for no data.
    pub value: Option<String>,
}

/// What "better" is called for each at-a-glance attribute ("higher",
/// "lower", …), in the order of [`facts`] and of a comparison's rows.
pub fn better_words() -> impl ExactSizeIterator<Item = &'static str> {
    ATTRIBUTES.iter().map(|attr| attr.word)
}

/// One at-a-glance attribute of one career (by key, e.g.
/// `projected_growth`), shown as in [`facts`]; `None` for no data or an
/// unknown key.
pub fn fact_value(career: &Career, key: &str) -> Option<String> {
    let attr = ATTRIBUTES.iter().find(|attr| attr.key == key)?;
    (attr.measure)(career).map(|m| m.shown)
}

/// Every at-a-glance attribute of one career, shown the same way as on
/// pair pages.
pub fn facts(career: &Career) -> Vec<Fact> {
    ATTRIBUTES
        .iter()
        .map(|attr| Fact { key: attr.key, label: attr.label, value: (attr.measure)(career).map(|m| m.shown) })
        .collect()
}
