//! Markdown to HTML for career bodies, with raw HTML escaped and links
//! checked: content text never reaches a page unescaped, and no link or
//! image from content can run script.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd, html};

use crate::safe_url::{UrlUse, is_safe_url};

/// Renders `markdown` to HTML. Raw HTML in the source is shown as text,
/// headings are shifted down one level so the page keeps a single `h1`, and
/// a link or image whose URL is not on the allow-list ([`is_safe_url`]) is
/// left out, keeping its text: `[click](javascript:…)` becomes `click`.
pub(crate) fn to_html(markdown: &str) -> String {
    // Whether each open link or image was kept, innermost last: their ends
    // must follow their starts (an image may sit inside a link).
    let mut open: Vec<bool> = Vec::new();
    let parser =
        Parser::new_ext(markdown, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH).filter_map(move |event| {
            match event {
                Event::Html(raw) | Event::InlineHtml(raw) => Some(Event::Text(raw)),
                Event::Start(Tag::Heading { level, id, classes, attrs }) => {
                    Some(Event::Start(Tag::Heading { level: demote(level), id, classes, attrs }))
                }
                Event::End(TagEnd::Heading(level)) => Some(Event::End(TagEnd::Heading(demote(level)))),
                Event::Start(Tag::Link { ref dest_url, .. }) => {
                    keep_if(&mut open, is_safe_url(dest_url, UrlUse::Link), event)
                }
                Event::Start(Tag::Image { ref dest_url, .. }) => {
                    keep_if(&mut open, is_safe_url(dest_url, UrlUse::Image), event)
                }
                Event::End(TagEnd::Link | TagEnd::Image) => open.pop().unwrap_or(true).then_some(event),
                other => Some(other),
            }
        });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out
}

/// Remembers whether a link or image start is kept, for its end.
fn keep_if<'a>(open: &mut Vec<bool>, keep: bool, event: Event<'a>) -> Option<Event<'a>> {
    open.push(keep);
    keep.then_some(event)
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

    /// Every disguise of a script link in a Markdown body: none is published
    /// as a link, and the link text stays.
    #[test]
    fn script_links_are_made_inert() {
        for body in [
            "[click me](javascript:alert(1))",
            "[click me](JaVaScRiPt:alert(1))",
            "[click me]( javascript:alert(1))",
            "[click me](<javascript:alert(1)>)",
            "[click me](jav&#x09;ascript:alert(1))",
            "[click me](&#106;avascript:alert(1))",
            "[click me](java%0ascript:alert(1))",
            "[click me](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[click me][ref]\n\n[ref]: javascript:alert(1)",
            "<javascript:alert(1)>",
            "![click me](javascript:alert(1))",
            "[![click me](javascript:alert(1))](javascript:alert(2))",
        ] {
            let html = to_html(body);
            let lower = html.to_ascii_lowercase();
            assert!(!lower.contains("href=\"javascript") && !lower.contains("src=\"javascript"), "{body}: {html}");
            assert!(!lower.contains("href=\"data:"), "{body}: {html}");
            if !body.starts_with('<') {
                assert!(html.contains("click me"), "the link text is kept: {body}: {html}");
            }
        }
    }

    #[test]
    fn safe_links_and_raster_images_are_kept() {
        let html = to_html(
            "[BLS](https://www.bls.gov/ooh/) [mail](mailto:a@b.org) [next](../careers/actuaries.html) \
             ![chart](data:image/png;base64,iVBORw0KGgo=) <https://example.org>",
        );
        assert!(html.contains(r#"<a href="https://www.bls.gov/ooh/">BLS</a>"#), "{html}");
        assert!(html.contains(r#"<a href="mailto:a@b.org">mail</a>"#), "{html}");
        assert!(html.contains(r#"<a href="../careers/actuaries.html">next</a>"#), "{html}");
        assert!(html.contains(r#"<img src="data:image/png;base64,iVBORw0KGgo=" alt="chart""#), "{html}");
        assert!(html.contains(r#"<a href="https://example.org">https://example.org</a>"#), "{html}");
    }

    #[test]
    fn an_unsafe_image_inside_a_safe_link_keeps_the_link() {
        let html = to_html("[![logo](javascript:alert(1))](https://example.org)");
        assert!(html.contains(r#"<a href="https://example.org">logo</a>"#), "{html}");
    }

    #[test]
    fn roadmap_section_is_split_off() {
        let (overview, roadmap) = split_roadmap("Intro\n\n## Roadmap\n1. Learn\n");
        assert_eq!(overview, "Intro\n\n");
        assert_eq!(roadmap, Some("1. Learn\n"));
        assert_eq!(split_roadmap("No steps").1, None);
    }
}
