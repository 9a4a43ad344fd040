//! The documented mappings from O*NET data to career fields: slugs, job
//! zone to learning time and entry barrier, education labels, and which
//! technologies are programming languages.

use std::collections::BTreeMap;

use careerdiff_model::{EntryBarrier, normalize_phrase};

use crate::onet::{Occupation, Technology};

/// Months of preparation a job zone stands for, from the O*NET Specific
/// Vocational Preparation (SVP) range of each zone, taking the top of the
/// range: zone 1 (SVP below 4: up to 3 months) → 3; zone 2 (SVP 4–6: 3
/// months to 1 year) → 12; zone 3 (SVP 6–7: 1–2 years) → 24; zone 4 (SVP
/// 7–8: 2–4 years) → 48; zone 5 (SVP 8 and above: over 4 years) → 60.
pub fn learning_months(job_zone: u8) -> u32 {
    match job_zone {
        1 => 3,
        2 => 12,
        3 => 24,
        4 => 48,
        _ => 60,
    }
}

/// The entry barrier a job zone stands for: zones 1–2 (little or some
/// preparation, high-school level) are low; zones 3–4 (vocational training
/// or a bachelor's degree) are medium; zone 5 (graduate degree, extensive
/// experience) is high.
pub fn entry_barrier(job_zone: u8) -> EntryBarrier {
    match job_zone {
        1 | 2 => EntryBarrier::Low,
        3 | 4 => EntryBarrier::Medium,
        _ => EntryBarrier::High,
    }
}

/// Technologies that are programming languages, as O*NET names them. A
/// career that lists one is marked as requiring coding.
const PROGRAMMING_LANGUAGES: &[&str] = &[
    "Ada",
    "Apache Groovy",
    "Assembly language",
    "Bash",
    "C",
    "C#",
    "C++",
    "COBOL",
    "Clojure",
    "Dart",
    "Elixir",
    "Erlang",
    "F#",
    "Fortran",
    "Go",
    "Golang",
    "Haskell",
    "JavaScript",
    "Julia",
    "Kotlin",
    "Lisp",
    "Lua",
    "MATLAB",
    "Microsoft Visual Basic",
    "Microsoft Visual Basic.NET",
    "Microsoft Visual C# .NET",
    "Microsoft Visual C++",
    "Objective C",
    "Oracle Java",
    "Pascal",
    "Perl",
    "PHP",
    "Prolog",
    "Python",
    "R",
    "Ruby",
    "Rust",
    "Scala",
    "Shell script",
    "Swift",
    "TypeScript",
    "Sun Microsystems Java",
    "Visual Basic for Applications VBA",
    "Verilog",
    "VHSIC hardware description language VHDL",
    "Windows PowerShell",
    "Practical extraction and reporting language Perl",
    "Hypertext preprocessor PHP",
    "G-code",
];

/// The programming languages among an occupation's technologies.
pub fn programming_languages(technology: &[Technology]) -> Vec<&str> {
    technology
        .iter()
        .filter(|t| PROGRAMMING_LANGUAGES.iter().any(|l| normalize_phrase(l) == normalize_phrase(&t.name)))
        .map(|t| t.name.as_str())
        .collect()
}

/// "Bachelor's Degree" from "Bachelor's Degree", "Post-Secondary
/// Certificate" from "Post-Secondary Certificate - awarded for …".
pub fn education_label(description: &str) -> String {
    let end = [" - ", " (", " ("].iter().filter_map(|sep| description.find(sep)).min().unwrap_or(description.len());
    description[..end].trim().to_owned()
}

/// The longest slug [`slugify`] makes.
pub const MAX_SLUG: usize = 60;

/// A URL-safe slug: lower-case words joined by hyphens, with `+` and `#`
/// spelled out so that "C++" and "C#" do not both become "c".
pub fn slugify(text: &str) -> String {
    let spelled = text.replace("++", " plus plus ").replace('#', " sharp ").replace('&', " and ");
    let mut slug = String::with_capacity(spelled.len());
    for c in spelled.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug = slug.trim_end_matches('-').replace("-vs-", "-versus-");
    // Long product names make unwieldy URLs; cut at a word boundary.
    if slug.len() > MAX_SLUG {
        let cut = slug[..MAX_SLUG].rfind('-').unwrap_or(MAX_SLUG);
        slug.truncate(cut);
    }
    if slug.is_empty() { "x".to_owned() } else { slug }
}

/// One slug per occupation from its title; an occupation whose title
/// slug is taken gets its O*NET-SOC code appended, in code order.
pub fn slugs(occupations: &[&Occupation]) -> BTreeMap<String, String> {
    let mut taken: BTreeMap<String, String> = BTreeMap::new();
    let mut by_code = BTreeMap::new();
    let mut sorted: Vec<&&Occupation> = occupations.iter().collect();
    sorted.sort_by(|a, b| a.code.cmp(&b.code));
    for occupation in sorted {
        let mut slug = slugify(&occupation.title);
        if taken.contains_key(&slug) {
            slug = format!("{slug}-{}", slugify(&occupation.code));
        }
        taken.insert(slug.clone(), occupation.code.clone());
        by_code.insert(occupation.code.clone(), slug);
    }
    by_code
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_spell_out_symbols() {
        assert_eq!(slugify("Software Developers"), "software-developers");
        assert_eq!(slugify("C++"), "c-plus-plus");
        assert_eq!(slugify("C#"), "c-sharp");
        assert_eq!(slugify("Web & Digital Interface Designers"), "web-and-digital-interface-designers");
        assert_eq!(slugify("Node.js"), "node-js");
        let long = slugify(&"word ".repeat(30));
        assert!(long.len() <= MAX_SLUG && long.ends_with("word"), "{long}");
    }

    #[test]
    fn education_labels_drop_the_explanation() {
        assert_eq!(education_label("Bachelor's Degree"), "Bachelor's Degree");
        assert_eq!(education_label("Post-Secondary Certificate - awarded for training"), "Post-Secondary Certificate");
        assert_eq!(education_label("Associate's Degree (or other 2-year degree)"), "Associate's Degree");
    }

    #[test]
    fn job_zone_mapping_rises_with_preparation() {
        let months: Vec<u32> = (1..=5).map(learning_months).collect();
        assert!(months.windows(2).all(|w| w[0] < w[1]), "{months:?}");
        assert_eq!(entry_barrier(1), EntryBarrier::Low);
        assert_eq!(entry_barrier(4), EntryBarrier::Medium);
        assert_eq!(entry_barrier(5), EntryBarrier::High);
    }
}
