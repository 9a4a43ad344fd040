//! A career body through the site's Markdown renderer. Its two files are
//! compiled in as they are: the renderer is private to `careerdiff-site`,
//! and linking the whole site crate would fuzz nothing more.
#![no_main]

#[allow(dead_code)]
#[path = "../../crates/site/src/markdown.rs"]
mod markdown;
#[allow(dead_code)]
#[path = "../../crates/site/src/safe_url.rs"]
mod safe_url;

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let html = markdown::to_html(text);
    // No link or image from content may carry a script URL. Text's `<` is
    // escaped, so every `<a ` or `<img ` in the output is a real tag.
    for tag in html.split('<').filter(|t| t.starts_with("a ") || t.starts_with("img ")) {
        let tag = &tag[..tag.find('>').unwrap_or(tag.len())];
        let urls = ["href=\"", "src=\""].into_iter().filter_map(|name| tag.split_once(name));
        for value in urls.map(|(_, rest)| rest.split('"').next().unwrap_or_default()) {
            let url: String = value.chars().filter(|c| !c.is_ascii_whitespace() && !c.is_control()).collect();
            let url = url.to_ascii_lowercase();
            assert!(!url.starts_with("javascript:") && !url.starts_with("vbscript:"), "{tag}");
        }
    }
    let (_, roadmap) = markdown::split_roadmap(text);
    if let Some(roadmap) = roadmap {
        let _ = markdown::to_html(roadmap);
    }
});
