//! Reading the BLS Employment Projections: table 1.2 (growth, openings and
//! entry requirements per National Employment Matrix occupation) and the
//! BLS crosswalk from O*NET-SOC codes to NEM codes and Occupational Outlook
//! Handbook profiles.

use std::collections::BTreeMap;
use std::path::Path;

use crate::ImportError;
use crate::table::{CsvFile, CsvRow, is_onet_code, is_soc_code};

/// One `Line item` row of table 1.2: an occupation as BLS projects it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Projection {
    /// NEM code, a SOC code or a BLS group of them, e.g. `13-1020`.
    pub code: String,
    /// Title, trimmed, e.g. "Buyers and purchasing agents".
    pub title: String,
    /// Employment change over the decade, in percent, e.g. 15.8.
    pub growth_percent: Option<f64>,
    /// Openings a year, on average over the decade (the table's thousands
    /// times 1000), e.g. 115,200.
    pub annual_openings: Option<u64>,
    /// Typical education needed for entry, in BLS's words.
    pub education: Option<String>,
    /// Work experience in a related occupation, in BLS's words.
    pub experience: Option<String>,
    /// Typical on-the-job training needed to attain competency.
    pub training: Option<String>,
}

/// One crosswalk row: where an O*NET occupation is projected, and its
/// Occupational Outlook Handbook profile.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Link {
    /// The NEM code of the table row, e.g. `13-1020`.
    pub nem_code: String,
    /// The OOH profile's title, e.g. "Software developers, quality
    /// assurance analysts, and testers".
    pub outlook_title: Option<String>,
    /// The OOH profile's address, when it is an `http(s)` URL.
    pub outlook_url: Option<String>,
}

/// The projections table joined to its crosswalk.
#[derive(Debug, Clone, Default)]
pub struct Projections {
    /// The projection decade as the table's headers name it, e.g. "2024–34".
    pub vintage: String,
    /// `Line item` rows by NEM code.
    pub rows: BTreeMap<String, Projection>,
    /// Crosswalk rows by O*NET-SOC code.
    pub links: BTreeMap<String, Link>,
}

/// BLS's marker for "not available".
const NOT_AVAILABLE: &str = "—";
const GROWTH: &str = "Employment change, percent, ";
const EDUCATION: &str = "Typical education needed for entry";
const EXPERIENCE: &str = "Work experience in a related occupation";
const TRAINING: &str = "Typical on-the-job training needed to attain competency in the occupation";
const TABLE_LAYOUT: &str = "BLS Employment Projections table 1.2 (occupation.xlsx) as CSV";
const CROSSWALK_LAYOUT: &str = "the BLS O*NET-SOC to NEM crosswalk (nem-onet-to-soc-crosswalk.xlsx) as CSV";

const ONET_CODE: &str = "O*NET-SOC Code";
const NEM_CODE: &str = "NEM Code";
const OUTLOOK_TITLE: &str = "OOH Profile Title";
const OUTLOOK_URL: &str = "OOH Profile Website";

impl Projections {
    /// Reads table 1.2 and the crosswalk, checking their columns, every
    /// value used, and that each crosswalk row reaches a `Line item` row.
    pub fn read(table: &Path, crosswalk: &Path) -> Result<Self, ImportError> {
        let mut projections = read_table(table)?;
        let file = CsvFile::read(crosswalk, &[ONET_CODE, NEM_CODE, OUTLOOK_TITLE, OUTLOOK_URL], CROSSWALK_LAYOUT)?;
        let mut first_line: BTreeMap<String, usize> = BTreeMap::new();
        for row in file.rows() {
            let code = row.get(ONET_CODE);
            if !is_onet_code(code) {
                return Err(row.unexpected(ONET_CODE, "an O*NET-SOC code like 15-1252.00"));
            }
            let nem_code = row.get(NEM_CODE);
            if !is_soc_code(nem_code) {
                return Err(row.unexpected(NEM_CODE, "a code like 15-1252"));
            }
            if !projections.rows.contains_key(nem_code) {
                return Err(row.error(format!(
                    "NEM code {nem_code} is not a `Line item` row of {}; the crosswalk and the table must be of the same projections",
                    table.display()
                )));
            }
            if let Some(first) = first_line.insert(code.to_owned(), row.line) {
                return Err(row.error(format!("{code} is listed twice (first on line {first})")));
            }
            let url = row.get(OUTLOOK_URL);
            let is_url =
                ["https://", "http://"].iter().any(|p| url.get(..p.len()).is_some_and(|s| s.eq_ignore_ascii_case(p)))
                    && !url.contains(char::is_whitespace);
            let link = Link {
                nem_code: nem_code.to_owned(),
                outlook_title: text(row.get(OUTLOOK_TITLE)),
                outlook_url: is_url.then(|| url.to_owned()),
            };
            projections.links.insert(code.to_owned(), link);
        }
        Ok(projections)
    }

    /// The crosswalk row and projection of an O*NET occupation.
    pub fn get(&self, onet_code: &str) -> Option<(&Link, &Projection)> {
        let link = self.links.get(onet_code)?;
        Some((link, self.rows.get(&link.nem_code)?))
    }
}

/// Table 1.2: the decade is read from the growth column's name
/// ("Employment change, percent, 2024–34"), and the other dated columns
/// are looked up with it.
fn read_table(path: &Path) -> Result<Projections, ImportError> {
    let file = CsvFile::read(path, &[], TABLE_LAYOUT)?;
    let vintage = file
        .columns()
        .iter()
        .filter_map(|c| c.strip_prefix(GROWTH))
        .find(|v| is_vintage(v))
        .map(str::to_owned)
        .ok_or_else(|| {
            ImportError::new(
                path,
                Some(1),
                format!(
                    "missing column `{GROWTH}<YYYY–YY>` (found: {}); expected {TABLE_LAYOUT}",
                    file.columns().join(", ")
                ),
            )
        })?;
    let base_year = &vintage[..4];
    let code_column = format!("{base_year} National Employment Matrix code");
    let title_column = format!("{base_year} National Employment Matrix title");
    let growth_column = format!("{GROWTH}{vintage}");
    let openings_column = format!("Occupational openings, {vintage} annual average");
    for column in [
        &code_column,
        &title_column,
        "Occupation type",
        &growth_column,
        &openings_column,
        EDUCATION,
        EXPERIENCE,
        TRAINING,
    ] {
        file.require(column, TABLE_LAYOUT)?;
    }
    let mut rows: BTreeMap<String, (usize, Projection)> = BTreeMap::new();
    for row in file.rows() {
        let code = row.get(&code_column);
        if !is_soc_code(code) {
            return Err(row.unexpected(&code_column, "a code like 15-1252"));
        }
        match row.get("Occupation type") {
            "Summary" => continue,
            "Line item" => {}
            _ => return Err(row.unexpected("Occupation type", "`Line item` or `Summary`")),
        }
        let growth = number(&row, &growth_column, "a percent change such as 15.8 or -3.2")?;
        if growth.is_some_and(|g| !(-100.0..=1000.0).contains(&g)) {
            return Err(row.unexpected(&growth_column, "a percent change from -100 to 1000"));
        }
        let openings = number(&row, &openings_column, "a number of thousands such as 115.2")?;
        if openings.is_some_and(|o| o < 0.0) {
            return Err(row.unexpected(&openings_column, "a number of thousands, not negative"));
        }
        let projection = Projection {
            code: code.to_owned(),
            title: row.get(&title_column).to_owned(),
            growth_percent: growth,
            // One decimal of thousands: whole jobs after rounding.
            annual_openings: openings.map(|o| (o * 1000.0).round() as u64),
            education: text(row.get(EDUCATION)),
            experience: text(row.get(EXPERIENCE)),
            training: text(row.get(TRAINING)),
        };
        if let Some((first, _)) = rows.get(code) {
            return Err(row.error(format!("`Line item` {code} is listed twice (first on line {first})")));
        }
        rows.insert(code.to_owned(), (row.line, projection));
    }
    Ok(Projections {
        vintage,
        rows: rows.into_iter().map(|(code, (_, p))| (code, p)).collect(),
        links: BTreeMap::new(),
    })
}

/// "2024–34" (or with a hyphen).
fn is_vintage(text: &str) -> bool {
    let years = text.split_once('–').or_else(|| text.split_once('-'));
    years.is_some_and(|(from, to)| {
        from.len() == 4 && to.len() == 2 && from.bytes().chain(to.bytes()).all(|b| b.is_ascii_digit())
    })
}

/// A number cell, `—` being "not available".
fn number(row: &CsvRow<'_>, column: &str, expected: &str) -> Result<Option<f64>, ImportError> {
    match row.get(column) {
        "" | NOT_AVAILABLE => Ok(None),
        cell => {
            cell.parse::<f64>().ok().filter(|v| v.is_finite()).map(Some).ok_or_else(|| row.unexpected(column, expected))
        }
    }
}

/// A text cell, `—` being "not available".
fn text(cell: &str) -> Option<String> {
    (!cell.is_empty() && cell != NOT_AVAILABLE).then(|| cell.to_owned())
}
