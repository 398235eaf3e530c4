//! Comparing several outlets' versions of one event: sources resolved across
//! the articles, the coverage matrix, what stands out, shared quotations and
//! wire copies, with the researcher's corrections applied on top.
//!
//! Corrections are data ([`Correction`]): an ordered log replayed on a fresh
//! analysis, so re-analysing after an engine upgrade keeps the researcher's
//! work. A correction that no longer applies is reported, never dropped.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};
use ts_rs::TS;

use crate::attribution::{
    kind_of, sentence_ids, Analysis, AttributionKind, Mention, Piece, Source, SourceKind,
};
use crate::tokens::tokenize;
use crate::CharSpan;

/// One article going into a comparison.
pub struct ComparedArticle<'a> {
    /// How the article is referred to (the input path, or a stored id).
    pub key: String,
    /// The outlet it stands for.
    pub outlet: String,
    /// Its body text.
    pub text: &'a str,
    /// Its sources.
    pub analysis: Analysis,
}

/// How a source is attributed in one article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum CellAttribution {
    /// Only in quotation marks.
    DirectQuote,
    /// Only paraphrased.
    Indirect,
    /// Both.
    Both,
}

/// A sentence that shows a source being used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Evidence {
    /// First char of the sentence.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// The sentence.
    pub text: String,
    /// The mention inside it.
    pub mention: Mention,
}

/// One source in one article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Cell {
    /// Whether the article uses the source at all.
    pub included: bool,
    /// Quote, paraphrase or both; absent when not included.
    pub attribution: Option<CellAttribution>,
    /// How many times the article uses it.
    pub mentions: usize,
    /// Words the article gives it in quotation marks.
    pub quoted_words: usize,
    /// The sentences that use it.
    pub evidence: Vec<Evidence>,
}

/// A source resolved across the articles: one row of the matrix.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Row {
    /// Stable id: kind and name, e.g. `person:vladimir-putin`.
    pub id: String,
    /// Canonical name.
    pub name: String,
    /// Kind.
    pub kind: SourceKind,
    /// Every other name the articles use for it.
    pub aliases: Vec<String>,
    /// The id of the source it belongs with (a spokesman's organisation).
    pub linked_to: Option<String>,
    /// Whether a researcher's correction changed it.
    pub corrected: bool,
    /// One cell per article, by article key.
    pub cells: BTreeMap<String, Cell>,
}

impl Row {
    /// How many articles include it.
    pub fn coverage(&self) -> usize {
        self.cells.values().filter(|c| c.included).count()
    }
}

/// A source most articles use and one leaves out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Omission {
    /// The source's id.
    pub source: String,
    /// The article that leaves it out.
    pub article: String,
    /// How many of the other articles use it.
    pub included_by: usize,
}

/// Two articles that are near copies of each other (a shared wire story).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct WireCopy {
    /// One article.
    pub a: String,
    /// The other.
    pub b: String,
    /// Share of shared word 5-grams (Jaccard), 0 to 1.
    pub similarity: f64,
}

/// A piece of a word-level difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DiffPiece {
    /// `equal`, `added` or `left_out`, relative to the fullest version.
    pub op: &'static str,
    /// The words.
    pub text: String,
}

/// One outlet's version of a shared quotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct QuoteVersion {
    /// The article.
    pub article: String,
    /// The quotation as this outlet gives it.
    pub text: String,
    /// How it differs from the fullest version.
    pub diff: Vec<DiffPiece>,
}

/// The same quotation in several outlets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SharedQuote {
    /// The source it is attributed to.
    pub source: String,
    /// The fullest version.
    pub fullest: String,
    /// Every outlet's version.
    pub versions: Vec<QuoteVersion>,
}

/// How an article divides its attention among sources.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Balance {
    /// Share of mentions by source kind.
    pub mentions_by_kind: BTreeMap<String, f64>,
    /// Share of quoted words by source kind.
    pub quoted_words_by_kind: BTreeMap<String, f64>,
    /// Share of all mentions that go to each researcher-defined group.
    pub mentions_by_group: BTreeMap<String, f64>,
}

/// A researcher's correction of the machine's analysis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Correction {
    /// `from` and `into` are one source; keep `into`.
    Merge {
        /// The source that remains.
        into: String,
        /// The source folded into it.
        from: String,
    },
    /// The mentions named by `aliases` are a different source, `name`.
    Split {
        /// The source to split.
        source: String,
        /// The names whose mentions move.
        aliases: Vec<String>,
        /// The new source's name.
        name: String,
    },
    /// Give a source another canonical name.
    Rename {
        /// The source.
        source: String,
        /// Its new name.
        name: String,
    },
    /// Change a source's kind.
    ChangeKind {
        /// The source.
        source: String,
        /// Its kind.
        kind: SourceKind,
    },
    /// It is not a source.
    NotASource {
        /// The source.
        source: String,
    },
    /// A mention the machine missed.
    AddMention {
        /// The article.
        article: String,
        /// First char of the words standing for the source.
        start: usize,
        /// One past their last char.
        end: usize,
        /// The source's id or, for a new source, its name.
        source: String,
        /// Quote or paraphrase.
        attribution: AttributionKind,
    },
    /// A mention that is wrong.
    RemoveMention {
        /// The article.
        article: String,
        /// First char of the mention's source words.
        start: usize,
    },
    /// Put a source on one of the researcher's sides (taking it off any
    /// other), or on none.
    Side {
        /// The source.
        source: String,
        /// The side's name; none, or a blank one, takes the source off.
        side: Option<String>,
    },
}

/// A correction that could not be applied, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct UnappliedCorrection {
    /// Its place in the log.
    pub index: usize,
    /// The correction.
    pub correction: Correction,
    /// Why it no longer applies.
    pub reason: String,
}

/// Researcher-defined groups of sources ("US government side").
pub type Groups = BTreeMap<String, Vec<String>>;

/// The sides the `Side` corrections in a log leave: side name → source ids,
/// in the order they joined. Empty sides disappear.
pub fn sides(corrections: &[Correction]) -> Groups {
    let mut sides = Groups::new();
    for correction in corrections {
        if let Correction::Side { source, side } = correction {
            for members in sides.values_mut() {
                members.retain(|m| m != source);
            }
            if let Some(side) = side.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
                sides
                    .entry(side.to_string())
                    .or_default()
                    .push(source.clone());
            }
        }
    }
    sides.retain(|_, members| !members.is_empty());
    sides
}

/// The whole comparison.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Comparison {
    /// The matrix rows, most widely used first.
    pub sources: Vec<Row>,
    /// Sources most articles use that one leaves out.
    pub omissions: Vec<Omission>,
    /// Ids of sources only one article uses.
    pub single_article: Vec<String>,
    /// Near-copy article pairs.
    pub wire_copies: Vec<WireCopy>,
    /// Quotations several outlets share.
    pub shared_quotes: Vec<SharedQuote>,
    /// Per-article balance, by article key.
    pub balance: BTreeMap<String, Balance>,
    /// The researcher's sides: side name → ids of the sources on it.
    pub sides: Groups,
    /// Corrections that no longer apply.
    pub unapplied_corrections: Vec<UnappliedCorrection>,
}

// ---- resolution ----

const NAME_STOP_WORDS: &[&str] = &["of", "the", "and", "for", "on", "in", "to", "at"];

fn normalise(name: &str) -> String {
    let lower = name.to_lowercase();
    let stripped = lower.strip_prefix("the ").unwrap_or(&lower);
    stripped
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn slug(kind: SourceKind, name: &str) -> String {
    let kind = serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    format!("{kind}:{}", normalise(name).replace(' ', "-"))
}

/// The initials of a name's significant words: "Department of Homeland Security" → "DHS".
fn initials(name: &str) -> String {
    normalise(name)
        .split_whitespace()
        .filter(|w| !NAME_STOP_WORDS.contains(w))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

fn is_acronym(name: &str) -> bool {
    let trimmed = name
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ");
    (2..=7).contains(&trimmed.chars().count())
        && trimmed.chars().all(|c| c.is_uppercase() || c == '.')
}

fn acronym_of(short: &str, long: &str) -> bool {
    let short: String = short
        .trim()
        .trim_start_matches("the ")
        .trim_start_matches("The ")
        .chars()
        .filter(|c| *c != '.')
        .collect();
    is_acronym(&short) && normalise(long).split_whitespace().count() >= 2 && initials(long) == short
}

/// Whether `short` is the first words of `long`, as "corvane" is of
/// "corvane chemicals": the short form of an organisation's name.
fn leading_words_of(short: &str, long: &str) -> bool {
    let (short, long): (Vec<&str>, Vec<&str>) = (
        short.split_whitespace().collect(),
        long.split_whitespace().collect(),
    );
    !short.is_empty() && short.len() < long.len() && long.starts_with(&short)
}

fn organisation_like(kind: SourceKind) -> bool {
    matches!(
        kind,
        SourceKind::Organization
            | SourceKind::GovernmentBody
            | SourceKind::MediaOutlet
            | SourceKind::Other
    )
}

fn person_parts(name: &str) -> Vec<String> {
    normalise(name)
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

/// What identifies an anonymous description across articles: its head noun
/// with the words that qualify it, without counts and articles.
/// "two officials familiar with…" → "official"; "government officials" →
/// "government official", which stays apart from "alliance official".
fn anonymous_key(name: &str) -> String {
    const HEADS: &[&str] = &[
        "officials",
        "official",
        "sources",
        "source",
        "diplomats",
        "diplomat",
        "aides",
        "aide",
        "people",
        "person",
        "analysts",
        "experts",
        "residents",
        "witnesses",
        "insiders",
        "observers",
    ];
    const COUNTS: &[&str] = &[
        "a", "an", "the", "one", "two", "three", "four", "five", "several", "some", "many", "few",
        "other", "another", "of", "them",
    ];
    let normalised = normalise(name);
    let words: Vec<&str> = normalised.split_whitespace().collect();
    let Some(head) = words.iter().position(|w| HEADS.contains(w)) else {
        return normalised;
    };
    let mut key: Vec<String> = words[..head]
        .iter()
        .filter(|w| !COUNTS.contains(w))
        .map(|w| w.to_string())
        .collect();
    key.push(words[head].trim_end_matches('s').to_string());
    key.join(" ")
}

/// What deciding whether two sources are one entity looks at, worked out
/// once per source: comparing every source with every cluster member is
/// quadratic, so nothing is normalised or allocated per comparison.
struct Identity {
    kind: SourceKind,
    /// The normalised words of the name.
    parts: Vec<String>,
    /// The normalised name and aliases.
    names: Vec<String>,
    /// The name and aliases as written (for acronyms).
    written: Vec<String>,
    /// For anonymous sources, what they are ("official", "diplomat").
    anonymous: Option<String>,
}

impl Identity {
    fn of(source: &Source) -> Identity {
        let written: Vec<String> = std::iter::once(&source.name)
            .chain(&source.aliases)
            .cloned()
            .collect();
        Identity {
            kind: source.kind,
            parts: person_parts(&source.name),
            names: written.iter().map(|n| normalise(n)).collect(),
            anonymous: (source.kind == SourceKind::Anonymous).then(|| anonymous_key(&source.name)),
            written,
        }
    }
}

/// Whether two sources (from different articles, or the same) are one entity.
fn same_entity(a: &Identity, b: &Identity) -> bool {
    match (a.kind, b.kind) {
        (SourceKind::Anonymous, SourceKind::Anonymous) => a.anonymous == b.anonymous,
        (SourceKind::Anonymous, _) | (_, SourceKind::Anonymous) => false,
        (SourceKind::Person, SourceKind::Person) => {
            let (pa, pb) = (&a.parts, &b.parts);
            let (Some(sa), Some(sb)) = (pa.last(), pb.last()) else {
                return false;
            };
            let same_surname = sa == sb || (sa.len() > 4 && strsim::jaro_winkler(sa, sb) >= 0.93);
            if !same_surname {
                return false;
            }
            match (pa.len(), pb.len()) {
                // A bare surname is settled later, where it can be checked for ambiguity.
                (1, _) | (_, 1) => false,
                _ => strsim::jaro_winkler(&pa[0], &pb[0]) >= 0.85,
            }
        }
        (SourceKind::Document, SourceKind::Document) => a.names.iter().any(|n| b.names.contains(n)),
        (ka, kb) if organisation_like(ka) && organisation_like(kb) => {
            a.names.iter().any(|n| b.names.contains(n))
                || leading_words_of(&a.names[0], &b.names[0])
                || leading_words_of(&b.names[0], &a.names[0])
                || a.written.iter().any(|x| {
                    b.written
                        .iter()
                        .any(|y| acronym_of(x, y) || acronym_of(y, x))
                })
        }
        _ => false,
    }
}

struct Cluster {
    members: Vec<(usize, Source)>,
}

impl Cluster {
    fn representative(&self) -> &Source {
        self.members
            .iter()
            .map(|(_, s)| s)
            .max_by_key(|s| (s.name.split_whitespace().count(), s.mentions.len()))
            .expect("clusters are never empty")
    }
}

fn resolve(articles: &[ComparedArticle<'_>]) -> Vec<Cluster> {
    let mut clusters: Vec<Cluster> = Vec::new();
    // The identities of each cluster's members, in the same order.
    let mut identities: Vec<Vec<Identity>> = Vec::new();
    let mut bare_surnames: Vec<(usize, Source)> = Vec::new();
    for (a, article) in articles.iter().enumerate() {
        for source in &article.analysis.sources {
            if source.kind == SourceKind::Person && person_parts(&source.name).len() == 1 {
                bare_surnames.push((a, source.clone()));
                continue;
            }
            let identity = Identity::of(source);
            match clusters
                .iter_mut()
                .zip(identities.iter_mut())
                .find(|(_, known)| known.iter().any(|k| same_entity(k, &identity)))
            {
                Some((cluster, known)) => {
                    cluster.members.push((a, source.clone()));
                    known.push(identity);
                }
                None => {
                    clusters.push(Cluster {
                        members: vec![(a, source.clone())],
                    });
                    identities.push(vec![identity]);
                }
            }
        }
    }
    // "Smith" joins the one cluster with that surname; with two different
    // Smiths in the comparison it stays apart rather than guess.
    for (a, source) in bare_surnames {
        let surname = normalise(&source.name);
        let candidates: Vec<usize> = clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                let r = c.representative();
                r.kind == SourceKind::Person && person_parts(&r.name).last() == Some(&surname)
            })
            .map(|(i, _)| i)
            .collect();
        match candidates.as_slice() {
            [one] => clusters[*one].members.push((a, source)),
            _ => match clusters
                .iter_mut()
                .find(|c| c.members.iter().all(|(_, s)| normalise(&s.name) == surname))
            {
                Some(cluster) => cluster.members.push((a, source)),
                None => clusters.push(Cluster {
                    members: vec![(a, source)],
                }),
            },
        }
    }
    clusters
}

// ---- building the matrix ----

/// The sentences of a text, in order.
fn sentence_spans(text: &str) -> Vec<CharSpan> {
    let tokens = tokenize(text);
    let ids = sentence_ids(&tokens);
    let mut sentences: Vec<CharSpan> = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if i > 0 && ids[i] == ids[i - 1] {
            sentences.last_mut().expect("a sentence").end = token.span.end;
        } else {
            sentences.push(token.span);
        }
    }
    sentences
}

/// The sentence of `sentences` that holds `at`, or `at`'s own span.
fn sentence_at(sentences: &[CharSpan], at: CharSpan) -> CharSpan {
    sentences
        .iter()
        .find(|s| s.end > at.start)
        .copied()
        .unwrap_or(at)
}

fn quoted_words(text: &str, mention: &Mention) -> usize {
    match (mention.attribution, mention.content) {
        (AttributionKind::DirectQuote, Some(content)) => content
            .slice(text)
            .map_or(0, |t| t.split_whitespace().count()),
        _ => 0,
    }
}

fn cell(text: &str, sentences: &[CharSpan], mentions: &[Mention]) -> Cell {
    if mentions.is_empty() {
        return Cell {
            included: false,
            attribution: None,
            mentions: 0,
            quoted_words: 0,
            evidence: Vec::new(),
        };
    }
    let direct = mentions
        .iter()
        .any(|m| m.attribution == AttributionKind::DirectQuote);
    let indirect = mentions
        .iter()
        .any(|m| m.attribution == AttributionKind::Indirect);
    let attribution = match (direct, indirect) {
        (true, true) => CellAttribution::Both,
        (true, false) => CellAttribution::DirectQuote,
        _ => CellAttribution::Indirect,
    };
    let evidence = mentions
        .iter()
        .map(|m| {
            let span = sentence_at(sentences, CharSpan::new(m.source.start, m.source.end));
            Evidence {
                start: span.start,
                end: span.end,
                text: span.slice(text).unwrap_or_default().to_string(),
                mention: m.clone(),
            }
        })
        .collect();
    Cell {
        included: true,
        attribution: Some(attribution),
        mentions: mentions.len(),
        quoted_words: mentions.iter().map(|m| quoted_words(text, m)).sum(),
        evidence,
    }
}

/// A row under construction: per-article mentions, before cells are built.
struct Draft {
    name: String,
    kind: SourceKind,
    aliases: Vec<String>,
    mentions: Vec<Vec<Mention>>,
    corrected: bool,
}

impl Draft {
    fn id(&self) -> String {
        slug(self.kind, &self.name)
    }

    fn add_alias(&mut self, alias: &str) {
        if alias != self.name && !self.aliases.iter().any(|a| a == alias) {
            self.aliases.push(alias.to_string());
        }
    }
}

fn drafts(articles: &[ComparedArticle<'_>]) -> Vec<Draft> {
    resolve(articles)
        .into_iter()
        .map(|cluster| {
            let representative = cluster.representative();
            let mut draft = Draft {
                name: representative.name.clone(),
                kind: representative.kind,
                aliases: Vec::new(),
                mentions: vec![Vec::new(); articles.len()],
                corrected: false,
            };
            for (a, source) in &cluster.members {
                draft.add_alias(&source.name);
                for alias in &source.aliases {
                    draft.add_alias(alias);
                }
                draft.mentions[*a].extend(source.mentions.iter().cloned());
            }
            draft
        })
        .collect()
}

fn apply(
    drafts: &mut Vec<Draft>,
    articles: &[ComparedArticle<'_>],
    corrections: &[Correction],
) -> Vec<UnappliedCorrection> {
    let mut unapplied = Vec::new();
    for (index, correction) in corrections.iter().enumerate() {
        let find = |drafts: &Vec<Draft>, id: &str| drafts.iter().position(|d| d.id() == id);
        let missing = |id: &str| format!("no source {id} in this analysis");
        let result: Result<(), String> = match correction {
            Correction::Merge { into, from } => match (find(drafts, into), find(drafts, from)) {
                (Some(i), Some(f)) if i != f => {
                    let folded = drafts.remove(f);
                    let i = if f < i { i - 1 } else { i };
                    let target = &mut drafts[i];
                    target.add_alias(&folded.name);
                    for alias in &folded.aliases {
                        target.add_alias(alias);
                    }
                    for (a, mentions) in folded.mentions.into_iter().enumerate() {
                        target.mentions[a].extend(mentions);
                        target.mentions[a].sort_by_key(|m| m.source.start);
                    }
                    target.corrected = true;
                    Ok(())
                }
                (Some(_), Some(_)) => Err("a source cannot be merged into itself".into()),
                (None, _) => Err(missing(into)),
                (_, None) => Err(missing(from)),
            },
            Correction::Split {
                source,
                aliases,
                name,
            } => match find(drafts, source) {
                Some(i) => {
                    let mut moved = vec![Vec::new(); articles.len()];
                    for (a, mentions) in drafts[i].mentions.iter_mut().enumerate() {
                        let (go, stay): (Vec<Mention>, Vec<Mention>) = mentions
                            .drain(..)
                            .partition(|m| aliases.contains(&m.source.text));
                        *mentions = stay;
                        moved[a] = go;
                    }
                    if moved.iter().all(Vec::is_empty) {
                        Err(format!(
                            "none of {source}'s mentions is named {}",
                            aliases.join(" or ")
                        ))
                    } else {
                        drafts[i].aliases.retain(|a| !aliases.contains(a));
                        drafts[i].corrected = true;
                        let kind = drafts[i].kind;
                        drafts.push(Draft {
                            name: name.clone(),
                            kind,
                            aliases: aliases.clone(),
                            mentions: moved,
                            corrected: true,
                        });
                        Ok(())
                    }
                }
                None => Err(missing(source)),
            },
            Correction::Rename { source, name } => match find(drafts, source) {
                Some(i) => {
                    let old = std::mem::replace(&mut drafts[i].name, name.clone());
                    drafts[i].add_alias(&old);
                    drafts[i].aliases.retain(|a| a != name);
                    drafts[i].corrected = true;
                    Ok(())
                }
                None => Err(missing(source)),
            },
            Correction::ChangeKind { source, kind } => match find(drafts, source) {
                Some(i) => {
                    drafts[i].kind = *kind;
                    drafts[i].corrected = true;
                    Ok(())
                }
                None => Err(missing(source)),
            },
            Correction::NotASource { source } => match find(drafts, source) {
                Some(i) => {
                    drafts.remove(i);
                    Ok(())
                }
                None => Err(missing(source)),
            },
            Correction::AddMention {
                article,
                start,
                end,
                source,
                attribution,
            } => match articles.iter().position(|a| &a.key == article) {
                None => Err(format!("no article {article} in this comparison")),
                Some(a) => {
                    match CharSpan::new(*start, (*end).max(*start)).slice(articles[a].text) {
                        None | Some("") => {
                            Err(format!("{start}..{end} is outside the text of {article}"))
                        }
                        Some(words) => {
                            let mention = Mention {
                                source: Piece {
                                    start: *start,
                                    end: *end,
                                    text: words.to_string(),
                                },
                                cue: None,
                                content: None,
                                attribution: *attribution,
                            };
                            let i = match find(drafts, source) {
                                Some(i) => i,
                                None => {
                                    drafts.push(Draft {
                                        name: source.clone(),
                                        kind: kind_of(source),
                                        aliases: Vec::new(),
                                        mentions: vec![Vec::new(); articles.len()],
                                        corrected: true,
                                    });
                                    drafts.len() - 1
                                }
                            };
                            drafts[i].mentions[a].push(mention);
                            drafts[i].mentions[a].sort_by_key(|m| m.source.start);
                            drafts[i].corrected = true;
                            Ok(())
                        }
                    }
                }
            },
            Correction::RemoveMention { article, start } => {
                match articles.iter().position(|a| &a.key == article) {
                    None => Err(format!("no article {article} in this comparison")),
                    Some(a) => {
                        let hit = drafts
                            .iter()
                            .position(|d| d.mentions[a].iter().any(|m| m.source.start == *start));
                        match hit {
                            Some(i) => {
                                drafts[i].mentions[a].retain(|m| m.source.start != *start);
                                drafts[i].corrected = true;
                                if drafts[i].mentions.iter().all(Vec::is_empty) {
                                    drafts.remove(i);
                                }
                                Ok(())
                            }
                            None => Err(format!("no mention starts at {start} in {article}")),
                        }
                    }
                }
            }
            // Sides group sources; they do not change what the machine found.
            Correction::Side { .. } => Ok(()),
        };
        if let Err(reason) = result {
            unapplied.push(UnappliedCorrection {
                index,
                correction: correction.clone(),
                reason,
            });
        }
    }
    unapplied
}

fn shingles(text: &str) -> HashSet<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<String> = text
        .split_whitespace()
        .map(normalise)
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(5)
        .map(|w| {
            let mut hasher = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut hasher);
            hasher.finish()
        })
        .collect()
}

/// Articles that share at least this share of their word 5-grams are copies.
const WIRE_COPY_SIMILARITY: f64 = 0.5;

fn wire_copies(articles: &[ComparedArticle<'_>]) -> Vec<WireCopy> {
    let sets: Vec<HashSet<u64>> = articles.iter().map(|a| shingles(a.text)).collect();
    let mut copies = Vec::new();
    for i in 0..articles.len() {
        for j in i + 1..articles.len() {
            let union = sets[i].union(&sets[j]).count();
            if union == 0 {
                continue;
            }
            let similarity = sets[i].intersection(&sets[j]).count() as f64 / union as f64;
            if similarity >= WIRE_COPY_SIMILARITY {
                copies.push(WireCopy {
                    a: articles[i].key.clone(),
                    b: articles[j].key.clone(),
                    similarity,
                });
            }
        }
    }
    copies
}

fn quote_words(text: &str) -> HashSet<String> {
    text.split_whitespace()
        .map(normalise)
        .filter(|w| !w.is_empty())
        .collect()
}

/// Quotations of the same source that share at least this share of words
/// (of the shorter one) are the same quotation.
const SAME_QUOTE_OVERLAP: f64 = 0.6;

fn shared_quotes(rows: &[Row], articles: &[ComparedArticle<'_>]) -> Vec<SharedQuote> {
    let mut shared = Vec::new();
    for row in rows {
        let mut quotes: Vec<(String, String)> = Vec::new();
        for (key, cell) in &row.cells {
            let Some(article) = articles.iter().find(|a| &a.key == key) else {
                continue;
            };
            for evidence in &cell.evidence {
                if let (AttributionKind::DirectQuote, Some(content)) =
                    (evidence.mention.attribution, evidence.mention.content)
                {
                    let quote = content
                        .slice(article.text)
                        .unwrap_or_default()
                        .trim_matches(|c: char| "“”\"‘’«» ".contains(c))
                        .to_string();
                    if !quote.is_empty() {
                        quotes.push((key.clone(), quote));
                    }
                }
            }
        }
        let mut used = vec![false; quotes.len()];
        for i in 0..quotes.len() {
            if used[i] {
                continue;
            }
            let words_i = quote_words(&quotes[i].1);
            let mut group = vec![i];
            for j in i + 1..quotes.len() {
                if used[j] || quotes[j].0 == quotes[i].0 {
                    continue;
                }
                let words_j = quote_words(&quotes[j].1);
                let smaller = words_i.len().min(words_j.len()).max(1);
                if words_i.intersection(&words_j).count() as f64 / smaller as f64
                    >= SAME_QUOTE_OVERLAP
                {
                    group.push(j);
                }
            }
            if group.len() < 2 {
                continue;
            }
            for &g in &group {
                used[g] = true;
            }
            let fullest = group
                .iter()
                .map(|&g| &quotes[g].1)
                .max_by_key(|q| q.split_whitespace().count())
                .expect("a group")
                .clone();
            let versions = group
                .iter()
                .map(|&g| {
                    let diff = TextDiff::from_words(fullest.as_str(), quotes[g].1.as_str());
                    let mut pieces: Vec<DiffPiece> = Vec::new();
                    for change in diff.iter_all_changes() {
                        let op = match change.tag() {
                            ChangeTag::Equal => "equal",
                            ChangeTag::Insert => "added",
                            ChangeTag::Delete => "left_out",
                        };
                        match pieces.last_mut() {
                            Some(last) if last.op == op => last.text.push_str(change.value()),
                            _ => pieces.push(DiffPiece {
                                op,
                                text: change.value().to_string(),
                            }),
                        }
                    }
                    QuoteVersion {
                        article: quotes[g].0.clone(),
                        text: quotes[g].1.clone(),
                        diff: pieces,
                    }
                })
                .collect();
            shared.push(SharedQuote {
                source: row.id.clone(),
                fullest,
                versions,
            });
        }
    }
    shared
}

/// Each count as a share of `total`.
fn shares(counts: &HashMap<String, usize>, total: usize) -> BTreeMap<String, f64> {
    counts
        .iter()
        .map(|(k, v)| {
            (
                k.clone(),
                if total == 0 {
                    0.0
                } else {
                    *v as f64 / total as f64
                },
            )
        })
        .collect()
}

fn balance(rows: &[Row], key: &str, groups: &Groups) -> Balance {
    let (mut by_kind, mut quoted_by_kind, mut by_group) =
        (HashMap::new(), HashMap::new(), HashMap::new());
    for row in rows {
        let Some(cell) = row.cells.get(key).filter(|c| c.included) else {
            continue;
        };
        let kind = serde_json::to_value(row.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        *by_kind.entry(kind.clone()).or_insert(0) += cell.mentions;
        *quoted_by_kind.entry(kind).or_insert(0) += cell.quoted_words;
        for (group, members) in groups {
            if members.iter().any(|m| {
                m == &row.id
                    || normalise(m) == normalise(&row.name)
                    || row.aliases.iter().any(|a| normalise(a) == normalise(m))
            }) {
                *by_group.entry(group.clone()).or_insert(0) += cell.mentions;
            }
        }
    }
    Balance {
        mentions_by_kind: shares(&by_kind, by_kind.values().sum()),
        quoted_words_by_kind: shares(&quoted_by_kind, quoted_by_kind.values().sum()),
        // Groups need not cover every source: their shares are of all mentions.
        mentions_by_group: shares(&by_group, by_kind.values().sum()),
    }
}

/// Compares articles: resolves their sources into one matrix, applies the
/// researcher's corrections in order, and reports what stands out.
pub fn compare(articles: &[ComparedArticle<'_>], corrections: &[Correction]) -> Comparison {
    let mut drafts = drafts(articles);
    let sentences: Vec<Vec<CharSpan>> = articles.iter().map(|a| sentence_spans(a.text)).collect();
    let unapplied_corrections = apply(&mut drafts, articles, corrections);
    let mut rows: Vec<Row> = drafts
        .iter()
        .map(|d| Row {
            id: d.id(),
            name: d.name.clone(),
            kind: d.kind,
            aliases: d.aliases.clone(),
            linked_to: None,
            corrected: d.corrected,
            cells: articles
                .iter()
                .zip(&sentences)
                .zip(&d.mentions)
                .map(|((a, s), m)| (a.key.clone(), cell(a.text, s, m)))
                .collect(),
        })
        .collect();
    // "Kremlin spokesman Dmitry Peskov" belongs with "the Kremlin".
    let organisations: Vec<(String, String)> = rows
        .iter()
        .filter(|r| organisation_like(r.kind))
        .map(|r| (r.id.clone(), normalise(&r.name)))
        .collect();
    for row in rows.iter_mut().filter(|r| r.kind == SourceKind::Person) {
        row.linked_to = organisations
            .iter()
            .find(|(_, org)| {
                row.aliases
                    .iter()
                    .any(|a| format!(" {} ", normalise(a)).contains(&format!(" {org} ")))
            })
            .map(|(id, _)| id.clone());
    }
    rows.sort_by(|a, b| {
        b.coverage()
            .cmp(&a.coverage())
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });

    let mut omissions = Vec::new();
    if articles.len() >= 3 {
        for row in &rows {
            let coverage = row.coverage();
            // Most of the others (at least two, and more than half) use it.
            if coverage >= 2 && coverage * 2 > articles.len() && coverage < articles.len() {
                for (key, cell) in &row.cells {
                    if !cell.included {
                        omissions.push(Omission {
                            source: row.id.clone(),
                            article: key.clone(),
                            included_by: coverage,
                        });
                    }
                }
            }
        }
    }
    let single_article = if articles.len() >= 2 {
        rows.iter()
            .filter(|r| r.coverage() == 1)
            .map(|r| r.id.clone())
            .collect()
    } else {
        Vec::new()
    };
    let shared_quotes = shared_quotes(&rows, articles);
    let sides = sides(corrections);
    let balance = articles
        .iter()
        .map(|a| (a.key.clone(), balance(&rows, &a.key, &sides)))
        .collect();
    Comparison {
        sources: rows,
        omissions,
        single_article,
        wire_copies: wire_copies(articles),
        shared_quotes,
        balance,
        sides,
        unapplied_corrections,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(at: usize, attribution: AttributionKind) -> Mention {
        Mention {
            source: Piece {
                start: at,
                end: at + 5,
                text: "Xxxxx".into(),
            },
            cue: None,
            content: None,
            attribution,
        }
    }

    fn source(name: &str, kind: SourceKind, aliases: &[&str]) -> Source {
        Source {
            name: name.into(),
            kind,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            mentions: vec![mention(0, AttributionKind::Indirect)],
        }
    }

    fn article<'a>(key: &str, sources: Vec<Source>) -> ComparedArticle<'a> {
        ComparedArticle {
            key: key.into(),
            outlet: key.into(),
            text: "Xxxxx said something here today.",
            analysis: Analysis { sources },
        }
    }

    fn rows_of(articles: &[ComparedArticle<'_>]) -> Vec<Row> {
        compare(articles, &[]).sources
    }

    use SourceKind::*;

    #[test]
    fn name_variants_of_one_person_are_one_source() {
        let rows = rows_of(&[
            article(
                "a",
                vec![source(
                    "Vladimir Putin",
                    Person,
                    &["Russian President Vladimir Putin"],
                )],
            ),
            article("b", vec![source("Putin", Person, &[])]),
            article("c", vec![source("Vladimir Putin", Person, &[])]),
        ]);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name, "Vladimir Putin");
        assert_eq!(rows[0].coverage(), 3);
        assert!(rows[0]
            .aliases
            .contains(&"Russian President Vladimir Putin".to_string()));
    }

    #[test]
    fn transliterations_of_a_name_are_one_source() {
        let rows = rows_of(&[
            article("a", vec![source("Sergei Lavrov", Person, &[])]),
            article("b", vec![source("Sergey Lavrov", Person, &[])]),
            article("c", vec![source("Lavrov", Person, &[])]),
        ]);
        assert_eq!(rows.len(), 1, "{rows:?}");
    }

    #[test]
    fn anonymous_sources_match_by_what_they_are_not_by_how_many() {
        let rows = rows_of(&[
            article(
                "a",
                vec![
                    source("two diplomats familiar with the talks", Anonymous, &[]),
                    source("government officials", Anonymous, &[]),
                ],
            ),
            article(
                "b",
                vec![
                    source("diplomats", Anonymous, &[]),
                    source("alliance officials", Anonymous, &[]),
                ],
            ),
        ]);
        let coverage: Vec<_> = rows
            .iter()
            .map(|r| (r.name.as_str(), r.coverage()))
            .collect();
        assert_eq!(
            coverage,
            [
                ("two diplomats familiar with the talks", 2),
                ("alliance officials", 1),
                ("government officials", 1)
            ]
        );
    }

    #[test]
    fn acronyms_match_their_expansions() {
        let rows = rows_of(&[
            article(
                "a",
                vec![
                    source(
                        "Office of the Director of National Intelligence",
                        GovernmentBody,
                        &[],
                    ),
                    source("Department of Homeland Security", GovernmentBody, &[]),
                ],
            ),
            article(
                "b",
                vec![
                    source("ODNI", Organization, &[]),
                    source("DHS", GovernmentBody, &[]),
                ],
            ),
        ]);
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert!(rows.iter().all(|r| r.coverage() == 2));
    }

    #[test]
    fn the_short_form_of_an_organisation_name_is_the_same_organisation() {
        let rows = rows_of(&[
            article("a", vec![source("Corvane", Organization, &[])]),
            article("b", vec![source("Corvane Chemicals", Organization, &[])]),
        ]);
        assert_eq!(rows.len(), 1, "{rows:?}");
    }

    #[test]
    fn two_different_smiths_stay_apart_and_a_bare_smith_is_not_guessed() {
        let rows = rows_of(&[
            article("a", vec![source("John Smith", Person, &[])]),
            article("b", vec![source("Mary Smith", Person, &[])]),
            article("c", vec![source("Smith", Person, &[])]),
        ]);
        assert_eq!(rows.len(), 3, "{rows:?}");
    }

    #[test]
    fn a_spokesman_stays_separate_from_his_institution_but_linked_to_it() {
        let rows = rows_of(&[article(
            "a",
            vec![
                source("Kremlin", GovernmentBody, &["the Kremlin"]),
                source(
                    "Dmitry Peskov",
                    Person,
                    &["Kremlin spokesman Dmitry Peskov"],
                ),
            ],
        )]);
        assert_eq!(rows.len(), 2);
        let peskov = rows.iter().find(|r| r.name == "Dmitry Peskov").unwrap();
        assert_eq!(peskov.linked_to.as_deref(), Some("government_body:kremlin"));
    }

    #[test]
    fn cells_say_how_often_and_how_a_source_is_used() {
        let mut putin = source("Vladimir Putin", Person, &[]);
        putin.mentions = vec![
            mention(0, AttributionKind::DirectQuote),
            mention(10, AttributionKind::Indirect),
        ];
        let rows = rows_of(&[
            article("a", vec![putin]),
            article("b", vec![source("Vladimir Putin", Person, &[])]),
            article("c", vec![]),
        ]);
        let cells = &rows[0].cells;
        assert_eq!(
            (cells["a"].mentions, cells["a"].attribution),
            (2, Some(CellAttribution::Both))
        );
        assert_eq!(cells["b"].attribution, Some(CellAttribution::Indirect));
        assert!(!cells["c"].included);
        assert_eq!(
            cells["a"].evidence[0].text,
            "Xxxxx said something here today."
        );
    }

    #[test]
    fn an_omission_is_a_source_most_articles_use_and_one_leaves_out() {
        let comparison = compare(
            &[
                article("a", vec![source("Ilse Brandvold", Person, &[])]),
                article("b", vec![source("Ilse Brandvold", Person, &[])]),
                article(
                    "c",
                    vec![
                        source("Ilse Brandvold", Person, &[]),
                        source("Port Authority", GovernmentBody, &[]),
                    ],
                ),
                article("d", vec![source("Port Authority", GovernmentBody, &[])]),
            ],
            &[],
        );
        assert_eq!(
            comparison.omissions,
            [Omission {
                source: "person:ilse-brandvold".into(),
                article: "d".into(),
                included_by: 3
            }]
        );
        assert!(comparison.single_article.is_empty());
    }

    #[test]
    fn corrections_replay_in_order_and_stale_ones_are_reported() {
        let articles = [
            article(
                "a",
                vec![
                    source("Dock Workers Union", Organization, &[]),
                    source("Ilse Brandvold", Person, &[]),
                ],
            ),
            article("b", vec![source("TDWU", Organization, &[])]),
        ];
        let corrections = vec![
            Correction::Merge {
                into: "organization:dock-workers-union".into(),
                from: "organization:tdwu".into(),
            },
            Correction::Rename {
                source: "organization:dock-workers-union".into(),
                name: "Transport and Dock Workers' Union".into(),
            },
            Correction::ChangeKind {
                source: "person:ilse-brandvold".into(),
                kind: Person,
            },
            Correction::NotASource {
                source: "person:nobody".into(),
            },
        ];
        let comparison = compare(&articles, &corrections);
        let union = comparison
            .sources
            .iter()
            .find(|r| r.name == "Transport and Dock Workers' Union")
            .unwrap();
        assert!(union.corrected);
        assert_eq!(union.coverage(), 2);
        assert!(union.aliases.contains(&"TDWU".to_string()));
        assert_eq!(comparison.unapplied_corrections.len(), 1);
        assert_eq!(comparison.unapplied_corrections[0].index, 3);
        assert!(comparison.unapplied_corrections[0]
            .reason
            .contains("person:nobody"));
    }

    #[test]
    fn a_mention_can_be_added_by_range_and_removed() {
        let articles = [article("a", vec![source("Ilse Brandvold", Person, &[])])];
        let add = Correction::AddMention {
            article: "a".into(),
            start: 0,
            end: 5,
            source: "Rory Delacourt".into(),
            attribution: AttributionKind::DirectQuote,
        };
        let comparison = compare(&articles, &[add]);
        let rory = comparison
            .sources
            .iter()
            .find(|r| r.name == "Rory Delacourt")
            .unwrap();
        assert_eq!(rory.cells["a"].mentions, 1);
        let remove = Correction::RemoveMention {
            article: "a".into(),
            start: 0,
        };
        let comparison = compare(&articles, &[remove]);
        assert!(
            comparison.sources.is_empty(),
            "removing the only mention removes the source"
        );
        let out_of_range = Correction::AddMention {
            article: "a".into(),
            start: 500,
            end: 510,
            source: "X".into(),
            attribution: AttributionKind::Indirect,
        };
        assert_eq!(
            compare(&articles, &[out_of_range])
                .unapplied_corrections
                .len(),
            1
        );
    }

    #[test]
    fn near_copies_of_one_wire_story_are_flagged() {
        let wire = "The port authority said on Monday that the harbour would stay closed until divers had inspected the damaged pier, a process expected to take a week.";
        let rewritten = "Divers began inspecting the collapsed pier on Monday, and officials would not say when ships could return to the harbour.";
        let articles = [
            ComparedArticle {
                key: "a".into(),
                outlet: "A".into(),
                text: wire,
                analysis: Analysis { sources: vec![] },
            },
            ComparedArticle {
                key: "b".into(),
                outlet: "B".into(),
                text: wire,
                analysis: Analysis { sources: vec![] },
            },
            ComparedArticle {
                key: "c".into(),
                outlet: "C".into(),
                text: rewritten,
                analysis: Analysis { sources: vec![] },
            },
        ];
        let copies = compare(&articles, &[]).wire_copies;
        assert_eq!(copies.len(), 1);
        assert_eq!((copies[0].a.as_str(), copies[0].b.as_str()), ("a", "b"));
    }

    #[test]
    fn a_split_moves_the_named_mentions_to_a_new_source() {
        let mut merged = source("John Smith", Person, &["Smith", "Mary Smith"]);
        let mut mary = mention(20, AttributionKind::DirectQuote);
        mary.source.text = "Mary Smith".into();
        let mut john = mention(0, AttributionKind::Indirect);
        john.source.text = "John Smith".into();
        merged.mentions = vec![john, mary];
        let split = Correction::Split {
            source: "person:john-smith".into(),
            aliases: vec!["Mary Smith".into()],
            name: "Mary Smith".into(),
        };
        let comparison = compare(&[article("a", vec![merged])], &[split]);
        let names: Vec<_> = comparison
            .sources
            .iter()
            .map(|r| (r.name.as_str(), r.cells["a"].mentions))
            .collect();
        assert_eq!(names, [("John Smith", 1), ("Mary Smith", 1)]);
        assert!(comparison.sources.iter().all(|r| r.corrected));
        let stale = Correction::Split {
            source: "person:john-smith".into(),
            aliases: vec!["Nobody".into()],
            name: "X".into(),
        };
        assert_eq!(
            compare(
                &[article("a", vec![source("John Smith", Person, &[])])],
                &[stale],
            )
            .unapplied_corrections
            .len(),
            1
        );
    }

    #[test]
    fn the_same_quotation_in_two_outlets_is_aligned_word_by_word() {
        let full = "“We came here to sign, not to start again,” Reyes said.";
        let trimmed = "“We came here to sign,” Reyes said.";
        let quoted = |text: &str, end: usize| {
            let mut m = mention(0, AttributionKind::DirectQuote);
            m.content = Some(CharSpan::new(1, end));
            Source {
                name: "Anton Reyes".into(),
                kind: Person,
                aliases: vec![],
                mentions: vec![Mention {
                    source: Piece {
                        start: text.chars().count() - 12,
                        end: text.chars().count() - 7,
                        text: "Reyes".into(),
                    },
                    ..m
                }],
            }
        };
        let articles = [
            ComparedArticle {
                key: "full".into(),
                outlet: "A".into(),
                text: full,
                analysis: Analysis {
                    sources: vec![quoted(full, 42)],
                },
            },
            ComparedArticle {
                key: "trimmed".into(),
                outlet: "B".into(),
                text: trimmed,
                analysis: Analysis {
                    sources: vec![quoted(trimmed, 22)],
                },
            },
        ];
        let shared = compare(&articles, &[]).shared_quotes;
        assert_eq!(shared.len(), 1);
        assert_eq!(
            shared[0].fullest,
            "We came here to sign, not to start again,"
        );
        let trimmed_version = shared[0]
            .versions
            .iter()
            .find(|v| v.article == "trimmed")
            .unwrap();
        let left_out: String = trimmed_version
            .diff
            .iter()
            .filter(|d| d.op == "left_out")
            .map(|d| d.text.as_str())
            .collect();
        assert_eq!(left_out.trim(), "not to start again,");
    }

    #[test]
    fn a_later_side_correction_moves_a_source_and_a_blank_side_takes_it_off() {
        let side = |source: &str, side: Option<&str>| Correction::Side {
            source: source.into(),
            side: side.map(Into::into),
        };
        let log = [
            side("person:ada-aldwick", Some("Council")),
            side("person:tomas-berg", Some("Council")),
            side("person:ada-aldwick", Some(" Residents ")),
            side("person:tomas-berg", Some("  ")),
        ];
        assert_eq!(
            sides(&log),
            Groups::from([("Residents".into(), vec!["person:ada-aldwick".into()])])
        );
        assert_eq!(sides(&log[..2])["Council"].len(), 2);
    }

    #[test]
    fn balance_shares_mentions_by_kind_and_by_the_researchers_groups() {
        let on_side = |source: &str| Correction::Side {
            source: source.into(),
            side: Some("government side".into()),
        };
        let comparison = compare(
            &[article(
                "a",
                vec![
                    source("Anton Reyes", Person, &[]),
                    source("Interior Ministry", GovernmentBody, &[]),
                    source("Marta Okonjo", Person, &[]),
                    source("officials", Anonymous, &[]),
                ],
            )],
            &[
                on_side("Anton Reyes"),
                on_side("government_body:interior-ministry"),
            ],
        );
        let balance = &comparison.balance["a"];
        assert_eq!(balance.mentions_by_kind["person"], 0.5);
        assert_eq!(balance.mentions_by_kind["anonymous"], 0.25);
        assert_eq!(balance.mentions_by_group["government side"], 0.5);
    }
}
