//! Command-line arguments, as clap parses them.

use std::net::IpAddr;
use std::path::PathBuf;

use careerdiff_site::Shard;
use clap::{Args, Parser, Subcommand, ValueEnum};

/// Turn a folder of career descriptions into a searchable comparison site.
#[derive(Parser)]
#[command(name = "careerdiff", version, about, propagate_version = true)]
pub(crate) struct Cli {
    /// Worker threads (default: one per core). Output is the same for any number.
    #[arg(long, short = 'j', global = true)]
    pub jobs: Option<usize>,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Build the site: every career and pair page, sitemap and assets.
    Build(BuildArgs),
    /// Validate the content folder and report every error, writing nothing.
    Check(ContentArgs),
    /// Compare two careers in the terminal.
    Compare(CompareArgs),
    /// Search careers by title, skill or description.
    Search(SearchArgs),
    /// Serve the site from memory: every page (every pair too) rendered on
    /// request, live reload on edits, a JSON API.
    Serve(ServeArgs),
    /// List a career's most similar careers (or every career's).
    Similar(SimilarArgs),
    /// Write career files from public labour data.
    #[command(subcommand)]
    Import(ImportCommand),
}

#[derive(Subcommand)]
pub(crate) enum ImportCommand {
    /// Import occupations from the O*NET text database and BLS OEWS wages, with BLS
    /// projections, LLM exposure and work-at-home data when given. Keys of a source
    /// left out are kept as they are in existing files.
    Onet(OnetArgs),
}

#[derive(Args)]
pub(crate) struct OnetArgs {
    /// The O*NET text database folder (e.g. db_29_2_text, with "Read Me.txt").
    #[arg(long, value_name = "DIR")]
    pub onet: PathBuf,
    /// The OEWS national file (national_M2025.csv).
    #[arg(long, value_name = "FILE")]
    pub oews: PathBuf,
    /// SOC major groups to import, e.g. 15,17 (15: computer and mathematical, 17: engineering).
    #[arg(long, value_delimiter = ',', value_name = "GROUPS", required_unless_present = "all", conflicts_with = "all")]
    pub soc: Vec<String>,
    /// Import every occupation that has technology skills.
    #[arg(long)]
    pub all: bool,
    /// The content folder to write careers/ and skills.toml into (and a
    /// default site.toml, if it has none).
    #[arg(long, default_value = "content", value_name = "DIR")]
    pub out: PathBuf,
    /// BLS Employment Projections table 1.2 as CSV (table_1_2_occupation_projections.csv):
    /// projected growth, openings, entry requirements. Needs --projections-crosswalk.
    #[arg(long, value_name = "FILE", requires = "projections_crosswalk")]
    pub projections: Option<PathBuf>,
    /// The BLS O*NET-SOC to NEM crosswalk as CSV (nem-onet-to-soc-crosswalk.csv), which
    /// joins occupations to --projections rows and gives Occupational Outlook Handbook links.
    #[arg(long, value_name = "FILE", requires = "projections")]
    pub projections_crosswalk: Option<PathBuf>,
    /// Exposure to large language models, Eloundou et al. 2024 (occ_level.csv): writes
    /// ai_exposure from the human-rated beta.
    #[arg(long, value_name = "FILE")]
    pub ai_exposure: Option<PathBuf>,
    /// Whether work can be done at home, Dingel & Neiman 2020 (occupations_workathome.csv):
    /// writes remote_friendly. Needs --telework-crosswalk.
    #[arg(long, value_name = "FILE", requires = "telework_crosswalk")]
    pub telework: Option<PathBuf>,
    /// The O*NET-SOC 2010 to 2019 crosswalk (2010_to_2019_Crosswalk.csv) for --telework.
    #[arg(long, value_name = "FILE", requires = "telework")]
    pub telework_crosswalk: Option<PathBuf>,
}

#[derive(Args)]
pub(crate) struct ContentArgs {
    /// The content folder (site.toml, skills.toml, careers/).
    #[arg(long, default_value = "content", value_name = "DIR")]
    pub content: PathBuf,
    /// How content errors are printed: `human` (on stderr, with the source
    /// line) or `json` (on stdout, one object per line, for tools).
    #[arg(long, value_enum, default_value_t = MessageFormat::Human, value_name = "FMT")]
    pub message_format: MessageFormat,
}

/// How content errors are printed.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum MessageFormat {
    /// Compiler-like text on stderr.
    Human,
    /// One JSON object per diagnostic on stdout.
    Json,
}

#[derive(Args)]
pub(crate) struct BuildArgs {
    #[command(flatten)]
    pub content: ContentArgs,
    /// The published folder. A folder an earlier build wrote is updated in
    /// place (only pages whose inputs changed are rewritten); any other is
    /// replaced only when the build succeeds.
    #[arg(long, default_value = "public", value_name = "DIR")]
    pub out: PathBuf,
    /// Build every page into a new folder that replaces the output, even
    /// when the output could be updated in place.
    #[arg(long)]
    pub full: bool,
    /// Build slice K of N (e.g. 2/3) for one of N machines; the union of all
    /// N outputs is the whole site. Slice 1 also builds every non-pair page.
    /// A slice is always built in full.
    #[arg(long, value_name = "K/N", value_parser = parse_shard)]
    pub shard: Option<Shard>,
    /// Render every page but write nothing: measures rendering without the disk.
    #[arg(long)]
    pub render_only: bool,
    /// Replace the output folder even if it holds files no build wrote.
    /// The content and theme folders are never replaced.
    #[arg(long)]
    pub force: bool,
}

fn parse_shard(text: &str) -> Result<Shard, String> {
    let (k, n) = text.split_once('/').ok_or("expected K/N, e.g. 2/3")?;
    let number = |s: &str| s.trim().parse::<u32>().map_err(|_| format!("`{s}` is not a whole number"));
    let (k, n) = (number(k)?, number(n)?);
    Shard::new(k, n).ok_or_else(|| format!("shard {k}/{n}: K must be between 1 and N"))
}

#[derive(Args)]
pub(crate) struct CompareArgs {
    #[command(flatten)]
    pub content: ContentArgs,
    /// Slug of the first career, e.g. data-scientists.
    pub a: String,
    /// Slug of the second career.
    pub b: String,
    /// Print the comparison as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub(crate) struct SearchArgs {
    #[command(flatten)]
    pub content: ContentArgs,
    /// Words to search for, e.g. "vector database".
    pub query: String,
    /// How many results to show.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Print results as JSON.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub(crate) struct SimilarArgs {
    #[command(flatten)]
    pub content: ContentArgs,
    /// The career's slug; every career when left out.
    pub slug: Option<String>,
    /// How many similar careers per career.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Print as JSON: an object from each slug to its ordered list.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args)]
pub(crate) struct ServeArgs {
    #[command(flatten)]
    pub content: ContentArgs,
    /// The port to listen on (default: a free one, printed on start).
    #[arg(long, default_value_t = 0)]
    pub port: u16,
    /// The address to listen on (0.0.0.0 or :: to be reached from other machines).
    #[arg(long, default_value = "127.0.0.1", value_name = "ADDR")]
    pub bind: IpAddr,
    /// Open the site in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Serve the content as it is: no watching and no reload script, pages
    /// byte for byte what a build writes (for replicas behind a load balancer).
    #[arg(long)]
    pub no_reload: bool,
}
