//! Importer tests on small O*NET-shaped folders that the tests write, and
//! one on the real data in ../shared/datasets when it is there; the
//! optional sources are tested in [`sources`].

mod sources;

use std::fs;
use std::path::{Path, PathBuf};

use careerdiff_model::{Wage, load_content};

use crate::{ImportOptions, import_onet};

/// A small O*NET 29.x text database and OEWS file, written by hand in the
/// publishers' layouts (tab-separated with CRLF; CSV with quotes).
struct Fixture {
    dir: tempfile::TempDir,
}

const OCCUPATIONS: &str = "O*NET-SOC Code\tTitle\tDescription
11-1011.00\tChief Executives\tDirect companies.
15-1252.00\tSoftware Developers\tDesign and build software.
15-1299.08\tComputer Systems Engineers/Architects\tDesign computer systems.
17-2051.00\tCivil Engineers\tDesign roads and bridges.
17-9999.00\tNo Technology Engineers\tNothing listed.
";

const TECHNOLOGY: &str = "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand
11-1011.00\tMicrosoft Excel\t1\tSpreadsheet software\tY\tN
15-1252.00\tPython\t1\tObject or component oriented development software\tY\tY
15-1252.00\tGit\t2\tConfiguration management software\tN\tN
15-1299.08\tPython\t1\tObject or component oriented development software\tY\tN
17-2051.00\tAutodesk AutoCAD\t3\tComputer aided design CAD software\tY\tN
";

const OEWS: &str = "OCC_CODE,OCC_TITLE,O_GROUP,TOT_EMP,EMP_PRSE,H_MEAN,A_MEAN,MEAN_PRSE,H_PCT10,H_PCT25,H_MEDIAN,H_PCT75,H_PCT90,A_PCT10,A_PCT25,A_MEDIAN,A_PCT75,A_PCT90,ANNUAL,HOURLY
15-0000,Computer and Mathematical Occupations,major,5000000,0.1,55.00,114000,0.1,25.00,35.00,50.00,65.00,80.00,52000,72800,104000,135200,166400,,
17-0000,Architecture and Engineering Occupations,major,2500000,0.1,48.00,99000,0.1,24.00,31.00,44.00,58.00,72.00,50000,64000,91000,120000,150000,,
15-1252,Software Developers,detailed,1687890,0.6,71.20,148100,0.4,39.64,50.58,65.38,82.68,103.21,82460,105210,135980,171980,214670,,
15-1299,\"Computer Occupations, All Other\",detailed,450000,1.0,60.00,124800,0.5,*,30.00,55.00,80.00,#,*,62400,114400,166400,#,,
17-2051,Civil Engineers,detailed,330000,0.8,-,104000,0.3,-,-,-,-,-,65000,80000,99000,125000,155000,TRUE,
";

impl Fixture {
    fn new() -> Self {
        let fixture = Fixture { dir: tempfile::tempdir().unwrap() };
        let files: &[(&str, &str)] = &[
            ("Read Me.txt", "O*NET 29.2 Database\nFebruary 2025 Release\n"),
            ("Occupation Data.txt", OCCUPATIONS),
            ("Technology Skills.txt", TECHNOLOGY),
            (
                "Tools Used.txt",
                "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\n15-1252.00\tLaptop computers\t1\tNotebook computers\n",
            ),
            (
                "Alternate Titles.txt",
                "O*NET-SOC Code\tAlternate Title\tShort Title\tSource(s)\n15-1252.00\tApplication Developer\tn/a\t08\n15-1252.00\tApplication Developer\tn/a\t09\n",
            ),
            (
                "Task Statements.txt",
                "O*NET-SOC Code\tTask ID\tTask\tTask Type\tIncumbents Responding\tDate\tDomain Source\n15-1252.00\t1\tWrite code.\tCore\t90\t08/2023\tIncumbent\n15-1252.00\t2\tAttend meetings.\tSupplemental\t50\t08/2023\tIncumbent\n17-2051.00\t3\tInspect bridges.\tn/a\tn/a\t08/2023\tAnalyst\n",
            ),
            (
                "Job Zones.txt",
                "O*NET-SOC Code\tJob Zone\tDate\tDomain Source\n15-1252.00\t4\t08/2023\tAnalyst\n17-2051.00\t4\t08/2023\tAnalyst\n15-1299.08\t5\t08/2023\tAnalyst\n",
            ),
            (
                "Job Zone Reference.txt",
                "Job Zone\tName\tExperience\tEducation\tJob Training\tExamples\tSVP Range\n4\tJob Zone Four: Considerable Preparation Needed\tSeveral years.\tBachelor's.\tSome training.\tAccountants\t(7.0 to < 8.0)\n5\tJob Zone Five: Extensive Preparation Needed\tMany years.\tGraduate.\tLittle.\tLawyers\t(8.0 and above)\n",
            ),
            (
                "Education, Training, and Experience Categories.txt",
                "Element ID\tElement Name\tScale ID\tCategory\tCategory Description\n2.D.1\tRequired Level of Education\tRL\t6\tBachelor's Degree\n2.D.1\tRequired Level of Education\tRL\t8\tMaster's Degree\n",
            ),
            (
                "Education, Training, and Experience.txt",
                "O*NET-SOC Code\tElement ID\tElement Name\tScale ID\tCategory\tData Value\tN\n15-1252.00\t2.D.1\tRequired Level of Education\tRL\t6\t70.5\t30\n15-1252.00\t2.D.1\tRequired Level of Education\tRL\t8\t20.0\t30\n",
            ),
        ];
        for (name, text) in files {
            fixture.write(name, text);
        }
        fs::write(fixture.oews(), OEWS).unwrap();
        fixture
    }

    fn onet(&self) -> PathBuf {
        self.dir.path().join("onet")
    }

    fn oews(&self) -> PathBuf {
        self.dir.path().join("national.csv")
    }

    fn out(&self) -> PathBuf {
        self.dir.path().join("content")
    }

    /// Writes an O*NET file with CRLF line ends, as the publisher does.
    fn write(&self, name: &str, text: &str) {
        fs::create_dir_all(self.onet()).unwrap();
        fs::write(self.onet().join(name), text.replace('\n', "\r\n")).unwrap();
    }

    fn options(&self, groups: Option<&[&str]>) -> ImportOptions {
        ImportOptions {
            onet_dir: self.onet(),
            oews_file: self.oews(),
            major_groups: groups.map(|g| g.iter().map(|s| (*s).to_owned()).collect()),
            out: self.out(),
            projections: None,
            ai_exposure: None,
            telework: None,
        }
    }

    fn career(&self, slug: &str) -> String {
        fs::read_to_string(self.out().join("careers").join(format!("{slug}.md"))).unwrap()
    }

    fn error(&self, groups: Option<&[&str]>) -> String {
        let error = import_onet(&self.options(groups)).expect_err("import should fail");
        error.to_string().replace(&self.dir.path().display().to_string(), "$T")
    }
}

#[test]
fn imports_selected_groups_with_joined_wages() {
    let fixture = Fixture::new();
    let report = import_onet(&fixture.options(Some(&["15", "17"]))).unwrap();
    assert_eq!(report.careers, 3, "only occupations with technology skills in groups 15 and 17");
    let content = load_content(&fixture.out()).expect("imported files are valid content");
    let slugs: Vec<&str> = content.careers.iter().map(|c| c.slug.as_str()).collect();
    assert_eq!(slugs, ["civil-engineers", "computer-systems-engineers-architects", "software-developers"]);

    let developers = &content.careers[2];
    let salary = developers.salary.as_ref().unwrap();
    assert_eq!(salary.median, Some(Wage::Exact(135980.0)));
    assert_eq!(salary.p90, Some(Wage::Exact(214670.0)));
    assert_eq!(developers.employment, Some(1687890));
    assert_eq!(developers.category.as_deref(), Some("Computer and Mathematical"));
    assert_eq!(developers.onet.as_ref().unwrap().job_zone, Some(4));
    assert_eq!(developers.education.as_deref(), Some("Bachelor's degree"));
    assert_eq!(developers.requires_coding, Some(false), "one language, no Programming rating: see requires_coding");
    assert_eq!(developers.tasks, ["Write code."], "supplemental tasks are left out");
    assert_eq!(developers.alternate_titles, ["Application Developer"], "repeats are dropped");
    let python = developers.skills.iter().find(|s| s.name == "Python").unwrap();
    assert!(python.hot && python.in_demand);
    assert!(developers.demand_score.is_none() && developers.ai_risk.is_none() && developers.remote_friendly.is_none());

    // A specialised code takes its base SOC occupation's wages and says so,
    // with BLS's markers: `*` not released, `#` at or above the top.
    let architects = &content.careers[1];
    let salary = architects.salary.as_ref().unwrap();
    assert_eq!(salary.p10, None);
    assert_eq!(salary.p90, Some(Wage::AtLeast { at_least: 239200.0 }));
    assert_eq!(salary.median, Some(Wage::Exact(114400.0)));
    assert!(salary.source.as_deref().unwrap().starts_with("BLS OEWS May 2025"));
    let text = fixture.career("computer-systems-engineers-architects");
    assert!(
        text.contains(
            "SOC 15-1299 (Computer Occupations, All Other), the occupation that includes this O*NET specialty"
        )
    );
    assert_eq!(architects.employment, None, "the base occupation's head count is not this specialty's");

    // Analyst-rated tasks ("n/a") are kept; annual-only wages are read.
    let civil = &content.careers[0];
    assert_eq!(civil.tasks, ["Inspect bridges."]);
    assert_eq!(civil.requires_coding, Some(false));
    assert_eq!(civil.salary.as_ref().unwrap().median, Some(Wage::Exact(99000.0)));
    assert_eq!(content.taxonomy.skills().len(), 3, "Python, Git and AutoCAD become canonical skills");
}

#[test]
fn reimport_is_byte_identical_and_keeps_writers_edits() {
    let fixture = Fixture::new();
    import_onet(&fixture.options(None)).unwrap();
    let first = fixture.career("software-developers");
    let second_report = import_onet(&fixture.options(None)).unwrap();
    assert_eq!(second_report.written, 0);
    assert_eq!(fixture.career("software-developers"), first);

    let edited = first
        .replacen("+++\n", "+++\n# Reviewed by the editors.\ndemand_score = 8.5\n", 1)
        .replace("skills = [\n", "skills = [\n  { name = \"Code review\", tags = [] },\n")
        .replace("title = \"Software Developers\"", "title = \"Old title\"")
        + "\nOur own overview.\n";
    let path = fixture.out().join("careers/software-developers.md");
    fs::write(&path, &edited).unwrap();
    import_onet(&fixture.options(None)).unwrap();
    let merged = fixture.career("software-developers");
    assert!(merged.contains("# Reviewed by the editors.\ndemand_score = 8.5\n"), "{merged}");
    assert!(merged.contains("title = \"Software Developers\""), "owned fields are refreshed");
    assert!(merged.contains("{ name = \"Code review\", tags = [] }"), "hand-added skills are kept");
    assert!(merged.ends_with("+++\n\nOur own overview.\n"), "the body is kept");
    import_onet(&fixture.options(None)).unwrap();
    assert_eq!(fixture.career("software-developers"), merged, "merging is stable too");
}

#[test]
fn writers_skills_absorb_matching_technologies() {
    let fixture = Fixture::new();
    fs::create_dir_all(fixture.out()).unwrap();
    let own = "[skills.python]\n# Ours.\nname = \"Python\"\nfamily = \"Programming languages\"\n";
    fs::write(fixture.out().join("skills.toml"), own).unwrap();
    import_onet(&fixture.options(None)).unwrap();
    let skills = fs::read_to_string(fixture.out().join("skills.toml")).unwrap();
    assert!(
        skills.contains("[skills.python]\n# Ours.\nname = \"Python\"\nfamily = \"Programming languages\"\n"),
        "{skills}"
    );
    assert_eq!(skills.matches("name = \"Python\"").count(), 1, "no second Python skill");
    assert!(skills.contains("[skills.git]"));
}

#[test]
fn rejects_an_unsupported_release() {
    let fixture = Fixture::new();
    fixture.write("Read Me.txt", "O*NET 30.0 Database\n");
    assert_eq!(
        fixture.error(None),
        "$T/onet/Read Me.txt:1: O*NET 30.0 is not supported: this importer reads the 29.x text layout (later releases renamed files)"
    );
    assert!(!fixture.out().exists(), "nothing is written");
}

#[test]
fn names_the_file_and_the_missing_column() {
    let fixture = Fixture::new();
    fixture.write("Technology Skills.txt", "O*NET-SOC Code\tExample\tCommodity Title\tIn Demand\n");
    assert_eq!(
        fixture.error(None),
        "$T/onet/Technology Skills.txt:1: missing column `Hot Technology` (found: O*NET-SOC Code, Example, Commodity Title, In Demand); this importer reads the O*NET 29.x text layout"
    );
    assert!(!fixture.out().exists());
}

#[test]
fn reports_missing_files_malformed_rows_and_unknown_markers() {
    let fixture = Fixture::new();
    fs::remove_file(fixture.onet().join("Tools Used.txt")).unwrap();
    assert_eq!(fixture.error(None), "$T/onet/Tools Used.txt: file not found");

    let fixture = Fixture::new();
    fixture.write("Job Zones.txt", "O*NET-SOC Code\tJob Zone\tDate\tDomain Source\n15-1252.00\t4\n");
    assert_eq!(
        fixture.error(None),
        "$T/onet/Job Zones.txt:2: malformed row: 2 fields, expected 4 (O*NET-SOC Code, Job Zone, Date, Domain Source)"
    );

    let fixture = Fixture::new();
    fs::write(fixture.oews(), OEWS.replace("135980", "~135980")).unwrap();
    assert_eq!(
        fixture.error(None),
        "$T/national.csv:4: `A_MEDIAN` is `~135980`, expected a number or one of the markers - * #"
    );
    assert!(!fixture.out().exists());
}

#[test]
fn refuses_to_merge_into_a_broken_career_file() {
    let fixture = Fixture::new();
    let careers = fixture.out().join("careers");
    fs::create_dir_all(&careers).unwrap();
    fs::write(careers.join("software-developers.md"), "+++\ntitle = \"x\"\nbroken = \n+++\n").unwrap();
    assert_eq!(
        fixture.error(None),
        "$T/content/careers/software-developers.md:3: cannot merge into this file: string values must be quoted, expected literal string"
    );
    assert!(!careers.join("civil-engineers.md").exists(), "nothing is written");
}

fn shared_datasets() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/datasets");
    dir.join("onet-29.2/Read Me.txt").is_file().then_some(dir)
}

#[test]
fn imports_the_real_data_when_present() {
    let Some(data) = shared_datasets() else {
        eprintln!("../shared/datasets not present; skipped");
        return;
    };
    let out = tempfile::tempdir().unwrap();
    let options = ImportOptions {
        onet_dir: data.join("onet-29.2"),
        oews_file: data.join("oews-2025/national_M2025.csv"),
        major_groups: None,
        out: out.path().to_owned(),
        projections: None,
        ai_exposure: None,
        telework: None,
    };
    let report = import_onet(&options).unwrap();
    assert_eq!(report.careers, 923);
    let content = load_content(out.path()).expect("the full import is valid content");
    let developers = content.careers.iter().find(|c| c.slug == "software-developers").unwrap();
    assert_eq!(developers.salary.as_ref().unwrap().median, Some(Wage::Exact(135980.0)));
    assert_eq!(developers.onet.as_ref().unwrap().job_zone, Some(4));
}
