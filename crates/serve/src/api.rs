//! The JSON API (`/api/search`, `/api/compare`, `/api/similar`) and the
//! functions behind it, which `careerdiff search|compare|similar --json`
//! call too: one lookup, one ranking, one serialisation for both.
//!
//! Every parameter is checked: an unknown or repeated parameter, a missing
//! one, a value out of range or too long is a 400 whose JSON body names the
//! parameter (`{"error": "...", "parameter": "limit"}`), never a 500.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::Body;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use careerdiff_compare::{Comparer, Comparison, Similar};
use careerdiff_model::{Career, Content, Period};
use careerdiff_search::{Hit, SearchError, SearchIndex};
use serde::Serialize;

use crate::pages::{CACHE_LIVE, CACHE_PUBLISHED};
use crate::state::{AppState, Ready};

/// The most results one request may ask for.
pub const MAX_LIMIT: usize = 100;
/// The longest query, category or slug accepted, in characters.
pub const MAX_TEXT: usize = 200;
/// Results when `limit` is left out, as on the command line.
const DEFAULT_LIMIT: usize = 10;

/// A request parameter that cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    /// The parameter at fault.
    pub parameter: String,
    /// What is wrong with it.
    pub message: String,
    /// Whether it names a career that does not exist.
    pub unknown_career: bool,
}

impl ParamError {
    fn new(parameter: &str, message: impl Into<String>) -> Self {
        ParamError { parameter: parameter.to_owned(), message: message.into(), unknown_career: false }
    }
}

impl std::fmt::Display for ParamError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// The position of the career `slug` (given as `parameter`), or an error
/// suggesting slugs that contain it or that it contains.
pub fn find_career(comparer: &Comparer, parameter: &str, slug: &str) -> Result<usize, ParamError> {
    comparer.index_of(slug).ok_or_else(|| {
        let close: Vec<&str> = comparer
            .content()
            .careers
            .iter()
            .map(|c| c.slug.as_str())
            .filter(|s| !slug.is_empty() && (s.contains(slug) || slug.contains(*s)))
            .take(5)
            .collect();
        let hint = if close.is_empty() { String::new() } else { format!(" (did you mean {}?)", close.join(", ")) };
        ParamError {
            parameter: parameter.to_owned(),
            message: format!("no career with slug `{slug}`{hint}"),
            unknown_career: true,
        }
    })
}

/// The comparison of careers `a` and `b` (slugs), in that order: what
/// `careerdiff compare A B` shows and `--json` prints.
pub fn comparison<'c>(comparer: &'c Comparer, a: &str, b: &str) -> Result<Comparison<'c>, ParamError> {
    let (i, j) = (find_career(comparer, "a", a)?, find_career(comparer, "b", b)?);
    if i == j {
        return Err(ParamError::new("b", format!("compare two different careers (both are `{a}`)")));
    }
    Ok(comparer.compare(i, j))
}

/// The `limit` most similar careers of `slug`, or of every career: an
/// object from each slug to its list, as `careerdiff similar --json` prints.
pub fn similar<'c>(
    comparer: &'c Comparer,
    slug: Option<&str>,
    limit: usize,
) -> Result<BTreeMap<&'c str, Vec<Similar>>, ParamError> {
    let careers = &comparer.content().careers;
    Ok(match slug {
        Some(slug) => {
            let i = find_career(comparer, "slug", slug)?;
            BTreeMap::from([(careers[i].slug.as_str(), comparer.similar(i, limit))])
        }
        None => careers.iter().map(|c| c.slug.as_str()).zip(comparer.all_similar(limit)).collect(),
    })
}

/// What a search keeps besides matching the query.
#[derive(Debug, Clone, Default)]
pub struct SearchFilter {
    /// Only careers of this category (compared ignoring case).
    pub category: Option<String>,
    /// Only careers that can (`true`) or cannot (`false`) be done remotely;
    /// careers where it is unknown are left out either way.
    pub remote: Option<bool>,
    /// Only careers whose yearly pay ([`yearly_pay`]) is at least this.
    pub min_salary: Option<f64>,
}

impl SearchFilter {
    fn keeps(&self, career: &Career) -> bool {
        let category = self
            .category
            .as_deref()
            .is_none_or(|wanted| career.category.as_deref().is_some_and(|c| c.to_lowercase() == wanted.to_lowercase()));
        let remote = self.remote.is_none_or(|wanted| career.remote_friendly == Some(wanted));
        let pay = self.min_salary.is_none_or(|min| yearly_pay(career).is_some_and(|pay| pay >= min));
        category && remote && pay
    }
}

/// The careers for `query`, best first, as `careerdiff search` ranks them,
/// among those `filter` keeps, and how many match in all.
pub fn search(
    index: &SearchIndex,
    content: &Content,
    query: &str,
    limit: usize,
    filter: &SearchFilter,
) -> Result<(Vec<Hit>, usize), SearchError> {
    index.search_where(query, limit, |i| filter.keeps(&content.careers[i]))
}

/// A career's pay over a year: its median, else the middle of its range,
/// in its own currency (an hour counts 2,080 a year, a month 12).
pub fn yearly_pay(career: &Career) -> Option<f64> {
    let salary = career.salary.as_ref()?;
    let amount = salary.median.map(|w| w.amount()).or_else(|| Some((salary.min? + salary.max?) / 2.0))?;
    Some(match salary.period {
        Period::Year => amount,
        Period::Month => amount * 12.0,
        Period::Hour => amount * 2080.0,
    })
}

/// A request's parameters, checked against the names a route takes.
struct Params(Vec<(String, String)>);

impl Params {
    fn new(query: Result<Query<Vec<(String, String)>>, QueryRejection>, names: &[&str]) -> Result<Self, ParamError> {
        let Query(pairs) = query.map_err(|_| ParamError::new("query", "the query string is not valid URL encoding"))?;
        for (at, (name, _)) in pairs.iter().enumerate() {
            if !names.contains(&name.as_str()) {
                let shown: String = name.chars().take(40).collect();
                return Err(ParamError::new(
                    &shown,
                    format!("unknown parameter `{shown}`; expected {}", names.join(", ")),
                ));
            }
            if pairs[..at].iter().any(|(earlier, _)| earlier == name) {
                return Err(ParamError::new(name, format!("`{name}` is given more than once")));
            }
        }
        Ok(Params(pairs))
    }

    /// The value of `name`, at most [`MAX_TEXT`] characters.
    fn text(&self, name: &str) -> Result<Option<&str>, ParamError> {
        let value = self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str());
        match value {
            Some(v) if v.chars().count() > MAX_TEXT => {
                Err(ParamError::new(name, format!("`{name}` is longer than {MAX_TEXT} characters")))
            }
            _ => Ok(value),
        }
    }

    fn required(&self, name: &str) -> Result<&str, ParamError> {
        self.text(name)?
            .filter(|v| !v.trim().is_empty())
            .ok_or_else(|| ParamError::new(name, format!("`{name}` is required")))
    }

    fn limit(&self) -> Result<usize, ParamError> {
        let Some(text) = self.text("limit")? else { return Ok(DEFAULT_LIMIT) };
        match text.parse::<usize>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(n),
            _ => Err(ParamError::new("limit", format!("`limit` must be a whole number from 1 to {MAX_LIMIT}"))),
        }
    }

    fn flag(&self, name: &str) -> Result<Option<bool>, ParamError> {
        match self.text(name)? {
            None => Ok(None),
            Some("true" | "1" | "yes") => Ok(Some(true)),
            Some("false" | "0" | "no") => Ok(Some(false)),
            Some(_) => Err(ParamError::new(name, format!("`{name}` must be true or false"))),
        }
    }

    fn amount(&self, name: &str) -> Result<Option<f64>, ParamError> {
        let Some(text) = self.text(name)? else { return Ok(None) };
        match text.parse::<f64>() {
            Ok(n) if n.is_finite() && (0.0..=1e9).contains(&n) => Ok(Some(n)),
            _ => Err(ParamError::new(name, format!("`{name}` must be a number from 0 to 1000000000"))),
        }
    }
}

pub(crate) async fn search_route(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let ready = state.current();
    let params = Params::new(query, &["q", "limit", "category", "remote", "min_salary"]).and_then(|params| {
        let (q, limit) = (params.required("q")?.to_owned(), params.limit()?);
        let filter = SearchFilter {
            category: params.text("category")?.map(str::to_owned),
            remote: params.flag("remote")?,
            min_salary: params.amount("min_salary")?,
        };
        Ok((q, limit, filter))
    });
    let (q, limit, filter) = match params {
        Ok(params) => params,
        Err(e) => return bad(e),
    };
    // A site just swapped in may still be making its index.
    let Some(index) = ready.search.get().await.cloned().flatten() else {
        let body = serde_json::json!({ "error": "the search index could not be made; see the server's terminal" });
        return json(StatusCode::INTERNAL_SERVER_ERROR, &body, None);
    };
    match search(&index, ready.site.content(), &q, limit, &filter) {
        Ok((hits, _)) => ok(&state, &ready, &headers, &hits),
        Err(e) => json(StatusCode::INTERNAL_SERVER_ERROR, &error_body("q", &e.to_string()), None),
    }
}

pub(crate) async fn compare_route(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let ready = state.current();
    let result = Params::new(query, &["a", "b"]).and_then(|params| {
        let (a, b) = (params.required("a")?, params.required("b")?);
        let comparison = comparison(ready.site.comparer(), a, b)?;
        Ok(serde_json::to_vec(&comparison))
    });
    match result {
        Ok(Ok(body)) => ok_bytes(&state, &ready, &headers, body),
        Ok(Err(e)) => json(StatusCode::INTERNAL_SERVER_ERROR, &error_body("compare", &e.to_string()), None),
        Err(e) => bad(e),
    }
}

pub(crate) async fn similar_route(
    State(state): State<Arc<AppState>>,
    headers: HeaderMap,
    query: Result<Query<Vec<(String, String)>>, QueryRejection>,
) -> Response {
    let ready = state.current();
    let result = Params::new(query, &["slug", "limit"]).and_then(|params| {
        let (slug, limit) = (params.required("slug")?, params.limit()?);
        let lists = similar(ready.site.comparer(), Some(slug), limit)?;
        Ok(serde_json::to_vec(&lists))
    });
    match result {
        Ok(Ok(body)) => ok_bytes(&state, &ready, &headers, body),
        Ok(Err(e)) => json(StatusCode::INTERNAL_SERVER_ERROR, &error_body("similar", &e.to_string()), None),
        Err(e) => bad(e),
    }
}

/// Any other path under `/api/`.
pub(crate) async fn unknown_route() -> Response {
    let body = serde_json::json!({ "error": "no such API; see /api/search, /api/compare, /api/similar" });
    json(StatusCode::NOT_FOUND, &body, None)
}

fn error_body(parameter: &str, message: &str) -> serde_json::Value {
    serde_json::json!({ "error": message, "parameter": parameter })
}

fn bad(e: ParamError) -> Response {
    json(StatusCode::BAD_REQUEST, &error_body(&e.parameter, &e.message), None)
}

fn ok(state: &AppState, ready: &Ready, headers: &HeaderMap, value: &impl Serialize) -> Response {
    match serde_json::to_vec(value) {
        Ok(body) => ok_bytes(state, ready, headers, body),
        Err(e) => json(StatusCode::INTERNAL_SERVER_ERROR, &error_body("", &e.to_string()), None),
    }
}

/// A 200 with the site's ETag (answers are fixed for a site) and cache
/// rules, or a 304 when the client has it.
fn ok_bytes(state: &AppState, ready: &Ready, headers: &HeaderMap, body: Vec<u8>) -> Response {
    let etag = state.etag(ready, state.generation());
    let cache = if state.live { CACHE_LIVE } else { CACHE_PUBLISHED };
    let mut response = if crate::pages::matches(headers, &etag) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let mut response = (StatusCode::OK, Body::from(body)).into_response();
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
        response
    };
    crate::pages::set_cache(response.headers_mut(), cache, Some(&etag));
    response
}

fn json(status: StatusCode, value: &serde_json::Value, cache: Option<&'static str>) -> Response {
    let mut response = (status, Body::from(value.to_string())).into_response();
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(cache.unwrap_or("no-store")));
    response
}
