//! World knowledge the text cannot give: which names are countries, their
//! people's adjectives and capitals, and which bodies go by several names.
//!
//! Read once from the data files beside the crate (`data/countries.tsv`,
//! derived from the world-countries package by `tools/world/countries.py`;
//! `data/bodies.tsv`, curated). Attribution uses it to kind a country or a
//! seat of power that speaks as a government ("Washington said", "the U.K.
//! said"), to give one canonical name to a body however an outlet names it
//! ("DHS", "Homeland Security", "the Department of Homeland Security"), and
//! to tie "the Turkish leader" or "the Ankara strongman" to a country.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::SourceKind;

static COUNTRIES_TSV: &str = include_str!("../../data/countries.tsv");
static BODIES_TSV: &str = include_str!("../../data/bodies.tsv");

/// A country as the news names it.
#[derive(Debug)]
pub struct Country {
    /// Its common English name ("United States", "Russia").
    pub name: String,
    /// Its people's adjective ("American", "Russian"), when known.
    pub demonym: Option<String>,
}

impl Country {
    /// The name its government goes by as a source: the people's adjective
    /// for one-word countries ("Russian government"), the country's name
    /// otherwise ("United States government").
    pub fn government(&self) -> String {
        match &self.demonym {
            Some(demonym) if !self.name.contains(' ') => format!("{demonym} government"),
            _ => format!("{} government", self.name),
        }
    }
}

/// A body known by several names.
#[derive(Debug)]
pub struct Body {
    /// The name it is given in the matrix.
    pub name: String,
    /// What kind of source it is.
    pub kind: SourceKind,
}

/// A news medium's names, as the outlet registry gives them.
#[derive(serde::Deserialize)]
struct OutletNames {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(serde::Deserialize)]
struct Outlets {
    outlet: Vec<OutletNames>,
}

/// The loaded tables.
struct World {
    countries: Vec<Country>,
    /// Lower-case country names, short forms and capitals → country index.
    places: HashMap<String, usize>,
    /// Lower-case people's adjectives → country index.
    demonyms: HashMap<String, usize>,
    bodies: Vec<Body>,
    /// Lower-case names of bodies → body index.
    body_names: HashMap<String, usize>,
    /// Lower-case names and aliases of media → the name the registry shows.
    media: HashMap<String, String>,
}

/// Country names and capitals that are as often a person's name in English
/// news ("Jordan said" is as likely Jim Jordan): the text must say more.
const NAMES_OF_PEOPLE_TOO: &[&str] = &[
    "victoria", "kingston", "hamilton", "valletta", "male", "jordan", "chad", "georgia", "israel",
    "niger", "dominica", "lima", "santiago", "roseau",
];

/// Short forms written in capitals only ("US", not the pronoun "us").
const CAPITALS_ONLY: &[&str] = &["us", "uk", "usa", "uae"];

/// Short forms the country table leaves out, as English news writes them.
const SHORT_FORMS: &[(&str, &str)] = &[
    ("u.s.", "United States"),
    ("us", "United States"),
    ("usa", "United States"),
    ("u.s.a.", "United States"),
    ("america", "United States"),
    ("u.k.", "United Kingdom"),
    ("uk", "United Kingdom"),
    ("britain", "United Kingdom"),
    ("uae", "United Arab Emirates"),
    ("u.a.e.", "United Arab Emirates"),
    ("turkey", "Türkiye"),
];

fn world() -> &'static World {
    static WORLD: OnceLock<World> = OnceLock::new();
    WORLD.get_or_init(|| {
        let mut countries = Vec::new();
        let mut places = HashMap::new();
        let mut demonyms = HashMap::new();
        for line in COUNTRIES_TSV.lines().filter(|l| !l.starts_with('#')) {
            let cells: Vec<&str> = line.split('\t').collect();
            let [common, official, others, demonym, capitals, ..] = cells[..] else {
                continue;
            };
            let index = countries.len();
            for name in [common, official].into_iter().chain(others.split('|')) {
                if !name.is_empty() && !NAMES_OF_PEOPLE_TOO.contains(&name.to_lowercase().as_str()) {
                    places.entry(name.to_lowercase()).or_insert(index);
                }
            }
            for capital in capitals.split('|').filter(|c| !c.is_empty()) {
                // "Washington D.C." is "Washington" in the news.
                let capital = capital.trim_end_matches(" D.C.").to_lowercase();
                if !NAMES_OF_PEOPLE_TOO.contains(&capital.as_str()) {
                    places.entry(capital).or_insert(index);
                }
            }
            if !demonym.is_empty() {
                demonyms.entry(demonym.to_lowercase()).or_insert(index);
            }
            countries.push(Country {
                name: common.to_string(),
                demonym: (!demonym.is_empty()).then(|| demonym.to_string()),
            });
        }
        for (short, long) in SHORT_FORMS {
            if let Some(&index) = places.get(&long.to_lowercase()) {
                places.insert(short.to_string(), index);
            }
        }
        let mut bodies = Vec::new();
        let mut body_names = HashMap::new();
        for line in BODIES_TSV.lines().filter(|l| !l.starts_with('#')) {
            let cells: Vec<&str> = line.split('\t').collect();
            let [name, others, kind, ..] = cells[..] else {
                continue;
            };
            let kind = match kind {
                "organization" => SourceKind::Organization,
                "media_outlet" => SourceKind::MediaOutlet,
                _ => SourceKind::GovernmentBody,
            };
            let index = bodies.len();
            for alias in std::iter::once(name).chain(others.split('|')) {
                if !alias.is_empty() {
                    body_names.insert(without_the(alias).to_lowercase(), index);
                }
            }
            bodies.push(Body {
                name: name.to_string(),
                kind,
            });
        }
        let outlets: Outlets =
            toml::from_str(crate::OUTLETS_TOML).expect("the built-in outlets.toml is valid");
        let mut media = HashMap::new();
        for outlet in outlets.outlet {
            // "ABC News (US)": the registry's qualifier is not in the news.
            let shown = outlet.name.split(" (").next().unwrap_or(&outlet.name).to_string();
            for name in std::iter::once(&outlet.name).chain(&outlet.aliases) {
                media.insert(without_the(name).to_lowercase(), shown.clone());
            }
            media.insert(without_the(&shown).to_lowercase(), shown.clone());
        }
        World {
            countries,
            places,
            demonyms,
            bodies,
            body_names,
            media,
        }
    })
}

fn without_the(name: &str) -> &str {
    let name = name.trim();
    ["the ", "The "]
        .iter()
        .find_map(|the| name.strip_prefix(the))
        .unwrap_or(name)
}

/// The country a name stands for when it speaks: its name, a short form or
/// its capital ("the U.K.", "Washington", "Russia"), with or without "the".
pub fn country_named(name: &str) -> Option<&'static Country> {
    let world = world();
    let name = without_the(name);
    let key = name.to_lowercase();
    if CAPITALS_ONLY.contains(&key.as_str()) && name != name.to_uppercase() {
        return None;
    }
    world.places.get(&key).map(|&i| &world.countries[i])
}

/// The country whose people's adjective, name or capital `word` is
/// ("Turkish", "Turkey", "Ankara").
pub fn country_of_word(word: &str) -> Option<&'static Country> {
    let world = world();
    let key = word.to_lowercase();
    world
        .demonyms
        .get(&key)
        .or_else(|| world.places.get(&key))
        .map(|&i| &world.countries[i])
}

/// The government a name stands for: a country that speaks ("Washington",
/// "the U.K.") or its government named by its people's adjective or
/// country ("the French government", "the US government").
pub fn government_named(name: &str) -> Option<&'static Country> {
    let name = without_the(name);
    if let Some(country) = country_named(name) {
        return Some(country);
    }
    let owner = name
        .strip_suffix(" government")
        .or_else(|| name.strip_suffix(" Government"))?;
    let owner = owner.strip_suffix("'s").or_else(|| owner.strip_suffix("’s")).unwrap_or(owner);
    country_named(owner).or_else(|| country_of_word(owner))
}

/// The body a name stands for, by any of its names ("DHS", "the Pentagon").
pub fn body_named(name: &str) -> Option<&'static Body> {
    let world = world();
    let key = without_the(name).to_lowercase();
    world.body_names.get(&key).map(|&i| &world.bodies[i])
}

/// The name the registry shows for a news medium named any of its ways
/// ("Russia Today" → RT, "The Associated Press" → Associated Press).
pub fn medium_named(name: &str) -> Option<&'static str> {
    world()
        .media
        .get(&without_the(name).to_lowercase())
        .map(String::as_str)
}

/// Words that say a phrase names a medium ("Iran's semi-official Tasnim
/// news agency", "the state-run RIA news agency").
const MEDIUM_WORDS: &[&str] = &[
    "agency", "news", "television", "tv", "radio", "newspaper", "broadcaster", "channel", "daily",
    "paper", "outlet", "network", "website", "magazine",
];

/// The registry's name of a medium that a longer description names
/// ("Iran's semi-official Tasnim news agency" → Tasnim), when the
/// description says it is a medium.
pub fn medium_within(name: &str) -> Option<&'static str> {
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    if !words.iter().any(|w| MEDIUM_WORDS.contains(&w.as_str())) {
        return None;
    }
    // The longest run of words that the registry knows.
    (1..=words.len().min(4)).rev().find_map(|len| {
        words.windows(len).find_map(|run| {
            let key = run.join(" ");
            let known = world().media.get(&key)?;
            // One capital-less common word ("news") is no medium's name.
            (len > 1 || name.contains(known.as_str()) || key.len() > 3).then_some(known.as_str())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_are_found_by_name_short_form_and_capital() {
        assert_eq!(country_named("the U.K.").unwrap().name, "United Kingdom");
        assert_eq!(country_named("Washington").unwrap().name, "United States");
        assert_eq!(country_named("Russia").unwrap().name, "Russia");
        assert_eq!(country_named("Tehran").unwrap().name, "Iran");
        assert!(country_named("Smith").is_none());
        assert!(country_named("Victoria").is_none());
        assert!(country_named("Jordan").is_none());
        assert!(country_named("us").is_none());
        assert_eq!(country_named("US").unwrap().name, "United States");
    }

    #[test]
    fn a_government_is_named_by_its_country_or_its_people() {
        let us = government_named("the US government").unwrap();
        assert_eq!(us.government(), "United States government");
        assert_eq!(
            government_named("The French government").unwrap().government(),
            "French government"
        );
        assert_eq!(government_named("Moscow").unwrap().government(), "Russian government");
        assert!(government_named("the Obama government").is_none());
    }

    #[test]
    fn a_body_goes_by_any_of_its_names() {
        for name in ["DHS", "Homeland Security", "the Department of Homeland Security"] {
            assert_eq!(body_named(name).unwrap().name, "Department of Homeland Security");
        }
        assert_eq!(body_named("the Kremlin").unwrap().kind, SourceKind::GovernmentBody);
        assert!(body_named("the ministry").is_none());
    }

    #[test]
    fn a_medium_goes_by_the_registry_s_name() {
        assert_eq!(medium_named("Russia Today"), Some("RT"));
        assert_eq!(medium_named("The Associated Press"), Some("Associated Press"));
        assert_eq!(medium_named("the BBC"), Some("BBC News"));
        assert_eq!(medium_named("Le Monde"), Some("Le Monde"));
        assert_eq!(medium_named("the ministry"), None);
        assert_eq!(medium_within("Iran's semi-official Tasnim news agency"), Some("Tasnim"));
        assert_eq!(medium_within("the state-run RIA news agency"), Some("RIA Novosti"));
        assert_eq!(medium_within("Tasnim"), None);
        assert_eq!(medium_within("the foreign ministry"), None);
    }

    #[test]
    fn people_adjectives_lead_to_their_country() {
        let turkey = country_of_word("Turkish").unwrap();
        assert_eq!(turkey.government(), "Turkish government");
        assert_eq!(country_of_word("Ankara").unwrap().government(), "Turkish government");
        assert_eq!(country_named("Turkey").unwrap().government(), "Turkish government");
    }
}
