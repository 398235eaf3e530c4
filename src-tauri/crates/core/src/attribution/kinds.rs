//! What kind of source a mention's words describe (person, body,
//! document, medium, anonymous).

use super::*;

/// Whether one word is a body's name by its letters: an acronym ("NIPH")
/// or a name with a capital inside ("RedNacional"); "McCarthy" and
/// "DeSantis" are people's.
pub(super) fn names_a_body(word: &str) -> bool {
    let letters: Vec<char> = word.chars().collect();
    let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
    let camel = letters.len() >= 4
        && letters[0].is_uppercase()
        && letters[2..].iter().any(|c| c.is_uppercase())
        && letters.iter().all(|c| c.is_alphabetic())
        && !["Mc", "Mac", "De", "Le", "La", "Di", "Van", "Von"]
            .iter()
            .any(|prefix| word.starts_with(prefix));
    acronym || camel
}

/// What kind of source these words describe.
pub fn kind_of(text: &str) -> SourceKind {
    // "engineers who worked on the report": what the clause describes.
    if let Some(clause) = text.find(" who ") {
        return kind_of(&text[..clause]);
    }
    // "DHS", "the Kremlin", "Washington", "the U.K.": world knowledge
    // says what the words cannot.
    if let Some(body) = world::body_named(text) {
        return body.kind;
    }
    // "Iran's semi-official Tasnim news agency", but not "the NBC News-Wall
    // Street Journal poll", which is a document.
    let document = text
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| DOCUMENT_WORDS.contains(&w));
    if world::medium_named(text).is_some() || (!document && world::medium_within(text).is_some()) {
        return SourceKind::MediaOutlet;
    }
    // "The Syrian Arab News Agency": a news agency, whatever its name says.
    let lower_text = text.to_lowercase();
    if lower_text.ends_with("news agency") || lower_text.ends_with("press agency") {
        return SourceKind::MediaOutlet;
    }
    if world::government_named(text).is_some() {
        return SourceKind::GovernmentBody;
    }
    // "Israeli Prime Minister Benjamin Netanyahu's office": a leader's
    // office is a state body, whoever it is named after.
    let possessive = text.contains("'s ") || text.contains("’s ");
    if possessive && text.trim_end().ends_with(" office") {
        return SourceKind::GovernmentBody;
    }
    // "Office of the Director of National Intelligence on Election
    // Security": a state body's head noun opens its name, so the title
    // inside it is no person's.
    if let [head, "of" | "for", ..] = words(without_article(text.trim()))[..] {
        if ["Office", "Department", "Ministry", "Bureau", "Directorate", "Secretariat"]
            .contains(&head)
        {
            return SourceKind::GovernmentBody;
        }
    }
    let lower = text.to_lowercase();
    if names_a_body(text.trim()) {
        return SourceKind::Organization;
    }
    let has = |list: &[&str]| {
        list.iter()
            .any(|w| lower.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w))
    };
    if lower.starts_with("one of") {
        return SourceKind::Anonymous;
    }
    if unnamed_of_named_employer(text) {
        return SourceKind::Anonymous;
    }
    if opens_with_document(text) {
        return SourceKind::Document;
    }
    if has(UNNAMED_SPEAKERS)
        && !words(without_place(text)).iter().skip(1).any(|w| {
            is_capitalised(w)
                && !TITLES.contains(&w.to_lowercase().as_str())
                && !ADJECTIVE_ENDINGS.iter().any(|ending| w.ends_with(ending))
        })
    {
        return SourceKind::Anonymous;
    }
    // "The airport operator": a capitalised article names nobody.
    let named = words(text)
        .iter()
        .filter(|w| {
            let lower = w.to_lowercase();
            is_capitalised(w)
                && !TITLES.contains(&lower.as_str())
                && !OPENING_WORDS.contains(&lower.as_str())
        })
        .count();
    // "Ada Aldwick, a member of the harbour council": a name and its
    // appositive; "The Pellham Record, the student newspaper": a medium.
    if let Some((head, description)) = text.split_once(',') {
        // "Priya Lal, a spokeswoman for the agency": a person's role.
        let role = words(description)
            .iter()
            .any(|w| PERSON_ROLES.contains(&w.to_lowercase().as_str()));
        let described = words(description).last().map(|w| w.to_lowercase());
        if !role && described.is_some_and(|w| OWN_MEDIUM.contains(&w.as_str())) {
            return SourceKind::MediaOutlet;
        }
        let head_words: Vec<&str> = head.split_whitespace().collect();
        if (2..=4).contains(&head_words.len())
            && head_words.iter().all(|w| is_capitalised(w))
            && !OPENING_WORDS.contains(&head_words[0].to_lowercase().as_str())
            && !head_words
                .iter()
                .any(|w| TITLES.contains(&w.to_lowercase().as_str()))
        {
            return SourceKind::Person;
        }
    }
    if named >= 1 && has(PERSON_ROLES) && person_name(text).split_whitespace().count() >= 2 {
        return SourceKind::Person;
    }
    if affiliated_person(text).is_some() || named_after_role(text) {
        return SourceKind::Person;
    }
    if let Some(body) = body_of_group(text) {
        return match kind_of(body) {
            SourceKind::Person | SourceKind::Other => SourceKind::Organization,
            kind => kind,
        };
    }
    if people_from(text).is_some() {
        return SourceKind::Other;
    }
    // "Data Protection Authority": a named body, whatever its name holds.
    let head = words(text).last().map(|w| w.to_lowercase());
    if named >= 2 && head.as_ref().is_some_and(|h| GOVERNMENT_HEADS.contains(&h.as_str())) {
        return SourceKind::GovernmentBody;
    }
    if has(DOCUMENT_WORDS) {
        return SourceKind::Document;
    }
    // "Sanders' campaign manager", "the party's chairman": whatever body
    // the words name, the head noun is a person's role.
    if head.is_some_and(|h| PERSON_HEADS.contains(&h.as_str())) {
        return SourceKind::Person;
    }
    // "Agency" alone is as often a government body ("Environment Agency").
    let news_agency = lower.contains("news agency") || lower.contains("press agency");
    // "the court's press office" speaks for the court.
    let press_staff = [
        "press office",
        "press service",
        "press secretary",
        "press team",
    ]
    .iter()
    .any(|staff| lower.contains(staff));
    if news_agency
        || (!press_staff
            && has(&[
                "news",
                "times",
                "post",
                "journal",
                "tv",
                "television",
                "radio",
                "newspaper",
                "magazine",
                "reuters",
                "ap",
                "afp",
                "tass",
                "ria",
                "xinhua",
                "irna",
                "tasnim",
                "bbc",
                "cnn",
                "fox",
                "msnbc",
                "nbc",
                "abc",
                "cbs",
                "npr",
                "bloomberg",
                "politico",
                "guardian",
                "telegraph",
                "sputnik",
                "rt",
                "press",
                "gazette",
                "tribune",
                "herald",
                "wire",
                "outlet",
                "daily",
                "weekly",
                "broadcaster",
                "broadcasting",
                "channel",
                "media",
            ]))
    {
        return SourceKind::MediaOutlet;
    }
    if has(&[
        "ministry",
        "ministries",
        "judiciary",
        "department",
        "government",
        "governments",
        "kremlin",
        "pentagon",
        "congress",
        "senate",
        "parliament",
        "court",
        "police",
        "army",
        "military",
        "administration",
        "council",
        "commission",
        "agency",
        "office",
        "white",
        "cabinet",
        "embassy",
        "state",
        "fbi",
        "cia",
        "nsa",
        "dhs",
        "odni",
        "un",
        "nato",
        "eu",
        "nations",
        "states",
        "republic",
        "kingdom",
        "emirates",
        "mission",
        "authority",
        "authorities",
        "bureau",
        "committee",
    ]) {
        return SourceKind::GovernmentBody;
    }
    if has(&[
        "company",
        "corporation",
        "inc",
        "group",
        "party",
        "union",
        "alliance",
        "campaign",
        "foundation",
        "institute",
        "association",
        "organization",
        "organisation",
        "committee",
        "bank",
        "firm",
        "university",
        "center",
        "centre",
        "coalition",
        "movement",
        "network",
        "united",
        "forum",
        "federation",
        "league",
        "club",
        "society",
        "charity",
    ]) {
        return SourceKind::Organization;
    }
    // A name ending in a business word ("Corvane Chemicals", "Feldstone
    // Capital") is a company; the same words in a lower-case phrase ("oil
    // workers") are not.
    if named >= 1 && has(COMPANY_WORDS) {
        return SourceKind::Organization;
    }
    let ws = words(text);
    if ws.len() > 1
        && ws
            .iter()
            .all(|w| w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()))
    {
        return SourceKind::Organization;
    }
    let describes_person = has(PERSON_ROLES)
        || has(&[
            "man",
            "woman",
            "he",
            "she",
            "leader",
            "candidate",
            "nominee",
            "lawyer",
            "attorney",
            "mother",
            "father",
        ]);
    if named >= 1 || describes_person {
        return SourceKind::Person;
    }
    SourceKind::Other
}

/// How far after a source, in tokens, the clause that withholds its name
/// may reach.
pub(super) const WITHHELD_REACH_TOKENS: usize = 20;

/// Whether the words right after a source, in its sentence, say that its
/// name is withheld: "A firefighter, who asked not to be named, said…".
pub(super) fn name_withheld(tokens: &[Token<'_>], sentences: &[usize], source_end: usize) -> bool {
    let after = tokens.partition_point(|t| t.span.start < source_end);
    let Some(&sentence) = sentences.get(after) else {
        return false;
    };
    let clause: Vec<&str> = tokens[after..]
        .iter()
        .zip(&sentences[after..])
        .take(WITHHELD_REACH_TOKENS)
        .take_while(|&(_, &s)| s == sentence)
        .map(|(t, _)| t.text)
        .collect();
    let clause = clause.join(" ");
    NAME_WITHHELD.iter().any(|phrase| clause.contains(phrase))
}

/// Whether a mention is a document described by what follows it: "a study
/// published on Wednesday in the journal Marine Ecology Letters", "the
/// report by the Meridian Institute". Its first word after a determiner is
/// a document, and a lower-case word follows.
pub(super) fn opens_with_document(text: &str) -> bool {
    let ws = words(text);
    let head = ws
        .iter()
        .position(|w| !DETERMINERS.contains(&w.to_lowercase().as_str()));
    head.is_some_and(|at| {
        DOCUMENT_WORDS.contains(&ws[at].to_lowercase().as_str())
            && ws
                .get(at + 1)
                .is_some_and(|w| w.chars().all(char::is_lowercase))
    })
}

/// Whether a mention is an unnamed speaker whose employer it names: "A
/// Tarsland defence official", "two Foreign Ministry officials", "Western
/// diplomats in Qarsan". Such a phrase ends in the speaker and opens with a
/// number or an indefinite article, or is plural; it is one phrase, not a
/// name and its appositive ("J. Rhodes, one of the president's aides") nor
/// two joined ("The nominee and his aides").
pub(super) fn unnamed_of_named_employer(text: &str) -> bool {
    let ws = words(without_place(text));
    if text.contains(',') || ws.iter().any(|w| matches!(*w, "and" | "or")) {
        return false;
    }
    let (Some(first), Some(last)) = (ws.first(), ws.last()) else {
        return false;
    };
    let last = last.to_lowercase();
    ws.len() >= 2
        && UNNAMED_SPEAKERS.contains(&last.as_str())
        && (last.ends_with('s') || INDEFINITE_OPENINGS.contains(&first.to_lowercase().as_str()))
}

/// Whether a mention ends in a person's name after a lower-case role
/// ("Campaign lawyer Sofia Brandão", "union steward Ola Berg").
pub(super) fn named_after_role(text: &str) -> bool {
    const LINKING: &[&str] = &[
        "the", "a", "an", "of", "for", "at", "from", "and", "to", "in",
    ];
    let ws = words(text);
    let Some(role) = ws.iter().rposition(|w| !is_capitalised(w)) else {
        return false;
    };
    let name = &ws[role + 1..];
    (2..=3).contains(&name.len())
        && !LINKING.contains(&ws[role])
        && !name
            .iter()
            .any(|w| TITLES.contains(&w.to_lowercase().as_str()))
        && kind_of(&name.join(" ")) == SourceKind::Person
}

/// The people a mention describes by where they are from ("Fishermen from
/// the port of Lissa" → "Fishermen"): a plural noun and a place after it.
pub(super) fn people_from(text: &str) -> Option<&str> {
    let (people, rest) = text.split_once(' ')?;
    let link = rest.split_whitespace().next()?;
    let plural = people.ends_with('s') || people.ends_with("men") || people == "people";
    (plural
        && people.chars().all(char::is_alphabetic)
        && !GROUPS.contains(&people.to_lowercase().as_str())
        && matches!(link, "from" | "in" | "of" | "near" | "on"))
    .then_some(people)
}

/// The name of whom a group of people speaks for ("Lawyers for Marek",
/// "aides to Lind" → "Marek", "Lind"): a plural noun, "for" or "to", and a
/// name of up to three words.
pub(super) fn spokespeople_for(text: &str) -> Option<&str> {
    const MAX_NAME_WORDS: usize = 3;
    let (people, rest) = text.split_once(' ')?;
    let name = rest
        .strip_prefix("for ")
        .or_else(|| rest.strip_prefix("to "))?;
    let name_words = name.split_whitespace().count();
    (people.ends_with('s')
        && people.chars().all(char::is_alphabetic)
        && (1..=MAX_NAME_WORDS).contains(&name_words)
        && name.split_whitespace().all(is_capitalised))
    .then_some(name)
}

/// The named body a group speaks for ("Analysts at Nordbank" → "Nordbank",
/// "Economists from the Halden Institute" → "Halden Institute"): a group of
/// professionals, at/of/from, and a name of up to four words.
pub(super) fn body_of_group(text: &str) -> Option<&str> {
    const MAX_NAME_WORDS: usize = 4;
    let (group, rest) = text.split_once(' ')?;
    let (link, body) = rest.split_once(' ')?;
    let body = body
        .strip_prefix("the ")
        .or_else(|| body.strip_prefix("The "))
        .unwrap_or(body);
    let name_words = body.split_whitespace().count();
    let named =
        (1..=MAX_NAME_WORDS).contains(&name_words) && body.split_whitespace().all(is_capitalised);
    (GROUPS.contains(&group.to_lowercase().as_str())
        && matches!(link, "at" | "of" | "from")
        && named)
        .then_some(body)
}

/// The person named before the body they belong to ("Structural engineer
/// Paul Arneson of the Nordic Institute of Technology" → "Paul Arneson"),
/// when the words before "of" are a personal name and not a body's
/// ("Bank of England", "Nordic Institute of Technology").
pub(super) fn affiliated_person(text: &str) -> Option<String> {
    let (head, _) = text.split_once(" of ")?;
    let name = person_name(head);
    let ws = words(&name);
    ((2..=4).contains(&ws.len())
        && ws.iter().all(|w| is_capitalised(w))
        && kind_of(&name) == SourceKind::Person)
        .then_some(name)
}
