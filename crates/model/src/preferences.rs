//! Whom the work suits, as O*NET profiles occupations: six occupational
//! interests (Holland's RIASEC types) and six work values, each scored from
//! 1 to 7. Imported careers carry O*NET's profile; writers may give one.
//!
//! ```toml
//! [interests]
//! realistic = 2.07
//! investigative = 6.63
//! artistic = 1.76
//! social = 1.69
//! enterprising = 1.82
//! conventional = 5.93
//!
//! [work_values]
//! achievement = 6.33
//! working_conditions = 5.5
//! recognition = 4.0
//! relationships = 4.67
//! support = 4.33
//! independence = 5.67
//! ```

use serde::{Deserialize, Serialize};

/// The lowest and highest score of both scales.
pub const SCORE_RANGE: (f64, f64) = (1.0, 7.0);

/// One scored dimension: its key in the career file, its O*NET name and
/// its score.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Score {
    /// The key in the career file, e.g. `working_conditions`.
    pub key: &'static str,
    /// O*NET's name, e.g. "Working Conditions".
    pub name: &'static str,
    /// What a high score means, e.g. "job security and good working
    /// conditions".
    pub meaning: &'static str,
    /// 1 to 7.
    pub value: f64,
}

/// A table of six scores with fixed keys: the struct, its keys and O*NET's
/// names, and the scores in O*NET's order.
macro_rules! scores {
    ($(#[$doc:meta])* $name:ident { $($field:ident = $label:literal: $meaning:literal,)* }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq)]
        #[serde(deny_unknown_fields)]
        pub struct $name {
            $(#[doc = $meaning] pub $field: f64,)*
        }

        impl $name {
            /// O*NET's names, in its order.
            pub const NAMES: [&'static str; 6] = [$($label),*];

            /// Every score, in O*NET's order.
            pub fn scores(&self) -> [Score; 6] {
                [$(Score { key: stringify!($field), name: $label, meaning: $meaning, value: self.$field }),*]
            }

            /// The scores given in O*NET's order ([`Self::NAMES`]).
            pub fn from_values(values: [f64; 6]) -> Self {
                let [$($field),*] = values;
                $name { $($field),* }
            }
        }
    };
}

scores! {
    /// How strongly the work suits each of six interests (O*NET's
    /// occupational interest profile, scale OI: 1 to 7).
    Interests {
        realistic = "Realistic": "practical, hands-on work with tools, machines, plants or animals",
        investigative = "Investigative": "working with ideas: searching for facts and figuring out problems",
        artistic = "Artistic": "forms, designs and patterns; self-expression without set rules",
        social = "Social": "working with, teaching, helping or serving people",
        enterprising = "Enterprising": "starting and carrying out projects, leading people, deciding",
        conventional = "Conventional": "set procedures and routines; data and detail",
    }
}

scores! {
    /// How much the work offers each of six work values (O*NET's extent
    /// scale EX: 1 to 7).
    WorkValues {
        achievement = "Achievement": "results, using one's strongest abilities, a sense of accomplishment",
        working_conditions = "Working Conditions": "job security and good working conditions",
        recognition = "Recognition": "advancement, leadership and prestige",
        relationships = "Relationships": "service to others and friendly, non-competitive co-workers",
        support = "Support": "management that stands behind its employees",
        independence = "Independence": "working on one's own and making decisions",
    }
}
