//! Reading the listings that feeds and news sitemaps hand back. These are
//! outside bytes like any page, so they are read apart from the fetching:
//! the readers are pure functions that the fuzz targets call directly.

use time::{Date, OffsetDateTime};

use super::{Listed, ProviderProblem};

/// A problem of `provider`, in its words.
pub(super) fn problem(provider: &str, message: String) -> ProviderProblem {
    ProviderProblem {
        provider: provider.to_string(),
        message,
    }
}

/// The entries of an RSS or Atom feed fetched from `address`.
pub fn feed(address: &str, body: &[u8]) -> Result<Vec<Listed>, ProviderProblem> {
    let feed = feed_rs::parser::parse(body)
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

/// What a sitemap lists.
#[derive(Debug, Clone)]
pub enum Sitemap {
    /// Pages.
    Urls(Vec<Listed>),
    /// The sitemaps an index lists, most recently changed first.
    Index(Vec<String>),
}

/// A news sitemap or sitemap index fetched from `address`.
pub fn sitemap(address: &str, body: &[u8]) -> Result<Sitemap, ProviderProblem> {
    let text = String::from_utf8_lossy(body);
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
