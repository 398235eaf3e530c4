//! The places candidates come from. Each returns listings or a problem that
//! names the provider and address; one failing never stops the others.

use serde::Deserialize;
use time::{Date, OffsetDateTime};
use url::Url;

use super::{DiscoveryEndpoints, Listed, ProviderProblem, Query, Signature};
use crate::fetch::{wayback, Fetcher};

/// Most listings asked of GDELT and of one Wayback listing.
const MAX_LISTED: usize = 75;

fn problem(provider: &str, message: String) -> ProviderProblem {
    ProviderProblem {
        provider: provider.to_string(),
        message,
    }
}

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
    let feed = feed_rs::parser::parse(body.as_slice())
        .map_err(|e| problem("feed", format!("{address} is not an RSS or Atom feed: {e}")))?;
    Ok(feed
        .entries
        .into_iter()
        .filter_map(|entry| {
            let url = entry.links.first()?.href.clone();
            let when = entry.published.or(entry.updated);
            Some(Listed {
                url,
                title: entry.title.map(|t| t.content).unwrap_or_default(),
                summary: entry
                    .summary
                    .map(|s| strip_tags(&s.content))
                    .unwrap_or_default(),
                date: when
                    .and_then(|w| OffsetDateTime::from_unix_timestamp(w.timestamp()).ok())
                    .map(|w| w.date()),
                provider: "feed",
            })
        })
        .collect())
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

enum Sitemap {
    Urls(Vec<Listed>),
    /// The sitemaps an index lists, most recently changed first.
    Index(Vec<String>),
}

async fn read_sitemap(fetcher: &Fetcher, address: &str) -> Result<Sitemap, ProviderProblem> {
    let body = get(fetcher, "sitemap", address).await?;
    let text = String::from_utf8_lossy(&body);
    let document = roxmltree::Document::parse(&text)
        .map_err(|e| problem("sitemap", format!("{address} is not a sitemap: {e}")))?;
    let child_text = |node: roxmltree::Node, name: &str| {
        node.descendants()
            .find(|n| n.tag_name().name() == name)
            .and_then(|n| n.text())
            .map(|t| t.trim().to_string())
    };
    if document.root_element().tag_name().name() == "sitemapindex" {
        let mut children: Vec<(String, String)> = document
            .descendants()
            .filter(|n| n.tag_name().name() == "sitemap")
            .filter_map(|node| {
                // Locations should be absolute; a relative one is read
                // against the index's own address.
                let loc = child_text(node, "loc")?;
                let loc = url::Url::parse(address).ok()?.join(&loc).ok()?.to_string();
                Some((child_text(node, "lastmod").unwrap_or_default(), loc))
            })
            .collect();
        children.sort_by(|a, b| b.0.cmp(&a.0));
        return Ok(Sitemap::Index(
            children.into_iter().map(|(_, loc)| loc).collect(),
        ));
    }
    Ok(Sitemap::Urls(
        document
            .descendants()
            .filter(|n| n.tag_name().name() == "url")
            .filter_map(|node| {
                let url = child_text(node, "loc")?;
                let date = child_text(node, "publication_date")
                    .or_else(|| child_text(node, "lastmod"))
                    .and_then(|d| d.get(..10).and_then(parse_dashed));
                Some(Listed {
                    url,
                    title: child_text(node, "title").unwrap_or_default(),
                    summary: child_text(node, "keywords").unwrap_or_default(),
                    date,
                    provider: "sitemap",
                })
            })
            .collect(),
    ))
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

fn parse_dashed(text: &str) -> Option<Date> {
    Date::parse(
        text,
        time::macros::format_description!("[year]-[month]-[day]"),
    )
    .ok()
}

/// Feed summaries often carry HTML; only their words matter here.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}
