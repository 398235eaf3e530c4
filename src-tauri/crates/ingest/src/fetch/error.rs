use std::time::Duration;

/// Why a web address could not be fetched.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FetchError {
    /// The server did not answer in time.
    #[error("did not answer within {} s; the site may be slow or down, so try again later", .0.as_secs())]
    Timeout(Duration),
    /// No connection could be made.
    #[error("could not be reached ({0}); check the address and your internet connection")]
    Unreachable(String),
    /// The server answered with an error status.
    #[error("answered HTTP {status}{}", reason_suffix(*status))]
    Status {
        /// The HTTP status code.
        status: u16,
    },
    /// The server kept asking SourceLens to slow down.
    #[error("kept answering 429 Too Many Requests{}; wait a while and try again", .retry_after.map(|s| format!(" and asked for a {s} s pause")).unwrap_or_default())]
    RateLimited {
        /// The last pause the server asked for, in seconds.
        retry_after: Option<u64>,
    },
    /// More redirects than allowed.
    #[error("redirected more than {0} times; open it in a browser to see where it leads")]
    TooManyRedirects(usize),
    /// A redirect back to an address already visited.
    #[error("redirects in a loop (back to {0}); the site is misconfigured or wants cookies SourceLens does not keep")]
    RedirectLoop(String),
    /// A redirect to something other than an http(s) page.
    #[error("redirects to {0}, which is not an http(s) page")]
    BadRedirect(String),
    /// The body is over the size cap (after decompression).
    #[error("sent more than {} MB; SourceLens stops there to protect your disk and memory", .0 / (1024 * 1024))]
    TooLarge(u64),
    /// The body could not be decompressed or read.
    #[error("sent a body that could not be read ({0})")]
    BadBody(String),
    /// robots.txt asks crawlers to keep away from the page.
    #[error("is off limits to crawlers by the site's {0}; if you chose this page yourself, fetch it with --ignore-robots (or “Fetch anyway”)")]
    RobotsDisallowed(String),
    /// The page is gone and the Internet Archive has no copy.
    #[error("is gone (HTTP {status}) and the Internet Archive has no copy of it")]
    GoneNotArchived {
        /// The status the live site answered.
        status: u16,
    },
    /// The Internet Archive has no copy near the requested date.
    #[error("has no copy in the Internet Archive")]
    NotArchived,
    /// The Internet Archive's lookup answered something unreadable.
    #[error("could not be looked up in the Internet Archive ({0})")]
    ArchiveLookup(String),
}

impl FetchError {
    /// A short stable identifier of the problem.
    pub fn code(&self) -> &'static str {
        match self {
            FetchError::Timeout(_) => "timeout",
            FetchError::Unreachable(_) => "unreachable",
            FetchError::Status { .. } => "http_status",
            FetchError::RateLimited { .. } => "rate_limited",
            FetchError::TooManyRedirects(_) => "too_many_redirects",
            FetchError::RedirectLoop(_) => "redirect_loop",
            FetchError::BadRedirect(_) => "bad_redirect",
            FetchError::TooLarge(_) => "response_too_large",
            FetchError::BadBody(_) => "bad_body",
            FetchError::RobotsDisallowed(_) => "robots_disallowed",
            FetchError::GoneNotArchived { .. } => "gone",
            FetchError::NotArchived => "not_archived",
            FetchError::ArchiveLookup(_) => "archive_lookup",
        }
    }
}

fn reason_suffix(status: u16) -> String {
    let reason = match status {
        401 | 403 => " (access denied: the page may be paywalled or need a login)",
        404 => " Not Found",
        410 => " Gone",
        500..=599 => " (a server error; try again later)",
        _ => "",
    };
    reason.to_string()
}
