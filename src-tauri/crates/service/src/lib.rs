//! The workflows the desktop app and the `sourcelens` command share, built
//! from the engine crates: reading inputs into articles, analysing them,
//! importing them into a saved comparison, and opening a saved comparison
//! as its matrix with the researcher's corrections applied.
//!
//! Nothing here knows about windows or terminals; failures of single inputs
//! are values ([`InputFailure`]) so that one bad file never stops the rest.
#![deny(missing_docs)]

pub mod export;

use std::path::Path;
use std::sync::Arc;

use serde::Serialize;
use sourcelens_core::attribution::{analyze, Analysis};
use sourcelens_core::comparison::{compare, ComparedArticle, Comparison, Correction};
use sourcelens_ingest::discover::Registry;
use sourcelens_ingest::fetch::{CachedResponse, FetchCache, FetchOptions, Fetcher, Progress};
use sourcelens_ingest::{
    read_file, Article, IngestError, Input, Limits, Metadata, Origin, Problem,
};
use sourcelens_store::{ArticleMetadata, FetchValidators, Library, NewArticle, StoreError};
use tokio::sync::mpsc::UnboundedSender;
use ts_rs::TS;

/// The engine version recorded with everything this build stores.
pub use sourcelens_core::ENGINE_VERSION;

/// One input that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct InputFailure {
    /// The input as given.
    pub path: String,
    /// A short stable identifier of the problem.
    pub code: String,
    /// What is wrong, naming the input.
    pub message: String,
}

impl From<IngestError> for InputFailure {
    fn from(error: IngestError) -> Self {
        InputFailure {
            path: error.name.clone(),
            code: error.code().to_string(),
            message: error.to_string(),
        }
    }
}

/// The articles read from one input, or why there are none.
pub type ReadResult = Result<Vec<Article>, IngestError>;

/// Reads inputs: files from the disk, web addresses through a fetcher that
/// everything shares, so its rate limits and robots.txt rules hold across
/// all of it.
pub struct Reader {
    /// Caps on file sizes.
    pub limits: Limits,
    /// Fetches web addresses.
    pub fetcher: Arc<Fetcher>,
    /// Robots override and archive choice for the addresses.
    pub fetch: FetchOptions,
}

impl Reader {
    /// Reads every input, in order; addresses are fetched a few at a time,
    /// reporting to `progress`.
    pub async fn read(
        &self,
        inputs: &[String],
        progress: Option<UnboundedSender<Progress>>,
    ) -> Vec<ReadResult> {
        let parsed: Vec<Result<Input, IngestError>> = inputs
            .iter()
            .map(|raw| Input::parse(raw).map_err(|e| IngestError::new(raw, Problem::BadInput(e))))
            .collect();
        let paths: Vec<std::path::PathBuf> = parsed
            .iter()
            .filter_map(|p| match p {
                Ok(Input::File(path)) => Some(path.clone()),
                _ => None,
            })
            .collect();
        let urls: Vec<String> = inputs
            .iter()
            .zip(&parsed)
            .filter(|(_, p)| matches!(p, Ok(Input::Url(_))))
            .map(|(raw, _)| raw.trim().to_string())
            .collect();
        // Files are read on a blocking thread, while the addresses are fetched.
        let limits = self.limits;
        let reading = tokio::task::spawn_blocking(move || {
            paths
                .iter()
                .map(|path| read_file(path, &limits))
                .collect::<Vec<_>>()
        });
        let (files, fetched) =
            tokio::join!(reading, self.fetcher.articles(&urls, &self.fetch, progress));
        let mut files = files.expect("reading files does not panic").into_iter();
        let mut fetched = fetched.into_iter();
        parsed
            .into_iter()
            .map(|parsed| match parsed {
                Ok(Input::File(_)) => files.next().expect("one result per file"),
                Ok(Input::Url(_)) => fetched
                    .next()
                    .expect("one fetch result per address")
                    .map(|article| vec![article]),
                Err(error) => Err(error),
            })
            .collect()
    }

    /// [`Reader::read`] for callers outside an async runtime.
    pub fn read_blocking(
        &self,
        inputs: &[String],
        progress: Option<UnboundedSender<Progress>>,
    ) -> Vec<ReadResult> {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a single-threaded runtime starts")
            .block_on(self.read(inputs, progress))
    }
}

/// The library's fetch cache, for conditional requests across sessions.
pub struct LibraryFetchCache(pub Arc<Library>);

impl FetchCache for LibraryFetchCache {
    fn lookup(&self, url: &str) -> Option<CachedResponse> {
        let (entry, body) = self.0.cached_fetch(url).ok().flatten()?;
        Some(CachedResponse {
            etag: entry.validators.etag,
            last_modified: entry.validators.last_modified,
            content_type: entry.validators.content_type,
            body,
        })
    }

    fn remember(&self, url: &str, response: &CachedResponse) {
        // A cache that cannot be written only costs a full download next time.
        let _ = self.0.cache_fetch(
            url,
            FetchValidators {
                etag: response.etag.clone(),
                last_modified: response.last_modified.clone(),
                content_type: response.content_type.clone(),
            },
            &response.body,
        );
    }
}

/// The outlet an article stands for: the one given, else the registry's
/// outlet for its address, else the site name the page declares, else the
/// web host, else the file name.
pub fn outlet_of(article: &Article, input: &str, given: Option<&str>) -> String {
    if let Some(given) = given.map(str::trim).filter(|g| !g.is_empty()) {
        return given.to_string();
    }
    if let Some(outlet) = [article.meta.url.as_deref(), Some(input)]
        .into_iter()
        .flatten()
        .find_map(|url| Registry::built_in().for_url(url))
    {
        return outlet.name.clone();
    }
    if let Some(site) = article
        .meta
        .site
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        return site.to_string();
    }
    let host = article
        .meta
        .url
        .as_deref()
        .and_then(url_host)
        .or_else(|| url_host(input));
    host.unwrap_or_else(|| {
        Path::new(input)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| input.to_string())
    })
}

fn url_host(raw: &str) -> Option<String> {
    let rest = raw
        .strip_prefix("https://")
        .or_else(|| raw.strip_prefix("http://"))?;
    let host = rest.split(['/', '?', '#']).next()?.to_ascii_lowercase();
    Some(host.strip_prefix("www.").unwrap_or(&host).to_string()).filter(|h| !h.is_empty())
}

/// Analyses English article text; other languages are a failure, not a guess.
pub fn analyse_text(
    path: &str,
    language: Option<&str>,
    text: &str,
) -> Result<Analysis, InputFailure> {
    match language.filter(|l| *l != "en") {
        Some(language) => Err(InputFailure {
            path: path.to_string(),
            code: "unsupported_language".into(),
            message: format!("{path}: is in language “{language}”; source attribution supports English only so far"),
        }),
        None => Ok(analyze(text)),
    }
}

/// An analysed article.
#[derive(Debug, Clone)]
pub struct Analysed {
    /// How the article is referred to: the input as given (with `#n` for
    /// the n-th article of a multi-article file).
    pub path: String,
    /// The outlet it stands for.
    pub outlet: String,
    /// Its title.
    pub title: Option<String>,
    /// Its body text.
    pub text: String,
    /// Its sources.
    pub analysis: Analysis,
}

/// Analyses what was read from each input; bad ones are reported, the rest
/// analysed.
pub fn analyse_inputs(
    inputs: &[String],
    read: Vec<ReadResult>,
    outlet: Option<&str>,
) -> (Vec<Analysed>, Vec<InputFailure>) {
    let mut analysed = Vec::new();
    let mut failures = Vec::new();
    for (input, read) in inputs.iter().zip(read) {
        let articles = match read {
            Ok(articles) => articles,
            Err(error) => {
                failures.push(error.into());
                continue;
            }
        };
        let several = articles.len() > 1;
        for (n, article) in articles.into_iter().enumerate() {
            let path = if several {
                format!("{input}#{}", n + 1)
            } else {
                input.clone()
            };
            match analyse_text(&path, article.meta.language.as_deref(), &article.text) {
                Ok(analysis) => analysed.push(Analysed {
                    outlet: outlet_of(&article, input, outlet),
                    title: article.meta.title.clone(),
                    text: article.text,
                    analysis,
                    path,
                }),
                Err(failure) => failures.push(failure),
            }
        }
    }
    (analysed, failures)
}

/// Compares analysed articles, with the researcher's corrections (sides
/// among them).
pub fn compare_analysed(analysed: &[Analysed], corrections: &[Correction]) -> Comparison {
    let articles: Vec<ComparedArticle<'_>> = analysed
        .iter()
        .map(|a| ComparedArticle {
            key: a.path.clone(),
            outlet: a.outlet.clone(),
            text: &a.text,
            analysis: a.analysis.clone(),
        })
        .collect();
    compare(&articles, corrections)
}

/// What importing one input did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportOutcome {
    /// The input as given.
    pub input: String,
    /// Articles added to the comparison.
    pub added: u32,
    /// Articles that were already in it.
    pub already_present: u32,
    /// Why the input could not be imported, if it could not.
    pub failure: Option<InputFailure>,
}

fn to_new_article(article: Article, input: &str, outlet: Option<&str>) -> NewArticle {
    let outlet = outlet_of(&article, input, outlet);
    let part = match &article.origin {
        Origin::File { part, .. } => part.clone(),
        _ => None,
    };
    let meta = article.meta;
    NewArticle {
        meta: ArticleMetadata {
            title: meta.title,
            byline: meta.byline,
            date: meta.date,
            site: meta.site,
            url: meta.url,
            language: meta.language,
            archive_url: meta.archive_url,
            archived_at: meta.archived_at,
        },
        text: article.text,
        origin: input.to_string(),
        part,
        raw: article.raw,
        outlet,
        engine_version: ENGINE_VERSION.to_string(),
        analysis: None,
    }
}

/// Imports what was read from each input into the named comparison
/// (created if missing). Each input is one transaction with its analyses,
/// so an interrupted import keeps what it finished, and a bad input never
/// stops the others. `progress` hears of each input as soon as it is done.
pub fn import_inputs(
    library: &Library,
    comparison: &str,
    inputs: &[String],
    read: Vec<ReadResult>,
    outlet: Option<&str>,
    mut progress: impl FnMut(&ImportOutcome),
) -> Vec<ImportOutcome> {
    inputs
        .iter()
        .zip(read)
        .map(|(input, read)| {
            let failed = |failure: InputFailure| ImportOutcome {
                input: input.clone(),
                added: 0,
                already_present: 0,
                failure: Some(failure),
            };
            let articles = match read {
                Ok(articles) => articles,
                Err(error) => return failed(error.into()),
            };
            let new: Vec<NewArticle> = articles
                .into_iter()
                .map(|a| {
                    let analysis = analyse_text(input, a.meta.language.as_deref(), &a.text)
                        .ok()
                        .map(|x| serde_json::to_value(x).expect("analyses serialise to JSON"));
                    NewArticle {
                        analysis,
                        ..to_new_article(a, input, outlet)
                    }
                })
                .collect();
            let store_failure = |error: StoreError| InputFailure {
                path: input.clone(),
                code: "store".into(),
                message: format!("{input}: {error}"),
            };
            match library.add_articles(comparison, new) {
                Ok(report) => ImportOutcome {
                    input: input.clone(),
                    added: report.added.len() as u32,
                    already_present: report.already_present.len() as u32,
                    failure: None,
                },
                Err(error) => failed(store_failure(error)),
            }
        })
        .inspect(|outcome| progress(outcome))
        .collect()
}

/// Article text the researcher pasted, and what they said about it.
#[derive(Debug, Clone, Default, serde::Deserialize, TS)]
pub struct Pasted {
    /// The article's text.
    pub text: String,
    /// The outlet it is from.
    pub outlet: String,
    /// Its headline, if given.
    pub title: Option<String>,
    /// Where it was published, if given.
    pub url: Option<String>,
}

/// Imports pasted article text into a comparison as one article of the
/// outlet given; the text is kept exactly as pasted.
pub fn import_pasted(library: &Library, comparison: &str, pasted: &Pasted) -> ImportOutcome {
    let outlet = pasted.outlet.trim();
    let label = format!("text pasted for {outlet}");
    if outlet.is_empty() {
        return ImportOutcome {
            input: "pasted text".into(),
            added: 0,
            already_present: 0,
            failure: Some(InputFailure {
                path: "pasted text".into(),
                code: "no_outlet".into(),
                message: "Pasted text needs the name of the outlet it is from; name it and add the text again.".into(),
            }),
        };
    }
    let given = |value: &Option<String>| {
        value
            .as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_string)
    };
    let read = sourcelens_ingest::read_bytes("pasted.txt", pasted.text.as_bytes(), Origin::Paste)
        .map_err(|e| IngestError::new(&label, e.problem))
        .map(|articles| {
            articles
                .into_iter()
                .map(|mut article| {
                    article.meta.title = given(&pasted.title).or(article.meta.title);
                    article.meta.url = given(&pasted.url).or(article.meta.url);
                    article
                })
                .collect()
        });
    import_inputs(
        library,
        comparison,
        &[label],
        vec![read],
        Some(outlet),
        |_| {},
    )
    .pop()
    .expect("one outcome for one input")
}

/// Where deleted comparisons wait, as bundles, until they are restored.
pub const TRASH_DIR: &str = "trash";

/// Deletes a comparison, first keeping it as a bundle in the data
/// directory's trash; returns the token that [`restore_deleted`] takes.
pub fn delete_keeping_undo(
    library: &Library,
    data_dir: &Path,
    name: &str,
) -> Result<String, StoreError> {
    let record = library.comparison(name)?;
    let trash = data_dir.join(TRASH_DIR);
    std::fs::create_dir_all(&trash).map_err(|source| StoreError::File {
        path: trash.clone(),
        source,
    })?;
    library.export_bundle(name, &trash.join(format!("{}.json", record.id)))?;
    library.delete_comparison(name)?;
    Ok(record.id)
}

/// Brings back a comparison [`delete_keeping_undo`] deleted (as “Name (2)”
/// if the name has been taken since) and empties its place in the trash.
pub fn restore_deleted(
    library: &Library,
    data_dir: &Path,
    token: &str,
) -> Result<sourcelens_store::ComparisonSummary, StoreError> {
    if token.is_empty() || !token.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
        return Err(StoreError::InvalidInput(format!(
            "“{token}” is not a deleted comparison SourceLens kept"
        )));
    }
    let file = data_dir.join(TRASH_DIR).join(format!("{token}.json"));
    if !file.exists() {
        return Err(StoreError::NotFound(format!(
            "the deleted comparison (it is no longer in {})",
            data_dir.join(TRASH_DIR).display()
        )));
    }
    let restored = library.import_bundle(&file, sourcelens_store::OnConflict::KeepBoth)?;
    // The comparison is back; a bundle left in the trash only costs disk.
    let _ = std::fs::remove_file(&file);
    Ok(restored)
}

/// How long a deleted comparison stays in the trash: long enough to undo a
/// mistake noticed weeks later, short enough that the trash does not grow.
pub const TRASH_KEEPS: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 60 * 60);

/// Removes the comparisons deleted more than `keep` ago from the trash;
/// returns how many went. A trash that does not exist is empty.
pub fn empty_trash(data_dir: &Path, keep: std::time::Duration) -> Result<usize, StoreError> {
    let trash = data_dir.join(TRASH_DIR);
    let file_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| StoreError::File { path, source }
    };
    let entries = match std::fs::read_dir(&trash) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(0),
        Err(e) => return Err(file_error(&trash)(e)),
    };
    let mut removed = 0;
    for entry in entries {
        let path = entry.map_err(file_error(&trash))?.path();
        let deleted = std::fs::metadata(&path)
            .and_then(|meta| meta.modified())
            .map_err(file_error(&path))?;
        let age = deleted.elapsed().unwrap_or_default();
        if path.extension().is_some_and(|ext| ext == "json") && age > keep {
            std::fs::remove_file(&path).map_err(file_error(&path))?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// A saved comparison's articles as seeds for discovery: their text,
/// headline, date and address.
pub fn seed_articles(library: &Library, name: &str) -> Result<Vec<Article>, StoreError> {
    let open = library.open_comparison(name)?;
    Ok(open
        .articles
        .into_iter()
        .map(|stored| {
            let mut article = Article::new(stored.text, Origin::Paste, &[]);
            article.meta = Metadata {
                title: stored.meta.title,
                date: stored.meta.date,
                url: stored.meta.url,
                site: stored.meta.site,
                language: stored.meta.language,
                ..Metadata::default()
            };
            article
        })
        .collect())
}

/// A saved comparison, analysed and compared.
pub struct SavedComparison {
    /// Its articles, analysed.
    pub analysed: Vec<Analysed>,
    /// What is known about each analysed article, in the same order.
    pub metadata: Vec<ArticleMetadata>,
    /// The comparison with the corrections applied.
    pub comparison: Comparison,
    /// Articles or corrections that could not be used.
    pub failures: Vec<InputFailure>,
    /// How many corrections the log holds.
    pub corrections: usize,
}

/// Appends a correction to a saved comparison's log.
pub fn add_correction(
    library: &Library,
    name: &str,
    correction: &Correction,
) -> Result<(), StoreError> {
    let id = library.comparison(name)?.id;
    library.append_correction(
        &id,
        serde_json::to_value(correction).expect("corrections serialise to JSON"),
    )
}

/// Takes back a saved comparison's newest correction; false when there was none.
pub fn undo_correction(library: &Library, name: &str) -> Result<bool, StoreError> {
    let id = library.comparison(name)?.id;
    Ok(library.pop_correction(&id)?.is_some())
}

/// Opens a saved comparison: the stored analyses (re-analysing articles an
/// older engine analysed) compared, with the corrections log applied.
pub fn open_saved(library: &Library, name: &str) -> Result<SavedComparison, StoreError> {
    let open = library.open_comparison(name)?;
    let mut analysed = Vec::new();
    let mut metadata = Vec::new();
    let mut failures = Vec::new();
    for ((member, article), stored) in open
        .record
        .members
        .iter()
        .zip(&open.articles)
        .zip(&open.analyses)
    {
        let path = match &article.part {
            Some(part) => format!("{}#{part}", article.origin),
            None => article.origin.clone(),
        };
        let current = stored
            .as_ref()
            .filter(|s| s.engine_version == ENGINE_VERSION)
            .and_then(|s| serde_json::from_value(s.analysis.clone()).ok());
        let analysis = match current {
            Some(analysis) => analysis,
            None => match analyse_text(&path, article.meta.language.as_deref(), &article.text) {
                Ok(analysis) => {
                    // Kept for next time; a library that cannot be written
                    // only means analysing again then.
                    let _ = library.put_analysis(
                        &article.id,
                        ENGINE_VERSION,
                        serde_json::to_value(&analysis).expect("analyses serialise to JSON"),
                    );
                    analysis
                }
                Err(failure) => {
                    failures.push(failure);
                    continue;
                }
            },
        };
        analysed.push(Analysed {
            path,
            outlet: member.outlet.clone(),
            title: article.meta.title.clone(),
            text: article.text.clone(),
            analysis,
        });
        metadata.push(article.meta.clone());
    }
    let mut corrections = Vec::new();
    for (index, entry) in open.corrections.iter().enumerate() {
        match serde_json::from_value(entry.correction.clone()) {
            Ok(correction) => corrections.push(correction),
            Err(e) => failures.push(InputFailure {
                path: name.to_string(),
                code: "unreadable_correction".into(),
                message: format!(
                    "correction {} cannot be read ({e}); it was left out",
                    index + 1
                ),
            }),
        }
    }
    let comparison = compare_analysed(&analysed, &corrections);
    Ok(SavedComparison {
        analysed,
        metadata,
        comparison,
        failures,
        corrections: open.corrections.len(),
    })
}
