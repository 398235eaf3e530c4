/// Why an input could not be turned into articles.
///
/// Every message names the input (a file path or URL) and says what is wrong
/// with it, so a researcher importing fifty files knows which one to fix.
#[derive(Debug, thiserror::Error)]
#[error("{name}: {problem}")]
pub struct IngestError {
    /// The file path or URL as the researcher gave it.
    pub name: String,
    /// What is wrong.
    pub problem: Problem,
}

impl IngestError {
    /// An error about the input called `name`.
    pub fn new(name: impl Into<String>, problem: Problem) -> Self {
        IngestError {
            name: name.into(),
            problem,
        }
    }

    /// A short stable identifier of the problem, for JSON output and the UI.
    pub fn code(&self) -> &'static str {
        self.problem.code()
    }
}

/// What is wrong with an input.
#[derive(Debug, thiserror::Error)]
pub enum Problem {
    /// The file could not be read.
    #[error("cannot be read: {0}")]
    Unreadable(#[from] std::io::Error),
    /// The file is larger than the configured cap.
    #[error(
        "is {}, over the {} limit for one file; split it, or raise the limit",
        human_size(*size),
        human_size(*cap)
    )]
    TooLarge {
        /// Its size in bytes.
        size: u64,
        /// The cap in bytes.
        cap: u64,
    },
    /// The file holds nothing.
    #[error("is empty")]
    Empty,
    /// Binary data where text was expected.
    #[error("is binary data, not {expected}{}", looks_like.map(|l| format!(" (it looks like {l})")).unwrap_or_default())]
    Binary {
        /// What the file name promised.
        expected: &'static str,
        /// What the bytes look like, when recognisable.
        looks_like: Option<&'static str>,
    },
    /// The file's format is not one SourceLens reads.
    #[error("is not a format SourceLens reads ({0}); use HTML, text, Markdown, PDF, e-mail, MHTML, web archive, WARC or article JSON")]
    UnknownFormat(String),
    /// The file is damaged or cut short.
    #[error("is damaged or incomplete ({format}): {detail}")]
    Malformed {
        /// The format it claims to be.
        format: &'static str,
        /// What the parser reported.
        detail: String,
    },
    /// A PDF whose pages hold no text, such as a scan.
    #[error("has no text layer (it is probably a scan); run OCR on it first, for example with ocrmypdf, and import the result")]
    PdfWithoutText,
    /// An e-mail with neither a text nor an HTML body.
    #[error("is an e-mail with no body text")]
    EmailWithoutBody,
    /// A WARC file with no HTML responses.
    #[error("holds no HTML responses, so there is no article in it")]
    WarcWithoutHtml,
    /// The page or document has no article text.
    #[error("has no article text{}", hint.map(|h| format!(" ({h})")).unwrap_or_default())]
    NoArticle {
        /// Why there might be none.
        hint: Option<&'static str>,
    },
    /// A page whose elements nest deeper than any article does.
    #[error(
        "nests its HTML elements more than {limit} deep, which no article page does; it is refused \
         so that it cannot exhaust the parser (save the article's text and import that instead)"
    )]
    TooDeep {
        /// The deepest nesting allowed.
        limit: usize,
    },
    /// Over one of the hard limits in [`crate::limits`].
    #[error(
        "has more than {limit} {what}, SourceLens's limit; it is refused so that it cannot \
         hold up the app (split it, or import the part you need)"
    )]
    OverLimit {
        /// What is counted: "WARC records", "pages".
        what: &'static str,
        /// The most allowed.
        limit: u64,
    },
    /// An article JSON file without the required fields.
    #[error("is not an article JSON file: {0}")]
    BadArticleJson(String),
    /// The input is neither a usable path nor an http(s) address.
    #[error("cannot be used: {0}")]
    BadInput(#[from] crate::InputError),
    /// The web address could not be fetched.
    #[error("{0}")]
    Fetch(#[from] crate::fetch::FetchError),
}

impl Problem {
    /// A short stable identifier of the problem.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Unreadable(_) => "unreadable",
            Problem::TooLarge { .. } => "too_large",
            Problem::Empty => "empty",
            Problem::Binary { .. } => "binary",
            Problem::UnknownFormat(_) => "unknown_format",
            Problem::Malformed { .. } => "malformed",
            Problem::PdfWithoutText => "pdf_without_text",
            Problem::EmailWithoutBody => "email_without_body",
            Problem::WarcWithoutHtml => "warc_without_html",
            Problem::NoArticle { .. } => "no_article",
            Problem::TooDeep { .. } => "too_deep",
            Problem::OverLimit { .. } => "over_limit",
            Problem::BadArticleJson(_) => "bad_article_json",
            Problem::BadInput(_) => "bad_input",
            Problem::Fetch(e) => e.code(),
        }
    }
}

/// A byte count for people: `2.0 KB`, `50.0 MB`.
fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["bytes", "KB", "MB", "GB"];
    let mut value = bytes as f64;
    let mut unit = 0;
    while value >= 1024.0 && unit < UNITS.len() - 1 {
        value /= 1024.0;
        unit += 1;
    }
    if unit == 0 {
        format!("{bytes} bytes")
    } else {
        format!("{value:.1} {}", UNITS[unit])
    }
}
