//! Answering a request for a page or file of the site: the path checked and
//! looked up, the page rendered from memory, with its type, ETag and cache
//! headers; the theme's 404 for anything else.

use std::sync::Arc;

use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri, header};
use axum::response::{IntoResponse, Response};
use careerdiff_site::PageId;

use crate::paths::site_path;
use crate::problem::{LoadFailure, Problem, error_page};
use crate::reload;
use crate::state::{AppState, Served};

/// Cache rules for a published site (no watcher): browsers keep a page
/// five minutes, shared caches (a CDN) may serve it an hour past that
/// while they revalidate with the ETag. The pages of one content folder
/// never change while it is served, so this is safe for any replica.
pub(crate) const CACHE_PUBLISHED: &str = "public, max-age=300, stale-while-revalidate=3600";
/// With a watcher, every request revalidates (a 304 when nothing changed).
pub(crate) const CACHE_LIVE: &str = "no-cache";
/// Pages showing a failed rebuild are never stored.
const CACHE_NONE: &str = "no-store";

pub(crate) async fn page(State(state): State<Arc<AppState>>, method: Method, headers: HeaderMap, uri: Uri) -> Response {
    if method != Method::GET && method != Method::HEAD {
        let mut response = StatusCode::METHOD_NOT_ALLOWED.into_response();
        response.headers_mut().insert(header::ALLOW, HeaderValue::from_static("GET, HEAD"));
        return response;
    }
    let served = state.served();
    let ready = &served.ready;
    let path = site_path(uri.path());
    if let Some(page) = path.as_deref().and_then(|path| ready.page_at(path)) {
        if let PageId::Skill(_) = page {
            // Skill pages are ranked by the search index: wait for it here
            // rather than on an async worker inside the render.
            ready.search.get().await;
        }
        return respond(&state, &served, page, StatusCode::OK, &headers);
    }
    if let Some(path) = path
        && let Some(bytes) = ready.late_files.file(&path).await
    {
        return reply(&state, &served, &path, || Ok(bytes), StatusCode::OK, &headers);
    }
    respond(&state, &served, PageId::NotFound, StatusCode::NOT_FOUND, &headers)
}

/// Renders `page` (or answers 304 when the client has it).
fn respond(state: &AppState, served: &Served, page: PageId, status: StatusCode, headers: &HeaderMap) -> Response {
    let site = &served.ready.site;
    reply(state, served, &site.path(page), || site.render(page), status, headers)
}

/// Answers with the file at `path`, whose bytes `bytes` gives (or 304 when
/// the client has it, without asking `bytes`, which renders a page).
fn reply(
    state: &AppState,
    served: &Served,
    path: &str,
    bytes: impl FnOnce() -> Result<Vec<u8>, careerdiff_site::SiteError>,
    status: StatusCode,
    headers: &HeaderMap,
) -> Response {
    let problem = &served.problem;
    let html = path.ends_with(".html");
    // A failed rebuild's box is on HTML pages only; other files are the
    // last good site's as they are.
    let banner = problem.as_ref().filter(|_| html);
    let cache = if banner.is_some() {
        CACHE_NONE
    } else if state.live {
        CACHE_LIVE
    } else {
        CACHE_PUBLISHED
    };
    let etag = state.etag(&served.ready, served.generation);
    if banner.is_none() && status == StatusCode::OK && matches(headers, &etag) {
        let mut response = StatusCode::NOT_MODIFIED.into_response();
        set_cache(response.headers_mut(), cache, Some(&etag));
        return response;
    }
    let bytes = match bytes() {
        Ok(bytes) => bytes,
        Err(error) => return render_failed(state, served, path, &error),
    };
    let bytes = if html && state.live {
        reload::decorate(bytes, served.generation, banner.map(|p| p.html()).as_deref())
    } else {
        bytes
    };
    let mut response = (status, Body::from(bytes)).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type(path)));
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    set_cache(headers, cache, banner.is_none().then_some(&etag));
    response
}

/// A page whose template failed at request time: the error, with its
/// template and line, in the browser and the terminal.
fn render_failed(state: &AppState, served: &Served, path: &str, error: &careerdiff_site::SiteError) -> Response {
    let problem = Problem::from_site_error(error, served.ready.theme_dir.as_deref());
    (state.report)(&format!("error rendering {path}: {} {}", problem.location(), problem.message));
    let failure = LoadFailure::from(problem);
    let mut html = error_page(&failure).into_bytes();
    if state.live {
        html = reload::decorate(html, served.generation, None);
    }
    let mut response = (StatusCode::INTERNAL_SERVER_ERROR, Body::from(html)).into_response();
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8"));
    set_cache(response.headers_mut(), CACHE_NONE, None);
    response
}

pub(crate) fn set_cache(headers: &mut HeaderMap, cache: &'static str, etag: Option<&String>) {
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
    if let Some(value) = etag.and_then(|e| HeaderValue::from_str(e).ok()) {
        headers.insert(header::ETAG, value);
    }
}

/// Whether the request's If-None-Match names `etag` (weak comparison, as
/// RFC 9110 has it for If-None-Match).
pub(crate) fn matches(headers: &HeaderMap, etag: &str) -> bool {
    let ours = etag.trim_start_matches("W/");
    headers
        .get_all(header::IF_NONE_MATCH)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .any(|value| value.split(',').map(str::trim).any(|tag| tag == "*" || tag.trim_start_matches("W/") == ours))
}

/// The media type of a site file, by its extension.
pub(crate) fn content_type(path: &str) -> &'static str {
    match path.rsplit_once('.').map(|(_, ext)| ext) {
        Some("html") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json") => "application/json",
        Some("xml") => "application/xml",
        Some("txt") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        _ => "application/octet-stream",
    }
}
