//! `sourcelens`: the SourceLens engine without a window.
//!
//! The forms and JSON fields of this command are a contract (see
//! `DESIGN.md`): fields may be added, never renamed or removed. Exit codes:
//! 0 when every input was handled, 1 when some failed, 2 for usage errors and
//! for subcommands this build does not provide yet.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use sourcelens_store::{resolve_data_dir, Library};

/// Exit code for usage errors and subcommands not provided by this build.
const EXIT_USAGE: u8 = 2;
/// Exit code when the work failed.
const EXIT_FAILED: u8 = 1;

#[derive(Parser)]
#[command(
    name = "sourcelens",
    version,
    about = "Which sources does each outlet's version of a news event quote, and which does it leave out?",
    long_about = None
)]
struct Cli {
    /// The library directory [default: $SOURCELENS_DATA_DIR, else the platform data directory]
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Extract an article's clean text and metadata from a file or URL
    Extract(ExtractArgs),
    /// Find who each article quotes, paraphrases and cites
    Analyze(AnalyzeArgs),
    /// Resolve sources across articles and print the coverage matrix
    Compare(CompareArgs),
    /// Score the engine on the shared evaluation data
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Import articles into a saved comparison
    Import(ImportArgs),
    /// List the saved comparisons
    List(ListArgs),
    /// Show a saved comparison's matrix, with corrections applied
    Show(ShowArgs),
    /// Export a saved comparison as a portable bundle
    Export(ExportArgs),
    /// Import a bundle exported by SourceLens
    ImportBundle(ImportBundleArgs),
    /// Delete a saved comparison
    Delete(DeleteArgs),
    /// Fetch articles from the web
    Fetch(FetchArgs),
    /// Find other outlets' versions of the same event
    Discover(DiscoverArgs),
}

#[derive(Args)]
struct ExtractArgs {
    /// Print JSON: {"title","byline","date","site","url","language","text"}
    #[arg(long)]
    json: bool,
    /// A file or an http(s) URL
    input: String,
}

#[derive(Args)]
struct AnalyzeArgs {
    /// Print the analysis as one JSON document
    #[arg(long)]
    json: bool,
    /// Use this outlet name instead of guessing it
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,
    /// Files or http(s) URLs
    #[arg(required = true)]
    inputs: Vec<String>,
}

#[derive(Args)]
struct CompareArgs {
    /// Print the analysis and the matrix as one JSON document
    #[arg(long, conflicts_with = "csv")]
    json: bool,
    /// Print the matrix as CSV
    #[arg(long)]
    csv: bool,
    /// Use this outlet name instead of guessing it
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,
    /// Files or http(s) URLs
    #[arg(required = true)]
    inputs: Vec<String>,
}

#[derive(Subcommand)]
enum EvalCommand {
    /// Main-text extraction on the article-extraction benchmark
    Extraction {
        /// The benchmark directory (holds ground-truth.json and html/)
        dir: PathBuf,
    },
    /// Source and cue detection on PolNeAR
    Polnear {
        /// The PolNeAR directory (holds dev/ and train/)
        dir: PathBuf,
    },
}

#[derive(Args)]
struct ImportArgs {
    /// The comparison to add the articles to (created if missing)
    #[arg(long, value_name = "NAME", required = true)]
    comparison: String,
    /// Files or http(s) URLs
    #[arg(required = true)]
    inputs: Vec<String>,
}

#[derive(Args)]
struct ListArgs {
    /// Print JSON instead of a table
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct ShowArgs {
    /// The comparison's name
    name: String,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct ExportArgs {
    /// The comparison's name
    name: String,
    /// The bundle file to write
    #[arg(long, value_name = "FILE", required = true)]
    bundle: PathBuf,
}

#[derive(Args)]
struct ImportBundleArgs {
    /// The bundle file to read
    file: PathBuf,
}

#[derive(Args)]
struct DeleteArgs {
    /// The comparison's name
    name: String,
}

#[derive(Args)]
struct FetchArgs {
    /// http(s) URLs
    #[arg(required = true)]
    urls: Vec<String>,
    /// Add the fetched articles to this comparison
    #[arg(long, value_name = "NAME")]
    comparison: Option<String>,
}

#[derive(Args)]
struct DiscoverArgs {
    /// The article to start from: a file or an http(s) URL
    #[arg(long, required = true)]
    seed: Vec<String>,
    /// Only look at these outlets
    #[arg(long, value_name = "NAME")]
    outlet: Vec<String>,
    /// Earliest publication date, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    from: Option<String>,
    /// Latest publication date, YYYY-MM-DD
    #[arg(long, value_name = "DATE")]
    to: Option<String>,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data_dir = cli.data_dir;
    let outcome = match cli.command {
        Command::List(args) => list(data_dir, &args),
        Command::Extract(_) => not_yet("extract", "main-text extraction"),
        Command::Analyze(_) => not_yet("analyze", "source attribution"),
        Command::Compare(_) => not_yet("compare", "cross-outlet comparison"),
        Command::Eval(EvalCommand::Extraction { .. }) => {
            not_yet("eval extraction", "main-text extraction")
        }
        Command::Eval(EvalCommand::Polnear { .. }) => not_yet("eval polnear", "source attribution"),
        Command::Import(_) => not_yet("import", "article import"),
        Command::Show(_) => not_yet("show", "cross-outlet comparison"),
        Command::Export(_) => not_yet("export", "portable bundles"),
        Command::ImportBundle(_) => not_yet("import-bundle", "portable bundles"),
        Command::Delete(_) => not_yet("delete", "library editing"),
        Command::Fetch(_) => not_yet("fetch", "web fetching"),
        Command::Discover(_) => not_yet("discover", "coverage discovery"),
    };
    match outcome {
        Ok(code) => code,
        Err(error) => {
            eprintln!("sourcelens: {error:#}");
            ExitCode::from(EXIT_FAILED)
        }
    }
}

/// Says that `subcommand` needs a part of SourceLens this build lacks.
fn not_yet(subcommand: &str, part: &str) -> anyhow::Result<ExitCode> {
    eprintln!(
        "sourcelens {subcommand}: not available in this build of SourceLens yet \
         ({part} is still being built). Nothing was read or changed."
    );
    Ok(ExitCode::from(EXIT_USAGE))
}

fn open_library(data_dir: Option<PathBuf>) -> anyhow::Result<Library> {
    let dir = resolve_data_dir(data_dir.as_deref())?;
    Ok(Library::open(&dir)?)
}

fn list(data_dir: Option<PathBuf>, args: &ListArgs) -> anyhow::Result<ExitCode> {
    let comparisons = open_library(data_dir)?.list_comparisons()?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&comparisons)?);
    } else if comparisons.is_empty() {
        println!("No saved comparisons yet. Start one with `sourcelens import FILE... --comparison NAME`.");
    } else {
        for comparison in &comparisons {
            println!(
                "{}\t{} article(s)\tupdated {}",
                comparison.name, comparison.article_count, comparison.updated_at
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
