//! The `careerdiff` command: build, check, compare, search, list similar
//! careers and serve a site from a content folder. The only crate that
//! touches arguments, the terminal and exit codes.
//!
//! Exit codes: 0 success, 1 content errors (every one is printed), 2 usage
//! or I/O errors.

/// `println!` for everything the commands print: a reader that stops
/// reading (`careerdiff similar --json | head`) ends the program quietly,
/// as other Unix tools do, where `println!` would panic.
macro_rules! out {
    ($($arg:tt)*) => { $crate::terminal::print_out(format_args!("{}\n", format_args!($($arg)*))) };
}

/// `print!` for text that ends its own lines, as `out!` does.
macro_rules! out_text {
    ($($arg:tt)*) => { $crate::terminal::print_out(format_args!($($arg)*)) };
}

mod args;
mod build;
mod chores;
mod commands;
mod preflight;
mod search_cache;
mod serve;
mod terminal;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Failure kinds, mapped to exit codes.
pub(crate) enum Failure {
    /// The content has errors; they have been printed.
    Content,
    /// Anything else: bad arguments, I/O, a broken theme.
    Other(anyhow::Error),
}

impl From<anyhow::Error> for Failure {
    fn from(e: anyhow::Error) -> Self {
        Failure::Other(e)
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(jobs) = cli.jobs {
        // Output never depends on the thread count; this only bounds CPU use.
        let _ = rayon::ThreadPoolBuilder::new().num_threads(jobs.max(1)).build_global();
    }
    let result = match cli.command {
        Command::Build(args) => build::build(args),
        Command::Check(args) => commands::check(args),
        Command::Compare(args) => commands::compare(args),
        Command::Search(args) => commands::search(args),
        Command::Similar(args) => commands::similar(args),
        Command::Serve(args) => serve::serve(args),
        Command::Import(args::ImportCommand::Onet(args)) => commands::import_onet(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Content) => ExitCode::from(1),
        Err(Failure::Other(e)) => {
            // Errors name files and quote their text: shown inert.
            eprintln!("error: {}", careerdiff_model::inert(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}
