//! Importer tests for the optional sources (projections, AI exposure,
//! telework) and the O*NET ratings, on small files cut at test time from
//! the real ones in ../shared/datasets by `tests/cut_sources.sh` (the data
//! sets are read from there, never copied into the repository).

use std::fs;
use std::path::{Path, PathBuf};

use careerdiff_model::{Career, Rating, Wage, load_content};

use crate::{ImportOptions, ImportReport, ProjectionFiles, TeleworkFiles, import_onet};

/// The source files cut from ../shared/datasets into a temporary folder,
/// so that a test can also break one of them.
struct Sources {
    dir: tempfile::TempDir,
}

const PROJECTIONS: &str = "table_1_2_occupation_projections.csv";
const NEM_CROSSWALK: &str = "nem-onet-to-soc-crosswalk.csv";
const AI_EXPOSURE: &str = "occ_level.csv";
const TELEWORK: &str = "occupations_workathome.csv";
const TELEWORK_CROSSWALK: &str = "2010_to_2019_Crosswalk.csv";

impl Sources {
    fn new() -> Self {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let datasets = root.join("../../../shared/datasets");
        assert!(
            datasets.join("onet-29.2").is_dir(),
            "{} not found: these tests cut their input from the real data sets",
            datasets.display()
        );
        let sources = Sources { dir: tempfile::tempdir().unwrap() };
        fs::create_dir_all(sources.path("onet")).unwrap();
        let cut = std::process::Command::new("sh")
            .arg(root.join("tests/cut_sources.sh"))
            .arg(datasets.canonicalize().unwrap())
            .current_dir(sources.dir.path())
            .output()
            .expect("sh runs");
        assert!(cut.status.success(), "cut_sources.sh failed: {}", String::from_utf8_lossy(&cut.stderr));
        sources
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn out(&self) -> PathBuf {
        self.path("content")
    }

    /// Every source.
    fn options(&self) -> ImportOptions {
        ImportOptions {
            onet_dir: self.path("onet"),
            oews_file: self.path("national_M2025.csv"),
            major_groups: None,
            out: self.out(),
            projections: Some(ProjectionFiles { table: self.path(PROJECTIONS), crosswalk: self.path(NEM_CROSSWALK) }),
            ai_exposure: Some(self.path(AI_EXPOSURE)),
            telework: Some(TeleworkFiles { values: self.path(TELEWORK), crosswalk: self.path(TELEWORK_CROSSWALK) }),
        }
    }

    /// O*NET and OEWS only.
    fn plain_options(&self) -> ImportOptions {
        ImportOptions { projections: None, ai_exposure: None, telework: None, ..self.options() }
    }

    fn import(&self) -> ImportReport {
        import_onet(&self.options()).unwrap()
    }

    /// Replaces `from` by `to` in the file `name`, once, which must be there.
    fn edit(&self, name: &str, from: &str, to: &str) {
        let path = self.path(name);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{name} has no {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }

    fn career_text(&self, slug: &str) -> String {
        fs::read_to_string(self.out().join("careers").join(format!("{slug}.md"))).unwrap()
    }

    fn write_career(&self, slug: &str, text: &str) {
        fs::write(self.out().join("careers").join(format!("{slug}.md")), text).unwrap();
    }

    fn careers(&self) -> Vec<Career> {
        load_content(&self.out()).expect("imported files are valid content").careers
    }

    fn career(&self, slug: &str) -> Career {
        self.careers().into_iter().find(|c| c.slug == slug).unwrap_or_else(|| panic!("no career {slug}"))
    }

    /// The error of an import with every source, the temporary folder as `$T`.
    fn error(&self) -> String {
        let error = import_onet(&self.options()).expect_err("import should fail");
        assert!(!self.out().exists(), "nothing is written on an error");
        error.to_string().replace(&self.dir.path().display().to_string(), "$T")
    }
}

fn provenance<'a>(career: &'a Career, key: &str) -> Option<&'a str> {
    career.provenance.get(key).map(String::as_str)
}

#[test]
fn projections_join_through_the_crosswalk() {
    let sources = Sources::new();
    sources.import();
    let developers = sources.career("software-developers");
    assert_eq!(developers.projected_growth, Some(15.8));
    assert_eq!(developers.annual_openings, Some(115_200));
    assert_eq!(developers.entry_education.as_deref(), Some("Bachelor's degree"));
    assert_eq!(developers.entry_experience.as_deref(), Some("None"));
    assert_eq!(developers.entry_training.as_deref(), Some("None"));
    assert_eq!(
        developers.outlook_url.as_deref(),
        Some("https://www.bls.gov/OOH/computer-and-information-technology/software-developers.htm")
    );
    assert_eq!(developers.projections_group, None, "its own row");
    assert_eq!(provenance(&developers, "projected_growth"), Some("BLS Employment Projections 2024–34, NEM 15-1252"));

    // 13-1021.00 is projected only in the group 13-1020.
    let buyers = sources.career("buyers-and-purchasing-agents-farm-products");
    assert_eq!(buyers.projections_group.as_deref(), Some("Buyers and purchasing agents"));
    assert_eq!((buyers.projected_growth, buyers.annual_openings), (Some(5.8), Some(52_200)));
    assert_eq!(buyers.entry_training.as_deref(), Some("Moderate-term on-the-job training"));
    assert_eq!(
        provenance(&buyers, "projected_growth"),
        Some(
            "BLS Employment Projections 2024–34, NEM 13-1020 (Buyers and purchasing agents), the group this occupation is projected in"
        )
    );

    // A specialty shares its base row, which is then a group's.
    let analysts = sources.career("business-intelligence-analysts");
    assert_eq!(analysts.projections_group.as_deref(), Some("Data scientists"));
    assert_eq!(analysts.projected_growth, Some(33.5));
    assert_eq!(
        provenance(&analysts, "annual_openings"),
        Some(
            "BLS Employment Projections 2024–34, NEM 15-2051 (Data scientists), the occupation that includes this O*NET specialty"
        )
    );
    assert_eq!(sources.career("data-scientists").projections_group, None);

    // A quoted title with commas, trimmed; "—" in the crosswalk is no link.
    let managers = sources.career("transportation-storage-and-distribution-managers");
    assert_eq!(managers.projected_growth, Some(6.1));
    assert_eq!(managers.entry_experience.as_deref(), Some("5 years or more"));
    assert_eq!(managers.outlook_url, None);
    assert!(!managers.provenance.contains_key("outlook_url"));
    let robotics = sources.career("robotics-engineers");
    assert_eq!(robotics.projections_group.as_deref(), Some("Engineers, all other"));
}

#[test]
fn ai_exposure_is_the_human_beta_in_percent() {
    let sources = Sources::new();
    sources.import();
    // 0.4473684210526315: the README's "0.45" is rounded to two places.
    let developers = sources.career("software-developers");
    assert_eq!(developers.ai_exposure, Some(44.7));
    assert_eq!(
        provenance(&developers, "ai_exposure"),
        Some(
            "Eloundou et al. 2024 (GPTs are GPTs), human-rated β: share of tasks a language model could speed up by half, those that need software built on one counted at half weight"
        )
    );
    assert_eq!(developers.ai_risk, None, "exposure is not written as risk");
    assert_eq!(sources.career("data-scientists").ai_exposure, Some(59.4));
    assert_eq!(sources.career("brickmasons-and-blockmasons").ai_exposure, Some(0.0));
}

#[test]
fn telework_needs_one_value_through_the_crosswalk() {
    let sources = Sources::new();
    let report = sources.import();
    let developers = sources.career("software-developers");
    assert_eq!(developers.remote_friendly, Some(true));
    assert_eq!(
        provenance(&developers, "remote_friendly"),
        Some(
            "Dingel & Neiman 2020 (can the work be done at home), from its O*NET-SOC 2010 codes 15-1132.00, 15-1133.00"
        )
    );
    assert_eq!(sources.career("registered-nurses").remote_friendly, Some(false));

    let managers = sources.career("transportation-storage-and-distribution-managers");
    assert_eq!(managers.remote_friendly, None);
    assert_eq!(
        provenance(&managers, "remote_friendly"),
        Some(
            "unknown: Dingel & Neiman 2020 give conflicting values for its O*NET-SOC 2010 codes 11-3071.01 (yes), 11-3071.02 (no), 11-3071.03 (yes)"
        )
    );
    let scientists = sources.career("data-scientists");
    assert_eq!(scientists.remote_friendly, None);
    assert_eq!(
        provenance(&scientists, "remote_friendly"),
        Some("unknown: no Dingel & Neiman 2020 value for its O*NET-SOC 2010 code 15-2099.00")
    );
    assert_eq!(report.with_value.get("remote_friendly"), Some(&8));
    assert_eq!(report.unknown.get("remote_friendly"), Some(&2));
    let text = sources.career_text("data-scientists");
    assert_eq!(text.matches("\nremote_friendly = ").count(), 1, "only in the provenance: {text}");
    assert!(text.contains("\nremote_friendly = \"unknown: no Dingel"), "{text}");
}

#[test]
fn telework_crosswalk_that_brings_in_a_conflicting_code() {
    let sources = Sources::new();
    // Registered Nurses (0) also take in an old code classed 1.
    sources.edit(
        TELEWORK_CROSSWALK,
        "29-1141.00,Registered Nurses,",
        "29-1141.00,Registered Nurses,29-1141.00,x\n15-2011.00,x,",
    );
    sources.import();
    let nurses = sources.career("registered-nurses");
    assert_eq!(nurses.remote_friendly, None);
    assert_eq!(
        provenance(&nurses, "remote_friendly"),
        Some(
            "unknown: Dingel & Neiman 2020 give conflicting values for its O*NET-SOC 2010 codes 15-2011.00 (yes), 29-1141.00 (no)"
        )
    );
}

#[test]
fn ratings_honour_suppression_and_relevance() {
    let sources = Sources::new();
    sources.import();
    let nurses = sources.career("registered-nurses");
    let ratings = nurses.ratings.as_ref().expect("rated");
    assert_eq!(ratings.skills["Critical Thinking"], Rating { importance: 4.0, level: Some(4.12) });
    // Level suppressed (Recommend Suppress = Y), importance kept.
    assert_eq!(ratings.knowledge["Economics and Accounting"], Rating { importance: 1.74, level: None });
    assert_eq!(ratings.knowledge["Food Production"], Rating { importance: 1.5, level: None });
    assert_eq!(
        provenance(&nurses, "ratings"),
        Some("O*NET 29.2 Skills and Knowledge (importance IM 1–5, level LV 0–7)")
    );
    // Level rated not relevant: absent.
    let actuaries = sources.career("actuaries");
    assert_eq!(actuaries.ratings.as_ref().unwrap().skills["Equipment Selection"].level, None);
    // Importance suppressed: the element is left out.
    let masons = sources.career("brickmasons-and-blockmasons");
    let knowledge = &masons.ratings.as_ref().unwrap().knowledge;
    assert!(!knowledge.contains_key("Food Production"));
    assert_eq!(knowledge.len(), 2);
    // O*NET has no ratings for Software Developers: no table, no zeros.
    let text = sources.career_text("software-developers");
    assert!(!text.contains("ratings"), "{text}");
    let text = sources.career_text("registered-nurses");
    assert!(
        text.contains(
            "[ratings.knowledge]\n\"Economics and Accounting\" = { importance = 1.74 }\n\"Food Production\" = { importance = 1.5 }\nMathematics = { importance = 3.43, level = 3.4 }\n"
        ),
        "{text}"
    );
}

#[test]
fn shared_wage_rows_name_their_group() {
    let sources = Sources::new();
    sources.import();
    for slug in ["robotics-engineers", "mechatronics-engineers"] {
        let salary = sources.career(slug).salary.unwrap();
        assert_eq!(salary.median, Some(Wage::Exact(122930.0)), "{slug}");
        assert_eq!(salary.group.as_deref(), Some("Engineers, All Other"), "{slug}");
    }
    let analysts = sources.career("business-intelligence-analysts").salary.unwrap();
    assert_eq!(analysts.group.as_deref(), Some("Data Scientists"));
    let scientists = sources.career("data-scientists").salary.unwrap();
    assert_eq!(scientists.group, None, "the SOC occupation's own figures");
    assert_eq!(sources.career("software-developers").salary.unwrap().group, None);
}

#[test]
fn wages_published_only_for_a_combined_code_are_the_combined_occupations() {
    let sources = Sources::new();
    sources.import();
    // OEWS has no row 13-1021, only 13-1020 (Buyers and Purchasing Agents),
    // the code the projections link 13-1021.00 to: its wages are that row's,
    // named as a group, and its employment (the group's) is not shown.
    let buyers = sources.career("buyers-and-purchasing-agents-farm-products");
    let salary = buyers.salary.as_ref().expect("the combined row's wages");
    assert_eq!(salary.median, Some(Wage::Exact(77710.0)));
    assert_eq!(salary.group.as_deref(), Some("Buyers and Purchasing Agents"));
    assert_eq!(buyers.employment, None);
    assert_eq!(
        provenance(&buyers, "salary"),
        Some(
            "BLS OEWS May 2025, SOC 13-1020 (Buyers and Purchasing Agents), the combined occupation OEWS publishes this one in"
        )
    );
    // Without projections there is no link to the combined code.
    import_onet(&sources.plain_options()).unwrap();
    assert_eq!(sources.career("buyers-and-purchasing-agents-farm-products").salary, None);
}

#[test]
fn singular_names_for_sentences() {
    let sources = Sources::new();
    sources.import();
    let singular = |slug: &str| sources.career(slug).singular;
    assert_eq!(singular("actuaries").as_deref(), Some("Actuary"));
    assert_eq!(singular("software-developers").as_deref(), Some("Software Developer"));
    assert_eq!(singular("data-scientists").as_deref(), Some("Data Scientist"));
    assert_eq!(singular("registered-nurses").as_deref(), Some("Registered Nurse"));
    assert_eq!(singular("brickmasons-and-blockmasons"), None, "two kinds of worker");
    assert_eq!(singular("buyers-and-purchasing-agents-farm-products"), None);
    let actuaries = sources.career("actuaries");
    assert_eq!(provenance(&actuaries, "singular"), Some("O*NET 29.2 Alternate Titles (the singular of its title)"));
    let nurses = sources.career("registered-nurses");
    assert!(provenance(&nurses, "singular").unwrap().starts_with("derived from O*NET 29.2 Occupation Data title"));
}

#[test]
fn a_writers_singular_wins() {
    let sources = Sources::new();
    sources.import();
    let text = sources.career_text("actuaries");
    let own = text
        .replace("singular = \"Actuary\"", "singular = \"Actuarial Scientist\"")
        .replace("singular = \"O*NET 29.2 Alternate Titles (the singular of its title)\"\n", "");
    sources.write_career("actuaries", &own);
    sources.import();
    assert_eq!(sources.career_text("actuaries"), own, "the writer's singular and its file are kept");

    // One the importer wrote (its provenance says so) is the importer's.
    let text = sources.career_text("registered-nurses");
    sources.write_career("registered-nurses", &text.replace("singular = \"Registered Nurse\"", "singular = \"RN\""));
    sources.import();
    assert_eq!(sources.career_text("registered-nurses"), text);
}

#[test]
fn reimport_with_every_source_is_byte_identical() {
    let sources = Sources::new();
    let first = sources.import();
    assert_eq!((first.careers, first.written), (10, 10));
    let texts: Vec<String> = sources.careers().iter().map(|c| fs::read_to_string(&c.source).unwrap()).collect();
    let second = sources.import();
    assert_eq!((second.written, second.unchanged), (0, 10));
    let again: Vec<String> = sources.careers().iter().map(|c| fs::read_to_string(&c.source).unwrap()).collect();
    assert_eq!(texts, again);

    // A writer's comment, own field and body survive, and the merge is stable.
    let text = sources.career_text("software-developers");
    let edited =
        text.replacen("+++\n", "+++\n# Checked by the editors.\ndemand_score = 8.5\n", 1) + "\nOur overview.\n";
    sources.write_career("software-developers", &edited);
    sources.import();
    let merged = sources.career_text("software-developers");
    assert_eq!(merged, edited, "nothing the importer owns had changed");
    assert_eq!(sources.import().written, 0);
}

#[test]
fn a_source_left_out_leaves_its_keys_alone() {
    let sources = Sources::new();
    sources.import();
    let text = sources.career_text("software-developers");
    let edited = text
        .replace("projected_growth = 15.8", "projected_growth = 99.9")
        .replace("ai_exposure = 44.7", "ai_exposure = 1.0")
        .replace("remote_friendly = true", "remote_friendly = false");
    assert_ne!(edited, text);
    sources.write_career("software-developers", &edited);
    // A writer's remote_friendly in a career the telework data knows nothing of.
    let scientists = sources.career_text("data-scientists").replacen("+++\n", "+++\nremote_friendly = true\n", 1);
    sources.write_career("data-scientists", &scientists);

    import_onet(&sources.plain_options()).unwrap();
    assert_eq!(sources.career_text("software-developers"), edited, "values and provenance left as they are");
    assert_eq!(sources.career_text("data-scientists"), scientists);

    sources.import();
    assert_eq!(sources.career_text("software-developers"), text, "with the flags the importer owns them");
    let scientists = sources.career("data-scientists");
    assert_eq!(scientists.remote_friendly, None, "--telework owns remote_friendly");
}

#[test]
fn writes_a_default_site_config_once() {
    let sources = Sources::new();
    assert!(sources.import().wrote_site_config);
    let config = fs::read_to_string(sources.out().join("site.toml")).unwrap();
    assert!(config.contains("base_url = \"https://careers.example.org/\""));
    let content = load_content(&sources.out()).unwrap();
    assert_eq!(content.site.pairs, careerdiff_model::PairPolicy::Similar { per_career: 10 });

    let own = "title = \"Ours\"\n";
    fs::write(sources.out().join("site.toml"), own).unwrap();
    assert!(!sources.import().wrote_site_config);
    assert_eq!(fs::read_to_string(sources.out().join("site.toml")).unwrap(), own);
}

#[test]
fn reads_the_projection_decade_from_the_headers() {
    let sources = Sources::new();
    let path = sources.path(PROJECTIONS);
    let text =
        fs::read_to_string(&path).unwrap().replace("2024–34", "2025–35").replacen("2024 National", "2025 National", 2);
    fs::write(&path, text).unwrap();
    sources.import();
    let developers = sources.career("software-developers");
    assert_eq!(provenance(&developers, "projected_growth"), Some("BLS Employment Projections 2025–35, NEM 15-1252"));
}

#[test]
fn projection_errors_name_file_line_and_column() {
    let sources = Sources::new();
    sources.edit(PROJECTIONS, ",Occupation type,", ",Kind,");
    let error = sources.error();
    assert!(
        error.starts_with(
            "$T/table_1_2_occupation_projections.csv:1: missing column `Occupation type` (found: 2024 National Employment Matrix title, 2024 National Employment Matrix code, Kind, "
        ),
        "{error}"
    );
    assert!(error.ends_with("; expected BLS Employment Projections table 1.2 (occupation.xlsx) as CSV"), "{error}");

    let sources = Sources::new();
    sources.edit(PROJECTIONS, "\"Employment change, percent, 2024–34\"", "\"Change, percent\"");
    assert!(sources.error().starts_with(
        "$T/table_1_2_occupation_projections.csv:1: missing column `Employment change, percent, <YYYY–YY>` (found: "
    ));

    let sources = Sources::new();
    sources.edit(PROJECTIONS, ",15-1252,Line item,", ",15-1252x,Line item,");
    assert_eq!(
        sources.error(),
        "$T/table_1_2_occupation_projections.csv:6: `2024 National Employment Matrix code` is `15-1252x`, expected a code like 15-1252"
    );

    let sources = Sources::new();
    sources.edit(PROJECTIONS, ",267.7,15.8,", ",267.7,15.8%,");
    assert_eq!(
        sources.error(),
        "$T/table_1_2_occupation_projections.csv:6: `Employment change, percent, 2024–34` is `15.8%`, expected a percent change such as 15.8 or -3.2"
    );

    let sources = Sources::new();
    sources.edit(NEM_CROSSWALK, ",13-1020,Buyers", ",13-1029,Buyers");
    assert_eq!(
        sources.error(),
        "$T/nem-onet-to-soc-crosswalk.csv:3: NEM code 13-1029 is not a `Line item` row of $T/table_1_2_occupation_projections.csv; the crosswalk and the table must be of the same projections"
    );

    let sources = Sources::new();
    sources.edit(NEM_CROSSWALK, "123,15-1252.00,", "123,15-1252,");
    assert_eq!(
        sources.error(),
        "$T/nem-onet-to-soc-crosswalk.csv:4: `O*NET-SOC Code` is `15-1252`, expected an O*NET-SOC code like 15-1252.00"
    );

    let sources = Sources::new();
    sources.edit(NEM_CROSSWALK, ",OOH Profile Website", ",Website");
    assert!(sources.error().starts_with("$T/nem-onet-to-soc-crosswalk.csv:1: missing column `OOH Profile Website`"));
}

#[test]
fn ai_exposure_errors_name_file_line_and_column() {
    let sources = Sources::new();
    sources.edit(AI_EXPOSURE, ",human_rating_beta,", ",human_beta,");
    assert_eq!(
        sources.error(),
        "$T/occ_level.csv:1: missing column `human_rating_beta` (found: O*NET-SOC Code, Title, dv_rating_alpha, dv_rating_beta, dv_rating_gamma, human_rating_alpha, human_beta, human_rating_gamma); expected the occ_level.csv of Eloundou et al. 2024 (GPTs are GPTs)"
    );

    let sources = Sources::new();
    sources.edit(AI_EXPOSURE, "\n15-2011.00,", "\n15-2011,");
    assert_eq!(
        sources.error(),
        "$T/occ_level.csv:5: `O*NET-SOC Code` is `15-2011`, expected an O*NET-SOC code like 15-1252.00"
    );

    let sources = Sources::new();
    sources.edit(AI_EXPOSURE, "0.4473684210526315", "44.7");
    assert_eq!(sources.error(), "$T/occ_level.csv:4: `human_rating_beta` is `44.7`, expected a share from 0 to 1");
}

#[test]
fn telework_errors_name_file_line_and_column() {
    let sources = Sources::new();
    sources.edit(TELEWORK, "teleworkable", "at_home");
    assert_eq!(
        sources.error(),
        "$T/occupations_workathome.csv:1: missing column `teleworkable` (found: onetsoccode, title, at_home); expected the occupations_workathome.csv of Dingel and Neiman 2020"
    );

    let sources = Sources::new();
    sources.edit(TELEWORK, "Actuaries,1", "Actuaries,yes");
    assert_eq!(
        sources.error(),
        "$T/occupations_workathome.csv:9: `teleworkable` is `yes`, expected 1 (can be done at home) or 0"
    );

    let sources = Sources::new();
    sources.edit(TELEWORK_CROSSWALK, "\n15-2011.00,Actuaries,15-2011.00,", "\n15-2011.00,Actuaries,15-2011,");
    assert_eq!(
        sources.error(),
        "$T/2010_to_2019_Crosswalk.csv:10: `O*NET-SOC 2019 Code` is `15-2011`, expected an O*NET-SOC code like 15-1252.00"
    );

    let sources = Sources::new();
    sources.edit(TELEWORK, "\n15-2011.00,Actuaries,1", "\n15-2011.00,\"Actuaries, again,1");
    assert!(sources.error().starts_with("$T/occupations_workathome.csv:"));
}

#[test]
fn rating_errors_name_file_line_and_column() {
    let sources = Sources::new();
    sources.edit("onet/Skills.txt", "\tCritical Thinking\tIM\t4.00\t", "\tCritical Thinking\tIM\t5.50\t");
    let error = sources.error();
    assert!(error.starts_with("$T/onet/Skills.txt:"), "{error}");
    assert!(error.ends_with(": `Data Value` is `5.50`, expected a number from 1 to 5"), "{error}");

    let sources = Sources::new();
    sources.edit("onet/Knowledge.txt", "\tMathematics\tLV\t3.40\t", "\tMathematics\tXX\t3.40\t");
    assert!(sources.error().ends_with(": `Scale ID` is `XX`, expected IM (importance) or LV (level)"));

    let sources = Sources::new();
    sources.edit("onet/Knowledge.txt", "Recommend Suppress", "Suppress");
    assert!(sources.error().starts_with("$T/onet/Knowledge.txt:1: missing column `Recommend Suppress`"));
}

#[test]
fn interests_and_work_values_come_where_onet_scores_them() {
    let sources = Sources::new();
    sources.import();
    let nurses = sources.career("registered-nurses");
    let interests = nurses.interests.expect("scored");
    assert_eq!((interests.social, interests.investigative, interests.artistic), (5.62, 4.82, 1.31));
    let values = nurses.work_values.expect("scored");
    assert_eq!((values.relationships, values.support, values.recognition), (6.33, 6.0, 4.67));
    assert_eq!(
        provenance(&nurses, "interests"),
        Some("O*NET 29.2 Interests (occupational interest profile, Holland's RIASEC types, OI 1–7)")
    );
    assert_eq!(provenance(&nurses, "work_values"), Some("O*NET 29.2 Work Values (extent EX 1–7)"));
    // Software Developers have interests but no work values: no table, no zeros.
    let developers = sources.career("software-developers");
    assert!(developers.interests.is_some());
    assert_eq!(developers.work_values, None);
    let text = sources.career_text("software-developers");
    assert!(text.contains("\n[interests]\nrealistic = "), "{text}");
    assert!(!text.contains("work_values"), "{text}");
}

#[test]
fn interest_and_value_errors_name_file_line_and_column() {
    let sources = Sources::new();
    sources.edit("onet/Interests.txt", "\tSocial\tOI\t5.62\t", "\tSocial\tOI\t7.62\t");
    let error = sources.error();
    assert!(error.starts_with("$T/onet/Interests.txt:"), "{error}");
    assert!(error.ends_with(": `Data Value` is `7.62`, expected a number from 1 to 7"), "{error}");

    let sources = Sources::new();
    sources.edit("onet/Work Values.txt", "\tSupport\tEX\t6.00\t", "\tSupportive\tEX\t6.00\t");
    let error = sources.error();
    assert!(error.starts_with("$T/onet/Work Values.txt:"), "{error}");
    assert!(error.contains("`Element Name` is `Supportive`, expected one of Achievement,"), "{error}");
}

#[test]
fn without_ratings_files_the_key_is_left_alone() {
    let sources = Sources::new();
    sources.import();
    let text = sources.career_text("registered-nurses");
    fs::remove_file(sources.path("onet/Skills.txt")).unwrap();
    fs::remove_file(sources.path("onet/Knowledge.txt")).unwrap();
    sources.import();
    // Only how coding is decided changes: from the technologies, with no
    // Programming rating to read.
    let after = sources.career_text("registered-nurses");
    let coding = "requires_coding = \"derived from O*NET 29.2 ";
    let rest = |text: &str| text.lines().filter(|l| !l.starts_with(coding)).collect::<Vec<_>>().join("\n");
    assert_eq!(rest(&after), rest(&text));
    assert!(after.contains("requires_coding = \"derived from O*NET 29.2 Technology Skills (no Programming rating)"));
}

#[test]
fn coding_follows_the_programming_rating_where_there_is_one() {
    let sources = Sources::new();
    sources.import();
    // Actuaries list C++ among their technologies, and O*NET rates
    // Programming 2.12 of 5 for them: somewhat important, not required.
    let actuaries = sources.career("actuaries");
    assert!(actuaries.skills.iter().any(|s| s.name == "C++"));
    assert_eq!(actuaries.requires_coding, Some(false));
    assert_eq!(
        provenance(&actuaries, "requires_coding"),
        Some(
            "derived from O*NET 29.2 Skills: Programming importance 2.12 of 5; 3 or more (important) counts as coding"
        )
    );
    // Without ratings, the technologies decide (the three cut here hold
    // no programming language).
    let developers = sources.career("software-developers");
    assert_eq!(developers.requires_coding, Some(false));
    let source = provenance(&developers, "requires_coding").unwrap();
    assert!(source.starts_with("derived from O*NET 29.2 Technology Skills (no Programming rating): none"), "{source}");
}

#[test]
fn a_byte_order_mark_is_no_part_of_a_column_name() {
    let sources = Sources::new();
    let path = sources.path(AI_EXPOSURE);
    let text = fs::read_to_string(&path).unwrap();
    fs::write(&path, format!("\u{feff}{text}")).unwrap();
    sources.import();
    assert_eq!(sources.career("software-developers").ai_exposure, Some(44.7));
}
