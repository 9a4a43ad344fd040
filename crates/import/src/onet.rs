//! Reading the O*NET text database: occupations with their technology
//! skills, tools, tasks, alternate titles, job zone and education (and,
//! through [`crate::ratings`], their skill and knowledge ratings).

use std::collections::BTreeMap;
use std::path::Path;

use crate::ImportError;
use crate::table::TabFile;

/// The O*NET major version whose file layout this importer knows.
pub const SUPPORTED_MAJOR: u32 = 29;

/// One technology an occupation uses.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Technology {
    /// The product or technology, e.g. "Python".
    pub name: String,
    /// Its commodity family, e.g. "Object or component oriented development software".
    pub family: String,
    /// O*NET "Hot Technology".
    pub hot: bool,
    /// O*NET "In Demand".
    pub in_demand: bool,
}

/// One O*NET occupation and what the database says about it.
#[derive(Debug, Clone, Default)]
pub struct Occupation {
    /// O*NET-SOC code, e.g. `15-1252.00`.
    pub code: String,
    /// Title, e.g. "Software Developers".
    pub title: String,
    /// Description.
    pub description: String,
    /// Job zone 1–5.
    pub job_zone: Option<u8>,
    /// Technology skills, in file order.
    pub technology: Vec<Technology>,
    /// Tools and equipment, in file order, without repeats.
    pub tools: Vec<String>,
    /// Alternate titles, in file order, without repeats.
    pub alternate_titles: Vec<String>,
    /// Core task statements (all of them where O*NET does not classify
    /// tasks as core or supplemental), in file order.
    pub core_tasks: Vec<String>,
    /// The most common required level of education, e.g. "Bachelor's degree".
    pub education: Option<String>,
}

/// What a job zone means, from `Job Zone Reference.txt`.
#[derive(Debug, Clone, Default)]
pub struct JobZone {
    /// e.g. "Job Zone Four: Considerable Preparation Needed".
    pub name: String,
    /// Prior experience expected.
    pub experience: String,
    /// Education expected.
    pub education: String,
    /// On-the-job training expected.
    pub training: String,
}

/// The parts of the O*NET database the importer uses.
#[derive(Debug, Clone, Default)]
pub struct Database {
    /// The release, e.g. "29.2".
    pub release: String,
    /// Occupations by code.
    pub occupations: BTreeMap<String, Occupation>,
    /// Job zones by number.
    pub job_zones: BTreeMap<u8, JobZone>,
    /// Skill and knowledge ratings, from the files of them the folder has.
    pub ratings: crate::ratings::Ratings,
    /// Interests and work values, from the files of them the folder has.
    pub preferences: crate::preferences::Preferences,
}

const CODE: &str = "O*NET-SOC Code";

impl Database {
    /// Reads the database folder, checking its release and file layouts.
    pub fn read(dir: &Path) -> Result<Self, ImportError> {
        if !dir.is_dir() {
            return Err(ImportError::unreadable(
                dir,
                "O*NET folder not found (pass --onet DIR, the unzipped text database)",
            ));
        }
        let release = read_release(dir)?;
        let mut db = Database { release, ..Database::default() };
        db.read_occupations(dir)?;
        db.read_technology(dir)?;
        db.read_lists(dir)?;
        db.read_job_zones(dir)?;
        db.read_education(dir)?;
        db.ratings = crate::ratings::read(dir)?;
        db.preferences = crate::preferences::read(dir)?;
        Ok(db)
    }

    fn read_occupations(&mut self, dir: &Path) -> Result<(), ImportError> {
        let file = TabFile::read(dir, "Occupation Data.txt", &[CODE, "Title", "Description"])?;
        let (code, title, description) = (file.column(CODE), file.column("Title"), file.column("Description"));
        for row in file.rows() {
            let (_, f) = row?;
            let occupation = Occupation {
                code: f[code].to_owned(),
                title: f[title].trim().to_owned(),
                description: f[description].trim().to_owned(),
                ..Occupation::default()
            };
            self.occupations.insert(occupation.code.clone(), occupation);
        }
        Ok(())
    }

    fn read_technology(&mut self, dir: &Path) -> Result<(), ImportError> {
        let columns = [CODE, "Example", "Commodity Title", "Hot Technology", "In Demand"];
        let file = TabFile::read(dir, "Technology Skills.txt", &columns)?;
        let [code, example, family, hot, demand] = columns.map(|c| file.column(c));
        for row in file.rows() {
            let (line, f) = row?;
            let Some(occupation) = self.occupations.get_mut(f[code]) else { continue };
            let technology = Technology {
                name: f[example].trim().to_owned(),
                family: f[family].trim().to_owned(),
                hot: flag(&file, line, "Hot Technology", f[hot])?,
                in_demand: flag(&file, line, "In Demand", f[demand])?,
            };
            if !occupation.technology.iter().any(|t| t.name == technology.name) {
                occupation.technology.push(technology);
            }
        }
        Ok(())
    }

    /// Tools, alternate titles and core tasks: one text column each.
    fn read_lists(&mut self, dir: &Path) -> Result<(), ImportError> {
        let tools = TabFile::read(dir, "Tools Used.txt", &[CODE, "Example"])?;
        self.read_list(&tools, "Example", |_| true, |o| &mut o.tools)?;
        let titles = TabFile::read(dir, "Alternate Titles.txt", &[CODE, "Alternate Title"])?;
        self.read_list(&titles, "Alternate Title", |_| true, |o| &mut o.alternate_titles)?;
        let tasks = TabFile::read(dir, "Task Statements.txt", &[CODE, "Task", "Task Type"])?;
        let task_type = tasks.column("Task Type");
        // Analyst-rated occupations leave the type as "n/a": their tasks are
        // all kept; elsewhere supplemental tasks are left out.
        self.read_list(&tasks, "Task", |f| f[task_type] != "Supplemental", |o| &mut o.core_tasks)
    }

    fn read_list(
        &mut self,
        file: &TabFile,
        column: &str,
        keep: impl Fn(&[&str]) -> bool,
        list: impl Fn(&mut Occupation) -> &mut Vec<String>,
    ) -> Result<(), ImportError> {
        let (code, value) = (file.column(CODE), file.column(column));
        for row in file.rows() {
            let (_, f) = row?;
            let Some(occupation) = self.occupations.get_mut(f[code]) else { continue };
            let text = f[value].trim();
            if keep(&f) && !text.is_empty() && !list(occupation).iter().any(|t| t == text) {
                list(occupation).push(text.to_owned());
            }
        }
        Ok(())
    }

    fn read_job_zones(&mut self, dir: &Path) -> Result<(), ImportError> {
        let columns = ["Job Zone", "Name", "Experience", "Education", "Job Training"];
        let reference = TabFile::read(dir, "Job Zone Reference.txt", &columns)?;
        let [zone, name, experience, education, training] = columns.map(|c| reference.column(c));
        for row in reference.rows() {
            let (line, f) = row?;
            let info = JobZone {
                name: f[name].trim().to_owned(),
                experience: f[experience].trim().to_owned(),
                education: f[education].trim().to_owned(),
                training: f[training].trim().to_owned(),
            };
            self.job_zones.insert(job_zone(&reference, line, f[zone])?, info);
        }
        let zones = TabFile::read(dir, "Job Zones.txt", &[CODE, "Job Zone"])?;
        let (code, zone) = (zones.column(CODE), zones.column("Job Zone"));
        for row in zones.rows() {
            let (line, f) = row?;
            let value = job_zone(&zones, line, f[zone])?;
            if let Some(occupation) = self.occupations.get_mut(f[code]) {
                occupation.job_zone = Some(value);
            }
        }
        Ok(())
    }

    /// The required level of education most respondents named (element
    /// 2.D.1, scale RL), labelled from the categories file.
    fn read_education(&mut self, dir: &Path) -> Result<(), ImportError> {
        let columns = ["Element ID", "Scale ID", "Category", "Category Description"];
        let categories = TabFile::read(dir, "Education, Training, and Experience Categories.txt", &columns)?;
        let [element, scale, category, description] = columns.map(|c| categories.column(c));
        let mut labels: BTreeMap<String, String> = BTreeMap::new();
        for row in categories.rows() {
            let (_, f) = row?;
            if f[element] == "2.D.1" && f[scale] == "RL" {
                labels.insert(f[category].trim().to_owned(), crate::mapping::education_label(f[description]));
            }
        }
        let columns = [CODE, "Element ID", "Scale ID", "Category", "Data Value"];
        let file = TabFile::read(dir, "Education, Training, and Experience.txt", &columns)?;
        let [code, element, scale, category, value] = columns.map(|c| file.column(c));
        let mut best: BTreeMap<String, (f64, String)> = BTreeMap::new();
        for row in file.rows() {
            let (line, f) = row?;
            if f[element] != "2.D.1" || f[scale] != "RL" {
                continue;
            }
            let share: f64 = f[value].trim().parse().map_err(|_| {
                ImportError::new(&file.path, Some(line), format!("`Data Value` is `{}`, expected a number", f[value]))
            })?;
            let entry = best.entry(f[code].to_owned()).or_insert((f64::MIN, String::new()));
            if share > entry.0 {
                *entry = (share, f[category].trim().to_owned());
            }
        }
        for (code, (_, category)) in best {
            if let Some(occupation) = self.occupations.get_mut(&code) {
                occupation.education = labels.get(&category).cloned();
            }
        }
        Ok(())
    }
}

fn read_release(dir: &Path) -> Result<String, ImportError> {
    let path = dir.join("Read Me.txt");
    let text = std::fs::read_to_string(&path).map_err(|e| ImportError::io(&path, e))?;
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
    let release = first
        .strip_prefix("O*NET ")
        .and_then(|rest| rest.strip_suffix(" Database"))
        .filter(|v| v.split('.').all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())))
        .ok_or_else(|| {
            ImportError::new(&path, Some(1), format!("expected \"O*NET <version> Database\", found {first:?}"))
        })?;
    let major: u32 = release.split('.').next().and_then(|m| m.parse().ok()).unwrap_or(0);
    if major != SUPPORTED_MAJOR {
        return Err(ImportError::new(
            &path,
            Some(1),
            format!(
                "O*NET {release} is not supported: this importer reads the {SUPPORTED_MAJOR}.x text layout (later releases renamed files)"
            ),
        ));
    }
    Ok(release.to_owned())
}

fn flag(file: &TabFile, line: usize, column: &str, value: &str) -> Result<bool, ImportError> {
    match value.trim() {
        "Y" => Ok(true),
        "N" => Ok(false),
        other => Err(ImportError::new(&file.path, Some(line), format!("`{column}` is `{other}`, expected Y or N"))),
    }
}

fn job_zone(file: &TabFile, line: usize, value: &str) -> Result<u8, ImportError> {
    value
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|z| (1..=5).contains(z))
        .ok_or_else(|| ImportError::new(&file.path, Some(line), format!("job zone is `{value}`, expected 1 to 5")))
}
