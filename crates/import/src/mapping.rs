//! The documented mappings from the source data to career fields: slugs,
//! job zone to learning time and entry barrier, education labels, which
//! technologies are programming languages, the singular of a title, and
//! when wages or projections are a group's rather than the occupation's.

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

/// Whether the work requires coding, and why: where O*NET rates the
/// Programming skill, whether it rates it important (3 of 5 or more, the
/// line every page draws); else whether the occupation's technologies
/// include at least [`LANGUAGES_FOR_CODING`] programming languages. A list
/// of technologies is what job postings named, and one Python among a
/// home health aide's tools, or Visual Basic among a legislator's, is no
/// sign that the work is coding.
///
/// `programming` is O*NET's importance of the Programming skill, if rated;
/// `onet` names the release in the reason.
pub fn requires_coding(technology: &[Technology], programming: Option<f64>, onet: &str) -> (bool, String) {
    if let Some(importance) = programming {
        // As O*NET publishes it, to two decimals: 2.96 is not important.
        let source = format!(
            "derived from {onet} Skills: Programming importance {:.2} of 5; 3 or more (important) counts as coding",
            importance
        );
        return (importance >= IMPORTANT, source);
    }
    let languages = programming_languages(technology);
    let lead = format!("derived from {onet} Technology Skills (no Programming rating)");
    let source = match languages.len() {
        0 => format!("{lead}: none of its {} technologies is a programming language", technology.len()),
        n => format!(
            "{lead}: lists {n} programming language{} ({LANGUAGES_FOR_CODING} or more count as coding): {}",
            if n == 1 { "" } else { "s" },
            languages.join(", ")
        ),
    };
    (languages.len() >= LANGUAGES_FOR_CODING, source)
}

/// O*NET's "important" on its importance scale (1–5).
const IMPORTANT: f64 = 3.0;

/// How many programming languages an occupation without a Programming
/// rating lists when its work counts as coding. Among the 879 rated
/// occupations of O*NET 29.2, those listing fewer than 8 have Programming
/// rated important 6 times in 836; those listing 8 or more, 17 times in
/// 43.
const LANGUAGES_FOR_CODING: usize = 8;

/// "Bachelor's degree" from "Bachelor's Degree", "Post-secondary
/// certificate" from "Post-Secondary Certificate - awarded for …": in
/// sentence case, as BLS writes the entry education shown beside it.
pub fn education_label(description: &str) -> String {
    let end = [" - ", " (", " ("].iter().filter_map(|sep| description.find(sep)).min().unwrap_or(description.len());
    let label = description[..end].trim();
    let mut chars = label.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars.as_str().to_lowercase().chars()).collect())
        .unwrap_or_default()
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

/// A singular name for sentences, and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Singular {
    /// e.g. "Software Developer".
    pub name: String,
    /// Whether it is spelled as one of the occupation's alternate titles.
    pub from_alternate_title: bool,
}

/// The singular of an O*NET title ("Actuaries" → "Actuary"), or `None`
/// when the title is not plural or no rule is sure of it. The rule:
///
/// 1. The head is the title up to the first " of "; the rest is kept
///    ("First-Line Supervisors of Retail Sales Workers" → "First-Line
///    Supervisor of Retail Sales Workers").
/// 2. No answer when the head has a comma, slash, parenthesis or `--`
///    (qualifiers and lists: "Engineers, All Other", "Computer Systems
///    Engineers/Architects"), or when "and" or "or" follows a plural word,
///    so that two kinds of worker are named ("Waiters and Waitresses",
///    "Farmworkers and Laborers, Crop, …"). Joined modifiers are fine:
///    "General and Operations Managers" → "General and Operations Manager".
/// 3. The head's last word must be plural, and is made singular: -ies →
///    -y (Actuaries), -sses, -shes, -ches, -xes, -zzes → drop -es
///    (Hostesses, Coaches), -men → -man, -wives → -wife (Nurse Midwives),
///    other -s → drop it (Nurses, Mechanics, Executives). Words ending in
///    -ss, -us, -is are not plurals; -oes is not sure (Heroes, Shoes).
/// 4. An alternate title equal to the answer, ignoring case, gives its
///    spelling ("First-line Supervisor of Security Workers").
///
/// Titles like "Clergy" or "Transit and Railroad Police" are not plural
/// and get no singular; the title is used as it is.
pub fn singular(title: &str, alternate_titles: &[String]) -> Option<Singular> {
    let (head, tail) = match title.find(" of ") {
        Some(at) => title.split_at(at),
        None => (title, ""),
    };
    if head.contains([',', '/', '(', ')']) || head.contains("--") {
        return None;
    }
    let words: Vec<&str> = head.split(' ').collect();
    let joins_plurals =
        words.windows(2).any(|pair| matches!(pair[1], "and" | "or") && singular_word(pair[0]).is_some());
    let (last, modifiers) = words.split_last()?;
    if joins_plurals {
        return None;
    }
    let mut name = modifiers.join(" ");
    if !name.is_empty() {
        name.push(' ');
    }
    name.push_str(&singular_word(last)?);
    name.push_str(tail);
    match alternate_titles.iter().find(|a| a.eq_ignore_ascii_case(&name)) {
        Some(alternate) => Some(Singular { name: alternate.clone(), from_alternate_title: true }),
        None => Some(Singular { name, from_alternate_title: false }),
    }
}

/// The singular of one plural word by the endings of [`singular`], or
/// `None` when it is not a plural or the ending is ambiguous.
fn singular_word(word: &str) -> Option<String> {
    let lower = word.to_ascii_lowercase();
    let stem = |cut: usize, add: &str| Some(format!("{}{add}", &word[..word.len() - cut]));
    if lower.ends_with("men") {
        return stem(2, "an");
    }
    if lower.ends_with("wives") {
        return stem(3, "fe");
    }
    if !lower.ends_with('s') || ["ss", "us", "is", "oes"].iter().any(|e| lower.ends_with(e)) || !word.is_ascii() {
        return None;
    }
    if lower.ends_with("ies") && lower.len() > 4 {
        stem(3, "y")
    } else if ["sses", "shes", "ches", "xes", "zzes"].iter().any(|e| lower.ends_with(e)) {
        stem(2, "")
    } else {
        stem(1, "")
    }
}

/// Whether an O*NET occupation's wages are a group's: true for a specialty
/// (a code not ending in `.00`, e.g. 17-2199.08 Robotics Engineers), which
/// takes the figures of its SOC occupation's OEWS row (17-2199 "Engineers,
/// All Other"), a row it shares with the SOC occupation's other O*NET
/// occupations. The `.00` occupation is the SOC occupation itself, so the
/// row's figures are its own even when specialties share them.
pub fn wages_are_a_groups(onet_code: &str) -> bool {
    !onet_code.ends_with(".00")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coding_follows_the_programming_rating_else_many_languages() {
        let tech = |names: &[&str]| -> Vec<Technology> {
            names.iter().map(|n| Technology { name: (*n).into(), ..Technology::default() }).collect()
        };
        let one = tech(&["Python", "Microsoft Excel"]);
        assert!(!requires_coding(&one, Some(2.12), "O*NET 29.2").0, "rated somewhat important");
        assert!(requires_coding(&one, Some(3.0), "O*NET 29.2").0, "rated important");
        let (coding, why) = requires_coding(&one, None, "O*NET 29.2");
        assert!(!coding, "one language among a home health aide's tools: {why}");
        assert!(why.ends_with("lists 1 programming language (8 or more count as coding): Python"), "{why}");
        let many = tech(&["Python", "R", "C", "C++", "Oracle Java", "JavaScript", "Go", "Bash"]);
        assert!(requires_coding(&many, None, "O*NET 29.2").0);
        assert!(!requires_coding(&many, Some(2.5), "O*NET 29.2").0, "a rating outweighs the list");
    }

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
        assert_eq!(education_label("Bachelor's Degree"), "Bachelor's degree");
        assert_eq!(education_label("Post-Secondary Certificate - awarded for training"), "Post-secondary certificate");
        assert_eq!(education_label("Associate's Degree (or other 2-year degree)"), "Associate's degree");
    }

    #[test]
    fn job_zone_mapping_rises_with_preparation() {
        let months: Vec<u32> = (1..=5).map(learning_months).collect();
        assert!(months.windows(2).all(|w| w[0] < w[1]), "{months:?}");
        assert_eq!(entry_barrier(1), EntryBarrier::Low);
        assert_eq!(entry_barrier(4), EntryBarrier::Medium);
        assert_eq!(entry_barrier(5), EntryBarrier::High);
    }

    #[test]
    fn singular_titles() {
        let check = |title: &str, expected: Option<&str>| {
            assert_eq!(singular(title, &[]).map(|s| s.name).as_deref(), expected, "{title}");
        };
        check("Actuaries", Some("Actuary"));
        check("Data Scientists", Some("Data Scientist"));
        check("Software Developers", Some("Software Developer"));
        check("Registered Nurses", Some("Registered Nurse"));
        check("Hosts and Hostesses", None);
        check("Coaches", Some("Coach"));
        check("Nurse Midwives", Some("Nurse Midwife"));
        check("Chief Executives", Some("Chief Executive"));
        check("Automotive Mechanics", Some("Automotive Mechanic"));
        check("General and Operations Managers", Some("General and Operations Manager"));
        check(
            "First-Line Supervisors of Housekeeping and Janitorial Workers",
            Some("First-Line Supervisor of Housekeeping and Janitorial Workers"),
        );
        check("Farmworkers and Laborers, Crop, Nursery, and Greenhouse", None);
        check("Waiters and Waitresses", None);
        check("Engineers, All Other", None);
        check("Computer Systems Engineers/Architects", None);
        check("Helpers--Carpenters", None);
        check("Clergy", None);
        check("Transit and Railroad Police", None);
        check("Business Analysis", None);
    }

    #[test]
    fn singular_takes_an_equal_alternate_titles_spelling() {
        let alternates = ["Security Supervisor".to_owned(), "First-line Supervisor of Security Workers".to_owned()];
        let found = singular("First-Line Supervisors of Security Workers", &alternates).unwrap();
        assert_eq!(found.name, "First-line Supervisor of Security Workers");
        assert!(found.from_alternate_title);
        assert!(!singular("Actuaries", &["Actuarial Analyst".to_owned()]).unwrap().from_alternate_title);
    }

    #[test]
    fn only_specialties_take_a_groups_wages() {
        assert!(wages_are_a_groups("17-2199.08"));
        assert!(wages_are_a_groups("15-2051.01"));
        assert!(!wages_are_a_groups("15-2051.00"), "the SOC occupation itself");
    }
}
