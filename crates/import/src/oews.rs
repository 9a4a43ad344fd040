//! Reading the BLS OEWS national file: wage percentiles and employment per
//! SOC code, with the BLS markers understood.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use careerdiff_model::Wage;

use crate::ImportError;
use crate::table::csv_error;

/// The top of the published annual range: `#` means "at or above" this.
pub const ANNUAL_TOP: f64 = 239_200.0;
/// The top of the published hourly range.
pub const HOURLY_TOP: f64 = 115.0;

/// Wage figures of one kind (annual or hourly).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Figures {
    /// 10th percentile.
    pub p10: Option<Wage>,
    /// 25th percentile.
    pub p25: Option<Wage>,
    /// Median.
    pub median: Option<Wage>,
    /// 75th percentile.
    pub p75: Option<Wage>,
    /// 90th percentile.
    pub p90: Option<Wage>,
    /// Mean.
    pub mean: Option<Wage>,
}

impl Figures {
    /// Whether any figure is present.
    pub fn any(&self) -> bool {
        [self.p10, self.p25, self.median, self.p75, self.p90, self.mean].iter().any(Option::is_some)
    }
}

/// One occupation row of the OEWS file.
#[derive(Debug, Clone, Default)]
pub struct Row {
    /// SOC code, e.g. `15-1252`.
    pub code: String,
    /// Title, e.g. "Software Developers".
    pub title: String,
    /// Employment, excluding the self-employed.
    pub employment: Option<u64>,
    /// Annual wages.
    pub annual: Figures,
    /// Hourly wages.
    pub hourly: Figures,
}

/// The OEWS file: detailed occupations by SOC code, and major group names.
#[derive(Debug, Clone, Default)]
pub struct Wages {
    /// The file read.
    pub path: PathBuf,
    /// Detailed rows by SOC code.
    pub detailed: BTreeMap<String, Row>,
    /// Major group names by two-digit prefix, e.g. "15" → "Computer and Mathematical".
    pub major_groups: BTreeMap<String, String>,
}

const COLUMNS: &[&str] = &[
    "OCC_CODE",
    "OCC_TITLE",
    "O_GROUP",
    "TOT_EMP",
    "A_MEAN",
    "A_PCT10",
    "A_PCT25",
    "A_MEDIAN",
    "A_PCT75",
    "A_PCT90",
    "H_MEAN",
    "H_PCT10",
    "H_PCT25",
    "H_MEDIAN",
    "H_PCT75",
    "H_PCT90",
];

impl Wages {
    /// Reads the national CSV file, checking its columns and every value.
    pub fn read(path: &Path) -> Result<Self, ImportError> {
        let mut reader = csv::ReaderBuilder::new().from_path(path).map_err(|e| csv_error(path, e))?;
        let headers = reader.headers().map_err(|e| csv_error(path, e))?.clone();
        let index: BTreeMap<&str, usize> = COLUMNS
            .iter()
            .map(|&c| {
                headers.iter().position(|h| h.trim() == c).map(|i| (c, i)).ok_or_else(|| {
                    ImportError::new(
                        path,
                        Some(1),
                        format!("missing column `{c}`; expected the BLS OEWS national file layout"),
                    )
                })
            })
            .collect::<Result<_, _>>()?;
        let mut wages = Wages { path: path.to_owned(), ..Wages::default() };
        for record in reader.records() {
            let record = record.map_err(|e| csv_error(path, e))?;
            let line = record.position().map_or(0, |p| p.line() as usize);
            let field = |c: &str| record.get(index[c]).unwrap_or("").trim();
            let code = field("OCC_CODE");
            match field("O_GROUP") {
                "major" => {
                    let name = field("OCC_TITLE").trim_end_matches(" Occupations").to_owned();
                    wages.major_groups.insert(code.get(..2).unwrap_or("").to_owned(), name);
                }
                "detailed" => {
                    // The annual columns are A_PCT10 … A_MEAN, the hourly ones H_….
                    let figures = |prefix: &str, top: f64| -> Result<Figures, ImportError> {
                        let value = |suffix: &str| {
                            let column = format!("{prefix}_{suffix}");
                            wage(path, line, &column, field(&column), top)
                        };
                        Ok(Figures {
                            p10: value("PCT10")?,
                            p25: value("PCT25")?,
                            median: value("MEDIAN")?,
                            p75: value("PCT75")?,
                            p90: value("PCT90")?,
                            mean: value("MEAN")?,
                        })
                    };
                    let row = Row {
                        code: code.to_owned(),
                        title: field("OCC_TITLE").to_owned(),
                        employment: employment(path, line, field("TOT_EMP"))?,
                        annual: figures("A", ANNUAL_TOP)?,
                        hourly: figures("H", HOURLY_TOP)?,
                    };
                    wages.detailed.insert(row.code.clone(), row);
                }
                _ => {}
            }
        }
        Ok(wages)
    }
}

/// A wage cell: a number, or one of the BLS markers `-` (not available),
/// `*` (not released) or `#` (at or above the top of the published range).
pub fn wage(path: &Path, line: usize, column: &str, cell: &str, top: f64) -> Result<Option<Wage>, ImportError> {
    match cell {
        "" | "-" | "*" | "**" => Ok(None),
        "#" => Ok(Some(Wage::AtLeast { at_least: top })),
        number => number
            .replace(',', "")
            .parse::<f64>()
            .ok()
            .filter(|v| v.is_finite() && *v >= 0.0)
            .map(|v| Some(Wage::Exact(v)))
            .ok_or_else(|| {
                ImportError::new(
                    path,
                    Some(line),
                    format!("`{column}` is `{cell}`, expected a number or one of the markers - * #"),
                )
            }),
    }
}

fn employment(path: &Path, line: usize, cell: &str) -> Result<Option<u64>, ImportError> {
    match cell {
        "" | "-" | "*" | "**" => Ok(None),
        number => number.replace(',', "").parse::<u64>().map(Some).map_err(|_| {
            ImportError::new(
                path,
                Some(line),
                format!("`TOT_EMP` is `{cell}`, expected a whole number or one of the markers - * **"),
            )
        }),
    }
}
