//! Moving from one career to the other: what to learn, how hard it is, and
//! one sentence saying why that names every figure it uses.
//!
//! What a move reads from each career (entry barrier, job zone, BLS entry
//! education, the writers' learning time) is made once per career
//! ([`MoveFacts`]); a pair's reason is written straight into one string.

use careerdiff_model::{Career, EntryBarrier};

use crate::profile::Gaps;
use crate::write::{Joiner, capitalise_first, join_into, push_all, push_decimal, push_number};
use crate::{SkillList, SkillOverlap, Transition};

/// Gap totals (importance × level gap summed, in fifths) from which a move
/// is moderate and hard: about one and three important items two levels up.
const GAP_MODERATE: f64 = 2.5;
const GAP_HARD: f64 = 6.0;

/// A BLS entry education category: its rank (see [`education_rank`]) and
/// how it reads inside a sentence ("a bachelor's degree").
type Education = (usize, String);

/// What a move's difficulty and reason read from one career.
#[derive(Debug)]
pub(crate) struct MoveFacts {
    barrier: Option<EntryBarrier>,
    job_zone: Option<u8>,
    /// Its BLS entry education, when it is one of BLS's categories.
    education: Option<Education>,
    /// The writers' own learning time, in months (not a derived one).
    learning_months: Option<u32>,
}

impl MoveFacts {
    pub(crate) fn of(career: &Career) -> Self {
        MoveFacts {
            barrier: career.entry_barrier,
            job_zone: career.onet.as_ref().and_then(|o| o.job_zone),
            education: career.entry_education.as_deref().and_then(|e| Some((education_rank(e)?, with_article(e)))),
            learning_months: career.own_learning_months(),
        }
    }
}

/// Moving from `from` to `to` (each with its [`MoveFacts`]): what to learn
/// and how hard it is. With O*NET ratings on both sides, the difficulty
/// starts from the skill and knowledge gaps (`gaps`: the items `to` needs
/// at a higher level, and the sum of importance × gap over all of them, in
/// fifths); without, from the overlap of the skill lists. A higher entry
/// barrier, job zone or entry education each make it harder, and the
/// reason names every figure used.
pub(crate) fn transition<'c>(
    (from, from_facts): (&'c Career, &MoveFacts),
    (to, to_facts): (&'c Career, &MoveFacts),
    to_learn: &SkillList<'c>,
    skills: &SkillOverlap<'c>,
    gaps: Gaps<'c>,
) -> Transition<'c> {
    let overlap = skills.overlap_percent;
    let rated = gaps.rated;
    let base = if rated {
        match gaps.total {
            t if t < GAP_MODERATE => 0,
            t if t < GAP_HARD => 1,
            _ => 2,
        }
    } else {
        match overlap {
            50.. => 0,
            20..50 => 1,
            _ => 2,
        }
    };
    let barrier = rise(from_facts.barrier, to_facts.barrier);
    let zone = rise(from_facts.job_zone, to_facts.job_zone);
    let education = from_facts.education.as_ref().zip(to_facts.education.as_ref()).filter(|(f, t)| t.0 > f.0);
    let months = to_facts.learning_months;
    let rises = usize::from(barrier.is_some()) + usize::from(zone.is_some()) + usize::from(education.is_some());
    // Without ratings the overlap of two technology lists is all that
    // measures the skills, and lists say little of the work; a move
    // that asks for less preparation and no more of anything is one step
    // easier, and the reason says why.
    let zone_fall = rise(to_facts.job_zone, from_facts.job_zone);
    let education_fall = to_facts.education.as_ref().zip(from_facts.education.as_ref()).filter(|(t, f)| t.0 < f.0);
    let relief = !rated && base > 0 && rises == 0 && (zone_fall.is_some() || education_fall.is_some());
    let hardness = base + rises - usize::from(relief);

    // Room for the longest reasons of the default content.
    let mut reason = String::with_capacity(512);
    let mut clauses = Joiner::new(
        1 + [barrier.is_some(), zone.is_some(), education.is_some(), months.is_some()]
            .into_iter()
            .filter(|&clause| clause)
            .count(),
    );
    clauses.next(&mut reason);
    if rated {
        gap_reason(&mut reason, &gaps);
    } else if overlap == 0 && skills.shared.is_empty() {
        push_all(&mut reason, &["none of the listed ", skills.listed.plural(), " overlap"]);
    } else {
        // The count with the share: 9 shared of 430 reads as what it is,
        // where "2% overlap" alone reads as nothing in common.
        reason.push_str("they share ");
        push_number(&mut reason, skills.shared.len());
        reason.push_str(" of the ");
        push_number(&mut reason, skills.distinct);
        push_all(&mut reason, &[" distinct listed ", skills.listed.plural(), " ("]);
        push_number(&mut reason, overlap as usize);
        reason.push_str("%)");
    }
    if relief {
        less_preparation(&mut reason, zone_fall, education_fall);
    }
    if let Some((f, t)) = barrier {
        clauses.next(&mut reason);
        push_all(&mut reason, &["the entry barrier rises from ", barrier_word(f), " to ", barrier_word(t)]);
    }
    if let Some((f, t)) = zone {
        clauses.next(&mut reason);
        zone_clause(&mut reason, "more", (t, f));
    }
    if let Some(((_, f), (_, t))) = education {
        clauses.next(&mut reason);
        education_clause(&mut reason, (t, f));
    }
    if let Some(months) = months {
        clauses.next(&mut reason);
        reason.push_str("our writers put the learning time at about ");
        push_number(&mut reason, months as usize);
        reason.push_str(" months");
    }
    capitalise_first(&mut reason);
    reason.push('.');
    Transition {
        from: &from.slug,
        to: &to.slug,
        to_title: &to.title,
        learn: to_learn.worth_learning_first(crate::LEARN_FIRST),
        gaps: gaps.top,
        needs: gaps.needs,
        difficulty: ["easy", "moderate", "hard"][hardness.min(2)],
        reason,
    }
}

/// "The move asks for a clearly higher level in 4 skill and knowledge
/// areas the work rates important (O*NET ratings), most of all Medicine
/// and Dentistry (5.4 against 4.2 of 7)", or that it asks for none.
fn gap_reason(text: &mut String, gaps: &Gaps<'_>) {
    if gaps.count == 0 {
        text.push_str(
            "the move asks for no clearly higher level in any skill or knowledge area the work rates important (O*NET ratings)",
        );
        return;
    }
    text.push_str("the move asks for a clearly higher level in ");
    push_number(text, gaps.count);
    text.push_str(if gaps.count == 1 { " skill or knowledge area" } else { " skill and knowledge areas" });
    text.push_str(" the work rates important (O*NET ratings), most of all ");
    join_into(text, gaps.top.iter().take(2), |text, gap| {
        push_all(text, &[gap.name, " ("]);
        push_decimal(text, gap.to_level);
        text.push_str(" against ");
        push_decimal(text, gap.from_level);
        text.push_str(" of 7)");
    });
}

/// ", but it needs less preparation (job zone 4 against 5) and entry
/// usually needs a bachelor's degree against a master's degree": what
/// makes a move without ratings easier, each part when known (`zone` and
/// `education` as target against origin).
fn less_preparation(text: &mut String, zone: Option<(u8, u8)>, education: Option<(&Education, &Education)>) {
    text.push_str(", but ");
    let mut parts = Joiner::new(usize::from(zone.is_some()) + usize::from(education.is_some()));
    if let Some((to, from)) = zone {
        parts.next(text);
        zone_clause(text, "less", (to, from));
    }
    if let Some(((_, to), (_, from))) = education {
        parts.next(text);
        education_clause(text, (to, from));
    }
}

/// "it needs more preparation (job zone 5 against 4)", `more` or less.
fn zone_clause(text: &mut String, more: &str, (to, from): (u8, u8)) {
    push_all(text, &["it needs ", more, " preparation (job zone "]);
    push_number(text, usize::from(to));
    text.push_str(" against ");
    push_number(text, usize::from(from));
    text.push(')');
}

/// "entry usually needs a master's degree against a bachelor's degree".
fn education_clause(text: &mut String, (to, from): (&str, &str)) {
    push_all(text, &["entry usually needs ", to, " against ", from]);
}

/// BLS's typical entry education categories, lowest first.
pub(crate) fn education_rank(education: &str) -> Option<usize> {
    const LEVELS: &[&str] = &[
        "no formal educational credential",
        "high school diploma or equivalent",
        "postsecondary nondegree award",
        "some college, no degree",
        "associate's degree",
        "bachelor's degree",
        "master's degree",
        "doctoral or professional degree",
    ];
    LEVELS.iter().position(|level| education.eq_ignore_ascii_case(level))
}

/// A BLS education category inside a sentence: "a bachelor's degree",
/// "an associate's degree", "no formal educational credential".
fn with_article(education: &str) -> String {
    let lower = education.to_lowercase();
    if lower.starts_with("no ") || lower.starts_with("some ") {
        lower
    } else if lower.starts_with(['a', 'e', 'i', 'o', 'u']) {
        format!("an {lower}")
    } else {
        format!("a {lower}")
    }
}

/// Both values, when the second is higher.
fn rise<T: PartialOrd>(from: Option<T>, to: Option<T>) -> Option<(T, T)> {
    from.zip(to).filter(|(f, t)| t > f)
}

fn barrier_word(barrier: EntryBarrier) -> &'static str {
    match barrier {
        EntryBarrier::Low => "low",
        EntryBarrier::Medium => "medium",
        EntryBarrier::High => "high",
    }
}
