//! Checks a finished build against the limits of common static hosts and
//! says which pair policy would fit.

use std::fmt::Write;

/// A static host's published limits.
struct Limit {
    host: &'static str,
    what: Measure,
    max: u64,
}

#[derive(Clone, Copy)]
enum Measure {
    Bytes,
    Files,
}

const LIMITS: &[Limit] = &[
    Limit { host: "GitHub Pages (1 GB per site)", what: Measure::Bytes, max: 1_000_000_000 },
    Limit { host: "Cloudflare Pages free plan (20,000 files)", what: Measure::Files, max: 20_000 },
    Limit { host: "Cloudflare Pages paid plans (100,000 files)", what: Measure::Files, max: 100_000 },
];

/// What a build produced, for the check.
pub(crate) struct Built {
    pub files: u64,
    pub bytes: u64,
    pub pair_pages: u64,
    pub pair_bytes: u64,
    pub careers: u64,
}

/// One warning per host limit the output passes, each with the largest
/// `similar` pair policy that would fit; empty when everything fits.
pub(crate) fn warnings(built: &Built) -> String {
    let mut out = String::new();
    for limit in LIMITS {
        let (used, other, per_pair) = match limit.what {
            Measure::Bytes => (built.bytes, built.bytes - built.pair_bytes, built.pair_bytes / built.pair_pages.max(1)),
            Measure::Files => (built.files, built.files - built.pair_pages, 1),
        };
        if used <= limit.max {
            continue;
        }
        // Under `similar`, each career brings at most `per_career` pairs.
        let room = limit.max.saturating_sub(other) / per_pair.max(1);
        let per_career = room / built.careers.max(1);
        let _ = write!(out, "warning: the site passes {}: {} {}", limit.host, used, unit(limit.what));
        let _ = if per_career >= 1 {
            writeln!(
                out,
                "; to fit, set [pairs] policy = \"similar\" with per_career = {per_career} in site.toml (at most {} pair pages)",
                per_career * built.careers
            )
        } else {
            writeln!(out, "; even one pair page per career would not fit")
        };
    }
    out
}

fn unit(what: Measure) -> &'static str {
    match what {
        Measure::Bytes => "bytes",
        Measure::Files => "files",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_sites_pass_silently() {
        let built = Built { files: 4_471, bytes: 70_000_000, pair_pages: 4_371, pair_bytes: 60_000_000, careers: 94 };
        assert_eq!(warnings(&built), "");
    }

    #[test]
    fn large_sites_are_told_which_policy_fits() {
        let built = Built {
            files: 426_440,
            bytes: 5_500_000_000,
            pair_pages: 425_503,
            pair_bytes: 5_400_000_000,
            careers: 923,
        };
        let text = warnings(&built);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{text}");
        // 1 GB less 100 MB of other pages, at 12,690 bytes a pair page: 70,921 pairs, 76 per career.
        assert!(lines[0].contains("GitHub Pages") && lines[0].contains("per_career = 76"), "{}", lines[0]);
        // 20,000 files less 937 others: 19,063 pairs, 20 per career.
        assert!(lines[1].contains("free plan") && lines[1].contains("per_career = 20"), "{}", lines[1]);
        assert!(lines[2].contains("paid plans") && lines[2].contains("per_career = 107"), "{}", lines[2]);
    }
}
