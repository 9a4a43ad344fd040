//! `careerdiff build`: load, index, compare and render, then report. When
//! the output holds a site this program built from the same input files,
//! nothing is loaded at all.

use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use anyhow::Context;
use careerdiff_compare::Comparer;
use careerdiff_model::Content;
use careerdiff_search::SearchIndex;
use careerdiff_site::{BuildOptions, BuildReport, ExtraFile, Manifest, Ranker, Shard, Site, SiteOptions, Theme};

use crate::args::BuildArgs;
use crate::commands::{load, theme_dir};
use crate::search_cache::{Recorder, SearchCache};
use crate::{Failure, chores, preflight, terminal};

pub(crate) fn build(args: BuildArgs) -> Result<(), Failure> {
    // The summary times the whole command, from reading the content to the
    // last file written, as a peer tool's wall time would be.
    let started = Instant::now();
    let shard = args.shard.unwrap_or(Shard::WHOLE);
    let generator = generator();
    let folders = input_folders(&args.content.content);
    let inputs = careerdiff_site::input_digest(&folders.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    let may_skip = !args.full && !args.render_only && shard == Shard::WHOLE;
    if may_skip && Manifest::is_current(&args.out, &generator, inputs) {
        out!(
            "{} is up to date: no input changed since it was built, 0 pages rewritten ({:.2} s)",
            args.out.display(),
            started.elapsed().as_secs_f64()
        );
        return Ok(());
    }
    let content = Arc::new(load(&args.content)?);
    let theme_dir = theme_dir(&content, args.content.message_format)?;
    let theme = Theme::load(theme_dir.as_deref()).context("loading the theme")?;
    // Only the shard that builds the non-pair pages needs the search index:
    // skill pages are ranked by it and the static search files come from it.
    // A whole build keeps what it made in the output (see `search_cache`).
    let search = shard.owns_site_pages();
    let cached = shard == Shard::WHOLE && !args.render_only && search;
    let search_digest = cached.then(|| careerdiff_search::input_digest(&content));
    let cache = search_digest.filter(|_| !args.full).and_then(|d| SearchCache::take(&args.out, &generator, d));
    let Prepared { site, recorder, static_files } = prepare(Arc::clone(&content), theme, search, cache, &args.out)?;
    let bar = terminal::ProgressBar::new();
    let report = if args.render_only {
        careerdiff_site::render_only(&site, shard, Some(&*bar)).context("rendering")?
    } else {
        chores::remove_leftovers(&args.out);
        let options = BuildOptions {
            out: args.out.clone(),
            theme_dir,
            shard,
            force: args.force,
            full: args.full,
            progress: Some(bar.clone()),
            generator: generator.clone(),
            inputs,
        };
        careerdiff_site::build(&site, &options)
            .with_context(|| format!("building {} (the previous site, if any, is untouched)", args.out.display()))?
    };
    bar.finish();
    if let (Some(recorder), Some(digest)) = (&recorder, search_digest) {
        // Only a cost next time if it fails: the search side is made again.
        let _ = recorder.write(&args.out, &generator, digest, &static_files);
    }
    if let Some(old) = &report.replaced {
        chores::remove_in_background(old);
    }
    print_summary(&args, &report, content.careers.len(), started);
    if shard == Shard::WHOLE && !report.incremental {
        let built = preflight::Built {
            files: report.files,
            bytes: report.bytes,
            pair_pages: report.pair_pages,
            pair_bytes: report.pair_bytes,
            careers: content.careers.len() as u64,
        };
        eprint!("{}", preflight::warnings(&built));
    }
    // The command ends here: freeing the site's millions of small parts
    // one by one would add a tenth of a second to an incremental build,
    // and the process's end frees them at once.
    std::mem::forget(site);
    Ok(())
}

/// A prepared site, and what its search side made for the next build's
/// cache.
struct Prepared {
    site: Site,
    /// Every skill ranking asked for, when the site has a search side.
    recorder: Option<Arc<Recorder>>,
    /// The static search files' paths, each with its bytes' fingerprint.
    static_files: Vec<(String, u64)>,
}

/// Prepares the site of `content`: its comparer and, with `search`, the
/// search index (skill pages are ranked by it; the static search files are
/// made from it). Indexing (one tantivy thread), or reading the cached
/// files back, runs beside preparing the comparer, and the static search
/// files (one thread) beside making the site. With a `cache` of the same
/// search inputs whose files `out` still holds, nothing is indexed unless
/// a ranking the cache lacks is asked for.
fn prepare(
    content: Arc<Content>,
    theme: Theme,
    search: bool,
    cache: Option<SearchCache>,
    out: &Path,
) -> anyhow::Result<Prepared> {
    // The kept files are looked for (the output's disk may be cold after a
    // full build) while the comparer is made, as the index would be.
    let searched = || -> anyhow::Result<(Option<Arc<SearchIndex>>, Option<Files>)> {
        let kept_files = cache.as_ref().and_then(|cache| cache.kept_files(out));
        if !search || kept_files.is_some() {
            return Ok((None, kept_files));
        }
        Ok((Some(Arc::new(SearchIndex::build_in_ram(&content).context("indexing careers")?)), None))
    };
    let (comparer, searched) = rayon::join(|| Comparer::new(Arc::clone(&content)), searched);
    let (comparer, (index, kept_files)) = (Arc::new(comparer), searched?);
    let (rank, recorder) = if search {
        let (made, late, content) = (index.clone(), OnceLock::new(), Arc::clone(&content));
        let limit = content.careers.len();
        let index = move || made.clone().or_else(|| late.get_or_init(|| index_of(&content)).clone());
        let (rank, recorder) = Recorder::wrap(ranker(index, limit), cache);
        (Some(rank), Some(recorder))
    } else {
        (None, None)
    };
    let options = SiteOptions { extra_files: Vec::new(), rank };
    let files = || -> anyhow::Result<Files> {
        match kept_files {
            Some(files) => Ok(files),
            None => {
                let made = index.as_deref().map_or(Ok(Vec::new()), static_search_files)?;
                Ok(made.into_iter().map(|(path, bytes)| (path, ExtraFile::Bytes(bytes))).collect())
            }
        }
    };
    let (site, files) = rayon::join(|| Site::new(comparer, theme, options), files);
    let (mut site, files) = (site.context("preparing the site")?, files?);
    let static_files = files.iter().map(|(path, file)| (path.clone(), file.fingerprint())).collect();
    site.add_extra_files(files);
    Ok(Prepared { site, recorder, static_files })
}

/// Files published with the site, by path.
type Files = Vec<(String, ExtraFile)>;

/// The search index of `content`, made when a kept ranking was missing;
/// without one (it cannot fail in memory), careers stay in their order.
fn index_of(content: &Content) -> Option<Arc<SearchIndex>> {
    SearchIndex::build_in_ram(content).ok().map(Arc::new)
}

/// How skill pages rank careers: by the search index that `index` gives
/// (it may wait for one being made), among the careers asked about;
/// nothing without one.
pub(crate) fn ranker(
    index: impl Fn() -> Option<Arc<SearchIndex>> + Send + Sync + 'static,
    limit: usize,
) -> Arc<Ranker> {
    let ranking = OnceLock::new();
    Arc::new(move |query: &str, candidates: &[usize]| {
        let ranking = ranking.get_or_init(|| index().map(|index| index.batch_ranker()));
        let order = ranking.as_ref().and_then(|ranking| ranking.rank(query, limit).ok()).unwrap_or_default();
        in_order(candidates, &order, limit)
    })
}

/// `candidates` in the order of `order` (careers of `n` in all), those it
/// leaves out last, as they came.
fn in_order(candidates: &[usize], order: &[usize], n: usize) -> Vec<usize> {
    let mut position = vec![usize::MAX; n];
    for (place, &c) in order.iter().enumerate() {
        position[c] = place;
    }
    let mut ranked = candidates.to_vec();
    ranked.sort_by_key(|&c| position.get(c).copied().unwrap_or(usize::MAX));
    ranked
}

/// The static search files of `index`: (path, bytes).
pub(crate) fn static_search_files(index: &SearchIndex) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let files = careerdiff_search::static_index(index).context("writing the static search index")?;
    Ok(files.into_iter().map(|f| (f.path, f.bytes)).collect())
}

fn print_summary(args: &BuildArgs, report: &BuildReport, careers: usize, started: Instant) {
    let secs = started.elapsed().as_secs_f64();
    let peak = terminal::peak_memory_mib();
    if report.incremental {
        out!(
            "updated {} in place: {} pages rewritten ({} files, {:.1} MB), {} deleted, {} unchanged ({} careers) in {:.2} s, peak memory {peak} MB",
            args.out.display(),
            report.pages,
            report.files,
            report.bytes as f64 / 1e6,
            report.deleted,
            report.unchanged,
            careers,
            secs,
        );
        return;
    }
    let target =
        if args.render_only { "rendered, not written".to_owned() } else { format!("into {}", args.out.display()) };
    let in_shard = if args.shard.is_some() { " in this shard" } else { "" };
    out!(
        "built {} pages ({} careers, {} pair pages{in_shard}) {target}: {} files, {:.1} MB in {:.2} s ({:.0} pages/s), peak memory {peak} MB",
        report.pages,
        careers,
        report.pair_pages,
        report.files,
        report.bytes as f64 / 1e6,
        secs,
        report.pages as f64 / secs.max(1e-9),
    );
}

/// The folders a site is built from: the content folder and the themes
/// folder beside it (site.toml names one theme; all are read, which costs
/// little and needs nothing loaded).
pub(crate) fn input_folders(content: &Path) -> Vec<PathBuf> {
    let real = content.canonicalize().unwrap_or_else(|_| content.to_owned());
    let parent = real.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    vec![content.to_owned(), parent.join("themes")]
}

/// This program, as the manifest records it: its version and its binary's
/// size and time, so that a rebuilt binary (whose pages may differ for the
/// same inputs) rebuilds the site in full.
fn generator() -> String {
    let binary = std::env::current_exe().and_then(std::fs::metadata).ok();
    let stamp = binary.as_ref().and_then(|m| {
        let modified = m.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
        Some(format!("{}-{}", m.len(), modified.as_nanos()))
    });
    format!("careerdiff {} {}", env!("CARGO_PKG_VERSION"), stamp.unwrap_or_else(|| "unknown".into()))
}
