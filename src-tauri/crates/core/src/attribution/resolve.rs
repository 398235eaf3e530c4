//! Pass (resolve): group the mentions into the article's sources, each with
//! its kind, its canonical name and its aliases.

use super::*;

pub(super) fn group(
    article: &str,
    tokens: &[Token<'_>],
    sentences: &[usize],
    mentions: Vec<(Mention, Option<String>)>,
) -> Vec<Source> {
    let mut sources: Vec<Source> = Vec::new();
    let mut last_person: Option<usize> = None;
    // Where the mention of the last person who spoke ends, in chars.
    let mut last_person_end = 0;
    let mut last_other: Option<usize> = None;
    // A mention may come with the name it stands for ("they" for each
    // issuer of a joint statement).
    for (mention, referent) in mentions {
        let text = referent.unwrap_or_else(|| mention.source.text.trim().to_string());
        let lower = text.to_lowercase();
        // "Hale did not answer questions. In a statement, she said…": "she"
        // is the person the article named after the last one who spoke.
        let describes_person = describes_last_person(&text);
        let refers_back = PERSON_PRONOUNS.contains(&lower.as_str()) || describes_person;
        let named_since = refers_back
            .then(|| person_named_before(article, mention.source.start))
            .flatten()
            .filter(|(_, at)| last_person.is_none() || *at >= last_person_end)
            .map(|(name, _)| name);
        // "The dairy supplier, Lacteos Norte, was fined… It said…": "it"
        // is the body the sentence before named.
        let persons = || {
            sources
                .iter()
                .filter(|s| s.kind == SourceKind::Person)
                .map(|s| s.name.as_str())
                .collect::<Vec<_>>()
        };
        let named_body = (lower == "it" && named_since.is_none())
            .then(|| body_named_near(article, tokens, sentences, mention.source.start, &persons()))
            .flatten();
        // "Researchers from the University of Port Adria surveyed 212
        // reefs. They found…": "they" are the group the sentence before
        // opened with.
        let named_group = (lower == "they")
            .then(|| group_opening_sentence_before(tokens, sentences, mention.source.start))
            .flatten()
            .map(|(first, last)| {
                CharSpan::new(tokens[first].span.start, tokens[last].span.end)
                    .slice(article)
                    .unwrap_or_default()
                    .to_string()
            });
        let named_body = named_body.or(named_group);
        let target = if PRONOUNS.contains(&lower.as_str())
            && named_since.is_none()
            && named_body.is_none()
        {
            match lower.as_str() {
                pronoun if pronoun == "i" || PERSON_PRONOUNS.contains(&pronoun) => last_person,
                _ => last_other.or(last_person),
            }
        } else if lower.starts_with("one of them") || lower.starts_with("one of those") {
            last_other
        } else if describes_person && last_person.is_some() && named_since.is_none() {
            last_person
        } else {
            let by_pronoun = named_body.is_some();
            let text = named_since.or(named_body).unwrap_or_else(|| text.clone());
            let lower = text.to_lowercase();
            let company = if words(&text).len() == 1 {
                company_named_in(article, &text)
            } else if refers_to_a_company(&lower) {
                company_named_before(article, mention.source.start)
            } else {
                None
            };
            // "…, the bank said", where the bank is Banco Dorne: the body
            // the sentence names, when no name holds the noun.
            let body_noun = match words(&lower)[..] {
                ["the", head] if BODY_NOUNS.contains(&head) => Some(head.to_string()),
                _ => None,
            };
            let near = body_noun
                .filter(|head| company.is_none() && !known_head(&sources, head))
                .filter(|head| body_named_in(article, head).is_none())
                .and_then(|_| {
                    body_named_near(article, tokens, sentences, mention.source.start, &persons())
                });
            let by_pronoun = by_pronoun || near.is_some();
            let company = company.or(near);
            // "the bank", after "The Bank of Marvania raised…": the body
            // the article named, when it has not spoken yet; "the
            // statement", after "its monetary policy statement": the fuller
            // description the article gave.
            let body = (company.is_none() && words(&lower).len() == 2 && lower.starts_with("the "))
                .then(|| words(&lower)[1].to_string())
                .filter(|head| !known_head(&sources, head))
                .and_then(|head| {
                    body_named_in(article, &head).or_else(|| described_in(article, &head))
                });
            // "Lawyers for Marek": the people who speak for a person the
            // article names are a source of their own.
            let for_person = spokespeople_for(&text).is_some_and(|name| {
                persons()
                    .iter()
                    .any(|p| *p == name || surname(p) == Some(name.to_lowercase()))
                    || full_name_in(article, name, mention.source.start).is_some()
            });
            let kind = match kind_of(body.as_deref().unwrap_or(&text)) {
                _ if for_person => SourceKind::Other,
                SourceKind::Person | SourceKind::Other
                    if name_withheld(tokens, sentences, mention.source.end) =>
                {
                    SourceKind::Anonymous
                }
                // What "it" or "the bank" stands for is no person.
                SourceKind::Person if by_pronoun => SourceKind::Organization,
                _ if company.is_some() => SourceKind::Organization,
                SourceKind::Person if names_a_state(article, without_article(&text)) => {
                    SourceKind::GovernmentBody
                }
                kind => kind,
            };
            let mut expanded = false;
            let key = if let Some(company) = company {
                company
            } else if let Some(body) = body.clone() {
                body
            } else if let Some(body) = body_of_group(&text) {
                body.to_string()
            } else if let Some(people) = people_from(&text) {
                people.to_lowercase()
            } else if kind == SourceKind::Person {
                let name = person_name(&text);
                // "Arroyo said", "the president said", "its governor
                // called": the full name the article gives them elsewhere.
                let title = ["the ", "its ", "his ", "her ", "their "]
                    .iter()
                    .find_map(|determiner| lower.strip_prefix(determiner))
                    .filter(|t| TITLES.contains(t));
                match title {
                    Some(title) => name_after_title(article, title),
                    None if words(&name).len() == 1 => {
                        full_name_in(article, &name, mention.source.start)
                    }
                    // "The Republican presidential nominee said".
                    None => name_after_description(article, &text),
                }
                .inspect(|_| expanded = true)
                .unwrap_or_else(|| without_article(&name).to_string())
            } else {
                without_article(&text).to_string()
            };
            let (key, kind) = match kind {
                SourceKind::Person if !expanded => match body_in_context(article, key.clone())
                    // "Transparency watchdog Clearview": the key kept only
                    // the name.
                    .or_else(|| without_description(&text))
                {
                    Some(body) => (body, SourceKind::Organization),
                    None => (key, kind),
                },
                SourceKind::Organization => (without_description(&key).unwrap_or(key), kind),
                SourceKind::MediaOutlet => (medium_without_description(&key).unwrap_or(key), kind),
                _ => (key, kind),
            };
            // One name for a body or a government however the article
            // writes it: "DHS" is the Department of Homeland Security,
            // "Washington" the United States government.
            let (key, kind) = canonical_body(key, kind);
            let found = sources.iter().position(|s| {
                s.name.eq_ignore_ascii_case(&key)
                    // "Nilsen" was Kari Nilsen; this one is Silje Nilsen.
                    || (!expanded && s.aliases.iter().any(|a| a.eq_ignore_ascii_case(&text)))
                    || (kind == SourceKind::Person
                        && s.kind == SourceKind::Person
                        && words(&key).len() == 1
                        && surname(&s.name) == surname(&key))
                    // "the commission" is the Electoral Commission, and
                    // "the office" the state prosecutor's office.
                    || (lower.starts_with("the ")
                        && s.aliases.iter().chain([&s.name]).any(|a| {
                            let head = words(&lower)
                                .last()
                                .map(|w| w.to_string())
                                .unwrap_or_default();
                            let alias = a.to_lowercase();
                            let named = alias.split_whitespace().any(|w| w == head)
                                && a.chars().any(char::is_uppercase)
                                && !conflicting_qualifiers(&text, a, &head);
                            // "the guard", after "a security guard who
                            // was on duty": the noun the clause describes.
                            let noun = alias.split(" who ").next().unwrap_or_default();
                            let described = words(&lower).len() == 2
                                && noun.split_whitespace().last() == Some(head.as_str());
                            named || described
                        }))
            });
            match found {
                Some(i) => Some(i),
                None => {
                    // "NADA said", after "the National Anti-Doping Agency
                    // (NADA) said": one body.
                    let aliases = (kind != SourceKind::Person)
                        .then(|| bracketed_acronym(article, &key))
                        .flatten()
                        .into_iter()
                        .collect();
                    sources.push(Source {
                        name: key,
                        kind,
                        aliases,
                        mentions: Vec::new(),
                    });
                    Some(sources.len() - 1)
                }
            }
        };
        let Some(index) = target else { continue };
        let source = &mut sources[index];
        if !PRONOUNS.contains(&lower.as_str())
            && text != source.name
            && !source.aliases.contains(&text)
        {
            source.aliases.push(text.clone());
        }
        // The fullest form of a person's name becomes the canonical one.
        if source.kind == SourceKind::Person {
            let candidate = without_article(&person_name(&text)).to_string();
            if words(&candidate).len() > words(&source.name).len()
                && surname(&candidate) == surname(&source.name)
            {
                let old = std::mem::replace(&mut source.name, candidate);
                if !source.aliases.contains(&old) {
                    source.aliases.push(old);
                }
                source.aliases.retain(|a| *a != source.name);
            }
        }
        if source.kind == SourceKind::Person {
            last_person = Some(index);
            last_person_end = mention.source.end;
        } else {
            last_other = Some(index);
        }
        source.mentions.push(mention);
    }
    sources
}

/// The name world knowledge gives a medium, a body or a government, and its
/// kind.
pub(super) fn canonical_body(key: String, kind: SourceKind) -> (String, SourceKind) {
    if matches!(kind, SourceKind::Person | SourceKind::Anonymous | SourceKind::Document) {
        return (key, kind);
    }
    // "Syrian Observatory for Human Rights, a Britain-based monitoring
    // group": the name, not what the appositive says it is.
    let key = match key.split_once(", ") {
        Some((name, appositive)) if ["a ", "an ", "the "].iter().any(|a| appositive.starts_with(a)) => {
            name.to_string()
        }
        _ => key,
    };
    if let Some(medium) = world::medium_named(&key).or_else(|| world::medium_within(&key)) {
        return (medium.to_string(), SourceKind::MediaOutlet);
    }
    if let Some(body) = world::body_named(&key) {
        return (body.name.clone(), body.kind);
    }
    match world::government_named(&key) {
        Some(country) => (country.government(), SourceKind::GovernmentBody),
        None => (key, kind),
    }
}
