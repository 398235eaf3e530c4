//! Reading inputs that may be web addresses: the shared fetcher, its
//! progress on standard error, and `sourcelens fetch`.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::thread::JoinHandle;

use sourcelens_ingest::discover::{
    discover as discover_event, DiscoveryEndpoints, Query, Registry, Signature,
};
use sourcelens_ingest::fetch::{
    ArchiveChoice, FetchConfig, FetchOptions, Fetcher, Progress, Stage, WaybackEndpoints,
};
use sourcelens_ingest::Limits;
use sourcelens_service::{LibraryFetchCache, ReadResult, Reader};
use sourcelens_store::Library;
use tokio::sync::mpsc::{unbounded_channel, UnboundedSender};
use url::Url;

use crate::EXIT_FAILED;

/// How the command reaches the web.
#[derive(Clone, Default)]
pub struct Web {
    /// Fetch addresses the researcher typed even where robots.txt forbids it.
    pub ignore_robots: bool,
    /// Another Wayback Machine (a mirror, or a test server).
    pub wayback: Option<Url>,
    /// Another GDELT DOC API address.
    pub gdelt: Option<Url>,
}

impl Web {
    /// The fetcher, remembering pages in `library`'s cache when given.
    pub fn fetcher(&self, library: Option<Arc<Library>>) -> Arc<Fetcher> {
        let mut config = FetchConfig::default();
        if let Some(base) = &self.wayback {
            config.wayback = WaybackEndpoints::under(base);
        }
        let fetcher = Fetcher::new(config);
        Arc::new(match library {
            Some(library) => fetcher.with_cache(Arc::new(LibraryFetchCache(library))),
            None => fetcher,
        })
    }

    /// A reader for files and addresses.
    pub fn reader(
        &self,
        limits: &Limits,
        library: Option<Arc<Library>>,
        archive: ArchiveChoice,
    ) -> Reader {
        Reader {
            limits: *limits,
            fetcher: self.fetcher(library),
            fetch: FetchOptions {
                ignore_robots: self.ignore_robots,
                archive,
            },
        }
    }
}

/// Reads inputs, telling a person at a terminal (or anyone, when `always`)
/// how each address is getting on.
pub fn read(reader: &Reader, inputs: &[String], always: bool) -> Vec<ReadResult> {
    let (tx, printer) = progress_printer(always || std::io::stderr().is_terminal());
    let read = reader.read_blocking(inputs, tx);
    if let Some(printer) = printer {
        let _ = printer.join();
    }
    read
}

fn progress_printer(wanted: bool) -> (Option<UnboundedSender<Progress>>, Option<JoinHandle<()>>) {
    if !wanted {
        return (None, None);
    }
    let (tx, mut rx) = unbounded_channel::<Progress>();
    let printer = std::thread::spawn(move || {
        while let Some(progress) = rx.blocking_recv() {
            let url = &progress.url;
            let line = match progress.stage {
                Stage::Queued | Stage::Extracting | Stage::Failed { .. } => continue,
                Stage::Fetching => format!("fetching {url}"),
                Stage::Archive => format!("{url}: asking the Internet Archive for a copy"),
                Stage::Done { title } => format!(
                    "{url}: done{}",
                    title.map(|t| format!(" — {t}")).unwrap_or_default()
                ),
            };
            let _ = writeln!(std::io::stderr().lock(), "{line}");
        }
    });
    (Some(tx), Some(printer))
}

/// `fetch URL...` without `--comparison`: each article's metadata and text
/// (or, with `--json`, the `extract --json` document of each, as an array).
pub fn print_fetched(read: Vec<ReadResult>, as_json: bool) -> anyhow::Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut failed = false;
    let mut documents = Vec::new();
    for result in read {
        match result {
            Ok(articles) => {
                for article in articles {
                    if as_json {
                        documents.push(serde_json::to_value(&article)?);
                    } else {
                        crate::print_article(&mut out, &article)?;
                    }
                }
            }
            Err(error) => {
                failed = true;
                eprintln!("sourcelens fetch: {error}");
            }
        }
    }
    if as_json {
        writeln!(out, "{}", serde_json::to_string_pretty(&documents)?)?;
    }
    Ok(if failed {
        ExitCode::from(EXIT_FAILED)
    } else {
        ExitCode::SUCCESS
    })
}

/// `discover --seed URL|FILE... [--outlet NAME]... [--from DATE --to DATE] [--json]`.
pub struct DiscoverRequest<'a> {
    /// The seed articles, as given.
    pub seeds: &'a [String],
    /// The outlets to look in, by id, name or domain.
    pub outlets: &'a [String],
    /// The window's first day.
    pub from: Option<time::Date>,
    /// The window's last day.
    pub to: Option<time::Date>,
    /// Print JSON.
    pub json: bool,
}

/// Finds other outlets' versions of the seeds' event and lists them, best
/// first, with why each was found.
pub fn discover(
    web: &Web,
    limits: &Limits,
    registry: &Registry,
    request: &DiscoverRequest<'_>,
) -> anyhow::Result<ExitCode> {
    let mut outlets = Vec::new();
    for name in request.outlets {
        match registry.find(name) {
            Some(outlet) => outlets.push(outlet.clone()),
            None => {
                eprintln!(
                    "sourcelens discover: no outlet called “{name}”; `sourcelens outlets` lists them by id, name and domain, and you can add one in outlets.toml in the data directory"
                );
                return Ok(ExitCode::from(crate::EXIT_USAGE));
            }
        }
    }
    let reader = web.reader(limits, None, ArchiveChoice::WhenGone);
    let mut seeds = Vec::new();
    for (seed, read) in request
        .seeds
        .iter()
        .zip(read(&reader, request.seeds, false))
    {
        match read {
            Ok(articles) => seeds.extend(articles),
            Err(error) => {
                eprintln!(
                    "sourcelens discover: the seed {seed} cannot be used: {}",
                    error.problem
                );
                return Ok(ExitCode::from(EXIT_FAILED));
            }
        }
    }
    let today = time::OffsetDateTime::now_utc().date();
    let (from, to) = Query::around(&Signature::of(&seeds), today);
    let query = Query {
        outlets,
        from: request.from.unwrap_or(from),
        to: request.to.unwrap_or(to),
        today,
    };
    if query.from > query.to {
        eprintln!(
            "sourcelens discover: --from {} is after --to {}",
            query.from, query.to
        );
        return Ok(ExitCode::from(crate::EXIT_USAGE));
    }
    let mut endpoints = DiscoveryEndpoints::default();
    if let Some(gdelt) = &web.gdelt {
        endpoints.gdelt = gdelt.clone();
    }
    let found = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?
        .block_on(discover_event(
            &reader.fetcher,
            &endpoints,
            registry,
            &seeds,
            &query,
        ));
    let mut out = std::io::stdout().lock();
    if request.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&found)?)?;
    } else {
        writeln!(
            out,
            "Looking for: {} — {} to {}",
            found
                .signature
                .entities
                .iter()
                .chain(&found.signature.terms)
                .take(8)
                .cloned()
                .collect::<Vec<_>>()
                .join(", "),
            found.from,
            found.to
        )?;
        if found.candidates.is_empty() {
            writeln!(out, "No candidates found. Widen the window with --from/--to, or name outlets with --outlet.")?;
        }
        for c in &found.candidates {
            writeln!(
                out,
                "\n{:.2}  {}  {}  {}\n      {}\n      {}{}",
                c.score,
                c.outlet,
                c.date.as_deref().unwrap_or("date unknown"),
                c.title,
                c.url,
                c.reason,
                match c.copies.len() {
                    0 => String::new(),
                    n => format!(" (and {n} copies of the same story)"),
                }
            )?;
        }
        if !found.candidates.is_empty() {
            writeln!(
                out,
                "\nNothing was imported. Add the ones you want with: sourcelens fetch URL... --comparison NAME"
            )?;
        }
    }
    for problem in &found.problems {
        eprintln!(
            "sourcelens discover: {}: {}",
            problem.provider, problem.message
        );
    }
    Ok(if found.problems.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(EXIT_FAILED)
    })
}
