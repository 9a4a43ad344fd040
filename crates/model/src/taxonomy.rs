//! The skill taxonomy of `skills.toml`: canonical skills, their aliases and
//! family, and the matching of free-text skill phrases to them.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::SkillRef;

/// One canonical skill, e.g. `vector-databases`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Skill {
    /// The id used in career `tags` and in the skill page URL.
    #[serde(skip_deserializing)]
    pub id: String,
    /// The name shown on pages, e.g. "Vector databases".
    pub name: String,
    /// The family the skill belongs to, e.g. "Programming languages".
    pub family: Option<String>,
    /// Other phrases that mean the same skill. Matching ignores case,
    /// punctuation and plurals.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// Where the skill comes from when it was imported, e.g. "O*NET 29.2";
    /// the importer replaces only skills with its own source.
    pub source: Option<String>,
}

impl Skill {
    /// A skill with a name and aliases and no family or source.
    pub fn new(id: &str, name: &str, aliases: &[&str]) -> Self {
        Skill {
            id: id.to_owned(),
            name: name.to_owned(),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            ..Skill::default()
        }
    }
}

/// The file format of `skills.toml`: `[skills.<id>]` tables.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct SkillsFile {
    #[serde(default)]
    pub skills: BTreeMap<String, Skill>,
}

/// All canonical skills, with lookups from ids and phrases.
#[derive(Debug, Clone, Default)]
pub struct Taxonomy {
    skills: Vec<Skill>,
    by_id: HashMap<String, usize>,
    by_phrase: HashMap<String, usize>,
    /// Names and aliases of two or more words, by their first word, for
    /// finding them inside longer phrases.
    by_first_word: HashMap<String, Vec<(Vec<String>, usize)>>,
}

impl Taxonomy {
    /// Builds the lookups. Returns the taxonomy and, for every normalised
    /// phrase claimed by two skills, `(skill id, phrase, other skill id)`.
    pub fn new(mut skills: Vec<Skill>) -> (Self, Vec<(String, String, String)>) {
        skills.sort_by(|a, b| a.id.cmp(&b.id));
        let mut taxonomy = Taxonomy { skills, ..Taxonomy::default() };
        let mut clashes = Vec::new();
        for (idx, skill) in taxonomy.skills.iter().enumerate() {
            taxonomy.by_id.insert(skill.id.clone(), idx);
            let phrases = [&skill.id, &skill.name].into_iter().chain(&skill.aliases);
            for phrase in phrases {
                let key = normalize_phrase(phrase);
                if key.is_empty() {
                    continue;
                }
                match taxonomy.by_phrase.get(&key) {
                    Some(&other) if other != idx => {
                        clashes.push((skill.id.clone(), phrase.clone(), taxonomy.skills[other].id.clone()))
                    }
                    Some(_) => {}
                    None => {
                        taxonomy.by_phrase.insert(key.clone(), idx);
                        let words: Vec<String> = key.split(' ').map(str::to_owned).collect();
                        if words.len() >= 2 {
                            let first = words[0].clone();
                            taxonomy.by_first_word.entry(first).or_default().push((words, idx));
                        }
                    }
                }
            }
        }
        (taxonomy, clashes)
    }

    /// All skills, sorted by id.
    pub fn skills(&self) -> &[Skill] {
        &self.skills
    }

    /// The skill at `idx` (an index into [`Taxonomy::skills`]).
    pub fn get(&self, idx: usize) -> &Skill {
        &self.skills[idx]
    }

    /// The skill whose name or alias is `phrase` (after normalisation).
    pub fn find_phrase(&self, phrase: &str) -> Option<usize> {
        self.by_phrase.get(&normalize_phrase(phrase)).copied()
    }

    /// The index of the skill with this id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Whether every skill tag of `career` is an id of this taxonomy.
    pub fn knows_every_tag(&self, career: &crate::Career) -> bool {
        career.skills.iter().flat_map(|skill| &skill.tags).all(|tag| self.by_id.contains_key(tag.as_str()))
    }

    /// The canonical skills a career's skill phrase stands for, sorted and
    /// without repeats: its tags, and the skill whose name or alias the whole
    /// phrase is or, when there is none, every skill whose name or alias of
    /// two or more words appears inside the phrase ("Vector database design" → vector
    /// databases). Single words are only matched whole, so "R" or "Go" do not
    /// turn up inside unrelated phrases.
    pub fn canonical_ids(&self, skill: &SkillRef) -> Vec<usize> {
        let mut ids: Vec<usize> = skill.tags.iter().filter_map(|t| self.index_of(t)).collect();
        let key = normalize_phrase(&skill.name);
        if let Some(&idx) = self.by_phrase.get(&key) {
            // The whole phrase names a skill: what it contains is part of
            // that name ("Microsoft Office software" is not also "Office").
            ids.push(idx);
            ids.sort_unstable();
            ids.dedup();
            return ids;
        }
        let words: Vec<&str> = key.split(' ').collect();
        for start in 0..words.len() {
            let Some(candidates) = self.by_first_word.get(words[start]) else {
                continue;
            };
            for (alias, idx) in candidates {
                let end = start + alias.len();
                if end <= words.len() && words[start..end].iter().eq(alias.iter()) {
                    ids.push(*idx);
                }
            }
        }
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

/// Normalises a skill phrase for matching: lower case, punctuation to
/// spaces (keeping `+` and `#` of C++ and C#, dropping the dots of
/// "Node.js"), English plurals to singular, and common abbreviations
/// spelled out.
pub fn normalize_phrase(phrase: &str) -> String {
    let lowered = phrase.to_lowercase();
    let cleaned: String = lowered
        .chars()
        .filter(|&c| c != '.' && c != '\'' && c != '’')
        .map(|c| if c.is_alphanumeric() || c == '+' || c == '#' { c } else { ' ' })
        .collect();
    let mut out = String::with_capacity(cleaned.len());
    for word in cleaned.split_whitespace() {
        let word = expand_abbreviation(word).unwrap_or_else(|| singular(word));
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

/// Words that end in "s" but are not plurals (or whose singular means
/// something else).
const NOT_PLURAL: &[&str] = &[
    "aws",
    "jenkins",
    "kubernetes",
    "news",
    "pandas",
    "rails",
    "sales",
    "series",
    "species",
    "windows",
    "ios",
    "macos",
    "redis",
    "express",
];

fn singular(word: &str) -> String {
    let n = word.len();
    if word.ends_with("ics") || NOT_PLURAL.contains(&word) {
        word.to_owned()
    } else if n > 4 && word.ends_with("ies") {
        format!("{}y", &word[..n - 3])
    } else if n > 3
        && word.ends_with('s')
        && !["ss", "us", "is", "os", "as", "js"].iter().any(|end| word.ends_with(end))
    {
        word[..n - 1].to_owned()
    } else {
        word.to_owned()
    }
}

/// Abbreviations that writers use interchangeably with the full words.
fn expand_abbreviation(word: &str) -> Option<String> {
    let full = match word {
        "db" | "dbs" => "database",
        "ml" => "machine learning",
        "k8s" => "kubernetes",
        "js" => "javascript",
        "ts" => "typescript",
        "nlp" => "natural language processing",
        "llms" => "llm",
        "apis" => "api",
        "ci" => "continuous integration",
        "cd" => "continuous delivery",
        _ => return None,
    };
    Some(full.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taxonomy(skills: &[(&str, &str, &[&str])]) -> Taxonomy {
        Taxonomy::new(skills.iter().map(|(id, name, aliases)| Skill::new(id, name, aliases)).collect()).0
    }

    fn phrase(name: &str) -> SkillRef {
        SkillRef { name: name.into(), ..SkillRef::default() }
    }

    #[test]
    fn normalisation_folds_case_punctuation_plurals_and_abbreviations() {
        assert_eq!(normalize_phrase("Vector Databases"), "vector database");
        assert_eq!(normalize_phrase("vector DBs"), "vector database");
        assert_eq!(normalize_phrase("Node.js, C++ & C#"), "nodejs c++ c#");
        assert_eq!(normalize_phrase("Libraries"), "library");
        assert_eq!(normalize_phrase("Statistics"), "statistics");
        assert_eq!(normalize_phrase("Kubernetes (k8s)"), "kubernetes kubernetes");
    }

    #[test]
    fn phrases_match_names_aliases_and_contained_multiword_names() {
        let t = taxonomy(&[("vector-databases", "Vector databases", &["vector store"]), ("go", "Go", &["golang"])]);
        let vdb = t.index_of("vector-databases");
        assert_eq!(t.canonical_ids(&phrase("Vector DB")), vec![vdb.unwrap()]);
        assert_eq!(t.canonical_ids(&phrase("Vector stores")), vec![vdb.unwrap()]);
        assert_eq!(t.canonical_ids(&phrase("Vector database design and similarity search")), vec![vdb.unwrap()]);
        assert!(t.canonical_ids(&phrase("Go to market strategy")).is_empty());
        assert_eq!(t.canonical_ids(&phrase("Golang")), vec![t.index_of("go").unwrap()]);
    }

    #[test]
    fn alias_claimed_by_two_skills_is_reported() {
        let skills = vec![
            Skill { id: "a".into(), name: "Alpha".into(), ..Skill::default() },
            Skill { id: "b".into(), name: "Beta".into(), aliases: vec!["alpha".into()], ..Skill::default() },
        ];
        let (_, clashes) = Taxonomy::new(skills);
        assert_eq!(clashes, vec![("b".into(), "alpha".into(), "a".into())]);
    }
}
