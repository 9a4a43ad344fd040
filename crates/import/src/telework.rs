//! Reading whether work can be done at home, from Dingel and Neiman 2020
//! (`occupations_workathome.csv`, keyed by O*NET-SOC 2010 codes), joined to
//! the O*NET-SOC 2019 codes of O*NET 29.x through the O*NET crosswalk.

use std::collections::BTreeMap;
use std::path::Path;

use crate::ImportError;
use crate::table::{CsvFile, is_onet_code};

const CODE: &str = "onetsoccode";
const TELEWORKABLE: &str = "teleworkable";
const CODE_2010: &str = "O*NET-SOC 2010 Code";
const CODE_2019: &str = "O*NET-SOC 2019 Code";
const VALUES_LAYOUT: &str = "the occupations_workathome.csv of Dingel and Neiman 2020";
const CROSSWALK_LAYOUT: &str = "the O*NET-SOC 2010 to 2019 crosswalk (2010_to_2019_Crosswalk.csv)";

/// The classification and the crosswalk.
#[derive(Debug, Clone, Default)]
pub struct Telework {
    /// Whether the work can be done at home, by O*NET-SOC 2010 code.
    pub values: BTreeMap<String, bool>,
    /// O*NET-SOC 2010 codes by O*NET-SOC 2019 code, sorted, without repeats.
    pub codes_2010: BTreeMap<String, Vec<String>>,
}

/// What the classification says about one O*NET-SOC 2019 occupation.
#[derive(Debug, Clone, PartialEq)]
pub enum Remote {
    /// Every 2010 code with a value has this one.
    Known {
        /// Whether the work can be done at home.
        value: bool,
        /// The 2010 codes that gave it.
        codes: Vec<String>,
    },
    /// Its 2010 codes have both values.
    Conflicting(Vec<(String, bool)>),
    /// None of its 2010 codes (listed; maybe none) has a value.
    Unknown(Vec<String>),
}

impl Telework {
    /// Reads the classification and the crosswalk, checking their columns,
    /// codes and values.
    pub fn read(values: &Path, crosswalk: &Path) -> Result<Self, ImportError> {
        let mut telework = Telework::default();
        let file = CsvFile::read(values, &[CODE, TELEWORKABLE], VALUES_LAYOUT)?;
        let mut first_line: BTreeMap<&str, usize> = BTreeMap::new();
        for row in file.rows() {
            let code = row.get(CODE);
            if !is_onet_code(code) {
                return Err(row.unexpected(CODE, "an O*NET-SOC 2010 code like 15-1132.00"));
            }
            if let Some(first) = first_line.insert(code, row.line) {
                return Err(row.error(format!("{code} is listed twice (first on line {first})")));
            }
            let value = match row.get(TELEWORKABLE) {
                "1" => true,
                "0" => false,
                _ => return Err(row.unexpected(TELEWORKABLE, "1 (can be done at home) or 0")),
            };
            telework.values.insert(code.to_owned(), value);
        }
        let file = CsvFile::read(crosswalk, &[CODE_2010, CODE_2019], CROSSWALK_LAYOUT)?;
        for row in file.rows() {
            for column in [CODE_2010, CODE_2019] {
                if !is_onet_code(row.get(column)) {
                    return Err(row.unexpected(column, "an O*NET-SOC code like 15-1252.00"));
                }
            }
            let codes = telework.codes_2010.entry(row.get(CODE_2019).to_owned()).or_default();
            if let Err(at) = codes.binary_search_by(|c| c.as_str().cmp(row.get(CODE_2010))) {
                codes.insert(at, row.get(CODE_2010).to_owned());
            }
        }
        Ok(telework)
    }

    /// The classification of an O*NET-SOC 2019 occupation: the values of
    /// its 2010 codes, leaving out codes without one.
    pub fn remote(&self, code_2019: &str) -> Remote {
        let codes = self.codes_2010.get(code_2019).map(Vec::as_slice).unwrap_or_default();
        let valued: Vec<(String, bool)> =
            codes.iter().filter_map(|c| self.values.get(c).map(|v| (c.clone(), *v))).collect();
        match valued.first() {
            None => Remote::Unknown(codes.to_vec()),
            Some((_, first)) if valued.iter().all(|(_, v)| v == first) => {
                Remote::Known { value: *first, codes: valued.into_iter().map(|(c, _)| c).collect() }
            }
            Some(_) => Remote::Conflicting(valued),
        }
    }
}
