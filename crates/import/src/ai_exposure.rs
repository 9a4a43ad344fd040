//! Reading the exposure of occupations to large language models from
//! Eloundou et al. 2024, "GPTs are GPTs" (`occ_level.csv`): the human
//! annotators' β, per O*NET-SOC 2019 code.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::ImportError;
use crate::table::{CsvFile, is_onet_code};

/// The one rating the importer takes: the human annotators' β (tasks an
/// LLM alone could speed up by half, plus half of those that software
/// built on one could). The paper's headline measure; GPT-4's own ratings
/// (`dv_…`) differ widely and are not mixed in.
pub const MEASURE: &str = "human_rating_beta";

const CODE: &str = "O*NET-SOC Code";
const LAYOUT: &str = "the occ_level.csv of Eloundou et al. 2024 (GPTs are GPTs)";

/// Exposure shares by O*NET-SOC code.
#[derive(Debug, Clone, Default)]
pub struct AiExposure {
    /// The file read.
    pub path: PathBuf,
    /// Share of tasks exposed, 0 to 1, by O*NET-SOC code.
    pub shares: BTreeMap<String, f64>,
}

impl AiExposure {
    /// Reads the file, checking its columns, codes and shares.
    pub fn read(path: &Path) -> Result<Self, ImportError> {
        let file = CsvFile::read(path, &[CODE, MEASURE], LAYOUT)?;
        let mut exposure = AiExposure { path: path.to_owned(), ..AiExposure::default() };
        let mut first_line: BTreeMap<&str, usize> = BTreeMap::new();
        for row in file.rows() {
            let code = row.get(CODE);
            if !is_onet_code(code) {
                return Err(row.unexpected(CODE, "an O*NET-SOC code like 15-1252.00"));
            }
            if let Some(first) = first_line.insert(code, row.line) {
                return Err(row.error(format!("{code} is listed twice (first on line {first})")));
            }
            let share = row
                .get(MEASURE)
                .parse::<f64>()
                .ok()
                .filter(|s| (0.0..=1.0).contains(s))
                .ok_or_else(|| row.unexpected(MEASURE, "a share from 0 to 1"))?;
            exposure.shares.insert(code.to_owned(), share);
        }
        Ok(exposure)
    }

    /// The exposure of an occupation in percent, to one decimal: 0.4474 → 44.7.
    pub fn percent(&self, onet_code: &str) -> Option<f64> {
        self.shares.get(onet_code).map(|share| (share * 1000.0).round() / 10.0)
    }
}
