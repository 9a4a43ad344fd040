//! One function per subcommand: load, run the libraries, print.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::{Context, anyhow};
use careerdiff_compare::Comparer;
use careerdiff_model::{Content, ContentErrors, Diagnostic, load_content};
use careerdiff_search::SearchIndex;
use careerdiff_serve::api::{self, ParamError};
use careerdiff_site::pair_path;

use crate::args::{CompareArgs, ContentArgs, MessageFormat, OnetArgs, SearchArgs, SimilarArgs};
use crate::{Failure, terminal};

/// Loads the content folder, printing every content error on failure and
/// every warning on success (once: every command loads once).
pub(crate) fn load(args: &ContentArgs) -> Result<Content, Failure> {
    if !args.content.is_dir() {
        return Err(anyhow!("content folder {} not found (pass --content DIR)", args.content.display()).into());
    }
    let content = load_content(&args.content).map_err(|errors| {
        terminal::diagnostics(&errors, args.message_format);
        Failure::Content
    })?;
    terminal::warnings(&content.warnings, args.message_format);
    Ok(content)
}

/// The theme folder named in site.toml: `themes/<name>` beside the content
/// folder (the real one: `--content x/careers/..` is `x`). Only the
/// default theme may be absent (it is built in).
pub(crate) fn theme_dir(content: &Content, format: MessageFormat) -> Result<Option<PathBuf>, Failure> {
    theme_folder(content).map_err(|missing| {
        terminal::diagnostics(&missing, format);
        Failure::Content
    })
}

/// [`theme_dir`], with a missing theme as its diagnostic, unprinted.
pub(crate) fn theme_folder(content: &Content) -> Result<Option<PathBuf>, ContentErrors> {
    let root = content.root.canonicalize().unwrap_or_else(|_| content.root.clone());
    let parent = root.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let dir = parent.join("themes").join(&content.site.theme);
    if dir.is_dir() {
        Ok(Some(dir))
    } else if content.site.theme == "default" {
        Ok(None)
    } else {
        Err(ContentErrors(vec![Diagnostic::whole_file(
            &content.root.join("site.toml"),
            format!("theme `{}` not found", content.site.theme),
            format!("a folder {} with templates/ and static/", dir.display()),
        )]))
    }
}

pub(crate) fn check(args: ContentArgs) -> Result<(), Failure> {
    let content = load(&args)?;
    theme_dir(&content, args.message_format)?;
    out!(
        "{}: {} careers, {} skills, no errors",
        args.content.display(),
        content.careers.len(),
        content.taxonomy.skills().len()
    );
    Ok(())
}

/// An API lookup's error as the command line says it: an unknown slug
/// with where to find slugs.
fn usage(e: ParamError) -> Failure {
    let hint = if e.unknown_career { "; `careerdiff search` finds slugs" } else { "" };
    anyhow!("{e}{hint}").into()
}

pub(crate) fn compare(args: CompareArgs) -> Result<(), Failure> {
    let comparer = Comparer::new(load(&args.content)?);
    // The server's /api/compare answers through the same function.
    let comparison = api::comparison(&comparer, &args.a, &args.b).map_err(usage)?;
    if args.json {
        out!("{}", serde_json::to_string_pretty(&comparison).context("writing JSON")?);
    } else {
        out_text!("{}", terminal::comparison(&comparison));
        out!("\nPage: {}", pair_path(&args.a, &args.b));
    }
    Ok(())
}

pub(crate) fn search(args: SearchArgs) -> Result<(), Failure> {
    let content = load(&args.content)?;
    let index = SearchIndex::build_in_ram(&content).context("indexing careers")?;
    let filter = api::SearchFilter::default();
    let (hits, total) = api::search(&index, &content, &args.query, args.limit, &filter).context("searching")?;
    if args.json {
        out!("{}", serde_json::to_string_pretty(&hits).context("writing JSON")?);
    } else {
        out_text!("{}", terminal::hits(&args.query, &hits, total));
    }
    Ok(())
}

pub(crate) fn similar(args: SimilarArgs) -> Result<(), Failure> {
    let comparer = Comparer::new(load(&args.content)?);
    let lists = api::similar(&comparer, args.slug.as_deref(), args.limit).map_err(usage)?;
    if args.json {
        out!("{}", serde_json::to_string_pretty(&lists).context("writing JSON")?);
    } else {
        for (slug, list) in &lists {
            out_text!("{}", terminal::similar(slug, list));
        }
    }
    Ok(())
}

pub(crate) fn import_onet(args: OnetArgs) -> Result<(), Failure> {
    for group in &args.soc {
        if group.len() != 2 || !group.bytes().all(|b| b.is_ascii_digit()) {
            return Err(anyhow!("--soc takes two-digit SOC major groups such as 15,17; got `{group}`").into());
        }
    }
    let options = careerdiff_import::ImportOptions {
        onet_dir: args.onet,
        oews_file: args.oews,
        major_groups: (!args.all).then_some(args.soc),
        out: args.out.clone(),
        // clap's `requires` makes each pair come together.
        projections: args
            .projections
            .zip(args.projections_crosswalk)
            .map(|(table, crosswalk)| careerdiff_import::ProjectionFiles { table, crosswalk }),
        ai_exposure: args.ai_exposure,
        telework: args
            .telework
            .zip(args.telework_crosswalk)
            .map(|(values, crosswalk)| careerdiff_import::TeleworkFiles { values, crosswalk }),
    };
    let started = Instant::now();
    // Exit codes as documented: 2 for a file that cannot be read or
    // written, 1 for data that is not what was expected.
    let report = careerdiff_import::import_onet(&options).map_err(|e| {
        if e.io {
            return Failure::Other(anyhow!("{e}\nnothing was written"));
        }
        eprintln!("error: {}\nnothing was written", careerdiff_model::inert(&e.to_string()));
        Failure::Content
    })?;
    out!(
        "imported {} careers from O*NET {} into {}: {} written, {} unchanged, {} skills in skills.toml ({:.1} s)",
        report.careers,
        report.release,
        args.out.display(),
        report.written,
        report.unchanged,
        report.skills,
        started.elapsed().as_secs_f64()
    );
    let count = |key: &str| report.with_value.get(key).copied().unwrap_or(0);
    let mut with = vec![format!("singular {}", count("singular")), format!("ratings {}", count("ratings"))];
    for key in ["interests", "work_values", "projected_growth", "ai_exposure", "remote_friendly"] {
        if report.with_value.contains_key(key) || report.unknown.contains_key(key) {
            with.push(format!("{key} {}", count(key)));
        }
    }
    if let Some(unknown) = report.unknown.get("remote_friendly") {
        with.push(format!("remote_friendly unknown {unknown}"));
    }
    out!("careers with {}", with.join(", "));
    if report.wrote_site_config {
        out!(
            "wrote a default {}: set its base_url to the address the site will be published at",
            args.out.join("site.toml").display()
        );
    }
    Ok(())
}
