//! Whom each career suits, from O*NET's profiles (interests and work
//! values, each scored 1–7): "Choose X if you want to help, teach or care
//! for people (Social interest 6.2 of 7 against 4.1)" where the scores
//! clearly differ, and a sentence of the conclusion naming each career's
//! strongest interests. A career without a profile gets no such reason.

use careerdiff_model::{Career, Score};

use crate::Sentences;
use crate::write::{join_into, push_all, push_decimal};

/// Scores (of 1–7) at least this far apart read as a clear difference.
const CLEAR: f64 = 1.0;

/// A reason needs the higher score to be at least the scale's middle: an
/// Artistic interest of 2.0 against 1.0 is a clear difference, but no
/// reason to choose the work for self-expression.
const PRESENT: f64 = 4.0;

/// What a higher score means after "Choose X if you…", in O*NET's order
/// of the six interests (Realistic, Investigative, Artistic, Social,
/// Enterprising, Conventional).
const INTEREST_WISHES: [&str; 6] = [
    "like practical, hands-on work with tools, machines or materials",
    "like working with ideas: searching for facts and figuring out problems",
    "want room for self-expression in designs, forms and patterns",
    "want to help, teach or care for people",
    "want to lead people, make decisions and start projects",
    "like set procedures and careful work with data and details",
];

/// The same for the six work values (Achievement, Working Conditions,
/// Recognition, Relationships, Support, Independence).
const VALUE_WISHES: [&str; 6] = [
    "want work that shows results and uses your strongest abilities",
    "value job security and steady working conditions",
    "value advancement, leadership and prestige",
    "value serving others alongside friendly co-workers",
    "value managers who stand behind their staff",
    "value working on your own and making your own decisions",
];

/// What the reasons and the conclusion's sentence read from one career's
/// profiles, made once per career: a pair then picks the scores that
/// clearly differ and writes a few texts made here, where it used to
/// format every score of both careers.
#[derive(Debug, Default)]
pub(crate) struct SuitFacts {
    /// Its interests, if O*NET scores them.
    interests: Option<Scored>,
    /// Its work values, if O*NET scores them.
    work_values: Option<Scored>,
    /// With interests: the places of its two strongest (see
    /// [`strongest`]), and the sentence's parts about them (see
    /// [`Strongest`]).
    strongest: Option<Strongest>,
}

/// One profile's six scores (interests or work values) and their texts.
#[derive(Debug)]
struct Scored {
    values: [f64; 6],
    /// Each score as a reason up to the other career's score: "want to
    /// help, teach or care for people (Social interest 6.2 of 7 against ".
    reasons: [Box<str>; 6],
    /// Each score as written, closing a reason: "6.2)".
    closing: [Box<str>; 6],
}

impl Scored {
    fn of(scores: &[Score; 6], wishes: &[&str; 6], what: &str) -> Self {
        let reason = |i: usize| {
            let mut text = String::new();
            push_all(&mut text, &[wishes[i], " (", scores[i].name, what]);
            push_decimal(&mut text, scores[i].value);
            text.push_str(" of 7 against ");
            text.into_boxed_str()
        };
        let closing = |i: usize| {
            let mut text = String::new();
            push_decimal(&mut text, scores[i].value);
            text.push(')');
            text.into_boxed_str()
        };
        Scored {
            values: scores.map(|s| s.value),
            reasons: std::array::from_fn(reason),
            closing: std::array::from_fn(closing),
        }
    }
}

/// A career's two strongest interests, as the conclusion names them.
#[derive(Debug)]
struct Strongest {
    /// Their places in O*NET's order, the lower first: two careers whose
    /// pairs are equal share their strongest interests.
    places: [usize; 2],
    /// "Registered Nurses suit people with Social (5.6) and Investigative
    /// (4.8) interests".
    suits: Box<str>,
    /// The whole sentence for a pair that shares them, naming them in this
    /// career's order.
    shared: Box<str>,
}

impl SuitFacts {
    pub(crate) fn of(career: &Career) -> Self {
        let strongest = career.interests.map(|interests| {
            let scores = interests.scores();
            let top = strongest(&scores).map(|i| &scores[i]);
            let mut suits = String::new();
            push_all(&mut suits, &[&career.title, " suit people with "]);
            join_into(&mut suits, top.iter(), |text, score| {
                push_all(text, &[score.name, " ("]);
                push_decimal(text, score.value);
                text.push(')');
            });
            suits.push_str(" interests");
            let mut shared = String::new();
            push_all(&mut shared, &["By O*NET's interest profiles, both suit people with ", top[0].name, " and "]);
            push_all(&mut shared, &[top[1].name, " interests most, so the work may appeal to the same people."]);
            let mut places = strongest(&scores);
            places.sort_unstable();
            Strongest { places, suits: suits.into(), shared: shared.into() }
        });
        SuitFacts {
            interests: career.interests.map(|i| Scored::of(&i.scores(), &INTEREST_WISHES, " interest ")),
            work_values: career.work_values.map(|v| Scored::of(&v.scores(), &VALUE_WISHES, " work value ")),
            strongest,
        }
    }
}

/// Adds to `out` the reasons to choose `me` over `other` from their
/// profiles: up to two interests and one work value scored clearly higher
/// for `me`, the largest difference first.
pub(crate) fn choose_reasons(out: &mut Sentences, me: &SuitFacts, other: &SuitFacts) {
    if let (Some(mine), Some(theirs)) = (&me.interests, &other.interests) {
        push_clear(out, mine, theirs, 2);
    }
    if let (Some(mine), Some(theirs)) = (&me.work_values, &other.work_values) {
        push_clear(out, mine, theirs, 1);
    }
}

/// The first `up_to` scores clearly higher in `mine` than in `theirs`, and
/// at least [`PRESENT`], as reasons: "…wish… (Name interest 6.2 of 7
/// against 4.1)".
fn push_clear(out: &mut Sentences, mine: &Scored, theirs: &Scored, up_to: usize) {
    // At most six differences: sorted in place, on the stack.
    let mut clear = [(0, 0.0); 6];
    let mut n = 0;
    for i in 0..6 {
        let difference = mine.values[i] - theirs.values[i];
        if difference >= CLEAR && mine.values[i] >= PRESENT {
            clear[n] = (i, difference);
            n += 1;
        }
    }
    let clear = &mut clear[..n];
    // Largest difference first; equal ones in O*NET's order.
    clear.sort_by(|x, y| y.1.total_cmp(&x.1).then(x.0.cmp(&y.0)));
    for &(i, _) in clear.iter().take(up_to) {
        out.push(&[&mine.reasons[i], &theirs.closing[i]]);
    }
}

/// The conclusion's sentence on interests: each career's two strongest,
/// or the two both share. Nothing when either has no profile.
pub(crate) fn interests_sentence(out: &mut Sentences, a: &SuitFacts, b: &SuitFacts) {
    let (Some(top_a), Some(top_b)) = (&a.strongest, &b.strongest) else { return };
    if top_a.places == top_b.places {
        out.push(&[&top_a.shared]);
    } else {
        out.push(&["By O*NET's interest profiles (of 7), ", &top_a.suits, " and ", &top_b.suits, " most."]);
    }
}

/// The places of the two highest scores, the higher first (equal ones in
/// O*NET's order).
fn strongest(scores: &[Score; 6]) -> [usize; 2] {
    let mut places = [0, 1, 2, 3, 4, 5];
    places.sort_by(|&x, &y| scores[y].value.total_cmp(&scores[x].value));
    [places[0], places[1]]
}

#[cfg(test)]
mod tests {
    use careerdiff_model::{Career, Interests, WorkValues};

    use super::*;

    fn career(title: &str, interests: [f64; 6], values: Option<[f64; 6]>) -> Career {
        Career {
            title: title.into(),
            interests: Some(Interests::from_values(interests)),
            work_values: values.map(WorkValues::from_values),
            ..Career::default()
        }
    }

    fn reasons(me: &Career, other: &Career) -> Vec<String> {
        let mut out = Sentences::with_capacity(256, 4);
        choose_reasons(&mut out, &SuitFacts::of(me), &SuitFacts::of(other));
        out.iter().map(str::to_owned).collect()
    }

    #[test]
    fn only_clear_differences_are_reasons_largest_first() {
        // Social +2.0, Realistic +1.2, Investigative +0.9 (not clear).
        let nurse = career("Nurses", [4.2, 5.7, 1.0, 6.0, 2.0, 3.0], Some([5.0, 5.0, 4.0, 6.5, 5.0, 4.0]));
        let other = career("Other", [3.0, 4.8, 1.0, 4.0, 2.5, 3.0], Some([5.0, 5.0, 4.0, 5.0, 5.0, 5.5]));
        let mine = reasons(&nurse, &other);
        assert_eq!(mine.len(), 3, "{mine:?}");
        assert!(mine[0].starts_with("want to help, teach or care for people (Social interest 6.0 of 7 against 4.0)"));
        assert!(mine[1].contains("(Realistic interest 4.2 of 7 against 3.0)"), "{mine:?}");
        assert!(mine[2].contains("(Relationships work value 6.5 of 7 against 5.0)"), "{mine:?}");
        // The other way: only the work value it scores clearly higher.
        let theirs = reasons(&other, &nurse);
        assert_eq!(theirs.len(), 1, "{theirs:?}");
        assert!(theirs[0].starts_with("value working on your own"), "{theirs:?}");
    }

    #[test]
    fn equal_profiles_give_no_reason_and_a_shared_sentence() {
        let a = career("A", [2.0, 6.6, 1.8, 1.7, 1.8, 5.9], None);
        let b = career("B", [2.2, 7.0, 2.6, 1.7, 1.7, 5.4], Some([6.0; 6]));
        assert!(reasons(&a, &b).is_empty());
        assert!(reasons(&b, &a).is_empty(), "no work values on one side: no work-value reason");
        let mut out = Sentences::with_capacity(256, 2);
        interests_sentence(&mut out, &SuitFacts::of(&a), &SuitFacts::of(&b));
        let sentence = out.iter().next().unwrap();
        assert!(sentence.contains("both suit people with Investigative and Conventional interests"), "{sentence}");
    }

    #[test]
    fn different_strongest_interests_are_named_per_career() {
        let a = career("Registered Nurses", [3.7, 4.8, 1.3, 5.6, 2.3, 4.6], None);
        let b = career("Electricians", [6.5, 3.5, 1.2, 1.8, 2.0, 3.9], None);
        let mut out = Sentences::with_capacity(256, 2);
        interests_sentence(&mut out, &SuitFacts::of(&a), &SuitFacts::of(&b));
        let sentence = out.iter().next().unwrap();
        assert!(sentence.contains("Registered Nurses suit people with Social (5.6) and Investigative (4.8) interests"));
        assert!(sentence.contains("Electricians suit people with Realistic (6.5) and Conventional (3.9) interests"));
        let without = Career { interests: None, ..b };
        let mut none = Sentences::with_capacity(64, 1);
        interests_sentence(&mut none, &SuitFacts::of(&a), &SuitFacts::of(&without));
        assert!(none.is_empty());
    }
}
