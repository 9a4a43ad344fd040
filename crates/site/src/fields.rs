//! Template maps built straight from template values.
//!
//! `minijinja::context!` serialises every value it is given, and a value
//! that already is a template [`Value`] takes a detour through a
//! thread-local handle table on the way. Pair pages build several maps
//! per page out of values made once per career, so they use [`fields!`],
//! which takes anything `Into<Value>` as it is.

use std::sync::Arc;

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
