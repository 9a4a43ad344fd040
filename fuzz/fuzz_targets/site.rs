//! `site.toml`, as `parse_site` reads it.
#![no_main]

use std::path::Path;

use careerdiff_model::parse_site;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let checked = parse_site(Path::new("site.toml"), text);
    checked.diagnostics.iter().for_each(|d| drop(d.to_string()));
});
