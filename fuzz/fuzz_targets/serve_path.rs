//! A request path through the server's decoding (`careerdiff serve`): the
//! file is compiled in as it is, since it is private to `careerdiff-serve`
//! and needs nothing else. Whatever comes in, a path that is let through
//! names a file inside the site: relative, plain segments only.
#![no_main]

#[allow(dead_code)]
#[path = "../../crates/serve/src/paths.rs"]
mod paths;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else { return };
    let Some(path) = paths::site_path(raw) else { return };
    assert!(!path.starts_with('/'), "{raw:?} gave the absolute {path:?}");
    assert!(!path.contains('\\') && !path.contains('%') && !path.contains(':'), "{raw:?} gave {path:?}");
    assert!(!path.chars().any(char::is_control), "{raw:?} gave {path:?}");
    for segment in path.split('/') {
        assert!(!segment.is_empty() && segment != "." && segment != "..", "{raw:?} gave {path:?}");
    }
    // The path names itself: decoding it again changes nothing (below the
    // length limit, which a folder's added `index.html` may cross).
    if path.len() < 1000 {
        assert_eq!(paths::site_path(&format!("/{path}")).as_deref(), Some(path.as_str()), "{raw:?}");
    }
});
