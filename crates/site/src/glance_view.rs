//! The at-a-glance rows of pair pages. A row's value cells depend on one
//! career and its "edge" cell on the winner (or on the attribute alone for
//! a tie), so the theme's `value` and `glance_edge` macros render them
//! once per career and attribute; a page's row only picks them.

use std::sync::Arc;

use careerdiff_compare::{GlanceRow, Verdict, better_words, facts};
use careerdiff_model::Career;
use minijinja::context;
use minijinja::value::{Enumerator, Object, ObjectRepr, Value};
use rayon::prelude::*;

use crate::SiteError;
use crate::theme::Theme;

/// The template and macro that render a value cell ("no data" for none).
pub(crate) const VALUE_MACRO: (&str, &str) = ("macros.html", "value");
/// The template and macro that render an edge cell.
pub(crate) const EDGE_MACRO: (&str, &str) = ("macros.html", "glance_edge");

/// Rendered glance cells, by career and attribute (the rows' order).
pub(crate) struct GlanceCells {
    /// Each career's value cell of each attribute.
    values: Vec<Vec<Value>>,
    /// Each career's edge cell for each attribute it is ahead on.
    wins: Vec<Vec<Value>>,
    /// Each attribute's edge cell for a tie, for no comparison and for an
    /// attribute without a better side.
    draws: Vec<[Value; 3]>,
}

impl GlanceCells {
    pub(crate) fn new(theme: &Theme, careers: &[Career]) -> Result<Self, SiteError> {
        let words: Vec<&str> = better_words().collect();
        let edge = |verdict: &str, winner: Option<&str>, better: &str| context! { verdict, winner, better };
        let per_career = careers
            .par_iter()
            .map(|career| {
                let values = facts(career).into_iter().map(|fact| Value::from(fact.value));
                let wins = words.iter().map(|better| edge("win", Some(&career.title), better));
                Ok((theme.call_macro(VALUE_MACRO, values)?, theme.call_macro(EDGE_MACRO, wins)?))
            })
            .collect::<Result<Vec<_>, SiteError>>()?;
        let draws = words
            .iter()
            .map(|better| {
                let cells =
                    theme.call_macro(EDGE_MACRO, ["tie", "unknown", "neutral"].map(|v| edge(v, None, better)))?;
                Ok([cells[0].clone(), cells[1].clone(), cells[2].clone()])
            })
            .collect::<Result<_, SiteError>>()?;
        let (values, wins) = per_career.into_iter().unzip();
        Ok(GlanceCells { values, wins, draws })
    }

    /// A row of the page comparing careers `i` and `j`, as a template
    /// value: the row's serialised fields plus `a_html`, `b_html` and
    /// `edge_html`.
    pub(crate) fn row(&self, (i, j): (usize, usize), row: &GlanceRow<'_>) -> Value {
        let k = row.attribute;
        let edge_html = match row.verdict {
            Verdict::A => &self.wins[i][k],
            Verdict::B => &self.wins[j][k],
            Verdict::Tie => &self.draws[k][0],
            Verdict::Unknown => &self.draws[k][1],
            Verdict::Neutral => &self.draws[k][2],
        };
        Value::from_object(Row {
            key: row.key,
            label: row.label,
            a: Value::from(row.a),
            b: Value::from(row.b),
            verdict: row.verdict.name(),
            better: row.better,
            a_html: self.values[i][k].clone(),
            b_html: self.values[j][k].clone(),
            edge_html: edge_html.clone(),
        })
    }
}

/// A glance row as templates see it.
#[derive(Debug)]
struct Row {
    key: &'static str,
    label: &'static str,
    a: Value,
    b: Value,
    verdict: &'static str,
    better: &'static str,
    a_html: Value,
    b_html: Value,
    edge_html: Value,
}

/// The names `Row` answers to: the serialised fields, then the cells.
const ROW_FIELDS: &[&str] = &["key", "label", "a", "b", "verdict", "better", "a_html", "b_html", "edge_html"];

impl Object for Row {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.get_value_by_str(key.as_str()?)
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<Value> {
        Some(match key {
            "key" => Value::from(self.key),
            "label" => Value::from(self.label),
            "a" => self.a.clone(),
            "b" => self.b.clone(),
            "verdict" => Value::from(self.verdict),
            "better" => Value::from(self.better),
            "a_html" => self.a_html.clone(),
            "b_html" => self.b_html.clone(),
            "edge_html" => self.edge_html.clone(),
            _ => return None,
        })
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Str(ROW_FIELDS)
    }

    fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
        Some(ROW_FIELDS.len())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use careerdiff_compare::{Comparer, Verdict};
    use minijinja::{Value, context};

    use super::{EDGE_MACRO, GlanceCells, VALUE_MACRO};
    use crate::theme::Theme;

    /// Each row's cells are what the macros render for that row's own
    /// values, verdict and winner.
    #[test]
    fn rows_carry_the_macros_rendering_of_their_own_values() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../content");
        let content = careerdiff_model::load_content(&root).expect("default content loads");
        let comparer = Comparer::new(content.clone());
        let theme = Theme::load(None).unwrap();
        let cells = GlanceCells::new(&theme, &content.careers).unwrap();
        let render = |m: (&str, &str), arg: Value| theme.call_macro(m, [arg]).unwrap()[0].clone();
        let mut verdicts = BTreeSet::new();
        for (i, j) in (0..12).flat_map(|i| (i + 1..12).map(move |j| (i, j))) {
            let c = comparer.compare(i, j);
            for row in &c.glance {
                let built = cells.row((i, j), row);
                let attr = |name: &str| built.get_attr(name).unwrap();
                assert_eq!(attr("a_html"), render(VALUE_MACRO, Value::from(row.a)), "{i} {j} {}", row.key);
                assert_eq!(attr("b_html"), render(VALUE_MACRO, Value::from(row.b)), "{i} {j} {}", row.key);
                let winner = match row.verdict {
                    Verdict::A => Some(content.careers[i].title.as_str()),
                    Verdict::B => Some(content.careers[j].title.as_str()),
                    _ => None,
                };
                let verdict = if winner.is_some() { "win" } else { row.verdict.name() };
                let edge = render(EDGE_MACRO, context! { verdict, winner, better => row.better });
                assert_eq!(attr("edge_html"), edge, "{i} {j} {}", row.key);
                verdicts.insert(row.verdict.name());
            }
        }
        assert!(verdicts.len() >= 4, "the pairs exercise wins and draws: {verdicts:?}");
    }
}
