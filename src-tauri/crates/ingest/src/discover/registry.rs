//! The outlet registry: who publishes on which domains, where, under what
//! kind of ownership, and where their feeds and news sitemaps are. It is
//! data (`outlets.toml`); researchers extend it with a file of their own.

use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The registry that ships with SourceLens, kept with the engine's other
/// world knowledge.
const BUILT_IN: &str = sourcelens_core::OUTLETS_TOML;

/// Who owns an outlet, as far as its editorial independence goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum Ownership {
    /// Run by a government.
    State,
    /// A public-service broadcaster, independent in law.
    Public,
    /// International broadcasting funded by a government.
    GovernmentFunded,
    /// A news agency.
    Wire,
    /// Privately owned.
    Private,
    /// A nonprofit newsroom.
    Nonprofit,
}

/// One outlet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Outlet {
    /// A short stable identifier, such as `presstv`.
    pub id: String,
    /// The name shown in the matrix.
    pub name: String,
    /// Other names news uses for it ("Russia Today", "The Associated Press").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The web domains it publishes on (subdomains included).
    pub domains: Vec<String>,
    /// Country, ISO 3166-1 alpha-2.
    pub country: String,
    /// The language of the edition listed, ISO 639-1.
    pub language: String,
    /// Its kind of ownership.
    pub ownership: Ownership,
    /// RSS or Atom feeds.
    #[serde(default)]
    pub feeds: Vec<String>,
    /// Google News sitemaps.
    #[serde(default)]
    pub sitemaps: Vec<String>,
    /// Set in a researcher's file to hide a built-in outlet.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    #[ts(skip)]
    pub disabled: bool,
}

impl Outlet {
    /// True when `host` is one of the outlet's domains or under one.
    pub fn publishes_on(&self, host: &str) -> bool {
        let host = host.trim_start_matches("www.").to_ascii_lowercase();
        self.domains.iter().any(|domain| {
            host == *domain
                || host
                    .strip_suffix(domain.as_str())
                    .is_some_and(|rest| rest.ends_with('.'))
        })
    }
}

#[derive(Deserialize)]
struct File {
    #[serde(default)]
    outlet: Vec<Outlet>,
}

/// Why a registry file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum RegistryError {
    /// The file could not be read.
    #[error("{path}: cannot be read: {source}")]
    Unreadable {
        /// The file.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a valid outlet list.
    #[error("{path}: is not a valid outlet list: {detail}")]
    Invalid {
        /// The file.
        path: String,
        /// What the TOML parser reported, with the line.
        detail: String,
    },
}

/// The outlets SourceLens knows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Registry {
    outlets: Vec<Outlet>,
}

impl Registry {
    /// The outlets that ship with SourceLens, read once.
    pub fn built_in() -> &'static Registry {
        static BUILT: OnceLock<Registry> = OnceLock::new();
        BUILT.get_or_init(|| {
            let file: File = toml::from_str(BUILT_IN).expect("the built-in outlets.toml is valid");
            Registry {
                outlets: file.outlet,
            }
        })
    }

    /// The built-in outlets with a researcher's file laid over them: an
    /// entry with a known `id` replaces that outlet, a new `id` adds one,
    /// and `disabled = true` hides one. A missing file changes nothing.
    pub fn with_overrides(path: &Path) -> Result<Registry, RegistryError> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Registry::built_in().clone())
            }
            Err(source) => {
                return Err(RegistryError::Unreadable {
                    path: path.display().to_string(),
                    source,
                })
            }
        };
        Registry::overlaid(&text, &path.display().to_string())
    }

    /// The built-in outlets with the text of a researcher's `outlets.toml`
    /// laid over them, as [`Registry::with_overrides`] does; `name` names
    /// the file in errors.
    pub fn overlaid(text: &str, name: &str) -> Result<Registry, RegistryError> {
        let mut registry = Registry::built_in().clone();
        let file: File = toml::from_str(text).map_err(|e| RegistryError::Invalid {
            path: name.to_string(),
            detail: e.to_string().trim().to_string(),
        })?;
        for outlet in file.outlet {
            registry.outlets.retain(|o| o.id != outlet.id);
            registry.outlets.push(outlet);
        }
        registry.outlets.retain(|o| !o.disabled);
        Ok(registry)
    }

    /// Every outlet.
    pub fn outlets(&self) -> &[Outlet] {
        &self.outlets
    }

    /// The outlet publishing on `host`.
    pub fn for_host(&self, host: &str) -> Option<&Outlet> {
        self.outlets.iter().find(|o| o.publishes_on(host))
    }

    /// The outlet publishing at `url`.
    pub fn for_url(&self, url: &str) -> Option<&Outlet> {
        let url = url::Url::parse(url).ok()?;
        self.for_host(url.host_str()?)
    }

    /// The outlet a researcher means by `name`: its id, name or a domain,
    /// ignoring case.
    pub fn find(&self, name: &str) -> Option<&Outlet> {
        let wanted = name.trim().to_lowercase();
        self.outlets.iter().find(|o| {
            o.id == wanted || o.name.to_lowercase() == wanted || o.domains.contains(&wanted)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_registry_spans_the_kinds_of_outlet_researchers_compare() {
        let registry = Registry::built_in();
        assert!(
            registry.outlets().len() >= 60,
            "{}",
            registry.outlets().len()
        );
        for name in [
            "Press TV",
            "RT",
            "TASS",
            "Sputnik",
            "CGTN",
            "Xinhua",
            "Al Jazeera",
            "TRT World",
            "Anadolu Agency",
            "IRNA",
            "Tasnim",
            "BBC News",
            "DW",
            "France 24",
            "NHK World",
            "ABC News (Australia)",
            "CBC News",
            "Reuters",
            "Associated Press",
            "AFP",
            "Bloomberg",
            "RFE/RL",
            "Voice of America",
        ] {
            assert!(registry.find(name).is_some(), "{name} is missing");
        }
        let mut ids: Vec<_> = registry.outlets().iter().map(|o| o.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), registry.outlets().len(), "ids are unique");
        for outlet in registry.outlets() {
            assert!(!outlet.domains.is_empty(), "{} has no domain", outlet.id);
            assert_eq!(outlet.country.len(), 2, "{}", outlet.id);
            for feed in outlet.feeds.iter().chain(&outlet.sitemaps) {
                assert!(url::Url::parse(feed).is_ok(), "{}: {feed}", outlet.id);
            }
        }
    }

    #[test]
    fn hosts_and_subdomains_find_their_outlet_but_lookalikes_do_not() {
        let registry = Registry::built_in();
        assert_eq!(
            registry.for_host("www.presstv.ir").unwrap().name,
            "Press TV"
        );
        assert_eq!(registry.for_host("edition.cnn.com").unwrap().id, "cnn");
        assert_eq!(registry.for_host("feeds.bbci.co.uk"), None);
        assert_eq!(registry.for_host("notrt.com"), None);
        assert_eq!(
            registry
                .for_url("https://www.reuters.com/world/a-story")
                .unwrap()
                .id,
            "reuters"
        );
    }

    #[test]
    fn a_researchers_file_adds_replaces_and_hides_outlets() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("outlets.toml");
        std::fs::write(
            &path,
            r#"
[[outlet]]
id = "valmora-herald"
name = "Valmora Herald"
domains = ["valmoraherald.example"]
country = "PT"
language = "en"
ownership = "private"
feeds = ["https://valmoraherald.example/rss"]

[[outlet]]
id = "rt"
name = "RT International"
domains = ["rt.com"]
country = "RU"
language = "en"
ownership = "state"

[[outlet]]
id = "upi"
name = "UPI"
domains = ["upi.com"]
country = "US"
language = "en"
ownership = "wire"
disabled = true
"#,
        )
        .unwrap();
        let registry = Registry::with_overrides(&path).unwrap();
        let built_in = Registry::built_in().outlets().len();
        assert_eq!(registry.outlets().len(), built_in);
        assert_eq!(registry.find("valmora herald").unwrap().feeds.len(), 1);
        assert_eq!(registry.find("rt").unwrap().name, "RT International");
        assert!(registry.find("upi").is_none());
    }

    #[test]
    fn a_broken_file_names_itself_and_the_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("outlets.toml");
        std::fs::write(&path, "[[outlet]]\nid = \"x\"\nname = \n").unwrap();
        let error = Registry::with_overrides(&path).unwrap_err().to_string();
        assert!(
            error.contains("outlets.toml") && error.contains("line 3"),
            "{error}"
        );
        assert_eq!(
            &Registry::with_overrides(&dir.path().join("none.toml")).unwrap(),
            Registry::built_in()
        );
    }
}
