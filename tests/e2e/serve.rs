//! `careerdiff serve`: the real binary on an ephemeral loopback port, spoken
//! to in raw HTTP/1.1 (so that paths reach it exactly as written): pages as
//! a build writes them, pair pages the policy does not write, traversal
//! attempts, the API against the CLI's own answers, live reload.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use walkdir::WalkDir;

use crate::{careerdiff, fixture, stdout};

/// A running `careerdiff serve`, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(content: &Path, extra: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_careerdiff"))
            .args(["serve", "--content", content.to_str().unwrap()])
            .args(extra)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("careerdiff serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.as_mut().unwrap()).read_line(&mut line).unwrap();
        let url = line.split_whitespace().find(|w| w.starts_with("http://")).unwrap_or_else(|| {
            let _ = child.kill();
            let mut err = String::new();
            child.stderr.as_mut().unwrap().read_to_string(&mut err).unwrap();
            panic!("no address printed: {line:?} {err}")
        });
        let addr = url.trim_start_matches("http://").trim_end_matches('/').parse().unwrap();
        assert!(url.starts_with("http://127.0.0.1:"), "loopback by default: {url}");
        Server { child, addr }
    }

    fn get(&self, target: &str) -> Reply {
        self.request("GET", target, &[])
    }

    fn request(&self, method: &str, target: &str, headers: &[(&str, &str)]) -> Reply {
        let mut stream = TcpStream::connect(self.addr).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        let mut request = format!("{method} {target} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", self.addr);
        for (name, value) in headers {
            request.push_str(&format!("{name}: {value}\r\n"));
        }
        request.push_str("\r\n");
        stream.write_all(request.as_bytes()).unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        Reply::parse(&raw)
    }

    /// Stops the server with SIGTERM and returns its exit status and stderr.
    fn stop(mut self) -> (std::process::ExitStatus, String) {
        let pid = self.child.id().to_string();
        Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        let status = self.child.wait().unwrap();
        let mut err = String::new();
        self.child.stderr.as_mut().unwrap().read_to_string(&mut err).unwrap();
        (status, err)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: Vec<u8>,
}

impl Reply {
    fn parse(raw: &[u8]) -> Reply {
        let end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("a complete head");
        let head = String::from_utf8_lossy(&raw[..end]).into_owned();
        let mut lines = head.split("\r\n");
        let status = lines.next().unwrap().split_whitespace().nth(1).unwrap().parse().unwrap();
        let headers: Vec<(String, String)> = lines
            .filter_map(|l| l.split_once(':'))
            .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
            .collect();
        let mut body = raw[end + 4..].to_vec();
        if headers.iter().any(|(n, v)| n == "transfer-encoding" && v.contains("chunked")) {
            body = unchunk(&body);
        }
        Reply { status, headers, body }
    }

    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.text()))
    }
}

fn unchunk(mut body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(eol) = body.windows(2).position(|w| w == b"\r\n") else { return out };
        let size = usize::from_str_radix(std::str::from_utf8(&body[..eol]).unwrap().trim(), 16).unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&body[eol + 2..eol + 2 + size]);
        body = &body[eol + 2 + size + 2..];
    }
}

/// A copy of `fixtures/ok/small` whose `site.toml` ends with `pairs`.
fn small_site(pairs: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    let source = fixture("ok/small");
    for entry in WalkDir::new(&source) {
        let entry = entry.unwrap();
        let target = content.join(entry.path().strip_prefix(&source).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
    let config = std::fs::read_to_string(content.join("site.toml")).unwrap();
    let config = config.replace("[pairs]\npolicy = \"all\"\n", pairs);
    std::fs::write(content.join("site.toml"), config).unwrap();
    (dir, content)
}

const ONE_PAIR_EACH: &str = "[pairs]\npolicy = \"similar\"\nper_career = 1\n";

#[test]
fn serves_the_built_site_byte_for_byte_and_pairs_the_policy_left_out() {
    let (dir, content) = small_site(ONE_PAIR_EACH);
    let out = dir.path().join("public");
    let built = careerdiff(&["build", "--content", content.to_str().unwrap(), "--out", out.to_str().unwrap()]);
    assert!(built.status.success(), "{}", crate::stderr(&built));
    let server = Server::start(&content, &["--no-reload"]);
    let mut files = 0;
    for entry in WalkDir::new(&out).into_iter().map(Result::unwrap).filter(|e| e.file_type().is_file()) {
        let rel = entry.path().strip_prefix(&out).unwrap().to_str().unwrap().to_owned();
        if rel.starts_with(".careerdiff") {
            continue;
        }
        let reply = server.get(&format!("/{rel}"));
        assert_eq!(reply.status, 200, "{rel}");
        assert!(reply.body == std::fs::read(entry.path()).unwrap(), "{rel} differs from the build's");
        files += 1;
    }
    assert!(files > 20, "the build wrote {files} files");
    // Every pair the policy did not write renders on request.
    let slugs: Vec<String> = std::fs::read_dir(content.join("careers"))
        .unwrap()
        .map(|e| e.unwrap().path().file_stem().unwrap().to_str().unwrap().to_owned())
        .collect();
    let mut unwritten = 0;
    for a in &slugs {
        for b in slugs.iter().filter(|b| a < *b) {
            let rel = format!("compare/{a}-vs-{b}.html");
            if out.join(&rel).exists() {
                continue;
            }
            unwritten += 1;
            let reply = server.get(&format!("/{rel}"));
            assert_eq!(reply.status, 200, "{rel}");
            let compared = careerdiff(&["compare", a, b, "--json", "--content", content.to_str().unwrap()]);
            let json: Value = serde_json::from_str(&stdout(&compared)).unwrap();
            let page = reply.text();
            for side in ["a", "b"] {
                let title = json[side]["title"].as_str().unwrap();
                assert!(page.contains(&title.replace('&', "&amp;")), "{rel} lacks {title}");
            }
            // The reversed order is not a page: one URL per pair.
            assert_eq!(server.get(&format!("/compare/{b}-vs-{a}.html")).status, 404);
        }
    }
    assert!(unwritten > 0, "the policy wrote every pair; the test needs one it left out");
}

#[test]
fn paths_out_of_the_site_are_404_with_the_themes_page() {
    let (_dir, content) = small_site(ONE_PAIR_EACH);
    let server = Server::start(&content, &["--no-reload"]);
    let not_found = server.get("/no-such-page.html");
    assert_eq!(not_found.status, 404);
    let theme_404 = server.get("/404.html");
    assert_eq!(theme_404.status, 200);
    assert_eq!(not_found.body, theme_404.body, "unknown pages get the theme's 404");
    for target in [
        "/../../etc/passwd",
        "/careers/../../../etc/passwd",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/%252e%252e/%252e%252e/etc/passwd",
        "/..%5c..%5cetc%5cpasswd",
        "/..\\..\\etc\\passwd",
        "//etc/passwd",
        "/%2Fetc%2Fpasswd",
        "/etc/passwd",
        "/index.html%00.css",
        "/%00",
        "/careers/..%2f..%2fsite.toml",
        "/site.toml",
        "/careers/data-scientists.md",
        "/./index.html",
        "/C:/Windows/win.ini",
    ] {
        let reply = server.get(target);
        assert_eq!(reply.status, 404, "{target}");
        assert_eq!(reply.body, theme_404.body, "{target}");
    }
    // An absolute URI names a path like any other.
    assert_eq!(server.get(&format!("http://{}/../etc/passwd", server.addr)).status, 404);
}

#[test]
fn bad_api_parameters_are_400_naming_the_parameter() {
    let (_dir, content) = small_site(ONE_PAIR_EACH);
    let server = Server::start(&content, &["--no-reload"]);
    let long = "x".repeat(201);
    for (target, parameter) in [
        ("/api/search?q=python&limit=abc", "limit"),
        ("/api/search?q=python&limit=0", "limit"),
        ("/api/search?q=python&limit=101", "limit"),
        ("/api/search?q=python&limit=-1", "limit"),
        ("/api/search", "q"),
        ("/api/search?q=", "q"),
        (&format!("/api/search?q={long}"), "q"),
        ("/api/search?q=python&remote=maybe", "remote"),
        ("/api/search?q=python&min_salary=lots", "min_salary"),
        ("/api/search?q=python&min_salary=-5", "min_salary"),
        ("/api/search?q=python&min_salary=NaN", "min_salary"),
        ("/api/search?q=python&q=sql", "q"),
        ("/api/search?q=python&lmit=3", "lmit"),
        ("/api/compare?a=data-scientists", "b"),
        ("/api/compare?a=no-such-career&b=statisticians", "a"),
        ("/api/compare?a=statisticians&b=statisticians", "b"),
        ("/api/similar?slug=nobody", "slug"),
        ("/api/similar?slug=statisticians&limit=1000000000000000000000", "limit"),
        ("/api/similar", "slug"),
    ] {
        let reply = server.get(target);
        assert_eq!(reply.status, 400, "{target}: {}", reply.text());
        assert_eq!(reply.header("content-type"), Some("application/json"), "{target}");
        let json = reply.json();
        assert_eq!(json["parameter"], parameter, "{target}: {json}");
        assert!(json["error"].as_str().is_some_and(|e| e.contains(parameter)), "{target}: {json}");
    }
    assert_eq!(server.get("/api/nothing-here").status, 404);
    let post = server.request("POST", "/api/search?q=python", &[("Content-Length", "0")]);
    assert_eq!(post.status, 405);
}

#[test]
fn api_answers_what_the_cli_prints() {
    let (_dir, content) = small_site(ONE_PAIR_EACH);
    let dir = content.to_str().unwrap();
    let server = Server::start(&content, &["--no-reload"]);
    let cli = |args: &[&str]| -> Value {
        let mut all = args.to_vec();
        all.extend(["--json", "--content", dir]);
        let output = careerdiff(&all);
        assert!(output.status.success(), "{}", crate::stderr(&output));
        serde_json::from_str(&stdout(&output)).unwrap()
    };
    for (query, encoded) in [("python", "python"), ("statistical analysis", "statistical%20analysis"), ("math", "math")]
    {
        let served = server.get(&format!("/api/search?q={encoded}&limit=3"));
        assert_eq!(served.status, 200);
        let expected = cli(&["search", query, "--limit", "3"]);
        assert!(expected.as_array().is_some_and(|hits| !hits.is_empty()), "{query} finds careers");
        assert_eq!(served.json(), expected, "{query}");
    }
    let compare = server.get("/api/compare?a=statisticians&b=data-scientists");
    assert_eq!(compare.status, 200);
    assert_eq!(compare.json(), cli(&["compare", "statisticians", "data-scientists"]));
    let similar = server.get("/api/similar?slug=statisticians&limit=2");
    assert_eq!(similar.json(), cli(&["similar", "statisticians", "--limit", "2"]));

    // Filters keep the CLI's order and leave out only what they should.
    let every: Vec<Value> = cli(&["search", "data", "--limit", "100"]).as_array().unwrap().clone();
    let category = every[0]["category"].as_str().unwrap().to_owned();
    let url = format!("/api/search?q=data&limit=100&category={}", category.replace(' ', "%20"));
    let filtered = server.get(&url).json();
    let kept: Vec<&Value> = every.iter().filter(|hit| hit["category"] == category.as_str()).collect();
    assert_eq!(filtered.as_array().unwrap().iter().collect::<Vec<_>>(), kept);
    let rich = server.get("/api/search?q=data&limit=100&min_salary=1000000000").json();
    assert_eq!(rich, serde_json::json!([]), "nobody earns a billion");
}

#[test]
fn head_etag_and_cache_headers() {
    let (_dir, content) = small_site(ONE_PAIR_EACH);
    let server = Server::start(&content, &["--no-reload"]);
    let page = server.get("/careers/statisticians.html");
    assert_eq!(page.status, 200);
    assert_eq!(page.header("content-type"), Some("text/html; charset=utf-8"));
    assert!(page.header("cache-control").is_some_and(|c| c.contains("public")), "{:?}", page.headers);
    let etag = page.header("etag").expect("an ETag").to_owned();
    let head = server.request("HEAD", "/careers/statisticians.html", &[]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty(), "HEAD has no body");
    assert_eq!(head.header("content-length"), Some(page.body.len().to_string().as_str()));
    assert_eq!(head.header("etag"), Some(etag.as_str()));
    let again = server.request("GET", "/careers/statisticians.html", &[("If-None-Match", &etag)]);
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());
    let gzip = server.request("GET", "/careers/statisticians.html", &[("Accept-Encoding", "gzip")]);
    assert_eq!(gzip.header("content-encoding"), Some("gzip"));
    assert!(gzip.body.len() < page.body.len());
    // A stateless server: a second one over the same content agrees.
    let other = Server::start(&content, &["--no-reload"]);
    assert_eq!(other.get("/careers/statisticians.html").header("etag"), Some(etag.as_str()));
    let (status, _) = server.stop();
    assert!(status.success(), "SIGTERM stops it cleanly: {status}");
}

/// Waits (at most 30 s) until `done` holds for the reply to `target`.
fn wait_for(server: &Server, target: &str, done: impl Fn(&Reply) -> bool) -> Reply {
    let started = Instant::now();
    loop {
        let reply = server.get(target);
        if done(&reply) {
            return reply;
        }
        assert!(started.elapsed() < Duration::from_secs(30), "gave up waiting on {target}: {}", reply.text());
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn edits_reload_errors_show_with_file_and_line_and_fixing_recovers() {
    let (_dir, content) = small_site(ONE_PAIR_EACH);
    let server = Server::start(&content, &[]);
    let target = "/careers/statisticians.html";
    let career = content.join("careers/statisticians.md");
    let original = std::fs::read_to_string(&career).unwrap();
    let title_line = original.lines().find(|l| l.starts_with("title = ")).unwrap().to_owned();
    let old_title = title_line.trim_start_matches("title = ").trim_matches('"').to_owned();
    let page = server.get(target).text();
    assert!(page.contains(&old_title));
    let since = page.split("reload?since=").nth(1).and_then(|rest| rest.split('"').next()).expect("reload script");
    let mut events = TcpStream::connect(server.addr).unwrap();
    events.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    write!(events, "GET /_careerdiff/reload?since={since} HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();

    let new_title = format!("{old_title} Renamed");
    std::fs::write(&career, original.replacen(&title_line, &format!("title = \"{new_title}\""), 1)).unwrap();
    let edited = wait_for(&server, target, |r| r.text().contains(&new_title));
    assert_eq!(edited.status, 200);
    let mut seen = Vec::new();
    let mut buf = [0; 4096];
    while !String::from_utf8_lossy(&seen).contains("event: reload") {
        let n = events.read(&mut buf).expect("the reload event arrives");
        assert!(n > 0, "the event stream ended");
        seen.extend_from_slice(&buf[..n]);
    }

    // A value of the wrong type, on the second line of the file.
    let broken = original.replacen("+++\n", "+++\ndemand_score = \"very high\"\n", 1);
    std::fs::write(&career, broken).unwrap();
    let shown = wait_for(&server, target, |r| r.text().contains("careerdiff-problem"));
    let text = shown.text();
    assert!(text.contains("careers/statisticians.md:2:"), "file and line: {text}");
    assert!(text.contains(&new_title), "the last good site is still served");
    assert_eq!(shown.header("cache-control"), Some("no-store"));
    // Other files are the last good site's, without the box.
    assert_eq!(server.get("/style.css").status, 200);

    std::fs::write(&career, &original).unwrap();
    let fixed = wait_for(&server, target, |r| !r.text().contains("careerdiff-problem"));
    assert!(fixed.text().contains(&old_title) && !fixed.text().contains(&new_title));
    let (status, stderr) = server.stop();
    assert!(status.success(), "{status}");
    assert!(stderr.contains("careers/statisticians.md:2:"), "the terminal shows the error too: {stderr}");
}

#[test]
fn an_edit_right_after_the_address_is_printed_is_seen() {
    let (_dir, content) = small_site(ONE_PAIR_EACH);
    let server = Server::start(&content, &[]);
    let career = content.join("careers/data-scientists.md");
    let original = std::fs::read_to_string(&career).unwrap();
    std::fs::write(&career, original.replacen("title = \"", "title = \"Edited ", 1)).unwrap();
    let edited = wait_for(&server, "/careers/data-scientists.html", |r| r.text().contains("Edited "));
    assert_eq!(edited.status, 200);
    // The search index is made after the site is swapped in: asked at
    // once, the API and a skill page wait for the edited site's index
    // rather than answer from the old one.
    let hits = server.get("/api/search?q=data+scientists&limit=1").json();
    assert!(hits[0]["title"].as_str().is_some_and(|t| t.starts_with("Edited ")), "{hits}");
    let text = edited.text();
    let skill = text.split("href=\"../skills/").nth(1).and_then(|rest| rest.split('"').next()).expect("a skill link");
    let skill_page = server.get(&format!("/skills/{skill}"));
    assert_eq!(skill_page.status, 200);
    assert!(skill_page.text().contains("Edited "), "the skill page lists the edited title");
    // The static search files, made after the index, are the edited
    // site's too.
    let careers = server.get("/search/careers.json");
    assert_eq!(careers.status, 200);
    assert!(careers.text().contains("Edited "), "{}", careers.text());
}

/// The rebuild a page was served from, as its reload script names it.
fn generation(reply: &Reply) -> u64 {
    let text = reply.text();
    let since = text.split("reload?since=").nth(1).and_then(|rest| rest.split('"').next()).expect("reload script");
    since.parse().unwrap()
}

/// A live server over the small site, with the career page the tests
/// edit: its file, its text and the rebuild its page was first served from.
struct Live {
    _dir: tempfile::TempDir,
    content: PathBuf,
    server: Server,
    target: &'static str,
    career: PathBuf,
    original: String,
    before: u64,
}

impl Live {
    fn start() -> Live {
        let (_dir, content) = small_site(ONE_PAIR_EACH);
        let server = Server::start(&content, &[]);
        let target = "/careers/statisticians.html";
        let career = content.join("careers/statisticians.md");
        let original = std::fs::read_to_string(&career).unwrap();
        let before = generation(&server.get(target));
        Live { _dir, content, server, target, career, original, before }
    }
}

#[test]
fn saving_a_file_unchanged_rebuilds_and_reloads_nothing() {
    let Live { _dir, content, server, target, career, original, before } = Live::start();
    // Saved as it is, twice: events, but no change of content.
    std::fs::write(&career, &original).unwrap();
    std::fs::write(content.join("site.toml"), std::fs::read(content.join("site.toml")).unwrap()).unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(generation(&server.get(target)), before, "nothing changed, nothing reloads");
    // A real edit after them still rebuilds, once.
    std::fs::write(&career, original.replacen("title = \"", "title = \"Edited ", 1)).unwrap();
    let edited = wait_for(&server, target, |r| r.text().contains("Edited "));
    assert_eq!(generation(&edited), before + 1, "the edited site comes with its own rebuild's number");
    let (_, stderr) = server.stop();
    assert_eq!(stderr.matches("rebuilt in").count(), 1, "{stderr}");
}

#[test]
fn a_file_saved_in_two_writes_shows_no_error_in_between() {
    let Live { _dir, server, target, career, original, before, .. } = Live::start();
    // As an editor that saves in place: the file is emptied, then written
    // a moment later, past the watcher's settling time.
    let mut file = std::fs::File::create(&career).unwrap();
    std::thread::sleep(Duration::from_millis(90));
    file.write_all(original.replacen("title = \"", "title = \"Edited ", 1).as_bytes()).unwrap();
    drop(file);
    let edited = wait_for(&server, target, |r| r.text().contains("Edited "));
    assert!(!edited.text().contains("careerdiff-problem"));
    // One reload, to the edited site: a failure shown on the way would
    // have been a reload of its own.
    assert_eq!(generation(&edited), before + 1);
}

#[test]
fn a_broken_template_keeps_the_last_good_site_and_names_its_line() {
    let (dir, content) = small_site(ONE_PAIR_EACH);
    let theme = dir.path().join("themes/plain/templates");
    std::fs::create_dir_all(&theme).unwrap();
    let config = std::fs::read_to_string(content.join("site.toml")).unwrap();
    std::fs::write(content.join("site.toml"), config.replace("theme = \"default\"", "theme = \"plain\"")).unwrap();
    let default_404 = crate::repo().join("themes/default/templates/404.html");
    let good = std::fs::read_to_string(&default_404).unwrap();
    std::fs::write(theme.join("404.html"), &good).unwrap();
    let server = Server::start(&content, &[]);
    assert_eq!(server.get("/404.html").status, 200);
    // An unclosed tag on line 3.
    let lines: Vec<&str> = good.lines().collect();
    let broken = format!("{}\n{}\n{{% if %}}\n{}", lines[0], lines[1], lines[2..].join("\n"));
    std::fs::write(theme.join("404.html"), broken).unwrap();
    let shown = wait_for(&server, "/index.html", |r| r.text().contains("careerdiff-problem"));
    let text = shown.text();
    assert!(text.contains("themes/plain/templates/404.html:3"), "{text}");
    std::fs::write(theme.join("404.html"), &good).unwrap();
    wait_for(&server, "/index.html", |r| !r.text().contains("careerdiff-problem"));
}
