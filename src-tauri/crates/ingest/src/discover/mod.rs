//! Finding other outlets' versions of an event: the event's signature from
//! the seed articles, candidates from GDELT, the outlets' feeds and news
//! sitemaps and Wayback listings, ranked by how much they share with the
//! seed and folded where they are copies of one wire story. Nothing is
//! imported here: the researcher picks.

pub mod listings;
mod providers;
mod registry;
mod signature;

use serde::Serialize;
use time::{Date, Duration};
use ts_rs::TS;
use url::Url;

pub use registry::{Outlet, Ownership, Registry, RegistryError};
pub use signature::Signature;

use crate::article::Article;
use crate::fetch::Fetcher;
use signature::words;

/// Where the providers answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscoveryEndpoints {
    /// GDELT's DOC 2.0 API.
    pub gdelt: Url,
}

impl Default for DiscoveryEndpoints {
    fn default() -> Self {
        DiscoveryEndpoints {
            gdelt: Url::parse("https://api.gdeltproject.org/api/v2/doc/doc").expect("valid"),
        }
    }
}

/// What to look for.
#[derive(Debug, Clone)]
pub struct Query {
    /// Only these outlets (all outlets when empty, which leaves out the
    /// per-outlet feeds, sitemaps and Wayback listings).
    pub outlets: Vec<Outlet>,
    /// The first day of the window.
    pub from: Date,
    /// The last day of the window.
    pub to: Date,
    /// Today: Wayback listings are only asked for windows that have ended.
    pub today: Date,
}

impl Query {
    /// The window around the seeds' date: two days before to three after,
    /// or the last week when the seeds have no date.
    pub fn around(signature: &Signature, today: Date) -> (Date, Date) {
        match signature.day() {
            Some(date) => (date - Duration::days(2), date + Duration::days(3)),
            None => (today - Duration::days(7), today),
        }
    }
}

/// A page that may be another outlet's version of the event.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Candidate {
    /// Its address.
    pub url: String,
    /// The outlet, from the registry or else the host.
    pub outlet: String,
    /// Its headline (or the words of its address, when no headline is known).
    pub title: String,
    /// Its publication date, `YYYY-MM-DD`, when known.
    pub date: Option<String>,
    /// How alike it is to the seeds, 0 to 1.
    pub score: f32,
    /// Why it was found: "shares Putin, Lavrov, DNC; same day".
    pub reason: String,
    /// The providers that listed it: gdelt, feed, sitemap, wayback.
    pub found_by: Vec<String>,
    /// Other addresses carrying the same (wire) story, folded into this one.
    pub copies: Vec<String>,
}

/// A provider that could not be asked, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProviderProblem {
    /// gdelt, feed, sitemap or wayback.
    pub provider: String,
    /// What went wrong, naming the address.
    pub message: String,
}

/// What discovery found.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Discovery {
    /// The seeds' signature.
    pub signature: Signature,
    /// The first day searched, `YYYY-MM-DD`.
    pub from: String,
    /// The last day searched, `YYYY-MM-DD`.
    pub to: String,
    /// The candidates, best first.
    pub candidates: Vec<Candidate>,
    /// Providers that failed; the others' candidates are still here.
    pub problems: Vec<ProviderProblem>,
}

/// A listing from one provider, before ranking.
#[derive(Debug, Clone)]
pub struct Listed {
    /// The page's address as listed.
    pub url: String,
    /// Its headline, or empty.
    pub title: String,
    /// A summary or keywords, or empty.
    pub summary: String,
    /// Its publication date, when listed.
    pub date: Option<Date>,
    /// The provider that listed it.
    pub provider: &'static str,
}

/// Candidates below this score are not shown.
const MIN_SCORE: f32 = 0.3;
/// Titles sharing this much (Jaccard of their words) are one story.
const SAME_STORY: f32 = 0.6;
/// At most this many candidates are returned.
const MAX_CANDIDATES: usize = 60;

/// Finds other outlets' versions of the seeds' event.
pub async fn discover(
    fetcher: &Fetcher,
    endpoints: &DiscoveryEndpoints,
    registry: &Registry,
    seeds: &[Article],
    query: &Query,
) -> Discovery {
    let signature = Signature::of(seeds);
    let mut problems = Vec::new();
    let mut listed = Vec::new();
    let mut collect = |found: Result<Vec<Listed>, ProviderProblem>| match found {
        Ok(found) => listed.extend(found),
        Err(problem) => problems.push(problem),
    };
    collect(providers::gdelt(fetcher, endpoints, &signature, query).await);
    for outlet in &query.outlets {
        for feed in &outlet.feeds {
            collect(providers::feed(fetcher, feed).await);
        }
        for sitemap in &outlet.sitemaps {
            collect(providers::sitemap(fetcher, sitemap).await);
        }
        if query.to < query.today {
            for domain in &outlet.domains {
                collect(providers::wayback(fetcher, domain, query).await);
            }
        }
    }
    let seed_urls: Vec<&str> = seeds.iter().filter_map(|s| s.meta.url.as_deref()).collect();
    let candidates = rank(&signature, registry, query, listed, &seed_urls);
    Discovery {
        signature,
        from: query.from.to_string(),
        to: query.to.to_string(),
        candidates,
        problems,
    }
}

/// Scores, filters, folds and sorts the listings.
fn rank(
    signature: &Signature,
    registry: &Registry,
    query: &Query,
    listed: Vec<Listed>,
    seed_urls: &[&str],
) -> Vec<Candidate> {
    let wanted_hosts = |url: &Url| {
        query.outlets.is_empty()
            || query
                .outlets
                .iter()
                .any(|o| url.host_str().is_some_and(|h| o.publishes_on(h)))
    };
    let mut scored: Vec<(Candidate, Vec<String>)> = Vec::new();
    for item in listed {
        let Ok(url) = Url::parse(&item.url) else {
            continue;
        };
        if !wanted_hosts(&url) || seed_urls.contains(&item.url.as_str()) {
            continue;
        }
        if item.date.is_some_and(|d| d < query.from || d > query.to) {
            continue;
        }
        if let Some((existing, _)) = scored.iter_mut().find(|(c, _)| c.url == item.url) {
            if !existing.found_by.iter().any(|p| p == item.provider) {
                existing.found_by.push(item.provider.to_string());
            }
            continue;
        }
        let text = format!("{} {} {}", item.title, slug_words(&url), item.summary);
        let Some((score, reason)) = signature.likeness(&text, item.date) else {
            continue;
        };
        if score < MIN_SCORE {
            continue;
        }
        let host = url.host_str().unwrap_or_default();
        let outlet = query
            .outlets
            .iter()
            .find(|o| o.publishes_on(host))
            .or_else(|| registry.for_host(host))
            .map(|o| o.name.clone())
            .unwrap_or_else(|| {
                url.host_str()
                    .unwrap_or_default()
                    .trim_start_matches("www.")
                    .to_string()
            });
        let title = if item.title.trim().is_empty() {
            slug_words(&url)
        } else {
            item.title.trim().to_string()
        };
        let title_words = words(&title);
        scored.push((
            Candidate {
                url: item.url,
                outlet,
                title,
                date: item.date.map(|d| d.to_string()),
                score,
                reason,
                found_by: vec![item.provider.to_string()],
                copies: Vec::new(),
            },
            title_words,
        ));
    }
    scored.sort_by(|a, b| b.0.score.total_cmp(&a.0.score));
    let mut kept: Vec<(Candidate, Vec<String>)> = Vec::new();
    for (candidate, title_words) in scored {
        match kept
            .iter_mut()
            .find(|(_, kept_words)| jaccard(kept_words, &title_words) >= SAME_STORY)
        {
            Some((original, _)) => original.copies.push(candidate.url),
            None => kept.push((candidate, title_words)),
        }
    }
    kept.into_iter()
        .take(MAX_CANDIDATES)
        .map(|(candidate, _)| candidate)
        .collect()
}

/// The words of an address's last path segment: `/2026/03/14/port-strike-ends`
/// gives "port strike ends".
fn slug_words(url: &Url) -> String {
    url.path_segments()
        .and_then(|mut segments| segments.rfind(|s| !s.is_empty()))
        .map(|slug| {
            slug.trim_end_matches(".html")
                .trim_end_matches(".htm")
                .split(['-', '_', '+'])
                .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default()
}

fn jaccard(a: &[String], b: &[String]) -> f32 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let shared = a.iter().filter(|w| b.contains(w)).count();
    shared as f32 / (a.len() + b.len() - shared) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_become_words_without_dates_or_extensions() {
        let url = Url::parse("https://x.example/world/2026/03/14/port-hallam-strike-ends_2.html")
            .unwrap();
        assert_eq!(slug_words(&url), "port hallam strike ends");
    }
}
