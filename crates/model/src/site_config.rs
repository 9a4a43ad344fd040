//! The site configuration file, `content/site.toml`.

use serde::{Deserialize, Serialize};

use crate::locate::Step;
use crate::validate::{Problem, problem};

/// Site-wide settings.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SiteConfig {
    /// The site's name, shown in every page title and the header.
    #[serde(default = "default_title")]
    pub title: String,
    /// One sentence about the site, for the home page description.
    #[serde(default)]
    pub description: String,
    /// The public address the site is published at, e.g.
    /// `https://careers.example.org/`: an absolute `http` or `https`
    /// address with a host, or a path from the root of the host starting
    /// with a single `/` (`/careers/`). No whitespace, control characters,
    /// backslashes, query or fragment. A `/` is added at the end if it is
    /// missing. Canonical URLs, Open Graph tags and the sitemap are built
    /// on it.
    #[serde(default = "default_base_url")]
    pub base_url: String,
    /// The theme: a folder under `themes/` beside the content folder whose
    /// files override the built-in default theme file by file. A plain
    /// folder name: letters, digits, `-` and `_`.
    #[serde(default = "default_theme")]
    pub theme: String,
    /// Which pairs of careers get a page.
    #[serde(default)]
    pub pairs: PairPolicy,
}

/// Which pairs of careers get a comparison page.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields, tag = "policy", rename_all = "lowercase")]
#[derive(Default)]
pub enum PairPolicy {
    /// Every unordered pair: N(N−1)/2 pages.
    #[default]
    All,
    /// Each career with its `per_career` most similar careers.
    Similar {
        /// How many similar careers per career get a page, at least 1
        /// (0 is an error).
        per_career: usize,
    },
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: default_title(),
            description: String::new(),
            base_url: default_base_url(),
            theme: default_theme(),
            pairs: PairPolicy::default(),
        }
    }
}

fn default_title() -> String {
    "careerdiff".to_owned()
}

fn default_base_url() -> String {
    "/".to_owned()
}

fn default_theme() -> String {
    "default".to_owned()
}

const BASE_URL_RULE: &str = "an absolute http:// or https:// address with a host, such as \
     `https://careers.example.org/`, or a path from the root of the host starting with a single `/`, such as `/careers/`";

/// Checks the values of `site.toml` that parse but cannot be used, and
/// gives `base_url` its final `/`.
pub(crate) fn check_site(config: &mut SiteConfig) -> Vec<Problem> {
    let mut problems = Vec::new();
    match base_url_problem(&config.base_url) {
        Some(reason) => problems.push(problem(
            vec![Step::Key("base_url")],
            format!("`base_url` {reason}: {:?}", config.base_url),
            BASE_URL_RULE,
        )),
        None if !config.base_url.ends_with('/') => config.base_url.push('/'),
        None => {}
    }
    let theme_ok =
        !config.theme.is_empty() && config.theme.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !theme_ok {
        problems.push(problem(
            vec![Step::Key("theme")],
            format!("`theme` is not a folder name: {:?}", config.theme),
            "the name of a folder under themes/: letters, digits, `-` and `_`",
        ));
    }
    if let PairPolicy::Similar { per_career: 0 } = config.pairs {
        problems.push(problem(
            vec![Step::Key("pairs"), Step::Key("per_career")],
            "`per_career` is 0, so no career would get a pair page".to_owned(),
            "a number of similar careers per career of at least 1",
        ));
    }
    problems
}

/// Why `url` cannot be the site's `base_url`, or `None` when it can.
/// Pages paste it before their paths, so anything a browser would read
/// as another host (`//host/`, `/\\host/`), another scheme
/// (`javascript:`) or a second line of robots.txt is refused.
pub fn base_url_problem(url: &str) -> Option<&'static str> {
    if url.chars().any(char::is_control) {
        return Some("holds a control character");
    }
    if url.chars().any(char::is_whitespace) {
        return Some("holds whitespace");
    }
    if url.contains('\\') {
        return Some("holds a backslash, which browsers read as `/`");
    }
    if url.contains(['?', '#']) {
        return Some("holds a query or fragment, which would come before every page's path");
    }
    let lower = url.to_ascii_lowercase();
    if let Some(rest) = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://")) {
        let authority = rest.split('/').next().unwrap_or_default();
        return (!is_host_and_port(authority)).then_some("has no valid host after the scheme");
    }
    if url.starts_with("//") {
        return Some("starts with `//`, which browsers read as the address of another host");
    }
    if url.starts_with('/') {
        return None;
    }
    if url.is_empty() {
        return Some("is empty");
    }
    Some("is neither an http(s) address nor a path from the root of the host")
}

/// `host` or `host:port`, the host a DNS name, an IPv4 address or an
/// IPv6 address in brackets; no user name or password.
fn is_host_and_port(authority: &str) -> bool {
    let (host_ok, port) = if let Some(v6) = authority.strip_prefix('[') {
        let Some((address, rest)) = v6.split_once(']') else { return false };
        let port = match rest.strip_prefix(':') {
            Some(port) => Some(port),
            None if rest.is_empty() => None,
            None => return false,
        };
        (!address.is_empty() && address.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.'), port)
    } else {
        let (host, port) = match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        };
        let name_ok = !host.is_empty()
            && !host.starts_with(['.', '-'])
            && host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.');
        (name_ok, port)
    };
    let port_ok = port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit()));
    host_ok && port_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_is_an_http_address_or_a_root_path() {
        for ok in [
            "https://careers.example.org/",
            "http://localhost:8080/site/",
            "HTTPS://Example.org",
            "https://[::1]:8000/",
            "/",
            "/careers/",
            "/careers",
        ] {
            assert_eq!(base_url_problem(ok), None, "{ok}");
        }
        for (bad, why) in [
            ("//evil.example/", "`//`"),
            ("/\\evil.example/", "backslash"),
            ("javascript:alert(1)//", "neither"),
            ("https://x.org/\nDisallow: /", "control"),
            ("https://x.org/ a", "whitespace"),
            ("https:///path", "host"),
            ("https://user@x.org/", "host"),
            ("https://x.org:80a/", "host"),
            ("https://[zz]/", "host"),
            ("https://x.org/?q=", "query"),
            ("careers/", "neither"),
            ("", "empty"),
            ("ftp://x.org/", "neither"),
        ] {
            let problem = base_url_problem(bad).unwrap_or_else(|| panic!("{bad:?} accepted"));
            assert!(problem.contains(why), "{bad:?}: {problem}");
        }
    }

    #[test]
    fn base_url_gains_its_final_slash_and_bad_settings_are_named() {
        let mut config = SiteConfig { base_url: "https://x.org/site".into(), ..SiteConfig::default() };
        assert!(check_site(&mut config).is_empty());
        assert_eq!(config.base_url, "https://x.org/site/");
        let mut bad = SiteConfig {
            base_url: "//evil.example/".into(),
            theme: "../../etc".into(),
            pairs: PairPolicy::Similar { per_career: 0 },
            ..SiteConfig::default()
        };
        let messages: Vec<String> = check_site(&mut bad).into_iter().map(|p| p.message).collect();
        assert_eq!(
            messages,
            [
                "`base_url` starts with `//`, which browsers read as the address of another host: \"//evil.example/\"",
                "`theme` is not a folder name: \"../../etc\"",
                "`per_career` is 0, so no career would get a pair page",
            ]
        );
    }
}
