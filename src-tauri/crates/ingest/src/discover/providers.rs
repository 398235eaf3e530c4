//! The places candidates come from. Each returns listings or a problem that
//! names the provider and address; one failing never stops the others.

use serde::Deserialize;
use time::Date;
use url::Url;

use super::listings::{self, problem, Sitemap};
use super::{DiscoveryEndpoints, Listed, ProviderProblem, Query, Signature};
use crate::fetch::{wayback, Fetcher};

/// Most listings asked of GDELT and of one Wayback listing.
const MAX_LISTED: usize = 75;

async fn get(fetcher: &Fetcher, provider: &str, address: &str) -> Result<Vec<u8>, ProviderProblem> {
    let url = Url::parse(address)
        .map_err(|e| problem(provider, format!("{address} is not a valid address: {e}")))?;
    // Feeds and APIs are asked by the researcher's own choice, like a URL
    // they typed, but robots.txt is still obeyed for them.
    fetcher
        .page(&url, false)
        .await
        .map(|page| page.body)
        .map_err(|e| problem(provider, format!("{address} {e}")))
}

#[derive(Deserialize)]
struct GdeltAnswer {
    #[serde(default)]
    articles: Vec<GdeltArticle>,
}

#[derive(Deserialize)]
struct GdeltArticle {
    url: String,
    #[serde(default)]
    title: String,
    #[serde(default)]
    seendate: String,
}

/// GDELT's DOC 2.0 API in ArtList mode: the signature's main names and
/// words, the chosen outlets' domains, the date window.
pub(super) async fn gdelt(
    fetcher: &Fetcher,
    endpoints: &DiscoveryEndpoints,
    signature: &Signature,
    query: &Query,
) -> Result<Vec<Listed>, ProviderProblem> {
    let mut keywords: Vec<String> = signature
        .entities
        .iter()
        .take(3)
        .map(|e| {
            if e.contains(' ') {
                format!("\"{e}\"")
            } else {
                e.clone()
            }
        })
        .collect();
    keywords.extend(signature.terms.iter().take(2).cloned());
    if keywords.is_empty() {
        return Err(problem(
            "gdelt",
            "the seed has too little text to search GDELT with".into(),
        ));
    }
    let mut search = keywords.join(" ");
    let domains: Vec<String> = query
        .outlets
        .iter()
        .filter_map(|o| o.domains.first())
        .map(|d| format!("domainis:{d}"))
        .collect();
    match domains.len() {
        0 => {}
        1 => search.push_str(&format!(" {}", domains[0])),
        _ => search.push_str(&format!(" ({})", domains.join(" OR "))),
    }
    let mut url = endpoints.gdelt.clone();
    url.query_pairs_mut()
        .append_pair("query", &search)
        .append_pair("mode", "ArtList")
        .append_pair("format", "json")
        .append_pair("sort", "HybridRel")
        .append_pair("maxrecords", &MAX_LISTED.to_string())
        .append_pair(
            "startdatetime",
            &format!("{}000000", wayback::archive_date(query.from)),
        )
        .append_pair(
            "enddatetime",
            &format!("{}235959", wayback::archive_date(query.to)),
        );
    let body = get(fetcher, "gdelt", url.as_str()).await?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Vec::new());
    }
    let answer: GdeltAnswer = serde_json::from_slice(&body).map_err(|_| {
        let said = String::from_utf8_lossy(&body[..body.len().min(200)])
            .trim()
            .to_string();
        problem(
            "gdelt",
            format!("GDELT did not answer with a list of articles: “{said}”"),
        )
    })?;
    Ok(answer
        .articles
        .into_iter()
        .map(|a| Listed {
            date: a.seendate.get(..8).and_then(parse_compact),
            url: a.url,
            title: a.title,
            summary: String::new(),
            provider: "gdelt",
        })
        .collect())
}

/// An outlet's RSS or Atom feed.
pub(super) async fn feed(fetcher: &Fetcher, address: &str) -> Result<Vec<Listed>, ProviderProblem> {
    let body = get(fetcher, "feed", address).await?;
    listings::feed(address, &body)
}

/// An outlet's Google News sitemap: `<url><loc>` with `<news:title>` and
/// `<news:publication_date>`. A sitemap index is followed one level down, to
/// its most recently changed sitemaps.
pub(super) async fn sitemap(
    fetcher: &Fetcher,
    address: &str,
) -> Result<Vec<Listed>, ProviderProblem> {
    let mut listed = Vec::new();
    match read_sitemap(fetcher, address).await? {
        Sitemap::Urls(urls) => listed.extend(urls),
        Sitemap::Index(children) => {
            for child in children.iter().take(MAX_CHILD_SITEMAPS) {
                if let Sitemap::Urls(urls) = read_sitemap(fetcher, child).await? {
                    listed.extend(urls);
                }
            }
        }
    }
    Ok(listed)
}

/// At most this many sitemaps of an index are read.
const MAX_CHILD_SITEMAPS: usize = 3;

async fn read_sitemap(fetcher: &Fetcher, address: &str) -> Result<Sitemap, ProviderProblem> {
    let body = get(fetcher, "sitemap", address).await?;
    listings::sitemap(address, &body)
}

/// The Wayback Machine's captures under an outlet's domain in the window:
/// for past events, when feeds have moved on.
pub(super) async fn wayback(
    fetcher: &Fetcher,
    domain: &str,
    query: &Query,
) -> Result<Vec<Listed>, ProviderProblem> {
    let captures = wayback::listing(
        fetcher,
        &format!("{domain}/"),
        query.from,
        query.to,
        MAX_LISTED * 20,
    )
    .await
    .map_err(|e| problem("wayback", format!("the Wayback listing of {domain} {e}")))?;
    Ok(captures
        .into_iter()
        .map(|capture| Listed {
            date: capture.timestamp.get(..8).and_then(parse_compact),
            url: capture.original,
            title: String::new(),
            summary: String::new(),
            provider: "wayback",
        })
        .collect())
}

fn parse_compact(text: &str) -> Option<Date> {
    Date::parse(
        text,
        time::macros::format_description!("[year][month][day]"),
    )
    .ok()
}
