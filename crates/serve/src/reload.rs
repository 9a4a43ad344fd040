//! Live reload: a small script added to every HTML page while serving with
//! a watcher, and the server-sent-event stream it listens to. The script
//! says which rebuild its page came from, so a rebuild that lands between
//! the page and the stream's start still reloads it.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::{Query, State};
use axum::response::sse::{Event, KeepAlive, Sse};
use futures_util::Stream;
use serde::Deserialize;

use crate::state::AppState;

/// The event stream's path, out of the way of any page's.
pub(crate) const EVENTS_PATH: &str = "/_careerdiff/reload";

/// The script for a page made at rebuild `generation`: reload when the
/// server says a newer one is ready. Reconnecting after the server restarts
/// is EventSource's own behaviour.
pub(crate) fn script(generation: u64) -> String {
    format!(
        "<script>(function(){{var s=new EventSource(\"{EVENTS_PATH}?since={generation}\");\
         s.addEventListener(\"reload\",function(){{s.close();location.reload();}});}})();</script>"
    )
}

/// `html` with the reload script (and `banner`, the box of a failed
/// rebuild, if any) added: the banner first thing in the body, the script
/// last.
pub(crate) fn decorate(html: Vec<u8>, generation: u64, banner: Option<&str>) -> Vec<u8> {
    let script = script(generation);
    let mut out = Vec::with_capacity(html.len() + script.len() + banner.map_or(0, str::len));
    let body_open = banner.and_then(|_| {
        find(&html, b"<body").and_then(|at| html[at..].iter().position(|&b| b == b'>').map(|end| at + end + 1))
    });
    let body_close = rfind(&html, b"</body>").unwrap_or(html.len());
    let mut rest = &html[..];
    let mut done = 0;
    if let (Some(at), Some(banner)) = (body_open, banner) {
        out.extend_from_slice(&html[..at]);
        out.extend_from_slice(banner.as_bytes());
        rest = &html[at..];
        done = at;
    } else if let Some(banner) = banner {
        out.extend_from_slice(banner.as_bytes());
    }
    let close = body_close.saturating_sub(done).min(rest.len());
    out.extend_from_slice(&rest[..close]);
    out.extend_from_slice(script.as_bytes());
    out.extend_from_slice(&rest[close..]);
    out
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w.eq_ignore_ascii_case(needle))
}

#[derive(Deserialize)]
pub(crate) struct Since {
    since: Option<u64>,
}

/// The stream: a `reload` event each time the site is rebuilt (or fails
/// to be) after rebuild `since`; it ends when the server stops.
pub(crate) async fn events(
    State(state): State<Arc<AppState>>,
    Query(since): Query<Since>,
) -> Sse<impl Stream<Item = Result<Event, Infallible>>> {
    let seen = since.since.unwrap_or_else(|| state.generation());
    let start = (state.subscribe(), state.stopping(), seen);
    let stream = futures_util::stream::unfold(start, |(mut generation, mut stopping, seen)| async move {
        loop {
            if *stopping.borrow() {
                return None;
            }
            let now = *generation.borrow_and_update();
            if now != seen {
                let event = Event::default().event("reload").data(now.to_string());
                return Some((Ok(event), (generation, stopping, now)));
            }
            tokio::select! {
                changed = generation.changed() => if changed.is_err() { return None },
                _ = stopping.changed() => {}
            }
        }
    });
    Sse::new(stream).keep_alive(KeepAlive::new().interval(Duration::from_secs(15)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_body_ends_and_the_banner_after_it_opens() {
        let page = b"<html><body class=\"x\"><p>hi</p></body></html>".to_vec();
        let out = String::from_utf8(decorate(page, 7, Some("<div>B</div>"))).unwrap();
        assert!(out.starts_with("<html><body class=\"x\"><div>B</div><p>hi</p><script>"), "{out}");
        assert!(out.ends_with("</script></body></html>"), "{out}");
        assert!(out.contains("since=7"), "{out}");
        let bare = String::from_utf8(decorate(b"text".to_vec(), 1, None)).unwrap();
        assert!(bare.starts_with("text<script>"), "{bare}");
    }
}
