//! `careerdiff serve`: prepares the site as `build` does (content, theme,
//! search index, comparer), binds, prints the address and hands the site
//! to the server crate with a loader that prepares it again after every
//! change. Problems are printed here, as every command prints them; the
//! server shows them in the browser.

use std::net::{SocketAddr, TcpListener};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::{Context, anyhow};
use careerdiff_compare::Comparer;
use careerdiff_model::{ContentErrors, LoadCache, inert, load_content_with};
use careerdiff_search::SearchIndex;
use careerdiff_serve::{Late, LateFiles, LoadFailure, Loaded, Problem, ServeOptions};
use careerdiff_site::{PageId, Site, SiteError, SiteOptions, Theme};

use crate::args::{MessageFormat, ServeArgs};
use crate::build::{input_folders, ranker, static_search_files};
use crate::commands::theme_folder;
use crate::{Failure, terminal};

/// How long one request may take before it is answered 408.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

pub(crate) fn serve(args: ServeArgs) -> Result<(), Failure> {
    let started = Instant::now();
    let dir = args.content.content.clone();
    let format = args.content.message_format;
    if !dir.is_dir() {
        return Err(anyhow!("content folder {} not found (pass --content DIR)", dir.display()).into());
    }
    let folders = input_folders(&dir);
    let kept = Mutex::new(Memory::default());
    let first = match load_site(&dir, &folders, &kept, !args.no_reload) {
        Ok(loaded) => loaded,
        Err(Broken::Content(errors)) => {
            terminal::diagnostics(&errors, format);
            return Err(Failure::Content);
        }
        Err(Broken::Other(e, _)) => return Err(e.into()),
    };
    let careers = first.site.content().careers.len();
    let listener = TcpListener::bind(SocketAddr::new(args.bind, args.port))
        .with_context(|| format!("listening on {}:{}", args.bind, args.port))?;
    let url = format!("http://{}/", listener.local_addr().context("reading the bound address")?);
    let watch = if args.no_reload { Vec::new() } else { folders.clone() };
    let reload = if args.no_reload { "no live reload" } else { "live reload on" };
    let open = args.open;
    let ready = Box::new(move || {
        out!(
            "serving {careers} careers at {url} ({reload}; ready in {:.2} s; Ctrl-C stops)",
            started.elapsed().as_secs_f64()
        );
        if open {
            open_browser(&url);
        }
    });
    let loader = move || {
        load_site(&dir, &folders, &kept, true).map_err(|broken| match broken {
            Broken::Content(errors) => {
                terminal::diagnostics(&errors, format);
                LoadFailure::from(&errors)
            }
            Broken::Other(e, problem) => {
                if format == MessageFormat::Human {
                    eprintln!("error: {}", inert(&format!("{e:#}")));
                }
                LoadFailure::from(problem)
            }
        })
    };
    let report = Arc::new(|line: &str| eprintln!("{}", inert(line)));
    let options = ServeOptions { watch, request_timeout: REQUEST_TIMEOUT, report, ready };
    careerdiff_serve::serve(listener, first, Arc::new(loader), options).context("serving")?;
    out!("stopped");
    Ok(())
}

/// Why a site could not be prepared.
enum Broken {
    /// Content errors (and a missing theme), for the terminal and the page.
    Content(ContentErrors),
    /// Anything else, with what the page shows of it.
    Other(anyhow::Error, Problem),
}

/// What a load leaves for the next: the parts a theme-only change reuses,
/// and the parses of the content files.
#[derive(Default)]
struct Memory {
    kept: Option<Kept>,
    parses: LoadCache,
}

/// What the last load made that does not depend on the theme, with the
/// digest of the content folder it was made from: a change to the theme
/// alone reuses it and only renders anew.
struct Kept {
    content_digest: u64,
    content: Arc<careerdiff_model::Content>,
    comparer: Arc<Comparer>,
    options: SiteOptions,
    search: Late<Option<Arc<SearchIndex>>>,
    late_files: LateFiles,
}

/// Prepares the site of the content folder `dir` as it is now; `folders`
/// are its inputs, hashed for the pages' ETags. With `keep`, what a
/// theme-only change can reuse and the parses of the content files are
/// kept in `memory`. The site is ready once its comparer is: the search
/// index, then the static search files, are made after it on a thread of
/// their own ([`Late`]), so that an edit shows without waiting for them.
fn load_site(dir: &Path, folders: &[PathBuf], memory: &Mutex<Memory>, keep: bool) -> Result<Loaded, Broken> {
    let digest = careerdiff_site::input_digest(&folders.iter().map(PathBuf::as_path).collect::<Vec<_>>());
    let content_digest = careerdiff_site::input_digest(&[dir]);
    let mut memory = memory.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let Memory { kept, parses } = &mut *memory;
    let mut theme_dir = None;
    let site_error = |e: SiteError, dir: &Option<PathBuf>, what: &str| {
        let problem = Problem::from_site_error(&e, dir.as_deref());
        Broken::Other(anyhow::Error::new(e).context(what.to_owned()), problem)
    };
    let themed = |content: &careerdiff_model::Content, theme_dir: &mut Option<PathBuf>| {
        *theme_dir = theme_folder(content).map_err(Broken::Content)?;
        Theme::load(theme_dir.as_deref()).map_err(|e| site_error(e, theme_dir, "loading the theme"))
    };
    // Parts of other content are no use now; the served site keeps what it
    // needs.
    let (parts, fresh) = match kept.take().filter(|k| k.content_digest == content_digest) {
        Some(parts) => (parts, false),
        None => {
            let mut fresh_parses = LoadCache::default();
            let parses = if keep { parses } else { &mut fresh_parses };
            let content = Arc::new(load_content_with(dir, parses).map_err(Broken::Content)?);
            let comparer = Arc::new(Comparer::new(Arc::clone(&content)));
            let (search, late_files): (Late<Option<Arc<SearchIndex>>>, _) = (Late::default(), LateFiles::default());
            let index = search.clone();
            let rank = ranker(move || index.wait().clone(), content.careers.len());
            let options = SiteOptions { extra_files: Vec::new(), rank: Some(rank) };
            (Kept { content_digest, content, comparer, options, search, late_files }, true)
        }
    };
    let theme = themed(parts.comparer.content(), &mut theme_dir)?;
    let site = Site::new(Arc::clone(&parts.comparer), theme, parts.options.clone())
        .map_err(|e| site_error(e, &theme_dir, "preparing the site"))?;
    if fresh {
        // Only now, so that the comparer and the site had both cores.
        make_search_later(&parts);
    }
    let (search, late_files) = (parts.search.clone(), parts.late_files.clone());
    if keep {
        *kept = Some(parts);
    }
    drop(memory);
    let site_error = |e: SiteError, what: &str| site_error(e, &theme_dir, what);
    // A template can fail on a page only when that page is rendered: render
    // one page of each common kind now, so that a broken template keeps the
    // last good site rather than replacing it with one whose pages fail.
    let n = site.content().careers.len() as u32;
    let mut samples = vec![PageId::Home, PageId::NotFound, PageId::Search, PageId::Tool];
    if n >= 1 {
        samples.extend([PageId::Career(0), PageId::Roadmap(0)]);
    }
    if n >= 2 {
        samples.push(PageId::Pair(0, 1));
    }
    for page in samples {
        site.render(page).map_err(|e| site_error(e, &format!("rendering {}", site.path(page))))?;
    }
    Ok(Loaded { site, search, digest, theme_dir, late_files })
}

/// Makes the search index of `parts`, then its static search files, on a
/// thread of their own. Whatever fails is reported here and leaves no
/// index (`/api/search` says so) or no files, never a wait without end.
fn make_search_later(parts: &Kept) {
    let content = Arc::clone(&parts.content);
    let (search, files) = (parts.search.clone(), parts.late_files.clone());
    let report = |e: anyhow::Error| eprintln!("error: {}", inert(&format!("{e:#}")));
    let make = move || {
        let index = SearchIndex::build_in_ram(&content).map(Arc::new).context("indexing careers");
        let index = index.map_err(report).ok();
        search.set(index.clone());
        let made = index.map(|index| static_search_files(&index).map_err(report).unwrap_or_default());
        files.set(made.unwrap_or_default().into_iter().collect());
    };
    if let Err(e) = std::thread::Builder::new().name("careerdiff-search".into()).spawn(make) {
        report(anyhow::Error::new(e).context("starting the search index's thread"));
        parts.search.set(None);
        parts.late_files.set(Default::default());
    }
}

/// Opens `url` in the desktop's browser, if there is one.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if let Err(e) = std::process::Command::new(opener.0).args(&opener.1).spawn() {
        eprintln!("could not open a browser ({}: {e}); open {url}", opener.0);
    }
}
