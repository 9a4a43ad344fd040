//! Times building the search index of a content folder and writing its
//! static shards, and sizes the shards: a line for `cargo xtask bench`.
//!
//!     index_build --content DIR

use std::path::PathBuf;
use std::time::Instant;

use careerdiff_model::load_content;
use careerdiff_search::{SearchIndex, static_index};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let content = args.iter().position(|a| a == "--content").and_then(|i| args.get(i + 1)).map_or("content", |s| s);
    let content = load_content(&PathBuf::from(content)).expect("content loads");
    let started = Instant::now();
    let index = SearchIndex::build_in_ram(&content).expect("indexes");
    let indexed = started.elapsed().as_secs_f64();
    let files = static_index(&index).expect("writes the static index");
    let written = started.elapsed().as_secs_f64() - indexed;
    let bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    let largest = files.iter().map(|f| f.bytes.len()).max().unwrap_or(0);
    println!(
        "search index of {} careers: tantivy {indexed:.2} s, static shards {written:.2} s; {} files, {:.1} MB, largest {:.1} KB",
        content.careers.len(),
        files.len(),
        bytes as f64 / 1e6,
        largest as f64 / 1e3
    );
}
