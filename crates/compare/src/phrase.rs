//! One skill phrase normalised once, whichever careers name it: its
//! canonical skills or matching key, its content words, its head word and
//! its acronyms, which tell whether two phrases can be related.

use std::sync::Arc;

use careerdiff_model::{Content, SkillRef, normalize_phrase};

use crate::hash::Map;
use crate::prepare::Unit;

/// Words too common in skill phrases to say that two phrases are related.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "across", "at", "based", "by", "for", "from", "in", "into", "of", "on", "or", "software", "the",
    "to", "using", "with", "within",
];

/// Words that name what kind of product a phrase is, not what it does:
/// never a phrase's head ("Inventory management systems" is about
/// inventory, "Microsoft Windows Server" about Windows).
const KIND_WORDS: &[&str] = &[
    "application",
    "database",
    "edition",
    "enterprise",
    "framework",
    "information",
    "management",
    "manager",
    "platform",
    "pro",
    "program",
    "server",
    "service",
    "solution",
    "standard",
    "suite",
    "system",
    "tool",
    "version",
];

/// What each content word of all careers' phrases tells, by word id.
pub(crate) struct Words {
    /// Inverse document frequency over the distinct phrases of all
    /// careers: "Microsoft", "management" or "server" say little about
    /// what a phrase names, "SharePoint" or "record" much.
    pub weight: Vec<f32>,
    /// Whether it is a kind of product ("system", "suite").
    pub kind: Vec<bool>,
}

/// Whether `word` (normalised) names a kind of product (see [`KIND_WORDS`]).
pub(crate) fn is_kind_word(word: &str) -> bool {
    KIND_WORDS.contains(&word)
}

/// One skill phrase normalised: its canonical skills, else the key it is
/// matched on, its content words, its head, its acronyms and whether it is
/// generic office software.
pub(crate) struct Normalised {
    pub canonical: Vec<Unit>,
    pub key: Option<String>,
    /// Content words, without the acronyms the phrase spells out (the
    /// "GIS" of "Geographic information system GIS": its words are there).
    pub words: Vec<String>,
    /// The last content word that is neither a spelled-out acronym, nor a
    /// kind of product ("system", "suite"), nor a number: what the phrase
    /// is about ("Studio" of "Microsoft Visual Studio", "document" of
    /// "Document management system software"), its vendor and family
    /// coming first.
    pub head: Option<String>,
    pub acronyms: Acronyms,
    pub generic: bool,
}

/// A phrase's acronyms, lower-cased and sorted.
#[derive(Debug, Clone, Default)]
pub(crate) struct Acronyms {
    /// Every word of two or more capitals (digits allowed): "GIS", "EC2",
    /// and vendors too ("SAP", "IBM").
    pub all: Vec<String>,
    /// Those whose letters are initials of the words before them, in
    /// order, and that end the phrase: "GIS" of "Geographic information
    /// system GIS software", "EMR" of "Patient electronic medical record
    /// EMR software"; never a vendor, spelled out or not ("Amazon Web
    /// Services AWS CloudFormation").
    pub spelled_out: Vec<String>,
}

impl Acronyms {
    /// Whether the two phrases spell out the same acronym: they name the
    /// same kind of thing ("Electronic medical record EMR software",
    /// "Texas Medical Software SpringCharts EMR").
    pub(crate) fn same_kind(&self, other: &Acronyms) -> bool {
        self.spelled_out.iter().any(|a| other.spelled_out.contains(a))
    }

    /// Whether each phrase names an acronym and none is the other's: they
    /// name different things, however many words they share
    /// ("Geographic information system GIS software" is not "Management
    /// information systems MIS").
    pub(crate) fn differ(&self, other: &Acronyms) -> bool {
        !self.all.is_empty() && !other.all.is_empty() && !self.all.iter().any(|a| other.all.contains(a))
    }
}

impl Normalised {
    fn new(content: &Content, skill: &SkillRef) -> Self {
        let canonical: Vec<Unit> = content.taxonomy.canonical_ids(skill).into_iter().map(|i| i as Unit).collect();
        let key = canonical.is_empty().then(|| normalize_phrase(&skill.name));
        let acronyms = acronyms(&skill.name);
        let (words, head) = words_and_head(&skill.name, &acronyms);
        Normalised { canonical, key, words, head, acronyms, generic: crate::generic::is_generic_software(&skill.name) }
    }

    /// `skill` normalised, once in all that `known` holds.
    pub(crate) fn once<'c>(content: &Content, skill: &'c SkillRef, known: &mut KnownPhrases<'c>) -> Arc<Normalised> {
        let key = (skill.name.as_str(), skill.tags.as_slice());
        known.entry(key).or_insert_with(|| Arc::new(Normalised::new(content, skill))).clone()
    }
}

/// The content words of `phrase` without the acronyms it spells out, and
/// its head (see [`Normalised::head`]).
fn words_and_head(phrase: &str, acronyms: &Acronyms) -> (Vec<String>, Option<String>) {
    let spelled: Vec<String> = acronyms.spelled_out.iter().map(|a| normalize_phrase(a)).collect();
    let mut words = content_words(phrase);
    words.retain(|w| !spelled.contains(w));
    let head = words.iter().rev().find(|w| !is_kind_word(w) && !w.chars().all(|c| c.is_ascii_digit())).cloned();
    (words, head)
}

/// What a batch of careers has normalised so far, by phrase and tags.
pub(crate) type KnownPhrases<'c> = Map<(&'c str, &'c [String]), Arc<Normalised>>;

/// The acronyms of a phrase (see [`Acronyms`]).
fn acronyms(phrase: &str) -> Acronyms {
    let tokens: Vec<&str> = phrase.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let mut found = Acronyms::default();
    for (k, word) in tokens.iter().enumerate() {
        let capitals = word.chars().filter(char::is_ascii_uppercase).count();
        if word.len() < 2 || capitals < 2 || !word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()) {
            continue;
        }
        let lower = word.to_ascii_lowercase();
        let ends = tokens[k + 1..].iter().all(|w| STOP_WORDS.contains(&w.to_lowercase().as_str()));
        if ends && spells_out(&lower, &tokens[..k]) {
            found.spelled_out.push(lower.clone());
        }
        found.all.push(lower);
    }
    for list in [&mut found.all, &mut found.spelled_out] {
        list.sort_unstable();
        list.dedup();
    }
    found
}

/// Whether the letters of `acronym` are, in order, initials of `before`.
fn spells_out(acronym: &str, before: &[&str]) -> bool {
    let mut initials = before.iter().filter_map(|w| w.chars().next()).map(|c| c.to_ascii_lowercase());
    acronym.chars().filter(char::is_ascii_alphabetic).all(|letter| initials.any(|c| c == letter))
}

/// The content words of a phrase, in order. Text in parentheses is left
/// out: it lists examples ("(LangChain, LlamaIndex)") that make two
/// phrases look less alike than they are.
fn content_words(phrase: &str) -> Vec<String> {
    let mut depth = 0usize;
    let outside: String = phrase
        .chars()
        .filter(|&c| {
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                _ => return depth == 0,
            }
            false
        })
        .collect();
    normalize_phrase(&outside)
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(str::to_owned)
        .collect()
}

/// A phrase without its parenthesised examples or dash-separated detail.
pub(crate) fn short(phrase: &str) -> &str {
    let end = phrase.find(['(', ';']).unwrap_or(phrase.len());
    let end = phrase[..end].find(" - ").unwrap_or(end);
    phrase[..end].trim()
}

#[cfg(test)]
mod tests {
    use super::{acronyms, content_words, words_and_head};

    #[test]
    fn acronyms_spelled_out_are_told_from_vendors() {
        let gis = acronyms("Geographic information system GIS software");
        assert_eq!((gis.all, gis.spelled_out), (vec!["gis".to_owned()], vec!["gis".to_owned()]));
        let sap = acronyms("SAP Business Objects");
        assert_eq!((sap.all.len(), sap.spelled_out.len()), (1, 0), "a vendor spells nothing out");
        let emr = acronyms("Texas Medical Software SpringCharts EMR");
        assert!(emr.spelled_out.is_empty(), "no electronic record before it: {emr:?}");
        let aws = acronyms("Amazon Web Services AWS CloudFormation");
        assert!(aws.spelled_out.is_empty(), "a vendor, though spelled out: {aws:?}");
    }

    #[test]
    fn the_head_is_what_a_phrase_is_about() {
        let head = |phrase| words_and_head(phrase, &acronyms(phrase)).1;
        assert_eq!(head("Microsoft Visual Studio"), Some("studio".to_owned()));
        assert_eq!(head("Inventory management systems"), Some("inventory".to_owned()));
        assert_eq!(head("Geographic information system GIS software"), Some("geographic".to_owned()));
        assert_eq!(head("Database management systems"), None, "all kind words");
    }

    #[test]
    fn words_leave_out_parenthesised_examples() {
        assert_eq!(content_words("Vector databases (Pinecone, Weaviate)"), ["vector", "database"]);
    }
}
