//! Markdown to HTML for career bodies, with raw HTML escaped: content text
//! never reaches a page unescaped.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, html};

/// Renders `markdown` to HTML. Raw HTML in the source is shown as text, and
/// headings are shifted down one level so the page keeps a single `h1`.
pub(crate) fn to_html(markdown: &str) -> String {
    let parser =
        Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).map(|event| match event {
            Event::Html(raw) | Event::InlineHtml(raw) => Event::Text(raw),
            Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                Event::Start(Tag::Heading { level: demote(level), id, classes, attrs })
            }
            Event::End(pulldown_cmark::TagEnd::Heading(level)) => {
                Event::End(pulldown_cmark::TagEnd::Heading(demote(level)))
            }
            other => other,
        });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out
}

fn demote(level: HeadingLevel) -> HeadingLevel {
    match level {
        HeadingLevel::H1 => HeadingLevel::H2,
        HeadingLevel::H2 => HeadingLevel::H3,
        HeadingLevel::H3 => HeadingLevel::H4,
        HeadingLevel::H4 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

/// The body split at a `## Roadmap` heading: (overview, roadmap).
pub(crate) fn split_roadmap(markdown: &str) -> (&str, Option<&str>) {
    let mut offset = 0;
    for line in markdown.split_inclusive('\n') {
        let heading = line.trim_start_matches('#');
        if line.starts_with('#') && heading.trim().eq_ignore_ascii_case("roadmap") {
            return (&markdown[..offset], Some(&markdown[offset + line.len()..]));
        }
        offset += line.len();
    }
    (markdown, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_html_is_escaped() {
        let html = to_html("Hi <script>alert(1)</script> **there**");
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("<strong>there</strong>"));
    }

    #[test]
    fn roadmap_section_is_split_off() {
        let (overview, roadmap) = split_roadmap("Intro\n\n## Roadmap\n1. Learn\n");
        assert_eq!(overview, "Intro\n\n");
        assert_eq!(roadmap, Some("1. Learn\n"));
        assert_eq!(split_roadmap("No steps").1, None);
    }
}
