//! Sentences built from verdicts: "Choose A if you…", the conclusion and
//! the transition between the two. Nothing here calls a tie an advantage:
//! every claim comes from a row whose verdict names one side.
//!
//! Every pair of a site gets these sentences, so they are written straight
//! into one buffer per list (see [`Sentences`]) rather than through
//! `format!` and intermediate strings.

use careerdiff_model::{Career, EntryBarrier};

use crate::{GlanceRow, Sentences, SkillList, SkillOverlap, Transition, Verdict};

/// How winning a row reads after "Choose X if you…".
enum Wish {
    /// The words before the winner's value, between it and the other
    /// value, and after.
    Values(&'static str, &'static str, &'static str),
    /// A reason that needs no values.
    Plain(&'static str),
}

fn wish(key: &str) -> Option<Wish> {
    use Wish::{Plain, Values};
    Some(match key {
        "salary_floor" => Values("want a higher starting point: an advertised floor of ", " against ", ""),
        "salary_ceiling" => Values("want a higher ceiling: advertised up to ", " against ", ""),
        "pay_p10" => Values("want better pay at the low end: a 10th percentile of ", " against ", ""),
        "salary_median" => Values("want higher typical pay: a median of ", " against ", ""),
        "pay_p90" => Values("want more room at the top: a 90th percentile of ", " against ", ""),
        "employment" => Values("want a larger field to work in: ", " jobs now against ", ""),
        "projected_growth" => {
            Values("want a growing field: employment projected to change by ", " against ", " (2024–34)")
        }
        "annual_openings" => Values("want more openings: about ", " a year against ", ""),
        "demand_score" => Values("want the career with more future demand (", " against ", ")"),
        "ai_risk" => Values("want work our writers rate less likely to be replaced by AI: ", " against ", ""),
        "ai_exposure" => Values("want work where language models reach fewer tasks: ", " against ", ""),
        "learning_months" => Values("want to be job-ready sooner: ", " of learning against ", ""),
        "difficulty" => Values("prefer a gentler learning curve (", " against ", ")"),
        "entry_barrier" => Values("are changing careers and need an easier way in (entry barrier ", " against ", ")"),
        "job_zone" => Values("want to start with less preparation: job ", " against ", ""),
        "remote_friendly" => Plain("want work that can usually be done from home"),
        _ => return None,
    })
}

/// A won row's two values: the winner's first.
fn values<'r>(row: &GlanceRow<'r>, mine_is_a: bool) -> Option<(&'r str, &'r str)> {
    let (mine, theirs) = if mine_is_a { (row.a, row.b) } else { (row.b, row.a) };
    Some((mine?, theirs?))
}

/// "Choose `me` if you…" reasons; `me_verdict` is the verdict that means
/// `me` wins a row.
pub(crate) fn choose_if(
    me: &Career,
    other: &Career,
    glance: &[GlanceRow],
    me_verdict: Verdict,
    only_mine: &SkillList,
) -> Sentences {
    let mut out = Sentences::with_capacity(320);
    for row in glance.iter().filter(|row| row.verdict == me_verdict) {
        match (wish(row.key), values(row, me_verdict == Verdict::A)) {
            (Some(Wish::Values(lead, between, end)), Some((mine, theirs))) => {
                out.push(&[lead, mine, between, theirs, end]);
            }
            (Some(Wish::Plain(text)), Some(_)) => out.push(&[text]),
            _ => {}
        }
    }
    match (me.requires_coding, other.requires_coding) {
        (Some(true), Some(false)) => out.push(&["enjoy writing and debugging code"]),
        (Some(false), Some(true)) => out.push(&["would rather not write code every day"]),
        _ => {}
    }
    if let (Some(mine), Some(theirs)) = (&me.category, &other.category)
        && mine != theirs
    {
        out.push(&["are drawn to ", mine, " more than ", theirs]);
    }
    if !only_mine.is_empty() {
        let text = out.text();
        text.push_str("want to work on ");
        let focus = only_mine.labels().take(2);
        join_into(text, focus, |text, (label, common_noun)| push_lower_first(text, label, common_noun));
        out.end();
    }
    out
}

/// The conclusion: each side's advantages, the ties, the unknowns, and the
/// skill overlap with what it means for moving between the two.
pub(crate) fn conclusion(
    a: &Career,
    b: &Career,
    glance: &[GlanceRow],
    skills: &SkillOverlap,
    transitions: &[Transition; 2],
) -> Sentences {
    let mut out = Sentences::with_capacity(640);
    for (career, verdict, mine_is_a) in [(a, Verdict::A, true), (b, Verdict::B, false)] {
        let wins =
            glance.iter().filter(|row| row.verdict == verdict).filter_map(|row| Some((row, values(row, mine_is_a)?)));
        if wins.clone().next().is_none() {
            continue;
        }
        let text = out.text();
        // "In favour of X:" reads right whether the title is singular
        // ("AI Middleware Engineer") or an O*NET plural ("Actuaries").
        push_all(text, &["In favour of ", &career.title, ": the "]);
        let mut first = true;
        join_into(text, wins, |text, (row, (mine, theirs))| {
            if !std::mem::take(&mut first) {
                text.push_str("the ");
            }
            push_all(text, &[row.better, " ", row.noun, " (", mine, " vs ", theirs, ")"]);
        });
        text.push('.');
        out.end();
    }
    let ties = glance.iter().filter(|row| row.verdict == Verdict::Tie).filter_map(|row| Some((row.noun, row.a?)));
    if ties.clone().next().is_some() {
        let text = out.text();
        text.push_str("They are tied on ");
        join_into(text, ties, |text, (noun, value)| push_all(text, &[noun, " (", value, ")"]));
        text.push_str(", so neither has the edge there.");
        out.end();
    }
    let unknown = glance.iter().filter(|row| row.verdict == Verdict::Unknown && (row.a.is_some() || row.b.is_some()));
    if unknown.clone().next().is_some() {
        let text = out.text();
        text.push_str("There is not enough data to compare ");
        join_into(text, unknown, |text, row| text.push_str(row.noun));
        text.push('.');
        out.end();
    }
    overlap_sentence(out.text(), skills, transitions);
    out.end();
    out
}

fn overlap_sentence(text: &mut String, skills: &SkillOverlap, transitions: &[Transition; 2]) {
    let n = skills.shared.len();
    if n == 0 {
        text.push_str("They share none of their ");
        push_number(text, skills.distinct);
        text.push_str(" skills, so moving between them means learning most of the other role from scratch.");
        return;
    }
    text.push_str("They share ");
    push_number(text, n);
    text.push_str(if n == 1 { " skill (" } else { " skills (" });
    join_into(text, skills.shared.iter().take(4), |text, s| push_lower_first(text, s.name, s.common_noun));
    if n > 4 {
        text.push_str(" and ");
        push_number(text, n - 4);
        text.push_str(" more");
    }
    text.push_str("), ");
    push_number(text, skills.overlap_percent as usize);
    text.push_str("% of the ");
    push_number(text, skills.distinct);
    text.push_str(" distinct skills of the two, so ");
    let (ab, ba) = (&transitions[0], &transitions[1]);
    if ab.difficulty == ba.difficulty {
        push_all(text, &["moving between them is ", ab.difficulty, " either way."]);
    } else {
        push_all(
            text,
            &["moving to ", ab.to_title, " is ", ab.difficulty, " and the other way is ", ba.difficulty, "."],
        );
    }
}

/// Moving from `from` to `to`: what to learn and how hard it is.
pub(crate) fn transition<'c>(
    from: &'c Career,
    to: &'c Career,
    to_learn: &SkillList<'c>,
    skills: &SkillOverlap<'c>,
) -> Transition<'c> {
    let overlap = skills.overlap_percent;
    let base = match overlap {
        50.. => 0,
        20..50 => 1,
        _ => 2,
    };
    let barrier = match (from.entry_barrier, to.entry_barrier) {
        (Some(f), Some(t)) if t > f => Some((f, t)),
        _ => None,
    };
    let zone = match (from.onet.as_ref().and_then(|o| o.job_zone), to.onet.as_ref().and_then(|o| o.job_zone)) {
        (Some(f), Some(t)) if t > f => Some((f, t)),
        _ => None,
    };
    let hardness = base + usize::from(barrier.is_some()) + usize::from(zone.is_some());
    // The reasons, joined as "A, B and C.", the first capitalised.
    let n_reasons =
        1 + [barrier.is_some(), zone.is_some(), to.own_learning_months().is_some()].iter().filter(|x| **x).count();
    let mut reason = String::with_capacity(160);
    if overlap == 0 {
        reason.push_str("None");
    } else {
        push_number(&mut reason, overlap as usize);
        reason.push('%');
    }
    reason.push_str(" of the skills overlap");
    let mut written = 1;
    let mut next = |reason: &mut String| {
        written += 1;
        reason.push_str(if written == n_reasons { " and " } else { ", " });
    };
    if let Some((f, t)) = barrier {
        next(&mut reason);
        push_all(&mut reason, &["the entry barrier rises from ", barrier_word(f), " to ", barrier_word(t)]);
    }
    if let Some((f, t)) = zone {
        next(&mut reason);
        reason.push_str("it needs more preparation (job zone ");
        push_number(&mut reason, t.into());
        reason.push_str(" against ");
        push_number(&mut reason, f.into());
        reason.push(')');
    }
    if let Some(months) = to.own_learning_months() {
        next(&mut reason);
        push_all(&mut reason, &["learning ", &to.title, " takes about "]);
        push_number(&mut reason, months as usize);
        reason.push_str(" months");
    }
    reason.push('.');
    Transition {
        from: &from.slug,
        to: &to.slug,
        to_title: &to.title,
        learn: to_learn.clone(),
        difficulty: ["easy", "moderate", "hard"][hardness.min(2)],
        reason,
    }
}

fn barrier_word(barrier: EntryBarrier) -> &'static str {
    match barrier {
        EntryBarrier::Low => "low",
        EntryBarrier::Medium => "medium",
        EntryBarrier::High => "high",
    }
}

fn push_all(text: &mut String, parts: &[&str]) {
    parts.iter().for_each(|p| text.push_str(p));
}

/// Writes `items` as "a", "a and b" or "a, b and c", each through `put`.
fn join_into<T>(text: &mut String, items: impl Iterator<Item = T> + Clone, mut put: impl FnMut(&mut String, T)) {
    let n = items.clone().count();
    for (k, item) in items.enumerate() {
        if k > 0 {
            text.push_str(if k + 1 == n { " and " } else { ", " });
        }
        put(text, item);
    }
}

/// Writes `n` in decimal.
fn push_number(text: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[start..].iter().for_each(|&d| text.push(char::from(d)));
}

/// Writes `s`, lower-casing its first letter if it is a common noun.
fn push_lower_first(text: &mut String, s: &str, common_noun: bool) {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if common_noun => {
            text.extend(first.to_lowercase());
            text.push_str(chars.as_str());
        }
        _ => text.push_str(s),
    }
}

/// Whether a skill name reads as a common noun, to be lower-cased inside
/// a sentence: only sentence-case phrases of several words ("Prompt
/// engineering"). One word, an acronym ("LLM orchestration") or other
/// capitals ("Adobe Acrobat") may be a name.
pub(crate) fn is_common_noun(s: &str) -> bool {
    let (first_word, rest) = s.split_once(' ').unwrap_or((s, ""));
    let uppercase = |s: &str| s.chars().filter(|c| c.is_uppercase()).count();
    !rest.is_empty() && uppercase(first_word) <= 1 && uppercase(rest) == 0
}
