//! A career file, front matter and body, as `parse_career` reads it, with
//! a small taxonomy so that tags are looked up; every diagnostic is also
//! displayed (the source line is cut and escaped there).
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use careerdiff_model::{Skill, Taxonomy, parse_career};
use libfuzzer_sys::fuzz_target;

static TAXONOMY: LazyLock<Taxonomy> =
    LazyLock::new(|| Taxonomy::new(vec![Skill::new("python", "Python", &["py"]), Skill::new("sql", "SQL", &[])]).0);

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    match parse_career(Path::new("careers/fuzz.md"), text, &TAXONOMY) {
        Ok(career) => {
            let _ = TAXONOMY.canonical_ids(&career.skills.first().cloned().unwrap_or_default());
        }
        Err(diagnostics) => diagnostics.iter().for_each(|d| drop(d.to_string())),
    }
});
