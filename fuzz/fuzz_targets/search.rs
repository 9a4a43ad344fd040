//! A search query against the index of a small fixture site, as the
//! terminal and the server run it: terms, phrases, named O*NET items.
#![no_main]

use std::path::Path;
use std::sync::LazyLock;

use careerdiff_search::SearchIndex;
use libfuzzer_sys::fuzz_target;

static INDEX: LazyLock<SearchIndex> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/ok/small");
    let content = careerdiff_model::load_content(&root).expect("the fixture loads");
    SearchIndex::build_in_ram(&content).expect("the fixture indexes")
});

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let (hits, total) = INDEX.search_counted(query, 10).expect("a query never fails");
    assert!(hits.len() <= total.min(10));
    let _ = careerdiff_search::terms(query);
});
