//! `skills.toml`, as `parse_skills` reads it; then phrases are matched
//! against the taxonomy it gives.
#![no_main]

use std::path::Path;

use careerdiff_model::{SkillRef, parse_skills};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let checked = parse_skills(Path::new("skills.toml"), text);
    checked.diagnostics.iter().for_each(|d| drop(d.to_string()));
    if let Some(taxonomy) = checked.value {
        for skill in taxonomy.skills() {
            let _ = taxonomy.canonical_ids(&SkillRef { name: skill.name.clone(), ..SkillRef::default() });
        }
    }
});
