//! Sentences built from verdicts: "Choose A if you…", the conclusion and
//! the transition between the two. Nothing here calls a tie an advantage:
//! every claim comes from a row whose verdict names one side.

use careerdiff_model::Career;

use crate::{GlanceRow, SkillItem, SkillOverlap, Transition, Verdict};

/// The reason to prefer a side for a row it wins, with both values.
fn want(row: &GlanceRow, mine: &str, theirs: &str) -> Option<String> {
    let text = match row.key {
        "salary_floor" => {
            format!("want a higher starting point: a salary floor of {mine} against {theirs}")
        }
        "salary_median" => format!("want higher typical pay: a median of {mine} against {theirs}"),
        "salary_ceiling" => format!("want a higher ceiling: up to {mine} against {theirs}"),
        "employment" => format!("want more openings: {mine} jobs against {theirs}"),
        "demand_score" => {
            format!("want the career with more future demand ({mine} against {theirs})")
        }
        "ai_risk" => {
            format!("want work less exposed to AI: {mine} replacement risk against {theirs}")
        }
        "learning_months" => {
            format!("want to be job-ready sooner: {mine} of learning against {theirs}")
        }
        "difficulty" => format!("prefer a gentler learning curve ({mine} against {theirs})"),
        "entry_barrier" => {
            format!("are changing careers and need an easier way in (entry barrier {mine} against {theirs})")
        }
        "job_zone" => {
            format!("want to start with less preparation ({mine} against {theirs})")
        }
        "remote_friendly" => "want to work fully remote".to_owned(),
        _ => return None,
    };
    Some(text)
}

/// "Choose `me` if you…" reasons; `me_verdict` is the verdict that means
/// `me` wins a row.
pub(crate) fn choose_if(
    me: &Career,
    other: &Career,
    glance: &[GlanceRow],
    me_verdict: Verdict,
    only_mine: &[SkillItem],
) -> Vec<String> {
    let mut reasons: Vec<String> = glance
        .iter()
        .filter(|row| row.verdict == me_verdict)
        .filter_map(|row| {
            let (mine, theirs) = if me_verdict == Verdict::A { (row.a, row.b) } else { (row.b, row.a) };
            want(row, mine?, theirs?)
        })
        .collect();
    match (me.requires_coding, other.requires_coding) {
        (Some(true), Some(false)) => reasons.push("enjoy writing and debugging code".to_owned()),
        (Some(false), Some(true)) => reasons.push("would rather not write code every day".to_owned()),
        _ => {}
    }
    if let (Some(mine), Some(theirs)) = (&me.category, &other.category)
        && mine != theirs
    {
        reasons.push(format!("are drawn to {mine} more than {theirs}"));
    }
    let focus: Vec<String> = only_mine.iter().take(2).map(|s| lower_first(s.label)).collect();
    if !focus.is_empty() {
        reasons.push(format!("want to work on {}", join_and(&focus)));
    }
    reasons
}

/// The conclusion: each side's advantages, the ties, the unknowns, and the
/// skill overlap with what it means for moving between the two.
pub(crate) fn conclusion(
    a: &Career,
    b: &Career,
    glance: &[GlanceRow],
    skills: &SkillOverlap,
    transitions: &[Transition; 2],
) -> Vec<String> {
    let mut sentences = Vec::new();
    for (career, verdict, mine_is_a) in [(a, Verdict::A, true), (b, Verdict::B, false)] {
        let wins: Vec<String> = glance
            .iter()
            .filter(|row| row.verdict == verdict)
            .filter_map(|row| {
                let (mine, theirs) = if mine_is_a { (row.a, row.b) } else { (row.b, row.a) };
                Some(format!("the {} {} ({} vs {})", row.better, label_in_sentence(row.label), mine?, theirs?))
            })
            .collect();
        if !wins.is_empty() {
            sentences.push(format!("{} has {}.", career.title, join_and(&wins)));
        }
    }
    let ties: Vec<String> = glance
        .iter()
        .filter(|row| row.verdict == Verdict::Tie)
        .filter_map(|row| Some(format!("{} ({})", label_in_sentence(row.label), row.a?)))
        .collect();
    if !ties.is_empty() {
        sentences.push(format!("They are tied on {}, so neither has the edge there.", join_and(&ties)));
    }
    let unknown: Vec<String> = glance
        .iter()
        .filter(|row| row.verdict == Verdict::Unknown && (row.a.is_some() || row.b.is_some()))
        .map(|row| label_in_sentence(row.label))
        .collect();
    if !unknown.is_empty() {
        sentences.push(format!("There is not enough data to compare {}.", join_and(&unknown)));
    }
    sentences.push(overlap_sentence(skills, transitions));
    sentences
}

fn overlap_sentence(skills: &SkillOverlap, transitions: &[Transition; 2]) -> String {
    let n = skills.shared.len();
    if n == 0 {
        return format!(
            "They share none of their {} skills, so moving between them means learning most of the other role from scratch.",
            skills.distinct
        );
    }
    let names: Vec<String> = skills.shared.iter().take(4).map(|s| lower_first(s.name)).collect();
    let more = if n > 4 { format!(" and {} more", n - 4) } else { String::new() };
    let (ab, ba) = (&transitions[0], &transitions[1]);
    let ease = if ab.difficulty == ba.difficulty {
        format!("moving between them is {} either way", ab.difficulty)
    } else {
        format!("moving to {} is {} and the other way is {}", ab.to_title, ab.difficulty, ba.difficulty)
    };
    format!(
        "They share {n} skill{} ({}{more}), {}% of the {} distinct skills of the two, so {ease}.",
        if n == 1 { "" } else { "s" },
        join_and(&names),
        skills.overlap_percent,
        skills.distinct,
    )
}

/// Moving from `from` to `to`: what to learn and how hard it is.
pub(crate) fn transition<'c>(
    from: &'c Career,
    to: &'c Career,
    to_learn: &[SkillItem<'c>],
    skills: &SkillOverlap<'c>,
) -> Transition<'c> {
    let overlap = skills.overlap_percent;
    let mut hardness = match overlap {
        50.. => 0,
        20..50 => 1,
        _ => 2,
    };
    let mut reasons = vec![format!("{} of the skills overlap", percent_words(overlap))];
    if let (Some(f), Some(t)) = (from.entry_barrier, to.entry_barrier)
        && t > f
    {
        hardness += 1;
        reasons.push(format!(
            "the entry barrier rises from {} to {}",
            f.to_string().to_lowercase(),
            t.to_string().to_lowercase()
        ));
    }
    if let (Some(f), Some(t)) = (from.onet.as_ref().and_then(|o| o.job_zone), to.onet.as_ref().and_then(|o| o.job_zone))
        && t > f
    {
        hardness += 1;
        reasons.push(format!("it needs more preparation (job zone {t} against {f})"));
    }
    if let Some(months) = to.learning_months {
        reasons.push(format!("{} typically takes {months} months to learn", to.title));
    }
    let difficulty = ["easy", "moderate", "hard"][hardness.min(2)];
    let learn: Vec<&str> = to_learn.iter().map(|s| s.name).collect();
    Transition {
        from: &from.slug,
        to: &to.slug,
        to_title: &to.title,
        learn,
        difficulty,
        reason: format!("{}.", capitalise(&join_and(&reasons))),
    }
}

fn percent_words(p: u32) -> String {
    if p == 0 { "none".to_owned() } else { format!("{p}%") }
}

/// "a", "a and b", "a, b and c".
fn join_and<S: AsRef<str>>(items: &[S]) -> String {
    match items {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} and {}", init.join(", "), last.as_ref())
        }
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// An attribute label inside a sentence: "Employment" → "employment", but
/// "AI replacement risk" stays.
fn label_in_sentence(label: &str) -> String {
    let first_word = label.split_whitespace().next().unwrap_or("");
    if first_word.chars().filter(|c| c.is_uppercase()).count() > 1 {
        return label.to_owned();
    }
    label.to_lowercase()
}

/// Lower-cases the first letter for use inside a sentence, unless the
/// phrase looks like a name or starts with an acronym ("LLM
/// orchestration", "AI replacement risk").
fn lower_first(s: &str) -> String {
    // Only sentence-case phrases ("Prompt engineering") are common nouns;
    // one word, or other capitals ("Adobe Acrobat"), may be a name.
    let mut words = s.split_whitespace();
    let first_word = words.next().unwrap_or("");
    let rest_lowercase = words.all(|w| !w.chars().any(char::is_uppercase));
    let acronym = first_word.chars().filter(|c| c.is_uppercase()).count() > 1;
    if acronym || !rest_lowercase || !s.contains(' ') {
        return s.to_owned();
    }
    let mut chars = s.chars();
    chars.next().map(|c| c.to_lowercase().chain(chars).collect()).unwrap_or_default()
}
