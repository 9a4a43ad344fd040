//! The `careerdiff serve` load test, part of `cargo xtask bench` (and on its
//! own as `cargo xtask bench-serve`): on loopback, with wrk (Debian's
//! package, installed with apt-get when missing), requests per second and
//! latency percentiles for random pair pages over every pair of the 923
//! O*NET careers, `/api/search` with real queries and a static file; the
//! time from start to the first answered request; the server's peak
//! memory; and how long an edit takes to show in a live-reload server.
//! Every run is bounded in time and speaks only to 127.0.0.1.

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};

/// How long each load runs, and with how many connections. The server and
/// wrk share the machine's cores: one wrk thread leaves the rest to it.
const SECONDS: u32 = 10;
const CONNECTIONS: u32 = 8;

/// Queries people type, the ones `cargo xtask search-check` measures.
const QUERIES: &[&str] = &[
    "programming",
    "coding",
    "negotiation",
    "bargaining",
    "repairing",
    "fixing machines",
    "troubleshooting",
    "social perceptiveness",
    "active listening",
    "persuasion",
    "instructing",
    "science",
    "medicine and dentistry",
    "law",
    "accounting",
    "chemistry",
    "biology",
    "psychology",
    "building and construction",
    "foreign languages",
    "sap",
    "excel",
    "python",
    "autocad",
    "salesforce",
    "quickbooks",
    "tableau",
    "java",
    "first aid",
    "wiring",
    "forklift",
    "stethoscope",
    "welding",
    "oil wells",
    "blood pressure",
    "livestock",
];

/// `cargo xtask bench-serve`: the release binary, the 923-career import,
/// then [`load_test`].
pub(crate) fn run(root: &Path) -> anyhow::Result<()> {
    let datasets = root.join("../shared/datasets");
    if !datasets.join("onet-29.2").is_dir() {
        bail!("{} not found: the benchmark reads O*NET and OEWS from there", datasets.display());
    }
    crate::run(root, "cargo", &["build", "--release", "-p", "careerdiff-cli"])?;
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), |dir| root.join(dir));
    let bin = target.join("release/careerdiff");
    let work = std::env::temp_dir().join(format!("careerdiff-bench-serve-{}", std::process::id()));
    let content = work.join("content");
    fs::create_dir_all(&content)?;
    fs::write(content.join("site.toml"), "[pairs]\npolicy = \"all\"\n")?;
    let (onet, oews) = (datasets.join("onet-29.2"), datasets.join("oews-2025/national_M2025.csv"));
    let import = ["import", "onet", "--onet", s(&onet), "--oews", s(&oews), "--all", "--out", s(&content)];
    let result = crate::run(root, s(&bin), &import).and_then(|()| load_test(&bin, &content, &work));
    let _ = fs::remove_dir_all(&work);
    result
}

/// Serves `content` (every pair) with `bin` and measures it; prints the
/// figures. Skipped, with a line saying why, when wrk cannot be had.
pub(crate) fn load_test(bin: &Path, content: &Path, work: &Path) -> anyhow::Result<()> {
    println!("\n== careerdiff serve, load on loopback ({} cores shared with wrk)", cores());
    if !wrk_ready() {
        println!("serve load test skipped: wrk is not installed and `apt-get install -y wrk` failed");
        return Ok(());
    }
    let mut slugs: Vec<String> = fs::read_dir(content.join("careers"))?
        .filter_map(|e| e.ok()?.path().file_stem()?.to_str().map(str::to_owned))
        .collect();
    slugs.sort();
    let n_pairs = slugs.len() * (slugs.len() - 1) / 2;
    let pairs_script = work.join("pairs.lua");
    fs::write(&pairs_script, pairs_lua(&slugs))?;
    let search_script = work.join("search.lua");
    fs::write(&search_script, search_lua())?;
    // The targets are latencies at a given rate: the same loads, each
    // connection pausing between requests (wrk's `delay`), offer about
    // that rate; the line gives the rate reached.
    let paced = |script: &Path, name: &str, pause_ms: u32| -> anyhow::Result<std::path::PathBuf> {
        let path = work.join(name);
        fs::write(&path, format!("{}\nfunction delay()\n  return {pause_ms}\nend\n", fs::read_to_string(script)?))?;
        Ok(path)
    };
    let pairs_paced = paced(&pairs_script, "pairs-paced.lua", 3)?;
    let search_paced = paced(&search_script, "search-paced.lua", 7)?;

    let started = Instant::now();
    let mut server = Server::start(bin, content, &["--no-reload"])?;
    let first = server.first_answer(started)?;
    println!("startup: first request answered {first:.2} s after start ({} careers; target 2 s)", slugs.len());
    let base = format!("http://{}", server.addr);
    let loads = [
        (format!("random pair pages over all {n_pairs} pairs"), Some(&pairs_script), format!("{base}/")),
        (format!("/api/search, {} real queries", QUERIES.len()), Some(&search_script), format!("{base}/")),
        ("a static file (/style.css)".to_owned(), None, format!("{base}/style.css")),
        ("pair pages paced to about 2,000 req/s".to_owned(), Some(&pairs_paced), format!("{base}/")),
        ("/api/search paced to about 1,000 req/s".to_owned(), Some(&search_paced), format!("{base}/")),
    ];
    for (what, script, url) in &loads {
        let line = wrk(script.map(|p| p.as_path()), url)?;
        println!("{what}: {line}");
    }
    println!("serve targets: pair pages p99 ≤ 5 ms at ≥ 2,000 req/s; /api/search p99 ≤ 10 ms at ≥ 1,000 req/s");
    println!("server peak memory: {} MB (target 500 MB)", server.peak_mb());
    server.stop();

    // Live reload: how long an edit takes to reach the page.
    let mut live = Server::start(bin, content, &[])?;
    let career = content.join(format!("careers/{}.md", slugs[0]));
    let page = format!("/careers/{}.html", slugs[0]);
    let text = fs::read_to_string(&career)?;
    let marker = "Benchmark Edit";
    let edited = text.replacen("title = \"", &format!("title = \"{marker} "), 1);
    // As a writer edits: the page open, the server done with its start
    // (the static search files, made last, are served).
    get(live.addr, &page)?;
    get(live.addr, "/search/careers.json")?;
    let saved = Instant::now();
    fs::write(&career, edited)?;
    let visible = wait_for(saved, || Ok(get(live.addr, &page)?.contains(marker)))?;
    let query = "/api/search?q=benchmark+edit&limit=1";
    let searchable = wait_for(saved, || Ok(get(live.addr, query)?.contains(marker)))?;
    fs::write(&career, text)?;
    println!("live reload: an edited title is served {visible:.2} s after the save (target 1 s)");
    println!("  and /api/search finds it {searchable:.2} s after the save (the index is made after the pages)");
    println!("live server peak memory (two sites held during the rebuild): {} MB", live.peak_mb());
    live.stop();
    Ok(())
}

/// Seconds from `saved` until `done` says so, checked every 10 ms; an
/// error after 60 s.
fn wait_for(saved: Instant, mut done: impl FnMut() -> anyhow::Result<bool>) -> anyhow::Result<f64> {
    loop {
        if done()? {
            return Ok(saved.elapsed().as_secs_f64());
        }
        if saved.elapsed() > Duration::from_secs(60) {
            bail!("the edit did not show within 60 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Whether wrk runs, installing Debian's package when it does not.
fn wrk_ready() -> bool {
    let runs = || Command::new("wrk").arg("--version").output().is_ok();
    if runs() {
        return true;
    }
    crate::run(Path::new("."), "apt-get", &["install", "-y", "wrk"]).is_ok() && runs()
}

/// Runs wrk for [`SECONDS`] and returns "N req/s, p50 …, p99 …, errors".
fn wrk(script: Option<&Path>, url: &str) -> anyhow::Result<String> {
    let duration = format!("{SECONDS}s");
    let connections = CONNECTIONS.to_string();
    let mut args = vec!["-t1", "-c", &connections, "-d", &duration, "--latency"];
    if let Some(script) = script {
        args.extend(["-s", s(script)]);
    }
    args.push(url);
    eprintln!("$ wrk {}", args.join(" "));
    let out = Command::new("wrk").args(&args).output().context("running wrk")?;
    let text = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        bail!("wrk failed: {text}{}", String::from_utf8_lossy(&out.stderr));
    }
    let after = |key: &str| -> String {
        let line = text.lines().find(|l| l.trim_start().starts_with(key)).unwrap_or("");
        line.trim_start().trim_start_matches(key).trim().to_owned()
    };
    let bad = after("Non-2xx or 3xx responses:");
    let errors = after("Socket errors:");
    Ok(format!(
        "{} req/s, p50 {}, p90 {}, p99 {}{}{}",
        after("Requests/sec:"),
        after("50%"),
        after("90%"),
        after("99%"),
        if bad.is_empty() { String::new() } else { format!(", NON-2xx {bad}") },
        if errors.is_empty() { String::new() } else { format!(", socket errors {errors}") },
    ))
}

/// A wrk script asking for a random pair page of two different careers
/// (slugs in order, as pair pages are named) on every request.
fn pairs_lua(slugs: &[String]) -> String {
    let list: Vec<String> = slugs.iter().map(|s| format!("\"{s}\"")).collect();
    format!(
        "local slugs = {{{}}}\nlocal n = #slugs\nmath.randomseed(14)\n\
         request = function()\n  local i = math.random(n)\n  local j = math.random(n - 1)\n  if j >= i then j = j + 1 end\n\
         \x20 local a, b = slugs[i], slugs[j]\n  if b < a then a, b = b, a end\n\
         \x20 return wrk.format(\"GET\", \"/compare/\" .. a .. \"-vs-\" .. b .. \".html\")\nend\n",
        list.join(",")
    )
}

/// A wrk script asking `/api/search` for one of [`QUERIES`] at random.
fn search_lua() -> String {
    let list: Vec<String> = QUERIES.iter().map(|q| format!("\"/api/search?q={}\"", q.replace(' ', "%20"))).collect();
    format!(
        "local paths = {{{}}}\nmath.randomseed(14)\n\
         request = function()\n  return wrk.format(\"GET\", paths[math.random(#paths)])\nend\n",
        list.join(",")
    )
}

/// A `careerdiff serve` started by the benchmark, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
}

impl Server {
    fn start(bin: &Path, content: &Path, extra: &[&str]) -> anyhow::Result<Server> {
        let mut args = vec!["serve", "--content", s(content)];
        args.extend_from_slice(extra);
        eprintln!("$ {} {}", bin.display(), args.join(" "));
        let mut child = Command::new(bin).args(&args).stdout(Stdio::piped()).stderr(Stdio::null()).spawn()?;
        let mut line = String::new();
        BufReader::new(child.stdout.take().context("stdout")?).read_line(&mut line)?;
        let Some(url) = line.split_whitespace().find(|w| w.starts_with("http://")) else {
            let _ = child.kill();
            bail!("careerdiff serve printed no address: {line:?}");
        };
        let addr = url.trim_start_matches("http://").trim_end_matches('/').parse()?;
        Ok(Server { child, addr })
    }

    /// Seconds from `started` until `/` was answered.
    fn first_answer(&self, started: Instant) -> anyhow::Result<f64> {
        loop {
            if get(self.addr, "/").is_ok() {
                return Ok(started.elapsed().as_secs_f64());
            }
            if started.elapsed() > Duration::from_secs(120) {
                bail!("no answer within 120 s");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// The server's peak resident memory in MB, from /proc.
    fn peak_mb(&self) -> u64 {
        let status = fs::read_to_string(format!("/proc/{}/status", self.child.id())).unwrap_or_default();
        let kib: u64 = status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .unwrap_or(0);
        kib / 1024
    }

    /// SIGTERM, as a container stop sends, then wait for the exit.
    fn stop(&mut self) {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The body of a 200 answer to `GET path`, or an error.
fn get(addr: SocketAddr, path: &str) -> anyhow::Result<String> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")?;
    let mut reply = String::new();
    stream.read_to_string(&mut reply)?;
    if !reply.starts_with("HTTP/1.1 200") {
        bail!("{}", reply.lines().next().unwrap_or("no answer"));
    }
    Ok(reply)
}

fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

fn s(path: &Path) -> &str {
    path.to_str().unwrap_or_default()
}
