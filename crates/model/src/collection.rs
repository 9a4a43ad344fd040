//! Collections, `content/collections/<slug>.toml`: a titled list of careers
//! chosen by a filter and ordered by a sort, e.g. "Highest-paid careers".

use serde::{Deserialize, Serialize};

use crate::{Career, EntryBarrier, Wage};

/// One collection.
#[derive(Debug, Clone, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Collection {
    /// The file name without `.toml`; the page is `collections/<slug>.html`.
    #[serde(skip)]
    pub slug: String,
    /// The title shown, e.g. "Remote-friendly careers".
    pub title: String,
    /// One or two sentences saying what the list is.
    #[serde(default)]
    pub description: String,
    /// Which careers belong; every condition given must hold, and a career
    /// without the value a condition asks about does not belong.
    #[serde(default)]
    pub filter: Filter,
    /// The order of the list.
    #[serde(default)]
    pub sort: Sort,
    /// At most this many careers (all when left out).
    pub limit: Option<usize>,
}

/// Conditions on careers; all that are given must hold.
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Filter {
    /// The career's category equals this.
    pub category: Option<String>,
    /// The career is (or is not) remote friendly.
    pub remote_friendly: Option<bool>,
    /// The career does (or does not) require coding.
    pub requires_coding: Option<bool>,
    /// Median pay is at least this.
    pub min_median: Option<f64>,
    /// Typical learning time is at most this many months.
    pub max_learning_months: Option<u32>,
    /// The entry barrier is at most this.
    pub max_entry_barrier: Option<EntryBarrier>,
    /// The O*NET job zone (1–5, preparation needed) is at most this.
    pub max_job_zone: Option<u8>,
}

/// What a collection is ordered by.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// Alphabetically by title.
    #[default]
    Title,
    /// By median pay (the advertised range's middle when there are no percentiles).
    MedianSalary,
    /// By demand score.
    DemandScore,
    /// By learning time.
    LearningMonths,
    /// By employment.
    Employment,
    /// By projected employment growth.
    ProjectedGrowth,
    /// By projected openings a year.
    AnnualOpenings,
    /// By AI exposure (the share of tasks language models could speed up).
    AiExposure,
    /// By O*NET job zone (preparation needed).
    JobZone,
}

impl SortKey {
    /// The at-a-glance attribute this key sorts on (its key in the
    /// comparison tables), for showing the value beside each career;
    /// `None` for the title.
    pub fn attribute(self) -> Option<&'static str> {
        Some(match self {
            SortKey::Title => return None,
            SortKey::MedianSalary => "salary_median",
            SortKey::DemandScore => "demand_score",
            SortKey::LearningMonths => "learning_months",
            SortKey::Employment => "employment",
            SortKey::ProjectedGrowth => "projected_growth",
            SortKey::AnnualOpenings => "annual_openings",
            SortKey::AiExposure => "ai_exposure",
            SortKey::JobZone => "job_zone",
        })
    }
}

/// The order of a collection.
#[derive(Debug, Clone, Copy, Default, Deserialize, Serialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Sort {
    /// What to order by.
    #[serde(default)]
    pub by: SortKey,
    /// Highest first instead of lowest first.
    #[serde(default)]
    pub descending: bool,
}

impl Collection {
    /// The indices of the careers in this collection, in order. Careers
    /// without the value sorted on come last, by title.
    pub fn select(&self, careers: &[Career]) -> Vec<usize> {
        let mut chosen: Vec<usize> = (0..careers.len()).filter(|&i| self.filter.admits(&careers[i])).collect();
        let key = |c: &Career| -> Option<f64> {
            match self.sort.by {
                SortKey::Title => None,
                SortKey::MedianSalary => median(c),
                SortKey::DemandScore => c.demand_score,
                SortKey::LearningMonths => c.own_learning_months().map(f64::from),
                SortKey::Employment => c.employment.map(|e| e as f64),
                SortKey::ProjectedGrowth => c.projected_growth,
                SortKey::AnnualOpenings => c.annual_openings.map(|n| n as f64),
                SortKey::AiExposure => c.ai_exposure,
                SortKey::JobZone => c.onet.as_ref().and_then(|o| o.job_zone).map(f64::from),
            }
        };
        chosen.sort_by(|&x, &y| {
            let (cx, cy) = (&careers[x], &careers[y]);
            let by_value = match (key(cx), key(cy)) {
                (Some(a), Some(b)) if self.sort.descending => b.total_cmp(&a),
                (Some(a), Some(b)) => a.total_cmp(&b),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            };
            // Among equals (a job zone holds hundreds of careers), the
            // careers with the most jobs first: a list cut at its limit
            // then keeps the commonest, not the first of the alphabet.
            let by_jobs = || match self.sort.by {
                SortKey::Title => std::cmp::Ordering::Equal,
                _ => cy.employment.unwrap_or(0).cmp(&cx.employment.unwrap_or(0)),
            };
            by_value.then_with(by_jobs).then_with(|| cx.title.cmp(&cy.title))
        });
        chosen.truncate(self.limit.unwrap_or(usize::MAX));
        chosen
    }
}

impl Filter {
    fn admits(&self, c: &Career) -> bool {
        let matches = |wanted: Option<bool>, actual: Option<bool>| wanted.is_none_or(|w| actual == Some(w));
        self.category.as_ref().is_none_or(|cat| c.category.as_ref() == Some(cat))
            && matches(self.remote_friendly, c.remote_friendly)
            && matches(self.requires_coding, c.requires_coding)
            && self.min_median.is_none_or(|min| median(c).is_some_and(|m| m >= min))
            && self.max_learning_months.is_none_or(|max| c.own_learning_months().is_some_and(|m| m <= max))
            && self.max_entry_barrier.is_none_or(|max| c.entry_barrier.is_some_and(|e| e <= max))
            && self.max_job_zone.is_none_or(|max| c.onet.as_ref().and_then(|o| o.job_zone).is_some_and(|z| z <= max))
    }
}

/// Yearly median pay as published. The middle of an advertised range is
/// not a median: a career with only a range has no value here and sorts
/// last, as the list shows it ("no data"). Hourly and monthly figures are
/// not comparable here.
fn median(c: &Career) -> Option<f64> {
    let s = c.salary.as_ref().filter(|s| s.period == crate::Period::Year)?;
    s.median.map(Wage::amount)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Salary;

    fn career(title: &str, median: Option<f64>, remote: Option<bool>) -> Career {
        Career {
            title: title.into(),
            remote_friendly: remote,
            salary: median.map(|m| Salary {
                median: Some(Wage::Exact(m)),
                currency: "USD".into(),
                ..Salary::default()
            }),
            ..Career::default()
        }
    }

    #[test]
    fn filters_need_the_value_and_sort_puts_missing_last() {
        let careers =
            vec![career("A", Some(10.0), Some(true)), career("B", None, Some(true)), career("C", Some(30.0), None)];
        let collection = |filter: Filter, sort: Sort| Collection {
            slug: "x".into(),
            title: "X".into(),
            description: String::new(),
            filter,
            sort,
            limit: None,
        };
        let remote = collection(Filter { remote_friendly: Some(true), ..Filter::default() }, Sort::default());
        assert_eq!(remote.select(&careers), [0, 1], "unknown remote-friendliness is not remote friendly");
        let paid = collection(Filter::default(), Sort { by: SortKey::MedianSalary, descending: true });
        assert_eq!(paid.select(&careers), [2, 0, 1]);
        let rich = collection(Filter { min_median: Some(20.0), ..Filter::default() }, Sort::default());
        assert_eq!(rich.select(&careers), [2]);
    }

    #[test]
    fn equal_values_put_the_most_jobs_first_but_titles_stay_alphabetical() {
        let mut careers = vec![career("A", None, None), career("B", None, None), career("C", None, None)];
        for (career, jobs) in careers.iter_mut().zip([100, 5_000, 800]) {
            career.employment = Some(jobs);
            career.demand_score = Some(7.0);
        }
        let collection = |by: SortKey| Collection {
            slug: "x".into(),
            title: "X".into(),
            description: String::new(),
            filter: Filter::default(),
            sort: Sort { by, descending: false },
            limit: Some(2),
        };
        assert_eq!(collection(SortKey::DemandScore).select(&careers), [1, 2]);
        assert_eq!(collection(SortKey::Title).select(&careers), [0, 1]);
    }
}
