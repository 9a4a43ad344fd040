//! Building a [`Site`] into a folder — a staged full build, or an
//! incremental build in place when the folder holds a site this program
//! built (its manifest) — or rendering it into memory or nowhere.

use std::collections::{BTreeSet, HashSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, PoisonError};

use rayon::prelude::*;

use crate::fingerprint::output_fingerprint;
use crate::manifest::{Fingerprints, Manifest, PageList};
use crate::out_guard::{self, MARKER};
use crate::out_lock;
use crate::output::{Destination, Staging, Writer};
use crate::page::PageId;
use crate::site::Site;
use crate::{BuildReport, Progress, Shard, SiteError, io_error};

/// Where and how to build.
#[derive(Clone)]
pub struct BuildOptions {
    /// The published folder, e.g. `public/`.
    pub out: PathBuf,
    /// The theme folder the site was made with, if any: protected like the
    /// content folder.
    pub theme_dir: Option<PathBuf>,
    /// Which slice of the pages to build. Only a whole build is
    /// incremental and leaves a manifest.
    pub shard: Shard,
    /// Replace an existing, non-empty output folder even if no build wrote
    /// it. The content and theme folders are protected all the same.
    pub force: bool,
    /// Build in full (staged) even when the output could be updated in place.
    pub full: bool,
    /// Told how many pages will be written and as each is written.
    pub progress: Option<Arc<dyn Progress>>,
    /// The program that builds (its version and binary): a site built by
    /// another is rebuilt in full, since its pages may differ for the same
    /// inputs.
    pub generator: String,
    /// The digest of every input file ([`crate::input_digest`]), recorded
    /// in the manifest.
    pub inputs: u64,
}

impl BuildOptions {
    /// A whole build into `out`.
    pub fn new(out: impl Into<PathBuf>) -> Self {
        BuildOptions {
            out: out.into(),
            theme_dir: None,
            shard: Shard::WHOLE,
            force: false,
            full: false,
            progress: None,
            generator: format!("careerdiff {}", env!("CARGO_PKG_VERSION")),
            inputs: 0,
        }
    }
}

/// Builds the site (or `options.shard` of it) into `options.out`: in place
/// when the output holds a whole site built by the same program (only the
/// pages whose fingerprint changed are written, and pages that are gone
/// are deleted), else into a staging folder that replaces the output at
/// the end. Either way the result is byte for byte what a full build
/// writes. The old site a full build replaces is left for the caller to
/// delete ([`BuildReport::replaced`]).
pub fn build(site: &Site, options: &BuildOptions) -> Result<BuildReport, SiteError> {
    let mut protected = vec![("content", site.content().root.as_path())];
    protected.extend(options.theme_dir.as_deref().map(|theme| ("theme", theme)));
    out_guard::check_output(&options.out, &protected, options.force)?;
    let _lock = out_lock::lock(&options.out, |lock| {
        if let Some(progress) = &options.progress {
            progress.waiting(lock);
        }
    })?;
    let whole = options.shard == Shard::WHOLE;
    if whole {
        // Whole builds record every page's input fingerprint.
        site.prepare_fingerprints();
    }
    let pages: Vec<PageId> = pages_of(site, options.shard).collect();
    let list = if whole { site.page_list_digest() } else { 0 };
    if whole
        && !options.full
        && options.out.join(MARKER).is_file()
        && let Some(manifest) = Manifest::read(&options.out).filter(|m| m.generator == options.generator)
        && let Some(previous) = Previous::of(site, &pages, list, &manifest, &options.out)
    {
        return incremental(site, &pages, list, previous, options);
    }
    let staging = Staging::create(&options.out)?;
    let (mut report, fingerprints) =
        write_pages(site, &pages, &staging.output(), options.progress.as_deref(), whole, None)?;
    if whole {
        let paths: Vec<String> = pages.par_iter().map(|&p| site.path(p)).collect();
        PageList::write(staging.dir(), list, paths.iter().map(String::as_str))?;
        Manifest::write(staging.dir(), &options.generator, options.inputs, list, &fingerprints)?;
    }
    report.replaced = staging.publish()?;
    Ok(report)
}

/// Renders every page of `shard` and writes nothing: to measure rendering.
pub fn render_only(site: &Site, shard: Shard, progress: Option<&dyn Progress>) -> Result<BuildReport, SiteError> {
    let pages: Vec<PageId> = pages_of(site, shard).collect();
    Ok(write_pages(site, &pages, &Destination::Discard, progress, false, None)?.0)
}

/// Renders every page into memory, path → bytes: what a build would write.
pub fn render_to_memory(site: &Site) -> Result<std::collections::BTreeMap<String, Vec<u8>>, SiteError> {
    let pages: Vec<PageId> = site.pages().collect();
    let memory = Destination::Memory(Default::default());
    write_pages(site, &pages, &memory, None, false, None)?;
    match memory {
        Destination::Memory(files) => Ok(files.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner)),
        _ => unreachable!("made as memory above"),
    }
}

/// The pages `shard` builds: every pair page whose position in the pair
/// list is its own, and, for the first shard, every other page.
fn pages_of(site: &Site, shard: Shard) -> impl Iterator<Item = PageId> + '_ {
    let mut position = 0;
    site.pages().filter(move |page| {
        if page.is_pair() {
            position += 1;
            shard.owns_pair(position - 1)
        } else {
            shard.owns_site_pages()
        }
    })
}

/// Renders `pages` in parallel into `dest`, with each page's fingerprints
/// when `fingerprints` (else zeros), in page order. With `old`, each
/// page's fingerprints in the site `dest` holds (by page, as the manifest
/// lists them), a page whose input fingerprint is the old one is neither
/// rendered nor written, and one whose bytes are the old ones is not
/// written: the pages to render are found in the same pass that renders
/// and writes them, so the writer thread starts at the first.
fn write_pages(
    site: &Site,
    pages: &[PageId],
    dest: &Destination,
    progress: Option<&dyn Progress>,
    fingerprints: bool,
    old: Option<&[Option<Fingerprints>]>,
) -> Result<(BuildReport, Vec<Fingerprints>), SiteError> {
    if let Some(progress) = progress {
        progress.start(pages.len() as u64);
    }
    dest.create_dirs(site.dirs().iter().map(String::as_str))?;
    // What was written is added up as it is (most pages of an incremental
    // build are not): a report per page of 400,000 would hold 40 MB.
    let report = Mutex::new(BuildReport::default());
    let fingerprints = dest.with_writer(|writer| {
        pages
            .par_iter()
            .enumerate()
            .map(|(k, &page)| {
                let old = old.and_then(|old| old[k]);
                // Known without rendering, to compare with the old one.
                let input = old.map(|_| site.input_fingerprint(page));
                let fingerprint = match old {
                    Some(old) if Some(old.input) == input => old,
                    _ => {
                        let known = Known { input, output: old.map(|old| old.output) };
                        let (written, fingerprint) = render_page(site, writer, page, fingerprints, known)?;
                        if let Some(written) = written {
                            report.lock().unwrap_or_else(PoisonError::into_inner).add(written);
                        }
                        fingerprint
                    }
                };
                if let Some(progress) = progress {
                    progress.advance(1);
                }
                Ok(fingerprint)
            })
            .collect::<Result<Vec<_>, SiteError>>()
    })?;
    Ok((report.into_inner().unwrap_or_else(PoisonError::into_inner), fingerprints))
}

/// What is known of a page before it is rendered: its input fingerprint,
/// if already made, and the fingerprint of its bytes in the output.
struct Known {
    input: Option<u64>,
    output: Option<u64>,
}

/// Renders `page` and hands it to `writer` unless its bytes have the
/// fingerprint `known.output`; what was written, if anything.
fn render_page(
    site: &Site,
    writer: &Writer<'_>,
    page: PageId,
    fingerprints: bool,
    known: Known,
) -> Result<(Option<BuildReport>, Fingerprints), SiteError> {
    let source = site.source(page);
    let input = match known.input {
        Some(input) => input,
        None if fingerprints => site.fingerprint_of(page, Some(&source)),
        None => 0,
    };
    let bytes = site.render_source(source)?;
    let fingerprint = Fingerprints { input, output: if fingerprints { output_fingerprint(&bytes) } else { 0 } };
    let written = if known.output == Some(fingerprint.output) {
        None
    } else {
        Some(write_page(writer, page, site.path(page), bytes)?)
    };
    Ok((written, fingerprint))
}

fn write_page(writer: &Writer<'_>, page: PageId, path: String, bytes: Vec<u8>) -> Result<BuildReport, SiteError> {
    let mut report = writer.write(path, bytes)?;
    if page.is_pair() {
        report.pair_pages = report.pages;
        report.pair_bytes = report.bytes;
    }
    Ok(report)
}

/// What an incremental build starts from.
struct Previous {
    /// Each page's fingerprints in the site being updated, if it had the
    /// page.
    old: Vec<Option<Fingerprints>>,
    /// The pages it had that the site no longer has, sorted.
    gone: Vec<String>,
    /// Every page's path, when the page list changed: the new path list.
    paths: Option<Vec<String>>,
}

impl Previous {
    /// What the manifest of the site in `out` says of `pages`, whose list
    /// has the digest `list`. A site whose page list is the one the
    /// manifest names finds each page at its own position; another needs
    /// the old path list, without which it cannot be updated (`None`).
    fn of(site: &Site, pages: &[PageId], list: u64, manifest: &Manifest, out: &Path) -> Option<Previous> {
        if manifest.list == list && manifest.len() == pages.len() {
            let old = manifest.fingerprints().iter().copied().map(Some).collect();
            return Some(Previous { old, gone: Vec::new(), paths: None });
        }
        let listed = manifest.paths(out)?;
        let positions = listed.positions();
        let paths: Vec<String> = pages.par_iter().map(|&page| site.path(page)).collect();
        let old =
            paths.iter().map(|path| positions.get(path.as_str()).map(|&at| manifest.fingerprints()[at])).collect();
        let kept: HashSet<&str> = paths.iter().map(String::as_str).collect();
        let mut gone: Vec<String> = listed.paths().filter(|path| !kept.contains(path)).map(String::from).collect();
        gone.sort_unstable();
        Some(Previous { old, gone, paths: Some(paths) })
    }
}

/// Updates the site in `options.out`, described by `previous`, in place.
fn incremental(
    site: &Site,
    pages: &[PageId],
    list: u64,
    previous: Previous,
    options: &BuildOptions,
) -> Result<BuildReport, SiteError> {
    let out = &options.out;
    // From here until the new manifest is written the folder is not the
    // site the old manifest describes: without one, the next build is full.
    Manifest::remove(out)?;
    // Pages whose inputs changed are rendered again; of those, the pages
    // whose bytes changed are written.
    let dest = Destination::Folder { root: out.clone(), whole: true };
    let (mut report, listed) = write_pages(site, pages, &dest, options.progress.as_deref(), true, Some(&previous.old))?;
    let gone: Vec<&str> = previous.gone.iter().map(String::as_str).collect();
    for path in &gone {
        remove_page(out, path)?;
    }
    remove_empty_folders(out, &gone, &site.dirs())?;
    if let Some(paths) = &previous.paths {
        PageList::write(out, list, paths.iter().map(String::as_str))?;
    }
    Manifest::write(out, &options.generator, options.inputs, list, &listed)?;
    report.incremental = true;
    report.unchanged = pages.len() as u64 - report.files;
    report.deleted = gone.len() as u64;
    Ok(report)
}

/// Deletes a page that the site no longer has. Its path comes from the
/// manifest, so it is checked to stay inside the output.
fn remove_page(out: &Path, rel: &str) -> Result<(), SiteError> {
    let safe = Path::new(rel).components().all(|c| matches!(c, std::path::Component::Normal(_)));
    if !safe {
        return Ok(());
    }
    let path = out.join(rel);
    match fs::remove_file(&path) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => Err(io_error("removing", &path)(e)),
        _ => Ok(()),
    }
}

/// Removes the folders that deleting `gone` left empty, unless a full build
/// makes them too (`dirs`), so the output stays what a full build writes.
fn remove_empty_folders(out: &Path, gone: &[&str], dirs: &[String]) -> Result<(), SiteError> {
    let keep: BTreeSet<&str> = dirs.iter().map(String::as_str).collect();
    let mut candidates: BTreeSet<&str> = BTreeSet::new();
    for path in gone {
        let mut rel = *path;
        while let Some((parent, _)) = rel.rsplit_once('/') {
            candidates.insert(parent);
            rel = parent;
        }
    }
    // Deepest first, so a parent is looked at after its children.
    for rel in candidates.into_iter().rev().filter(|rel| !keep.contains(rel)) {
        let dir = out.join(rel);
        if dir.read_dir().is_ok_and(|mut entries| entries.next().is_none()) {
            fs::remove_dir(&dir).map_err(io_error("removing", &dir))?;
        }
    }
    Ok(())
}
