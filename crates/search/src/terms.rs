//! How text becomes search terms, the same in the tantivy index, the
//! terminal's queries and the browser's `search.js` (which ports these two
//! functions line for line): runs of ASCII letters and digits, lower case,
//! with plurals folded to their singular.
//!
//! Folding is deliberately weaker than a stemmer. A stemmer joins words
//! that name different things — "mechanic" and "mechanical", "wiring" and
//! the product "Sonoma Wire Works", "programming" and "program" — and a
//! product name must match as the word it is. Only plural endings are
//! folded (Harman's S-stemmer), and never on words of three letters or
//! fewer, which are mostly acronyms ("AWS", "GIS", "SAS").

/// The terms of `text`, in order.
pub fn terms(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| fold(&word.to_ascii_lowercase()))
        .collect()
}

/// The pairs of neighbouring terms of `terms` that may count as a phrase,
/// joined by a space: "first aid", "oil well" — not those with a word as
/// common as "and" or "of", which would only make the index bigger.
pub fn phrase_pairs(terms: &[String]) -> Vec<String> {
    terms
        .windows(2)
        .filter(|pair| !pair.iter().any(|t| STOP_WORDS.contains(&t.as_str())))
        .map(|pair| pair.join(" "))
        .collect()
}

/// Words too common to be half of a phrase.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "any", "are", "as", "at", "be", "by", "e", "etc", "for", "from", "g", "in", "into", "is", "it",
    "its", "may", "of", "on", "or", "other", "such", "than", "that", "the", "their", "them", "these", "this", "to",
    "use", "using", "with",
];

/// `word` (lower case) with a plural ending folded: "nurses" → "nurse",
/// "studies" → "study", "wells" → "well"; "glass", "status" and
/// "analysis" are left as they are.
pub fn fold(word: &str) -> String {
    let keep = word.len() <= 3 || !word.ends_with('s') || word.bytes().any(|b| b.is_ascii_digit());
    if keep {
        return word.to_owned();
    }
    if let Some(stem) = word.strip_suffix("ies")
        && !stem.ends_with('e')
        && !stem.ends_with('a')
    {
        return format!("{stem}y");
    }
    if word.ends_with("es") && !["aes", "ees", "oes"].iter().any(|end| word.ends_with(end)) {
        return word[..word.len() - 1].to_owned();
    }
    if ["us", "ss", "is"].iter().any(|end| word.ends_with(end)) {
        return word.to_owned();
    }
    word[..word.len() - 1].to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_fold_and_different_words_stay_apart() {
        assert_eq!(terms("Registered Nurses"), ["registered", "nurse"]);
        assert_eq!(terms("oil wells"), ["oil", "well"]);
        assert_eq!(terms("Case studies"), ["case", "study"]);
        assert_eq!(terms("Mechanics"), ["mechanic"]);
        assert_ne!(terms("mechanic"), terms("mechanical"));
        assert_ne!(terms("wiring"), terms("wire"));
        assert_ne!(terms("programming"), terms("program"));
        assert_ne!(terms("sap"), terms("sapphire"));
    }

    #[test]
    fn short_words_digits_and_latin_endings_are_kept() {
        assert_eq!(terms("AWS GIS SAS gas"), ["aws", "gis", "sas", "gas"]);
        assert_eq!(terms("glass status analysis diagnosis"), ["glass", "status", "analysis", "diagnosis"]);
        assert_eq!(terms("COBOL-85s"), ["cobol", "85s"]);
    }

    #[test]
    fn phrases_skip_common_words() {
        assert_eq!(
            phrase_pairs(&terms("Administer first aid to injured persons")),
            ["administer first", "first aid", "injured person"]
        );
        assert!(phrase_pairs(&terms("oil")).is_empty());
    }

    #[test]
    fn anything_but_ascii_letters_and_digits_separates_terms() {
        assert_eq!(terms("C++/C# & .NET"), ["c", "c", "net"]);
        assert_eq!(terms("Café owners"), ["caf", "owner"]);
        assert!(terms("  -- ").is_empty());
    }
}
