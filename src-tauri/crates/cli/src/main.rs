//! `sourcelens`: the SourceLens engine without a window.
//!
//! The forms and JSON fields of this command are a contract (see
//! `DESIGN.md`): fields may be added, never renamed or removed. Exit codes:
//! 0 when every input was handled, 1 when some failed, 2 for usage errors and
//! for subcommands this build does not provide yet.

mod analysis;
mod eval;
mod explain;
mod library;
mod web;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use sourcelens_ingest::discover::Registry;
use sourcelens_ingest::fetch::{parse_day, ArchiveChoice};
use sourcelens_ingest::html::{Extractor, DEFAULT_EXTRACTOR};
use sourcelens_ingest::{Article, Limits};
use sourcelens_store::{resolve_data_dir, Library, OnConflict, OUTLETS_FILE};
use url::Url;

/// Writes a line to standard output, reporting a closed pipe as an error
/// instead of panicking as `println!` does.
macro_rules! out {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)?
    };
}

/// Exit code for usage errors.
pub(crate) const EXIT_USAGE: u8 = 2;
/// Exit code when the work failed.
pub(crate) const EXIT_FAILED: u8 = 1;

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

    /// Refuse input files larger than this many megabytes
    #[arg(long, global = true, value_name = "MB", default_value_t = 50)]
    max_file_mb: u64,

    /// Fetch the addresses given even where the site's robots.txt forbids it
    #[arg(long, global = true)]
    ignore_robots: bool,

    /// Use this Wayback Machine instead of web.archive.org (a mirror)
    #[arg(
        long,
        global = true,
        value_name = "URL",
        env = "SOURCELENS_WAYBACK_URL",
        hide = true
    )]
    wayback_url: Option<Url>,

    /// Use this GDELT DOC API instead of api.gdeltproject.org
    #[arg(
        long,
        global = true,
        value_name = "URL",
        env = "SOURCELENS_GDELT_URL",
        hide = true
    )]
    gdelt_url: Option<Url>,

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
    /// Train the attribution model on PolNeAR's train split
    #[command(subcommand)]
    Train(TrainCommand),
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
    /// List the outlets SourceLens knows (built in, and your outlets.toml)
    Outlets(OutletsArgs),
    /// Write a backup of the whole library
    Backup(BackupArgs),
    /// Restore a backup into the (empty) data directory
    Restore(RestoreArgs),
}

#[derive(Args)]
struct BackupArgs {
    /// The directory to write it to [default: the library's backups/ directory]
    #[arg(long, value_name = "DIR")]
    to: Option<PathBuf>,
}

#[derive(Args)]
struct RestoreArgs {
    /// The backup file
    file: PathBuf,
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
    /// Show which passes of the attribution pipeline made each source, and why candidates were dropped
    #[arg(long, conflicts_with = "json")]
    explain: bool,
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
    /// Print the matrix as CSV (one row per source and article)
    #[arg(long)]
    csv: bool,
    /// A group of sources for the balance figures: "NAME=source;source"
    #[arg(long, value_name = "NAME=SOURCES")]
    group: Vec<String>,
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
        /// The extraction method to score
        #[arg(long, default_value = DEFAULT_EXTRACTOR.name(), value_parser = parse_extractor)]
        extractor: Extractor,
        /// Also print each page's precision and recall
        #[arg(long)]
        pages: bool,
    },
    /// Source and cue detection on PolNeAR
    Polnear {
        /// The PolNeAR directory (holds dev/ and train/)
        dir: PathBuf,
        /// Score this model file instead of the built-in one
        #[arg(long, value_name = "FILE")]
        model: Option<PathBuf>,
    },
    /// Article-level named source sets on PolNeAR dev, derived from PolNeAR's own source spans
    PolnearSources {
        /// The PolNeAR directory (holds dev/)
        dir: PathBuf,
    },
    /// How far PolNeAR's annotators agree, on the articles several of them annotated
    PolnearAgreement {
        /// The PolNeAR directory (holds dev/ and train/)
        dir: PathBuf,
    },
    /// Article-level source sets of one event against a hand annotation, with each article's misses
    Sources {
        /// A directory with the event's articles and gold.json
        dir: PathBuf,
    },
    /// Article-level source sets and matrix cells of many events against their hand annotations
    Events {
        /// Event directories, each with a gold.json
        #[arg(required = true)]
        dirs: Vec<PathBuf>,
        /// Read the articles from this folder instead of the one gold.json names
        #[arg(long, value_name = "DIR")]
        texts: Option<PathBuf>,
        /// Also print each article's missed and extra sources
        #[arg(long)]
        details: bool,
    },
}

#[derive(Subcommand)]
enum TrainCommand {
    /// Train the attribution tagger on PolNeAR's train split
    Polnear {
        /// The PolNeAR directory (holds train/)
        dir: PathBuf,
        /// Where to write the model
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Passes over the training data
        #[arg(long, default_value_t = 6)]
        epochs: usize,
        /// Drop features whose weights are all below this (smaller model)
        #[arg(long, default_value_t = 3.0)]
        min_weight: f32,
    },
}

#[derive(Args)]
struct ImportArgs {
    /// The comparison to add the articles to (created if missing)
    #[arg(long, value_name = "NAME", required = true)]
    comparison: String,
    /// Use this outlet name instead of guessing it
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,
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
    /// Print JSON (the compare document)
    #[arg(long)]
    json: bool,
    /// List the articles instead of the matrix
    #[arg(long)]
    articles: bool,
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
    /// If a comparison of the same name exists, replace it
    #[arg(long, conflicts_with = "keep_both")]
    replace: bool,
    /// If a comparison of the same name exists, import this one as “Name (2)”
    #[arg(long)]
    keep_both: bool,
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
    /// Add the fetched articles to this comparison (created if missing)
    #[arg(long, value_name = "NAME")]
    comparison: Option<String>,
    /// Use this outlet name instead of guessing it
    #[arg(long, value_name = "NAME")]
    outlet: Option<String>,
    /// Print the articles as a JSON array of `extract --json` documents
    #[arg(long, conflicts_with = "comparison")]
    json: bool,
    /// Take the Internet Archive's copy closest to this date, YYYY-MM-DD
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    archive_date: Option<time::Date>,
    /// Never use the Internet Archive, even for pages that have gone
    #[arg(long, conflicts_with = "archive_date")]
    no_archive: bool,
}

#[derive(Args)]
struct DiscoverArgs {
    /// The article to start from: a file or an http(s) URL (repeat for several)
    #[arg(long, required = true, value_name = "URL|FILE")]
    seed: Vec<String>,
    /// Look in this outlet (id, name or domain; repeat for several)
    #[arg(long, value_name = "NAME")]
    outlet: Vec<String>,
    /// Earliest publication date, YYYY-MM-DD [default: two days before the seed's]
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    from: Option<time::Date>,
    /// Latest publication date, YYYY-MM-DD [default: three days after the seed's]
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    to: Option<time::Date>,
    /// Print JSON
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
struct OutletsArgs {
    /// Print JSON
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let data_dir = cli.data_dir;
    let limits = Limits {
        max_file_bytes: cli.max_file_mb.saturating_mul(1024 * 1024),
    };
    let web = web::Web {
        ignore_robots: cli.ignore_robots,
        wayback: cli.wayback_url,
        gdelt: cli.gdelt_url,
    };
    let reader =
        |library: Option<Arc<Library>>| web.reader(&limits, library, ArchiveChoice::default());
    let outcome = match cli.command {
        Command::List(args) => list(data_dir, &args),
        Command::Extract(args) => extract(
            &args,
            web::read(&reader(None), std::slice::from_ref(&args.input), false),
        ),
        Command::Analyze(args) => {
            let read = web::read(&reader(None), &args.inputs, false);
            let format = if args.json {
                analysis::AnalyzeFormat::Json
            } else if args.explain {
                analysis::AnalyzeFormat::Explain
            } else {
                analysis::AnalyzeFormat::Table
            };
            analysis::analyze(&args.inputs, read, args.outlet.as_deref(), format)
        }
        Command::Compare(args) => {
            let format = if args.json {
                analysis::Format::Json
            } else if args.csv {
                analysis::Format::Csv
            } else {
                analysis::Format::Table
            };
            analysis::parse_groups(&args.group).and_then(|sides| {
                let read = web::read(&reader(None), &args.inputs, false);
                analysis::compare(&args.inputs, read, args.outlet.as_deref(), format, &sides)
            })
        }
        Command::Eval(EvalCommand::Extraction {
            dir,
            extractor,
            pages,
        }) => eval::extraction::run(&dir, extractor, pages).map(|()| ExitCode::SUCCESS),
        Command::Eval(EvalCommand::Polnear { dir, model }) => polnear_model(model.as_deref())
            .and_then(|m| eval::polnear::eval(&dir, &m))
            .map(|()| ExitCode::SUCCESS),
        Command::Eval(EvalCommand::PolnearSources { dir }) => {
            eval::polnear_sources::run(&dir).map(|()| ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::PolnearAgreement { dir }) => {
            eval::polnear::agreement(&dir).map(|()| ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Sources { dir }) => {
            eval::events::run(&[dir], None, true).map(|_| ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Events {
            dirs,
            texts,
            details,
        }) => {
            eval::events::run(&dirs, texts.as_deref(), details).map(|_| ExitCode::SUCCESS)
        }
        Command::Train(TrainCommand::Polnear {
            dir,
            out,
            epochs,
            min_weight,
        }) => eval::polnear::train(&dir, &out, epochs, min_weight).map(|()| ExitCode::SUCCESS),
        Command::Import(args) => open_library(data_dir).and_then(|l| {
            let l = Arc::new(l);
            let read = web::read(&reader(Some(l.clone())), &args.inputs, false);
            library::import(
                &l,
                &args.inputs,
                read,
                &args.comparison,
                args.outlet.as_deref(),
            )
        }),
        Command::Show(args) => open_library(data_dir).and_then(|l| {
            if args.articles {
                library::show_articles(&l, &args.name, args.json)
            } else {
                library::show(&l, &args.name, args.json)
            }
        }),
        Command::Export(args) => {
            open_library(data_dir).and_then(|l| library::export(&l, &args.name, &args.bundle))
        }
        Command::ImportBundle(args) => {
            let on_conflict = if args.replace {
                OnConflict::Replace
            } else if args.keep_both {
                OnConflict::KeepBoth
            } else {
                OnConflict::Refuse
            };
            open_library(data_dir).and_then(|l| library::import_bundle(&l, &args.file, on_conflict))
        }
        Command::Delete(args) => {
            open_library(data_dir).and_then(|l| library::delete(&l, &args.name))
        }
        Command::Backup(args) => open_library(data_dir).and_then(|l| library::backup(&l, args.to)),
        Command::Restore(args) => resolve_data_dir(data_dir.as_deref())
            .map_err(anyhow::Error::from)
            .and_then(|dir| library::restore_backup(&args.file, &dir)),
        Command::Fetch(args) => {
            let archive = match (args.archive_date, args.no_archive) {
                (Some(date), _) => ArchiveChoice::ClosestTo(date),
                (None, true) => ArchiveChoice::Never,
                (None, false) => ArchiveChoice::WhenGone,
            };
            match &args.comparison {
                Some(comparison) => open_library(data_dir).and_then(|l| {
                    let l = Arc::new(l);
                    let reader = web.reader(&limits, Some(l.clone()), archive);
                    let read = web::read(&reader, &args.urls, true);
                    library::import(&l, &args.urls, read, comparison, args.outlet.as_deref())
                }),
                None => {
                    let reader = web.reader(&limits, None, archive);
                    web::print_fetched(web::read(&reader, &args.urls, true), args.json)
                }
            }
        }
        Command::Discover(args) => registry(data_dir).and_then(|registry| {
            let request = web::DiscoverRequest {
                seeds: &args.seed,
                outlets: &args.outlet,
                from: args.from,
                to: args.to,
                json: args.json,
            };
            web::discover(&web, &limits, &registry, &request)
        }),
        Command::Outlets(args) => registry(data_dir).and_then(|r| outlets(&r, args.json)),
    };
    match outcome {
        Ok(code) => code,
        // The reader went away (`sourcelens … | head`): not a failure.
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("sourcelens: {error:#}");
            ExitCode::from(EXIT_FAILED)
        }
    }
}

fn parse_extractor(name: &str) -> Result<Extractor, String> {
    Extractor::from_name(name).ok_or_else(|| {
        let known: Vec<_> = Extractor::all().iter().map(|e| e.name()).collect();
        format!(
            "unknown extractor {name:?}; this build has: {}",
            known.join(", ")
        )
    })
}

fn polnear_model(path: Option<&std::path::Path>) -> anyhow::Result<sourcelens_core::tagger::Model> {
    let Some(path) = path else {
        return Ok(sourcelens_core::attribution::model().clone());
    };
    let bytes = std::fs::read(path).with_context(|| format!("cannot read {}", path.display()))?;
    sourcelens_core::tagger::Model::from_bytes(&bytes)
        .with_context(|| format!("{} is not a SourceLens attribution model", path.display()))
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}

/// The outlet registry: the built-in one with the data directory's
/// `outlets.toml` laid over it.
fn registry(data_dir: Option<PathBuf>) -> anyhow::Result<Registry> {
    let dir = resolve_data_dir(data_dir.as_deref())?;
    Ok(Registry::with_overrides(&dir.join(OUTLETS_FILE))?)
}

fn outlets(registry: &Registry, as_json: bool) -> anyhow::Result<ExitCode> {
    if as_json {
        out!("{}", serde_json::to_string_pretty(registry.outlets())?);
        return Ok(ExitCode::SUCCESS);
    }
    for outlet in registry.outlets() {
        let ownership = serde_json::to_value(outlet.ownership)?;
        out!(
            "{:<16}{:<32}{}  {:<18}{}",
            outlet.id,
            outlet.name,
            outlet.country,
            ownership.as_str().unwrap_or_default(),
            outlet.domains.join(", ")
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn extract(
    args: &ExtractArgs,
    read: Vec<sourcelens_service::ReadResult>,
) -> anyhow::Result<ExitCode> {
    let articles = match read.into_iter().next().expect("one result for one input") {
        Ok(articles) => articles,
        Err(error) => {
            eprintln!("sourcelens extract: {error}");
            return Ok(ExitCode::from(EXIT_FAILED));
        }
    };
    if args.json {
        // One input is one article, except archives that hold several.
        let json = match articles.as_slice() {
            [one] => serde_json::to_string_pretty(one)?,
            many => serde_json::to_string_pretty(many)?,
        };
        out!("{json}");
    } else {
        let mut out = std::io::stdout().lock();
        for article in &articles {
            print_article(&mut out, article)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// An article for reading: its metadata, a line each, then its text.
pub(crate) fn print_article(out: &mut impl Write, article: &Article) -> std::io::Result<()> {
    let fields = [
        ("Title", &article.meta.title),
        ("Byline", &article.meta.byline),
        ("Date", &article.meta.date),
        ("Site", &article.meta.site),
        ("URL", &article.meta.url),
        ("Language", &article.meta.language),
        ("Archive", &article.meta.archive_url),
        ("Captured", &article.meta.archived_at),
    ];
    for (label, value) in fields {
        if let Some(value) = value {
            writeln!(out, "{label:<9}{value}")?;
        }
    }
    writeln!(out, "\n{}\n", article.text)
}

fn open_library(data_dir: Option<PathBuf>) -> anyhow::Result<Library> {
    let dir = resolve_data_dir(data_dir.as_deref())?;
    Ok(Library::open(&dir)?)
}

fn list(data_dir: Option<PathBuf>, args: &ListArgs) -> anyhow::Result<ExitCode> {
    let comparisons = open_library(data_dir)?.list_comparisons()?;
    if args.json {
        out!("{}", serde_json::to_string_pretty(&comparisons)?);
    } else if comparisons.is_empty() {
        out!("No saved comparisons yet. Start one with `sourcelens import FILE... --comparison NAME`.");
    } else {
        for comparison in &comparisons {
            out!(
                "{}\t{} article(s)\tupdated {}",
                comparison.name,
                comparison.article_count,
                comparison.updated_at
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
