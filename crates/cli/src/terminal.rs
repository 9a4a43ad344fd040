//! Plain-text views for the terminal. Every view is made inert before it
//! is printed (`careerdiff_model::inert`): titles and skill names come from
//! content, and must not reach the terminal as escape sequences or start
//! a line a CI runner reads as a command.

use std::fmt::Write;

use careerdiff_compare::{Comparison, Similar, Verdict};
use careerdiff_model::{ContentErrors, Diagnostic, inert};
use careerdiff_search::Hit;

use crate::args::MessageFormat;

const NO_DATA: &str = "no data";

pub(crate) fn comparison(c: &Comparison<'_>) -> String {
    let mut out = String::new();
    let (a, b) = (&c.a.title, &c.b.title);
    let _ = writeln!(out, "{a} vs {b}\n");
    let width = c.glance.iter().map(|r| r.label.len()).max().unwrap_or(0) + 2;
    fn col<'v>(v: &Option<&'v str>) -> &'v str {
        v.unwrap_or(NO_DATA)
    }
    let wa = c.glance.iter().map(|r| col(&r.a).chars().count()).chain([a.chars().count()]).max().unwrap_or(0) + 2;
    let wb = c.glance.iter().map(|r| col(&r.b).chars().count()).chain([b.chars().count()]).max().unwrap_or(0) + 2;
    let _ = writeln!(out, "{:width$}{:wa$}{:wb$}Edge", "At a glance", a, b);
    for row in &c.glance {
        let edge = match row.verdict {
            Verdict::A => format!("{a} ({})", row.better),
            Verdict::B => format!("{b} ({})", row.better),
            Verdict::Tie => "tie".to_owned(),
            Verdict::Unknown => "not comparable".to_owned(),
            Verdict::Neutral => "-".to_owned(),
        };
        let _ = writeln!(out, "{:width$}{:wa$}{:wb$}{edge}", row.label, col(&row.a), col(&row.b));
    }
    let s = &c.skills;
    let _ = writeln!(
        out,
        "\n{}: {} shared of {} distinct ({}% overlap)",
        s.listed.heading(),
        s.shared.len(),
        s.distinct,
        s.overlap_percent
    );
    let _ = writeln!(out, "  Shared:");
    for shared in &s.shared {
        let _ = writeln!(out, "    = {}", shared.name);
    }
    if s.shared.is_empty() {
        let _ = writeln!(out, "    (none)");
    }
    for (title, items) in [(a, &s.only_a), (b, &s.only_b)] {
        let _ = writeln!(out, "  Only {title}:");
        for item in items.iter() {
            let mark = if item.hot {
                " [hot]"
            } else if item.in_demand {
                " [in demand]"
            } else {
                ""
            };
            let _ = writeln!(out, "    - {}{mark}", item.name);
        }
    }
    if !s.related.is_empty() {
        let _ = writeln!(out, "  Related, not the same:");
        for r in &s.related {
            let _ = writeln!(out, "    ~ {}  ≈  {}", r.a, r.b);
        }
    }
    if !c.profile.items.is_empty() {
        let _ = writeln!(out, "\nSkills and knowledge (O*NET ratings: level of 7, importance of 5)");
        let width = c.profile.items.iter().map(|i| i.name.chars().count()).max().unwrap_or(0) + 2;
        let rating = |l: &careerdiff_compare::Level| match l.level {
            Some(level) => format!("{level:.1} ({:.1})", l.importance),
            None => format!("- ({:.1})", l.importance),
        };
        for item in &c.profile.items {
            let _ = writeln!(out, "  {:width$}{:14}{}", item.name, rating(&item.a), rating(&item.b));
        }
    }
    let _ = writeln!(out);
    for t in &c.transitions {
        let _ = writeln!(out, "Moving to {}: {}. {}", t.to_title, t.difficulty, t.reason);
        for gap in &t.gaps {
            let _ = writeln!(
                out,
                "  raise {} ({}): {:.1} → {:.1} of 7",
                gap.name,
                gap.kind.word(),
                gap.from_level,
                gap.to_level
            );
        }
        if !t.needs.is_empty() {
            let _ = writeln!(
                out,
                "  most needed in {} (O*NET ratings; none for the other career to measure a gap against):",
                t.to_title
            );
        }
        for need in &t.needs {
            let _ = writeln!(out, "  {} ({}): {:.1} of 7", need.name, need.kind.word(), need.level);
        }
        let learn: Vec<&str> = t.learn.iter().take(5).map(|s| s.name).collect();
        if !learn.is_empty() {
            let _ = writeln!(out, "  learn first: {}", learn.join(", "));
        }
    }
    for (title, reasons) in [(a, &c.choose_a), (b, &c.choose_b)] {
        let _ = writeln!(out, "\nChoose {title} if you…");
        for r in reasons.iter() {
            let _ = writeln!(out, "  • {r}");
        }
    }
    let _ = writeln!(out, "\nConclusion");
    for sentence in c.conclusion.iter() {
        let _ = writeln!(out, "  {sentence}");
    }
    inert(&out).into_owned()
}

/// Search results, each with why it matched, and how many careers match
/// in all (`total`), not only how many are shown.
pub(crate) fn hits(query: &str, hits: &[Hit], total: usize) -> String {
    let mut out = String::new();
    if hits.is_empty() {
        let _ = writeln!(out, "No careers match \"{query}\".");
        return inert(&out).into_owned();
    }
    let shown = if total > hits.len() { format!(", the best {} shown", hits.len()) } else { String::new() };
    let _ = writeln!(out, "{total} {} match \"{query}\"{shown}:", if total == 1 { "career" } else { "careers" });
    for (rank, hit) in hits.iter().enumerate() {
        let category = hit.category.as_deref().map(|c| format!("  ({c})")).unwrap_or_default();
        let _ = writeln!(out, "{:>2}. {}  [{}]{category}  score {:.2}", rank + 1, hit.title, hit.slug, hit.score);
        for reason in &hit.reasons {
            let _ = writeln!(out, "      {reason}");
        }
    }
    inert(&out).into_owned()
}

pub(crate) fn similar(slug: &str, list: &[Similar]) -> String {
    let mut out = format!("{slug}\n");
    for (rank, s) in list.iter().enumerate() {
        let _ = writeln!(out, "  {:>2}. {:<50} {:.3}  [{}]", rank + 1, s.title, s.score, s.slug);
    }
    inert(&out).into_owned()
}

/// Prints content errors (and the warnings among them): as compiler-like
/// text on stderr (escaped by their `Display`), or as one JSON object per
/// line on stdout.
pub(crate) fn diagnostics(errors: &ContentErrors, format: MessageFormat) {
    match format {
        MessageFormat::Human => eprintln!("{errors}"),
        MessageFormat::Json => json_lines(&errors.0),
    }
}

/// Prints the warnings of content that loaded, once, the same way.
pub(crate) fn warnings(warnings: &[Diagnostic], format: MessageFormat) {
    match format {
        MessageFormat::Human => {
            for warning in warnings {
                eprintln!("{warning}\n");
            }
            if !warnings.is_empty() {
                let n = warnings.len();
                eprintln!("{n} content warning{}", if n == 1 { "" } else { "s" });
            }
        }
        MessageFormat::Json => json_lines(warnings),
    }
}

/// Diagnostics as `--message-format json` prints them, one a line: `level`
/// (`"error"` or `"warning"`), `path`, `line`, `column`, `message`,
/// `expected`, `source_line` (or `null`) and `help` (or `null`), keys in
/// that order.
fn json_lines(diagnostics: &[Diagnostic]) {
    for diagnostic in diagnostics {
        let json = serde_json::to_string(diagnostic).unwrap_or_else(|_| "{}".to_owned());
        out!("{}", json_inert(&json));
    }
}

/// JSON text with the control characters that JSON writers leave as they
/// are (DEL, the C1 controls, bidirectional controls) written as `\uXXXX`
/// escapes, so the line means the same and reaches a terminal inert. They
/// can only occur inside strings, where the escape is valid.
fn json_inert(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_control()
            || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

/// A progress bar for long builds, on stderr; indicatif hides it when
/// stderr is not a terminal (CI logs, pipes), so scripts see only the
/// summary line.
#[derive(Clone)]
pub(crate) struct ProgressBar(indicatif::ProgressBar);

impl ProgressBar {
    pub(crate) fn new() -> std::sync::Arc<Self> {
        let bar = indicatif::ProgressBar::hidden();
        std::sync::Arc::new(ProgressBar(bar))
    }

    pub(crate) fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl careerdiff_site::Progress for ProgressBar {
    fn start(&self, total: u64) {
        // Small sites build in a blink; a bar would only flicker.
        if total >= 10_000 {
            self.0.set_draw_target(indicatif::ProgressDrawTarget::stderr());
            self.0.set_length(total);
            let style = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} pages, {per_sec}, {eta} left")
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
            self.0.set_style(style);
        }
    }

    fn waiting(&self, lock: &std::path::Path) {
        eprintln!(
            "waiting for another build of the same output to finish (it holds {})",
            careerdiff_model::inert(&lock.display().to_string())
        );
    }

    fn advance(&self, n: u64) {
        self.0.inc(n);
    }
}

/// The process's peak resident memory in MiB, from /proc (0 where there is
/// no /proc).
pub(crate) fn peak_memory_mib() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kib: u64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0);
    kib / 1024
}

/// Writes to stdout (see the `out!` macro). A closed pipe ends
/// the program with success, since the reader has what it wanted; any
/// other write error ends it as an I/O error.
pub(crate) fn print_out(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_fmt(args).and_then(|()| stdout.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: writing to stdout: {e}");
        std::process::exit(2);
    }
}
