//! Names the article gives a mention elsewhere: a surname's full name, the
//! person named before a pronoun, the body a description stands for.

use super::*;

/// The name part of a person's mention: titles and roles before it dropped
/// ("Russian President Vladimir Putin" → "Vladimir Putin"), and the body
/// after it ("Paul Arneson of the Nordic Institute").
pub(super) fn person_name(text: &str) -> String {
    if let Some(name) = affiliated_person(text) {
        return name;
    }
    // "Ilse Brandvold, the union's secretary" or "a spokesman, Rory
    // Delacourt": the name is the comma-separated part with most named words.
    let named = |part: &str| {
        words(part)
            .iter()
            .filter(|w| is_capitalised(w) && !TITLES.contains(&w.to_lowercase().as_str()))
            .count()
    };
    let text = text
        .split(',')
        .map(str::trim)
        .max_by_key(|part| {
            // "A spokeswoman for Aldmoor General Hospital, Clara Voss": the
            // part that is nothing but a name.
            let only_name = words(part).iter().all(|w| is_capitalised(w));
            (only_name, named(part), std::cmp::Reverse(part.len()))
        })
        .unwrap_or(text);
    let ws = words(text.trim_start_matches("the ").trim_start_matches("The "));
    // "Bashar al-Assad", "Ursula von der Leyen": lower-case particles are
    // part of a name.
    let particle = |w: &str| {
        NAME_PARTICLES.contains(&w)
            || NAME_PARTICLES
                .iter()
                .any(|p| w.strip_prefix(p).is_some_and(|rest| rest.starts_with('-')))
    };
    let name_start = ws
        .iter()
        .enumerate()
        .rposition(|(i, w)| {
            // A particle inside a name is followed, past other particles,
            // by the name's capitalised part ("von der Leyen").
            let followed_by_name = ws[i + 1..]
                .iter()
                .find(|n| !particle(n))
                .is_some_and(|n| is_capitalised(n));
            let inside = i > 0 && particle(w) && (w.contains('-') || followed_by_name);
            (!is_capitalised(w) && !inside) || TITLES.contains(&w.to_lowercase().as_str())
        })
        .map_or(0, |i| i + 1);
    // "Hydrologist Mette Dahl": an occupation that opens a sentence.
    let occupation = |w: &str| ROLE_ENDINGS.iter().any(|ending| w.ends_with(ending));
    let name_start = if ws.len() - name_start >= 3 && occupation(ws[name_start]) {
        name_start + 1
    } else {
        name_start
    };
    let name = ws[name_start..].join(" ");
    let name = name
        .trim_end_matches("'s")
        .trim_end_matches("’s")
        .to_string();
    if name.is_empty() {
        text.to_string()
    } else {
        name
    }
}

pub(super) fn surname(name: &str) -> Option<String> {
    words(name).last().map(|w| w.to_lowercase())
}

/// Groups mentions into sources: the same name (or surname, for people),
/// pronouns to the last person or organisation named before them, and role
/// nouns ("the minister") to the earlier source whose full mention holds the role.
/// The capitalised words just before `at` in `text` that can open a
/// person's name, in the same paragraph: up to two, none a title or a
/// sentence-opening word, and none that ends a sentence ("on Thursday.
/// Marek…"), though an initial may have its full stop ("J. Rhodes").
pub(super) fn given_names_before(text: &str, at: usize) -> Vec<&str> {
    const MAX_INITIAL_LETTERS: usize = 2;
    let before = &text[..at];
    let paragraph = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    paragraph
        .split_whitespace()
        .rev()
        .take(2)
        .take_while(|w| {
            let lower = w.to_lowercase();
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            is_capitalised(w)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
                && (!w.ends_with('.') || letters <= MAX_INITIAL_LETTERS)
                && !TITLES.contains(&lower.as_str())
                && !OPENING_WORDS.contains(&lower.as_str())
        })
        .collect()
}

/// A person's full name, when the article gives it before a surname
/// ("opposition leader Mateus Arroyo" for "Arroyo"): the nearest one up to
/// the mention at char `mentioned`, so "Silje Nilsen" is not taken for the
/// "Kari Nilsen" named before her; else the first after it.
pub(super) fn full_name_in(article: &str, surname: &str, mentioned: usize) -> Option<String> {
    let mentioned = article
        .char_indices()
        .nth(mentioned)
        .map_or(article.len(), |(byte, _)| byte);
    let named: Vec<(usize, String)> = article
        .match_indices(surname)
        .filter_map(|(at, _)| {
            let after = article[at + surname.len()..].chars().next();
            if after.is_some_and(char::is_alphanumeric) || !article[..at].ends_with(' ') {
                return None;
            }
            let given = given_names_before(article, at);
            (!given.is_empty()).then(|| {
                let mut name: Vec<&str> = given.into_iter().rev().collect();
                name.push(surname);
                (at, name.join(" "))
            })
        })
        .collect();
    let before = named.iter().rev().find(|(at, _)| *at <= mentioned);
    before.or(named.first()).map(|(_, name)| name.clone())
}

/// The company "the company" at char `mentioned` refers to: the last one
/// the article names before it ("Hedge fund Kestrel Capital… the
/// company"), else the first it names ("Norwegian drugmaker Veltrix
/// Pharma").
pub(super) fn company_named_before(article: &str, mentioned: usize) -> Option<String> {
    const MAX_NAME_WORDS: usize = 3;
    let mentioned = article
        .char_indices()
        .nth(mentioned)
        .map_or(article.len(), |(byte, _)| byte);
    let ws: Vec<(usize, &str)> = article
        .split_whitespace()
        .map(|w| (w.as_ptr() as usize - article.as_ptr() as usize, w))
        .collect();
    let names: Vec<(usize, String)> = ws
        .iter()
        .enumerate()
        .filter_map(|(i, &(at, w))| {
            let word = w
                .trim_end_matches(|c: char| !c.is_alphanumeric())
                .trim_end_matches("’s")
                .trim_end_matches("'s");
            if !is_capitalised(word) || !COMPANY_WORDS.contains(&word.to_lowercase().as_str()) {
                return None;
            }
            let start = (i.saturating_sub(MAX_NAME_WORDS - 1)..i).find(|&j| {
                ws[j..i]
                    .iter()
                    .all(|(_, w)| is_capitalised(w) && w.chars().all(char::is_alphabetic))
            })?;
            let name: Vec<&str> = ws[start..i].iter().map(|&(_, w)| w).chain([word]).collect();
            Some((at, name.join(" ")))
        })
        .collect();
    let before = names.iter().rev().find(|(at, _)| *at < mentioned);
    before.or(names.first()).map(|(_, name)| name.clone())
}

/// Whether a lower-case mention is "the company" or the like, with at most
/// a compound adjective: "the firm", "the Oslo-based company".
pub(super) fn refers_to_a_company(lower: &str) -> bool {
    let company = |w: &str| matches!(w, "company" | "firm" | "drugmaker");
    match words(lower)[..] {
        ["the", head] => company(head),
        ["the", modifier, head] => modifier.contains('-') && company(head),
        _ => false,
    }
}

/// The name after a title the article gives someone ("President Helena
/// Cordova" for "the president").
pub(super) fn name_after_title(article: &str, title: &str) -> Option<String> {
    let mut title_cased = title.to_string();
    title_cased[..1].make_ascii_uppercase();
    name_following(article, &title_cased)
}

/// The first two- or three-word name right after `phrase` in the article.
pub(super) fn name_following(article: &str, phrase: &str) -> Option<String> {
    article
        .match_indices(&format!("{phrase} "))
        .filter(|(at, _)| !article[..*at].ends_with(char::is_alphanumeric))
        .find_map(|(at, matched)| {
            let name: Vec<&str> = article[at + matched.len()..]
                .split_whitespace()
                .take(3)
                .take_while(|w| is_capitalised(w) && w.chars().all(char::is_alphabetic))
                .collect();
            (name.len() >= 2).then(|| name.join(" "))
        })
}

/// The name the article gives after the description a mention is: "the
/// Republican presidential nominee" is Donald Trump where the article
/// writes "Republican presidential nominee Donald Trump". Lower-case
/// words opening the description may be left out ("the former senator"
/// after "Senator Ada Lund"), capitalised ones may not ("the Vermont
/// senator" is no other state's).
pub(super) fn name_after_description(article: &str, text: &str) -> Option<String> {
    const MAX_WORDS: usize = 6;
    let ws = words(text);
    let head = ws.last()?.to_lowercase();
    if !(2..=MAX_WORDS).contains(&ws.len())
        || !ws[0].eq_ignore_ascii_case("the")
        || !(TITLES.contains(&head.as_str()) || PERSON_ROLES.contains(&head.as_str()))
    {
        return None;
    }
    for from in 1..ws.len() {
        let description = ws[from..].join(" ");
        let mut capitalised = description.clone();
        capitalised[..1].make_ascii_uppercase();
        if let Some(name) =
            name_following(article, &description).or_else(|| name_following(article, &capitalised))
        {
            return Some(name);
        }
        if is_capitalised(ws[from]) {
            return None;
        }
    }
    None
}

/// The company a lone capitalised word stands for, when the article names
/// it in full elsewhere ("Corvane said", after "the Corvane Chemicals plant").
pub(super) fn company_named_in(article: &str, word: &str) -> Option<String> {
    article.match_indices(word).find_map(|(at, _)| {
        let before = article[..at].chars().next_back();
        if before.is_some_and(char::is_alphanumeric) {
            return None;
        }
        let next = article[at + word.len()..].strip_prefix(' ')?;
        let next = next.split(|c: char| !c.is_alphanumeric()).next()?;
        (is_capitalised(next) && COMPANY_WORDS.contains(&next.to_lowercase().as_str()))
            .then(|| format!("{word} {next}"))
    })
}

/// Whether a one-word name is a country's, as the article uses it: with
/// its people's adjective ("Merovia" and "Merovian", "Iran" and
/// "Iranian", "Israel" and "Israeli") or its state's organs ("Tarsland's
/// foreign secretary", "Tarsland military officials"). A country that
/// speaks is its government.
pub(super) fn names_a_state(article: &str, name: &str) -> bool {
    const DEMONYM_ENDINGS: &[&str] = &["n", "an", "ian", "i", "ese", "ish"];
    const ORGANS: &[&str] = &[
        "government",
        "foreign",
        "navy",
        "army",
        "military",
        "ministry",
        "president",
        "parliament",
        "embassy",
        "forces",
        "officials",
        "authorities",
        "defence",
        "defense",
    ];
    if name.contains(char::is_whitespace)
        || !is_capitalised(name)
        || !name.chars().all(char::is_alphabetic)
    {
        return false;
    }
    let adjective_from = |base: &str| {
        article.match_indices(base).any(|(at, _)| {
            let ending: String = article[at + base.len()..]
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            !article[..at].ends_with(char::is_alphabetic)
                && DEMONYM_ENDINGS.contains(&ending.as_str())
        })
    };
    let stem = name.strip_suffix('a').unwrap_or(name);
    let demonym = adjective_from(name) || (stem != name && adjective_from(stem));
    let organ = article.match_indices(name).any(|(at, _)| {
        let rest = &article[at + name.len()..];
        let rest = rest
            .strip_prefix("'s")
            .or_else(|| rest.strip_prefix("’s"))
            .unwrap_or(rest);
        rest.starts_with(' ')
            && rest
                .split_whitespace()
                .next()
                .is_some_and(|w| ORGANS.contains(&w.trim_end_matches(|c: char| !c.is_alphabetic())))
    });
    demonym || organ
}

/// Whether two descriptions with the same head noun are told apart by the
/// capitalised words before it: "The Republican nominee" is not "The
/// Democratic presidential nominee". Either without such words agrees, and
/// "GOP" is "Republican".
pub(super) fn conflicting_qualifiers(mention: &str, alias: &str, head: &str) -> bool {
    let qualifiers = |text: &str| -> Vec<String> {
        words(without_article(text))
            .into_iter()
            .take_while(|w| !w.eq_ignore_ascii_case(head))
            .filter(|w| is_capitalised(w))
            .map(|w| match w {
                "GOP" => "republican".to_string(),
                _ => w.to_lowercase(),
            })
            .collect()
    };
    let (ours, theirs) = (qualifiers(mention), qualifiers(alias));
    !ours.is_empty() && !theirs.is_empty() && !ours.iter().any(|q| theirs.contains(q))
}

/// Whether a mention describes a person without naming one, the way
/// news refers back to the last person named: "the mother of two",
/// "the 34-year-old".
pub(super) fn describes_last_person(text: &str) -> bool {
    const MAX_WORDS: usize = 5;
    let lower = text.to_lowercase();
    let ws = words(text);
    lower.starts_with("the ")
        && ws.len() <= MAX_WORDS
        && !ws.iter().skip(1).any(|w| is_capitalised(w))
        && ws.iter().any(|w| {
            let w = w.to_lowercase();
            PERSON_DESCRIPTIONS.contains(&w.as_str()) || w.ends_with("-year-old")
        })
}

/// The last person's name in the article before char `offset`, and where
/// it is (in chars): a run of two to four capitalised words, less its
/// titles ("…a rash, Petra Dvorska thought it was…", "Defence Minister
/// Jonas Vik declined…"), within the paragraph before or the one it is in.
pub(super) fn person_named_before(article: &str, offset: usize) -> Option<(String, usize)> {
    // A name with its titles: "Defence Minister Jonas Vik".
    const MAX_NAME_WORDS: usize = 4;
    let before: String = article.chars().take(offset).collect();
    let paragraphs: Vec<&str> = before.rsplitn(3, "\n\n").collect();
    let near = paragraphs[..paragraphs.len().min(2)]
        .iter()
        .rev()
        .copied()
        .collect::<Vec<_>>()
        .join(" ");
    // "…to beat Hillary Clinton,” he said: names inside a quotation are
    // what is said, not who spoke.
    let near = without_quotations(&near);
    let ws: Vec<&str> = near.split_whitespace().collect();
    let name_word = |w: &str| {
        is_capitalised(w)
            && w.chars().all(char::is_alphabetic)
            && !OPENING_WORDS.contains(&w.to_lowercase().as_str())
    };
    (0..ws.len()).rev().find_map(|end| {
        let word = bare(ws[end]);
        // A whole run of capitalised words, not the tail of a longer one.
        let run_ends = word != ws[end] || ws.get(end + 1).is_none_or(|next| !name_word(next));
        if !name_word(word) || !run_ends {
            return None;
        }
        let mut start = end;
        while start > 0 && end - start + 1 < MAX_NAME_WORDS && name_word(ws[start - 1]) {
            start -= 1;
        }
        // "the Centre for Democratic Studies": part of a body's name; "in
        // Las Vegas", "on Wall Street": a place.
        let inside_name = start > 0
            && matches!(
                ws[start - 1],
                "of" | "for" | "the" | "and" | "at" | "in" | "on" | "from" | "to" | "into" | "near"
            );
        if inside_name || (start > 0 && name_word(ws[start - 1])) {
            return None;
        }
        let run: Vec<&str> = ws[start..end].iter().copied().chain([word]).collect();
        let run = run.join(" ");
        let at = before
            .rfind(&run)
            .map(|byte| before[..byte].chars().count())?;
        let name = person_name(&run);
        // "the former Attorney General of Delaware": titles alone name nobody.
        let titles_only = words(&run)
            .iter()
            .all(|w| TITLES.contains(&w.to_lowercase().as_str()) || w.eq_ignore_ascii_case("general"));
        (words(&name).len() >= 2 && !titles_only && kind_of(&run) == SourceKind::Person)
            .then_some((name, at))
    })
}

/// The body that a mention which does not name it ("it", "the bank")
/// stands for: a name in the words of its own sentence before it, when the
/// mention closes the sentence ("Banco Dorne restored its payments…, the
/// bank said"), else in the sentence before, in the same paragraph ("The
/// dairy supplier, Lacteos Norte, was fined… It said…"). The agent of a
/// passive ("is operated by Fjordline Express") comes first, then the first
/// name. People already known, names after a title, days, months and a
/// dateline are not bodies.
pub(super) fn body_named_near(
    article: &str,
    tokens: &[Token<'_>],
    sentences: &[usize],
    mentioned: usize,
    persons: &[&str],
) -> Option<String> {
    // A run of capitalised words holds at most this many ("Competition and
    // Markets Authority").
    const MAX_NAME_TOKENS: usize = 5;
    let at = tokens.partition_point(|t| t.span.start < mentioned);
    let sentence = *sentences.get(at)?;
    let own_start = sentence_start(sentences, at);
    let (start, end) = if own_start < at {
        (own_start, at)
    } else if sentence > 0 && !tokens[at].paragraph_start {
        (sentence_start(sentences, at - 1), at)
    } else {
        return None;
    };
    let start = past_dateline(tokens, start, end);
    let is_name_token = |i: usize| {
        let word = tokens[i].text;
        let lower = word.to_lowercase();
        is_capitalised(word)
            && word.chars().all(char::is_alphabetic)
            && !(i == start && OPENING_WORDS.contains(&lower.as_str()))
            && !DAYS.contains(&lower.as_str())
            && !MONTHS.contains(&lower.as_str())
    };
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = start;
    while i < end {
        if !is_name_token(i) {
            i += 1;
            continue;
        }
        let first = i;
        let mut last = i;
        while last + 1 < end && last + 1 - first < MAX_NAME_TOKENS {
            let joined = matches!(tokens[last + 1].text, "of" | "and" | "for")
                && last + 2 < end
                && is_name_token(last + 2);
            if is_name_token(last + 1) {
                last += 1;
            } else if joined {
                last += 2;
            } else {
                break;
            }
        }
        runs.push((first, last));
        i = last + 1;
    }
    let text_of = |(first, last): (usize, usize)| -> String {
        article
            .chars()
            .skip(tokens[first].span.start)
            .take(tokens[last].span.end - tokens[first].span.start)
            .collect()
    };
    let is_body = |&(first, last): &(usize, usize)| {
        let name = text_of((first, last));
        let after_title =
            first > 0 && TITLES.contains(&tokens[first - 1].text.to_lowercase().as_str());
        let a_person = persons.iter().any(|p| {
            *p == name || surname(p).is_some_and(|s| name.split_whitespace().any(|w| w == s))
        });
        // One capitalised word opening the sentence is often only that:
        // "Prices rose…".
        let sentence_opener = first == last && first == start;
        !after_title && !a_person && !sentence_opener
    };
    let bodies: Vec<(usize, usize)> = runs.into_iter().filter(is_body).collect();
    let agent = bodies
        .iter()
        .find(|&&(first, _)| first > 0 && tokens[first - 1].text == "by");
    agent.or(bodies.first()).map(|&run| text_of(run))
}

/// The group of people that opens the sentence before the one at char
/// `mentioned`, in the same paragraph: a plural noun for professionals
/// ("Researchers", "Engineers") and the words after it up to the
/// sentence's verb ("Researchers from the University of Port Adria").
pub(super) fn group_opening_sentence_before(
    tokens: &[Token<'_>],
    sentences: &[usize],
    mentioned: usize,
) -> Option<(usize, usize)> {
    const MAX_SUBJECT_TOKENS: usize = 14;
    let at = tokens.partition_point(|t| t.span.start < mentioned);
    let own_start = sentence_start(sentences, at.min(tokens.len() - 1));
    if own_start == 0 || tokens[own_start].paragraph_start {
        return None;
    }
    let start = sentence_start(sentences, own_start - 1);
    if !GROUPS.contains(&tokens[start].text.to_lowercase().as_str()) {
        return None;
    }
    let verb = (start + 1..own_start.min(start + MAX_SUBJECT_TOKENS)).find(|&i| {
        let word = tokens[i].text;
        AUXILIARIES.contains(&word)
            || (word.chars().all(char::is_lowercase) && (word.ends_with("ed") || word == "say"))
    })?;
    let phrase_ok = tokens[start..verb]
        .iter()
        .all(|t| t.text.chars().next().is_some_and(char::is_alphanumeric));
    phrase_ok.then_some((start, verb - 1))
}

/// Whether a word is a noun describing a body ("union", "carmaker").
pub(super) fn describes(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    BODY_NOUNS
        .iter()
        .chain(MORE_BODY_DESCRIPTIONS)
        .any(|d| word.ends_with(d))
}

/// A body's name without the description before it: "Saltvik Pharma" in
/// "Amoxicillin maker Saltvik Pharma", "Norgas" in "Industry group Norgas".
/// The name may hold small linking words ("Defesa do Consumidor").
pub(super) fn without_description(name: &str) -> Option<String> {
    name_after_noun(name, describes)
}

/// A medium's name without the description before it: "MRNA" in "Merovia's
/// state news agency MRNA", "Arena" in "sports daily Arena". The description
/// ends in a lower-case word for a medium; "The Daily Beast" is a name.
pub(super) fn medium_without_description(name: &str) -> Option<String> {
    name_after_noun(name, |w| MEDIA_DESCRIPTIONS.contains(&w))
}

/// The name after the last word of `name` that `describes` (not its last
/// word): capitalised words, and small linking words inside.
pub(super) fn name_after_noun(name: &str, describes: impl Fn(&str) -> bool) -> Option<String> {
    const LINKING: &[&str] = &["of", "for", "and", "do", "de", "da", "del", "the"];
    let ws = words(name);
    let named = |ws: &[&str]| {
        ws.first().is_some_and(|w| is_capitalised(w))
            && ws.last().is_some_and(|w| is_capitalised(w))
            && ws.iter().all(|w| {
                (is_capitalised(w) && !TITLES.contains(&w.to_lowercase().as_str()))
                    || LINKING.contains(w)
            })
    };
    let noun = (0..ws.len().saturating_sub(1))
        .rev()
        .find(|&i| describes(ws[i]))?;
    named(&ws[noun + 1..]).then(|| ws[noun + 1..].join(" "))
}

/// A person's name, by the words alone, that the article shows to be a
/// body's: "Carmaker Nordbil" is Nordbil, and "Skarre Kraft" a company
/// when the article calls it "the dam's operator" (see [`named_as_body`]).
pub(super) fn body_in_context(article: &str, name: String) -> Option<String> {
    if let Some(body) = without_description(&name) {
        return Some(body);
    }
    let ws = words(&name);
    let capitalised = ws
        .iter()
        .all(|w| is_capitalised(w) && !TITLES.contains(&w.to_lowercase().as_str()));
    (ws.len() >= 2 && capitalised && named_as_body(article, &name)).then_some(name)
}

/// Whether the article treats a name the words alone would take for a
/// person's ("Skarre Kraft", "Frost Energi") as a body's: it writes "the"
/// before it, a body's role after it ("Dynamo Kovel chairman"), a body
/// noun next to it ("Sports drinks maker Frost Energi", "Brightline
/// Events, the company that…", "The dam's operator, Skarre Kraft,").
pub(super) fn named_as_body(article: &str, name: &str) -> bool {
    const DESCRIPTION_WORDS: usize = 3;
    const WORDS_AFTER: usize = 4;
    article.match_indices(name).any(|(at, _)| {
        let before: Vec<&str> = article[..at].split_whitespace().rev().take(2).collect();
        let rest = &article[at + name.len()..];
        if rest.starts_with(|c: char| c.is_alphanumeric()) {
            return false;
        }
        let after: Vec<&str> = rest.split_whitespace().take(WORDS_AFTER).collect();
        let previous = before.first().copied().unwrap_or_default();
        let the_before = previous.eq_ignore_ascii_case("the");
        let noun_before = describes(previous)
            && (!previous.ends_with(',') || before.get(1).is_some_and(|w| !is_capitalised(w)));
        let role_after = after
            .first()
            .is_some_and(|w| BODY_ROLES.contains(&w.to_lowercase().as_str()));
        let appositive: Vec<&str> = rest
            .strip_prefix(", ")
            .unwrap_or_default()
            .split_whitespace()
            .take(DESCRIPTION_WORDS + 1)
            .collect();
        let appositive_after = appositive
            .first()
            .is_some_and(|w| matches!(*w, "the" | "a" | "an"))
            && appositive.iter().skip(1).any(|w| describes(w));
        the_before || noun_before || role_after || appositive_after
    })
}

/// The acronym an article gives a name in brackets after it: "NADA" in
/// "the National Anti-Doping Agency (NADA)".
pub(super) fn bracketed_acronym(article: &str, name: &str) -> Option<String> {
    const MAX_ACRONYM_CHARS: usize = 10;
    article.match_indices(name).find_map(|(at, _)| {
        let rest = article[at + name.len()..].strip_prefix(" (")?;
        let acronym = &rest[..rest.find(')')?];
        let letters = acronym.chars().filter(|c| c.is_alphabetic()).count();
        (letters >= 2
            && acronym.chars().count() <= MAX_ACRONYM_CHARS
            && acronym
                .chars()
                .all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '-' || c == '&'))
        .then(|| acronym.to_string())
    })
}

/// Whether a source already found has `head` among its words ("the bank"
/// then joins it).
pub(super) fn known_head(sources: &[Source], head: &str) -> bool {
    sources.iter().any(|s| {
        s.aliases
            .iter()
            .chain([&s.name])
            .any(|a| a.to_lowercase().split_whitespace().any(|w| w == head))
    })
}

/// The first fuller description of `head` in the article: "monetary
/// policy statement" in "its monetary policy statement" for "statement".
pub(super) fn described_in(article: &str, head: &str) -> Option<String> {
    const MAX_MODIFIERS: usize = 3;
    let ws: Vec<&str> = article.split_whitespace().collect();
    ws.iter().enumerate().find_map(|(i, word)| {
        if bare(word) != head {
            return None;
        }
        let determiner = (i.saturating_sub(MAX_MODIFIERS + 1)..i)
            .rev()
            .find(|&j| DETERMINERS.contains(&ws[j].to_lowercase().as_str()))?;
        let modifiers = &ws[determiner + 1..i];
        (!modifiers.is_empty()
            && modifiers
                .iter()
                .all(|w| bare(w) == *w && w.chars().all(char::is_lowercase)))
        .then(|| {
            ws[determiner + 1..=i]
                .iter()
                .map(|w| bare(w))
                .collect::<Vec<_>>()
                .join(" ")
        })
    })
}

/// The first capitalised name in the article built on `head` ("Bank of
/// Marvania", "Marvanian Homeowners' Association" for "bank", "association").
pub(super) fn body_named_in(article: &str, head: &str) -> Option<String> {
    const MAX_SIDE_WORDS: usize = 3;
    let mut title_cased = head.to_string();
    title_cased[..1].make_ascii_uppercase();
    let ws: Vec<&str> = article.split_whitespace().collect();
    let name_word = |w: &str| {
        is_capitalised(w)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '\'' || c == '’')
            && !OPENING_WORDS.contains(&w.to_lowercase().as_str())
    };
    ws.iter().enumerate().find_map(|(i, word)| {
        if bare(word) != title_cased {
            return None;
        }
        let mut start = i;
        while start > 0 && i - start < MAX_SIDE_WORDS && name_word(ws[start - 1]) {
            start -= 1;
        }
        let mut end = i;
        if bare(word) == *word && ws.get(i + 1) == Some(&"of") {
            for (j, next) in ws.iter().enumerate().skip(i + 2).take(MAX_SIDE_WORDS) {
                if !is_capitalised(bare(next)) {
                    break;
                }
                end = j;
                if bare(next) != *next {
                    break;
                }
            }
        }
        let name: Vec<&str> = ws[start..=end].iter().map(|w| bare(w)).collect();
        (name.len() >= 2).then(|| name.join(" "))
    })
}
