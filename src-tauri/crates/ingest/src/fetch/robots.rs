//! robots.txt, fetched once per site and obeyed (RFC 9309).

use std::collections::HashMap;
use std::sync::Arc;

use reqwest::header;
use texting_robots::Robot;
use tokio::sync::{Mutex, OnceCell};
use url::Url;

use super::{FetchError, Fetcher};

/// The name SourceLens goes by in robots.txt groups.
const AGENT: &str = "SourceLens";

/// RFC 9309 asks crawlers to read at least this much of a robots.txt.
const MAX_ROBOTS_BYTES: usize = 500 * 1024;

/// What a site's robots.txt allows.
enum Rules {
    /// No robots.txt (a 4xx answer): everything.
    All,
    /// robots.txt failed with a server error: nothing, for now.
    Nothing { status: u16 },
    /// The parsed file.
    Parsed(Box<Robot>),
}

/// The rules of every site seen so far.
#[derive(Default)]
pub(super) struct RobotsCache {
    sites: Mutex<HashMap<String, Arc<OnceCell<Arc<Rules>>>>>,
}

impl RobotsCache {
    /// Fails with [`FetchError::RobotsDisallowed`] when the site's robots.txt
    /// keeps SourceLens away from `url`.
    pub(super) async fn check(&self, fetcher: &Fetcher, url: &Url) -> Result<(), FetchError> {
        let robots_url = url
            .join("/robots.txt")
            .expect("/robots.txt is a valid path");
        let cell = self
            .sites
            .lock()
            .await
            .entry(robots_url.to_string())
            .or_default()
            .clone();
        let rules = cell
            .get_or_try_init(|| async { fetch_rules(fetcher, &robots_url).await.map(Arc::new) })
            .await?;
        match rules.as_ref() {
            Rules::All => Ok(()),
            Rules::Parsed(robot) if robot.allowed(url.as_str()) => Ok(()),
            Rules::Parsed(_) => Err(FetchError::RobotsDisallowed(format!("robots.txt ({robots_url})"))),
            Rules::Nothing { status } => Err(FetchError::RobotsDisallowed(format!(
                "robots.txt ({robots_url}), which failed with HTTP {status}: the robots standard then asks crawlers to stay away until it works again"
            ))),
        }
    }
}

/// The rules of a robots.txt body; one that cannot be parsed allows all.
fn parse(body: &[u8]) -> Rules {
    match Robot::new(AGENT, &body[..body.len().min(MAX_ROBOTS_BYTES)]) {
        Ok(robot) => Rules::Parsed(Box::new(robot)),
        Err(_) => Rules::All,
    }
}

/// Whether a robots.txt body lets SourceLens fetch `url`: the same reading
/// the fetcher obeys, without the network.
pub fn robots_allows(robots_txt: &[u8], url: &str) -> bool {
    match parse(robots_txt) {
        Rules::Parsed(robot) => robot.allowed(url),
        Rules::All | Rules::Nothing { .. } => true,
    }
}

async fn fetch_rules(fetcher: &Fetcher, robots_url: &Url) -> Result<Rules, FetchError> {
    let mut current = robots_url.clone();
    for _ in 0..=fetcher.config.max_redirects {
        let response = fetcher.send(&current, None).await?;
        let status = response.status();
        if status.is_redirection() {
            let Some(next) = response
                .headers()
                .get(header::LOCATION)
                .and_then(|l| l.to_str().ok())
                .and_then(|l| current.join(l).ok())
            else {
                return Ok(Rules::All);
            };
            current = next;
            continue;
        }
        if status.is_server_error() {
            return Ok(Rules::Nothing {
                status: status.as_u16(),
            });
        }
        if !status.is_success() {
            return Ok(Rules::All);
        }
        return Ok(parse(&fetcher.read_body(response).await?));
    }
    Ok(Rules::All)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_group_naming_sourcelens_is_obeyed_and_junk_allows_everything() {
        let robots = b"User-agent: *\nDisallow: /\n\nUser-agent: SourceLens\nDisallow: /private/\n";
        assert!(!robots_allows(robots, "https://example.org/private/a"));
        assert!(robots_allows(robots, "https://example.org/news/a"));
        assert!(robots_allows(
            b"\xff\xfe\0junk",
            "https://example.org/private/a"
        ));
    }
}
