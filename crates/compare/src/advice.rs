//! Sentences built from verdicts: "Choose A if you…" and the conclusion
//! (the transitions are `transition.rs`'s). Nothing here calls a tie an
//! advantage: every claim comes from a row whose verdict names one side.
//!
//! Every pair of a site gets these sentences, so they are written straight
//! into one buffer per list (see [`Sentences`]) rather than through
//! `format!` and intermediate strings.

use careerdiff_model::Career;

use crate::prepare::PreparedCareer;
use crate::write::{Joiner, join_into, push_all, push_decimal, push_lower_first, push_number};
use crate::{GlanceRow, Profile, RatedItem, Sentences, SkillList, SkillOverlap, Transition, Verdict};

/// How winning a row reads after "Choose X if you…".
enum Wish {
    /// The words before the winner's value, between it and the other
    /// value, and after.
    Values(&'static str, &'static str, &'static str),
    /// A reason that needs no values.
    Plain(&'static str),
    /// Values whose words depend on the winner's sign: a field that
    /// shrinks more slowly is not "faster-growing".
    Signed { rising: [&'static str; 3], falling: [&'static str; 3] },
}

fn wish(key: &str) -> Option<Wish> {
    use Wish::{Plain, Signed, Values};
    Some(match key {
        "salary_floor" => Values("want a higher starting point: a salary floor of ", " against ", ""),
        "salary_ceiling" => Values("want a higher ceiling: up to ", " against ", ""),
        "pay_p10" => Values("want better pay at the low end: a 10th percentile of ", " against ", ""),
        "salary_median" => Values("want higher typical pay: a median of ", " against ", ""),
        "pay_p90" => Values("want more room at the top: a 90th percentile of ", " against ", ""),
        "employment" => Values("want a larger field to work in: ", " jobs now against ", ""),
        "projected_growth" => Signed {
            rising: ["want a faster-growing field: employment projected to change by ", " against ", " (2024–34)"],
            falling: ["want a field that shrinks less: employment projected to change by ", " against ", " (2024–34)"],
        },
        "annual_openings" => Values("want more openings: about ", " a year against ", ""),
        "demand_score" => Values("want the career with more future demand (", " against ", ")"),
        "ai_risk" => Values("want work our writers rate less likely to be replaced by AI: ", " against ", ""),
        "ai_exposure" => Values("want work less exposed to language models: AI exposure ", " against ", ""),
        "learning_months" => Values("want to be job-ready sooner: ", " of learning against ", ""),
        "difficulty" => Values("prefer a gentler learning curve (", " against ", ")"),
        "entry_barrier" => Values("are changing careers and need an easier way in (entry barrier ", " against ", ")"),
        "job_zone" => Values("want to start with less preparation: job ", " against ", ""),
        "remote_friendly" => Plain("want work that can usually be done from home"),
        _ => return None,
    })
}

/// Each at-a-glance attribute's [`Wish`], by attribute index.
static WISHES: std::sync::LazyLock<Vec<Option<Wish>>> =
    std::sync::LazyLock::new(|| crate::glance::keys().map(wish).collect());

/// The parts of the sentences about a row that come from its attribute
/// alone, made once: every pair writes a dozen of them, and a part made
/// here is one copy where it was four.
struct RowLeads {
    /// A win in the conclusion, up to the winner's value: "the higher
    /// median pay (".
    win: String,
    /// A tie, up to the value: "median pay (".
    tie: String,
}

/// Each at-a-glance attribute's [`RowLeads`], by attribute index.
static ROW_LEADS: std::sync::LazyLock<Vec<RowLeads>> = std::sync::LazyLock::new(|| {
    let leads = |(better, noun)| RowLeads { win: format!("the {better} {noun} ("), tie: format!("{noun} (") };
    crate::glance::words_and_nouns().map(leads).collect()
});

/// A won row's two values: the winner's first.
fn values<'r>(row: &GlanceRow<'r>, mine_is_a: bool) -> Option<(&'r str, &'r str)> {
    let (mine, theirs) = if mine_is_a { (row.a, row.b) } else { (row.b, row.a) };
    Some((mine?, theirs?))
}

/// "Choose `me` if you…" reasons; `me_verdict` is the verdict that means
/// `me` wins a row.
pub(crate) fn choose_if(
    (me, mine): (&Career, &PreparedCareer),
    (other, theirs): (&Career, &PreparedCareer),
    glance: &[GlanceRow],
    me_verdict: Verdict,
    only_mine: &SkillList,
    profile: &Profile,
) -> Sentences {
    // Room for the longest lists of the default content.
    let mut out = Sentences::with_capacity(1024, 16);
    for row in glance.iter().filter(|row| row.verdict == me_verdict) {
        let words = match (&WISHES[row.attribute], values(row, me_verdict == Verdict::A)) {
            (Some(Wish::Values(lead, between, end)), Some((mine, theirs))) => [*lead, mine, *between, theirs, *end],
            (Some(Wish::Signed { rising, falling }), Some((mine, theirs))) => {
                // Values are printed with a minus sign (U+2212) when below zero.
                let [lead, between, end] = *if mine.starts_with('−') { falling } else { rising };
                [lead, mine, between, theirs, end]
            }
            (Some(Wish::Plain(text)), Some(_)) => [*text, "", "", "", ""],
            _ => continue,
        };
        let text = out.text();
        push_all(text, &words);
        borrowed_figures(text, figure_group(me, row.key), figure_group(other, row.key));
        out.end();
    }
    match (me.requires_coding, other.requires_coding) {
        (Some(true), Some(false)) => out.push(&["enjoy writing and debugging code"]),
        (Some(false), Some(true)) => out.push(&["would rather not write code every day"]),
        _ => {}
    }
    if let (Some(my_category), Some(their_category)) = (&me.category, &other.category)
        && mine.category != theirs.category
    {
        out.push(&["are drawn to ", my_category, " more than ", their_category]);
    }
    // What the work asks more of, from O*NET's ratings: the items where
    // this career's level is well above the other's.
    let mine_is_a = me_verdict == Verdict::A;
    for item in profile.differ_most.iter().filter(|i| higher_for(i, mine_is_a)).take(2) {
        let (mine, theirs) = levels(item, mine_is_a);
        let text = out.text();
        push_all(text, &["want work that calls for more ", item.name, " (", item.kind.word(), ", level "]);
        push_decimal(text, mine);
        text.push_str(" of 7 against ");
        push_decimal(text, theirs);
        text.push(')');
        out.end();
    }
    // Whom the work suits: interests and work values clearly higher here.
    crate::suits::choose_reasons(&mut out, &mine.suit_facts, &theirs.suit_facts);
    // What the work is: its first task statement (O*NET lists the core
    // tasks first) that the other career does not list too, nearly or
    // word for word.
    if let Some(reason) = mine.task_facts.distinct_reason(&theirs.task_facts) {
        out.push(&[reason]);
    }
    // Tools of the trade the other career does not use, for careers whose
    // skills are their writers' phrases rather than O*NET's product lists
    // (a product name is no reason to choose a career).
    let focus = only_mine.specific_labels().take(2);
    if me.onet.is_none() && focus.clone().next().is_some() {
        let text = out.text();
        text.push_str("want to work with ");
        join_into(text, focus, |text, (label, common_noun)| push_lower_first(text, label, common_noun));
        out.end();
    }
    out
}

/// The wider occupation whose published figure a career's value of `key`
/// is, if it is not the career's own: its pay group or projections group.
/// The BLS source of each attribute is [`crate::glance::source_field`]'s:
/// OEWS wages name their group in `salary.group`, the projections (and
/// the entry requirements published with them) in `projections_group`;
/// employment is never a group's (the importer leaves it out).
fn figure_group<'c>(career: &'c Career, key: &str) -> Option<&'c str> {
    match crate::glance::source_field(key)? {
        "salary" => career.salary.as_ref()?.group.as_deref(),
        "projected_growth" | "annual_openings" | "entry_education" => career.projections_group.as_deref(),
        _ => None,
    }
}

/// Says whose figures a reason compares when either is a wider
/// occupation's: "…a median of $167,220/yr against $120,230/yr (BLS's
/// figures for Natural Sciences Managers and Data Scientists)". A reason to
/// choose a career must not pass off a group's pay as its own.
fn borrowed_figures(text: &mut String, mine: Option<&str>, theirs: Option<&str>) {
    if mine.is_none() && theirs.is_none() {
        return;
    }
    // Inside a closing parenthesis the reason has already: "(2024–34;
    // BLS's figures for …)", not two in a row.
    let open = if text.ends_with(')') {
        text.pop();
        "; "
    } else {
        " ("
    };
    match (mine, theirs) {
        (Some(mine), Some(theirs)) => push_all(text, &[open, "BLS's figures for ", mine, " and ", theirs, ")"]),
        (Some(mine), None) => push_all(text, &[open, "BLS's figure for ", mine, ")"]),
        (_, Some(theirs)) => push_all(text, &[open, "the other is BLS's figure for ", theirs, ")"]),
        (None, None) => {}
    }
}

/// Whether `item`'s level is well above for the side asked about.
fn higher_for(item: &RatedItem<'_>, side_is_a: bool) -> bool {
    let (mine, theirs) = levels(item, side_is_a);
    mine - theirs >= 0.5
}

/// The item's levels, the asked-about side's first.
fn levels(item: &RatedItem<'_>, side_is_a: bool) -> (f64, f64) {
    let (a, b) = (item.a.level.unwrap_or(0.0), item.b.level.unwrap_or(0.0));
    if side_is_a { (a, b) } else { (b, a) }
}

/// The pay percentiles a conclusion folds into the median, with how each
/// reads.
const PERCENTILES: [(&str, &str); 2] = [("pay_p10", "10th"), ("pay_p90", "90th")];

/// The conclusion: each side's advantages, the ties, the unknowns, and the
/// skill overlap with what it means for moving between the two.
pub(crate) fn conclusion(
    (a, pa): (&Career, &PreparedCareer),
    (b, pb): (&Career, &PreparedCareer),
    glance: &[GlanceRow],
    skills: &SkillOverlap,
    transitions: &[Transition; 2],
    profile: &Profile,
) -> Sentences {
    // Room for the longest conclusions of the default content.
    let mut out = Sentences::with_capacity(1536, 8);
    let leads = &*ROW_LEADS;
    for (career, verdict, mine_is_a) in [(a, Verdict::A, true), (b, Verdict::B, false)] {
        let wins =
            glance.iter().filter(|row| row.verdict == verdict).filter_map(|row| Some((row, values(row, mine_is_a)?)));
        if wins.clone().next().is_none() {
            continue;
        }
        let text = out.text();
        // "In favour of X:" reads right whether the title is singular
        // ("AI Middleware Engineer") or an O*NET plural ("Actuaries").
        push_all(text, &["In favour of ", &career.title, ": "]);
        // Pay at the 10th and 90th percentiles won beside the median is
        // said with it: "the higher pay (median … vs …, and at the 10th
        // and 90th percentiles too)", one point where it was three.
        let won = |key: &str| wins.clone().any(|(row, _)| row.key == key);
        let folded: Vec<&str> = if won("salary_median") {
            PERCENTILES.iter().filter(|(key, _)| won(key)).map(|&(_, word)| word).collect()
        } else {
            Vec::new()
        };
        let shown = wins.filter(|(row, _)| !PERCENTILES.iter().any(|(key, _)| *key == row.key) || folded.is_empty());
        join_into(text, shown, |text, (row, (mine, theirs))| {
            if row.key == "salary_median" && !folded.is_empty() {
                push_all(text, &["the higher pay (median ", mine, " vs ", theirs, ", and at the "]);
                join_into(text, folded.iter(), |text, word| text.push_str(word));
                text.push_str(if folded.len() == 1 { " percentile too)" } else { " percentiles too)" });
            } else {
                push_all(text, &[&leads[row.attribute].win, mine, " vs ", theirs, ")"]);
            }
        });
        text.push('.');
        out.end();
    }
    let ties =
        glance.iter().filter(|row| row.verdict == Verdict::Tie).filter_map(|row| Some((row.attribute, row.a?, row.b?)));
    if ties.clone().next().is_some() {
        let text = out.text();
        // Values within an attribute's margin are even without being equal.
        let exact = ties.clone().all(|(_, a, b)| a == b);
        text.push_str(if exact { "They are tied on " } else { "They are about even on " });
        join_into(text, ties, |text, (k, a, b)| {
            if let Some(answer) = crate::glance::yes_no_word(a).filter(|_| a == b) {
                // "scope for remote work (no for both)", not "(No)".
                push_all(text, &[&leads[k].tie, answer, " for both)"]);
            } else if a == b {
                push_all(text, &[&leads[k].tie, a, ")"]);
            } else {
                push_all(text, &[&leads[k].tie, a, " vs ", b, ")"]);
            }
        });
        text.push_str(", so neither has the edge there.");
        out.end();
    }
    let shared = glance.iter().filter(|row| row.same_source);
    let shared_end = " (they fall in one of its occupations), so those figures do not tell them apart.";
    nouns_sentence(&mut out, ("BLS publishes one figure for both on ", shared_end), shared);
    units_sentence(&mut out, glance);
    let unknown = glance.iter().filter(|row| {
        row.verdict == Verdict::Unknown && !row.same_source && !row.units_differ && (row.a.is_some() || row.b.is_some())
    });
    nouns_sentence(&mut out, ("There is not enough data to compare ", "."), unknown);
    profile_sentence(&mut out, a, profile);
    crate::suits::interests_sentence(&mut out, &pa.suit_facts, &pb.suit_facts);
    overlap_sentence(out.text(), skills, transitions);
    out.end();
    out
}

/// Pay published in different units is said to be so, with the figures,
/// rather than counted as missing: "There is not enough data" read as
/// false beside $29.05/hr and $37,360/yr (BLS publishes only hourly pay
/// for work that is seldom full-time and year-round: actors, dancers).
fn units_sentence(out: &mut Sentences, glance: &[GlanceRow]) {
    let differ = || glance.iter().filter(|row| row.units_differ);
    let Some(row) = differ().find(|row| row.key == "salary_median").or_else(|| differ().next()) else {
        return;
    };
    let (Some(a), Some(b)) = (row.a, row.b) else { return };
    let text = out.text();
    push_all(
        text,
        &["Their pay is published in different units (", row.noun, " ", a, " vs ", b, "), so it is not compared."],
    );
    out.end();
}

/// A sentence naming `rows` by their nouns between `lead` and `end`
/// ("There is not enough data to compare employment and …."), if any.
fn nouns_sentence<'r>(
    out: &mut Sentences,
    (lead, end): (&str, &str),
    rows: impl Iterator<Item = &'r GlanceRow<'r>> + Clone,
) {
    if rows.clone().next().is_none() {
        return;
    }
    let text = out.text();
    text.push_str(lead);
    join_into(text, rows, |text, row| text.push_str(row.noun));
    text.push_str(end);
    out.end();
}

/// Where the two careers' O*NET ratings differ most and what both need.
fn profile_sentence(out: &mut Sentences, a: &Career, profile: &Profile) {
    if !profile.differ_most.is_empty() {
        let text = out.text();
        push_all(text, &["By O*NET's ratings (levels of 7, ", &a.title, " first), they differ most in "]);
        join_into(text, profile.differ_most.iter(), |text, item| {
            push_all(text, &[item.name, " (", item.kind.word(), ", "]);
            push_decimal(text, item.a.level.unwrap_or(0.0));
            text.push_str(" vs ");
            push_decimal(text, item.b.level.unwrap_or(0.0));
            text.push(')');
        });
        text.push('.');
        out.end();
    }
    if !profile.both_need.is_empty() {
        let text = out.text();
        text.push_str("Both need ");
        join_into(text, profile.both_need.iter(), |text, item| {
            push_all(text, &[item.name, " (", item.kind.word(), ", about "]);
            push_decimal(text, item.a.level.unwrap_or(0.0));
            text.push(')');
        });
        text.push_str(": the common ground to build a move on.");
        out.end();
    }
}

fn overlap_sentence(text: &mut String, skills: &SkillOverlap, transitions: &[Transition; 2]) {
    let n = skills.shared.len();
    if n == 0 {
        text.push_str("They share none of their ");
        push_number(text, skills.distinct);
        push_all(
            text,
            &[
                " ",
                skills.listed.plural(),
                ", so moving between them means learning most of the other role from scratch.",
            ],
        );
        return;
    }
    text.push_str("They share ");
    push_number(text, n);
    let noun = if n == 1 { skills.listed.singular() } else { skills.listed.plural() };
    push_all(text, &[" ", noun, " ("]);
    // At most four by name; "A, B, C, D and 14 more": the count is the
    // list's last item.
    let (named, rest) = (n.min(4), n.saturating_sub(4));
    let mut joiner = Joiner::new(named + usize::from(rest > 0));
    for s in &skills.shared[..named] {
        joiner.next(text);
        push_lower_first(text, s.name, s.common_noun);
    }
    if rest > 0 {
        joiner.next(text);
        push_number(text, rest);
        text.push_str(" more");
    }
    text.push_str("), ");
    push_number(text, skills.overlap_percent as usize);
    text.push_str("% of the ");
    push_number(text, skills.distinct);
    // The moves' difficulty is their own (ratings, preparation, degrees),
    // not the overlap's alone: said beside it, not as following from it.
    push_all(text, &[" distinct ", skills.listed.plural(), " of the two. "]);
    let (ab, ba) = (&transitions[0], &transitions[1]);
    if ab.difficulty == ba.difficulty {
        push_all(text, &["All told, moving between them is ", ab.difficulty, " either way."]);
    } else {
        push_all(
            text,
            &["All told, moving to ", ab.to_title, " is ", ab.difficulty, " and the other way is ", ba.difficulty, "."],
        );
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
