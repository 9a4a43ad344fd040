//! The at-a-glance rows of pair pages. A row's value cells depend on one
//! career and its "edge" cell on the verdict and the winner (or on the
//! attribute alone for a tie), so the theme's `value` and `glance_edge`
//! macros render them once per career and attribute; a page's row picks
//! them by the row's attribute. The comparison tool's data carries the
//! same cells (`tool_data.rs`), so both show what the macros render.

use std::sync::Arc;

use careerdiff_compare::{GlanceRow, Verdict, better_words, facts};
use careerdiff_model::Career;
use minijinja::context;
use minijinja::value::{Enumerator, Object, ObjectRepr, Value};
use rayon::prelude::*;

use crate::SiteError;
use crate::fields::fields;
use crate::theme::Theme;

/// The template and macro that render a value cell ("no data" for none).
pub(crate) const VALUE_MACRO: (&str, &str) = ("macros.html", "value");
/// The template and macro that render an edge cell.
pub(crate) const EDGE_MACRO: (&str, &str) = ("macros.html", "glance_edge");

/// The verdicts that name no side, in the order `GlanceCells::draws` keeps them.
const DRAWS: [Verdict; 3] = [Verdict::Tie, Verdict::Unknown, Verdict::Neutral];

/// An at-a-glance attribute: key, label and what being ahead on it means.
pub(crate) struct Attribute {
    pub(crate) key: &'static str,
    pub(crate) label: &'static str,
    pub(crate) better: &'static str,
}

/// Every at-a-glance attribute, in table order (the order of a row's
/// `attribute` index).
pub(crate) fn attributes() -> Vec<Attribute> {
    let facts = facts(&Career::default());
    facts.iter().zip(better_words()).map(|(f, better)| Attribute { key: f.key, label: f.label, better }).collect()
}

/// The `glance_edge` macro's argument: the attribute, the verdict and
/// the title of the career it names.
pub(crate) fn edge_arg(attribute: &Attribute, verdict: Verdict, winner: Option<&str>) -> Value {
    context! {
        key => attribute.key, label => attribute.label, verdict => verdict.name(), winner, better => attribute.better,
    }
}

/// Rendered glance cells, by career and attribute.
pub(crate) struct GlanceCells {
    /// Each career's value cell of each attribute.
    pub(crate) values: Vec<Vec<Value>>,
    /// Each career's edge cells for each attribute, when the verdict names
    /// it as the first career and as the second.
    pub(crate) wins: Vec<Vec<[Value; 2]>>,
    /// Each attribute's edge cell for the verdicts in `DRAWS`.
    pub(crate) draws: Vec<[Value; 3]>,
}

impl GlanceCells {
    pub(crate) fn new(theme: &Theme, careers: &[Career]) -> Result<Self, SiteError> {
        let attributes = attributes();
        let per_career = careers
            .par_iter()
            .map(|career| {
                let values = facts(career).into_iter().map(|fact| [Value::from(fact.value)]);
                let title = Some(career.title.as_str());
                let wins =
                    attributes.iter().flat_map(|attr| [Verdict::A, Verdict::B].map(|v| [edge_arg(attr, v, title)]));
                let wins = theme.call_macro(EDGE_MACRO, wins)?;
                let wins = wins.chunks_exact(2).map(|pair| [pair[0].clone(), pair[1].clone()]).collect();
                Ok((theme.call_macro(VALUE_MACRO, values)?, wins))
            })
            .collect::<Result<Vec<_>, SiteError>>()?;
        let draws = attributes
            .iter()
            .map(|attr| {
                let cells = theme.call_macro(EDGE_MACRO, DRAWS.map(|v| [edge_arg(attr, v, None)]))?;
                Ok([cells[0].clone(), cells[1].clone(), cells[2].clone()])
            })
            .collect::<Result<_, SiteError>>()?;
        let (values, wins) = per_career.into_iter().unzip();
        Ok(GlanceCells { values, wins, draws })
    }

    /// The edge cell of attribute `k` on the page comparing careers `i`
    /// and `j` when the verdict is `verdict`.
    pub(crate) fn edge(&self, (i, j): (usize, usize), k: usize, verdict: Verdict) -> &Value {
        match verdict {
            Verdict::A => &self.wins[i][k][0],
            Verdict::B => &self.wins[j][k][1],
            Verdict::Tie => &self.draws[k][0],
            Verdict::Unknown => &self.draws[k][1],
            Verdict::Neutral => &self.draws[k][2],
        }
    }

    /// A row of the page comparing careers `i` and `j`, as a template
    /// value: the row's serialised fields, the winner's title, and
    /// `cells`: `a`, `b` and `edge`, what `value(row.a)`, `value(row.b)`
    /// and `glance_edge(row)` render.
    pub(crate) fn row(&self, (i, j): (usize, usize), titles: (&str, &str), row: &GlanceRow<'_>) -> Value {
        let k = row.attribute;
        let winner = match row.verdict {
            Verdict::A => Some(titles.0),
            Verdict::B => Some(titles.1),
            _ => None,
        };
        let cells = fields! {
            a => self.values[i][k].clone(),
            b => self.values[j][k].clone(),
            edge => self.edge((i, j), k, row.verdict).clone(),
        };
        Value::from_object(Row {
            key: row.key,
            label: row.label,
            a: Value::from(row.a),
            b: Value::from(row.b),
            verdict: row.verdict.name(),
            better: row.better,
            winner: Value::from(winner),
            cells,
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
    winner: Value,
    cells: Value,
}

/// The names `Row` answers to: the serialised fields, the winner, then the cells.
const ROW_FIELDS: &[&str] = &["key", "label", "a", "b", "verdict", "better", "winner", "cells"];

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
            "winner" => self.winner.clone(),
            "cells" => self.cells.clone(),
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

    use careerdiff_compare::Comparer;
    use minijinja::Value;

    use super::{EDGE_MACRO, GlanceCells, VALUE_MACRO};
    use crate::theme::Theme;

    /// Each row's cells are what the macros render for that row's own
    /// values, verdict and winner.
    #[test]
    fn rows_carry_the_macros_rendering_of_their_own_values() {
        let content = crate::plan::tests::default_content();
        let comparer = Comparer::new(content.clone());
        let theme = Theme::load(None).unwrap();
        let cells = GlanceCells::new(&theme, &content.careers).unwrap();
        let render = |m: (&str, &str), arg: Value| theme.call_macro(m, [[arg]]).unwrap()[0].clone();
        let mut verdicts = BTreeSet::new();
        for (i, j) in (0..12).flat_map(|i| (i + 1..12).map(move |j| (i, j))) {
            let c = comparer.compare(i, j);
            for row in &c.glance {
                let titles = (content.careers[i].title.as_str(), content.careers[j].title.as_str());
                let built = cells.row((i, j), titles, row);
                let cell = |name: &str| built.get_attr("cells").unwrap().get_attr(name).unwrap();
                assert_eq!(cell("a"), render(VALUE_MACRO, Value::from(row.a)), "{i} {j} {}", row.key);
                assert_eq!(cell("b"), render(VALUE_MACRO, Value::from(row.b)), "{i} {j} {}", row.key);
                // The macro given the row itself, as a template would call it.
                assert_eq!(cell("edge"), render(EDGE_MACRO, built.clone()), "{i} {j} {}", row.key);
                verdicts.insert(row.verdict.name());
            }
        }
        assert!(verdicts.len() >= 4, "the pairs exercise wins and draws: {verdicts:?}");
    }
}
