//! Template maps built straight from template values.
//!
//! `minijinja::context!` serialises every value it is given, and a value
//! that already is a template [`Value`] takes a detour through a
//! thread-local handle table on the way. Pair pages build several maps
//! per page out of values made once per career, so they use [`fields!`],
//! which takes anything `Into<Value>` as it is. Glance rows, a dozen per
//! page, become small objects that make a field's value when asked.

use std::sync::Arc;

use careerdiff_compare::GlanceRow;
use minijinja::value::{Enumerator, Object, ObjectRepr, Value};

/// A map of a few named values. Lookups scan the names, as the maps of
/// `context!` do: pages' maps have a handful of keys.
#[derive(Debug)]
pub(crate) struct Fields(Vec<(&'static str, Value)>);

impl Fields {
    pub(crate) fn value(fields: Vec<(&'static str, Value)>) -> Value {
        Value::from_object(Fields(fields))
    }
}

impl Object for Fields {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        self.get_value_by_str(key.as_str()?)
    }

    fn get_value_by_str(self: &Arc<Self>, key: &str) -> Option<Value> {
        self.0.iter().find(|(name, _)| *name == key).map(|(_, value)| value.clone())
    }

    fn enumerate(self: &Arc<Self>) -> Enumerator {
        Enumerator::Values(self.0.iter().map(|(name, _)| Value::from(*name)).collect())
    }

    fn enumerator_len(self: &Arc<Self>) -> Option<usize> {
        Some(self.0.len())
    }
}

/// A glance row as templates see it: the fields it serialises with, made
/// into values only when a template asks (a pair page has a dozen rows).
#[derive(Debug)]
struct Row {
    key: &'static str,
    label: &'static str,
    a: Value,
    b: Value,
    verdict: &'static str,
    better: &'static str,
}

/// The names `Row` answers to, in serialisation order.
const ROW_FIELDS: &[&str] = &["key", "label", "a", "b", "verdict", "better"];

/// `row` as a template value, equal field by field to serialising it.
pub(crate) fn glance_row(row: &GlanceRow<'_>) -> Value {
    Value::from_object(Row {
        key: row.key,
        label: row.label,
        a: Value::from(row.a),
        b: Value::from(row.b),
        verdict: row.verdict.name(),
        better: row.better,
    })
}

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

/// `fields! { a, b => expr }`: like `context!`, for values that are
/// `Into<Value>` (template values, numbers, strings, lists of values).
macro_rules! fields {
    ($($key:ident $(=> $value:expr)?),* $(,)?) => {
        $crate::fields::Fields::value(vec![
            $((stringify!($key), ::minijinja::Value::from(fields!(@value $key $(=> $value)?)))),*
        ])
    };
    (@value $key:ident) => { $key };
    (@value $key:ident => $value:expr) => { $value };
}

pub(crate) use fields;

#[cfg(test)]
mod tests {
    use minijinja::{Environment, Value, context};

    use super::fields;

    #[test]
    fn templates_read_fields_like_a_context_map() {
        let name = Value::from("Data Scientists");
        let count = 3usize;
        let built = fields! { name, count, items => vec![Value::from(1), Value::from(2)] };
        let mut env = Environment::new();
        env.add_template("t", "{{ x.name }} {{ x.count }} {{ x.items | join(',') }} {{ x | length }} {{ x.missing is undefined }} {% for k in x %}{{ k }};{% endfor %}").unwrap();
        let rendered = env.get_template("t").unwrap().render(context! { x => built }).unwrap();
        assert_eq!(rendered, "Data Scientists 3 1,2 3 True name;count;items;");
    }
}
