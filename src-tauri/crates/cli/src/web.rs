//! Reading inputs that may be web addresses: the shared fetcher, its
//! progress on standard error, and `sourcelens fetch`.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::thread::JoinHandle;

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
            limits: limits.clone(),
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
