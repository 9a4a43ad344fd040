//! A collection file, as `parse_collection` reads it; the collection then
//! selects from a few careers.
#![no_main]

use std::path::Path;

use careerdiff_model::{Career, Salary, Wage, parse_collection};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let checked = parse_collection(Path::new("collections/fuzz.toml"), text);
    checked.diagnostics.iter().for_each(|d| drop(d.to_string()));
    if let Some(collection) = checked.value {
        let paid = Salary { median: Some(Wage::Exact(90000.0)), currency: "USD".into(), ..Salary::default() };
        let careers = [
            Career { title: "B".into(), salary: Some(paid), learning_months: Some(6), ..Career::default() },
            Career { title: "A".into(), demand_score: Some(f64::NAN), ..Career::default() },
            Career::default(),
        ];
        let _ = collection.select(&careers);
    }
});
