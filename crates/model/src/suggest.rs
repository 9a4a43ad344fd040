//! "Did you mean …?": the known name nearest to a misspelled one.
//!
//! A plain Levenshtein distance over characters is all this needs: the
//! candidate lists are short (a struct's fields, an enum's values, the
//! skill ids of one taxonomy), so a dependency such as `strsim` would add
//! nothing but a crate to audit.

/// The candidate nearest to `word`, when it is close enough to be what
/// was meant: the same but for case, or at most a third of its letters
/// (and at least one) away. Ties go to the first candidate.
pub(crate) fn did_you_mean<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let lower = word.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate == word {
            continue;
        }
        let distance = edit_distance(&lower, &candidate.to_lowercase());
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    let (distance, candidate) = best?;
    let allowed = (word.chars().count().max(candidate.chars().count()) / 3).max(1);
    (distance <= allowed).then_some(candidate)
}

/// The number of single-character insertions, deletions, substitutions
/// and swaps of two neighbours ("nmae" for "name" is one) that turn `a`
/// into `b` (the optimal string alignment distance).
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    // Three rows of the table: two back, the last, and the one being made.
    let mut before: Vec<usize> = vec![0; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for i in 1..=a.len() {
        row[0] = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j - 1] + cost).min(last[j] + 1).min(row[j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        std::mem::swap(&mut before, &mut last);
        std::mem::swap(&mut last, &mut row);
    }
    last[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("python", "pyton"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("nmae", "name"), 1);
        assert_eq!(edit_distance("abc", ""), 3);
    }

    #[test]
    fn suggests_close_names_only() {
        let fields = ["title", "salary", "skills", "demand_score"];
        assert_eq!(did_you_mean("salery", fields), Some("salary"));
        assert_eq!(did_you_mean("nmae", ["name", "tags", "hot", "in_demand"]), Some("name"));
        assert_eq!(did_you_mean("Advanced", ["beginner", "advanced"]), Some("advanced"));
        assert_eq!(did_you_mean("hard", ["beginner", "intermediate", "advanced", "expert"]), None);
        assert_eq!(did_you_mean("x", fields), None);
    }
}
