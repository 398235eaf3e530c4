//! Pass: tidy a tagged source span (where it starts and ends, what it is
//! not), before any other pass sees it.

use super::*;

/// Whether the one word between two source spans joins them into one
/// ("Structural engineer Paul Arneson", "air traffic controllers"): an
/// untagged lower-case word, not one that links two phrases.
pub(super) fn role_between(tokens: &[Token<'_>], tags: &[Tag], before: usize, after: usize) -> bool {
    const LINKING: &[&str] = &[
        "and", "or", "but", "nor", "of", "the", "a", "an", "in", "at", "on", "to", "with", "for",
        "from", "by", "as", "also", "then", "while", "when", "who", "which", "that", "not",
    ];
    let between = &tokens[before + 1];
    tags[before + 1] == Tag::Outside
        && after == before + 2
        && between.text.chars().all(char::is_lowercase)
        && !LINKING.contains(&between.text)
}

/// The name after "calling itself", "called" or "known as" following the
/// token `last` ("A group calling itself BlackFjord").
pub(super) fn name_it_goes_by(tokens: &[Token<'_>], last: usize) -> Option<(usize, usize)> {
    const MAX_NAME_WORDS: usize = 4;
    let word = |i: usize| tokens.get(i).map(|t| t.text.to_lowercase());
    let start = match (word(last + 1)?.as_str(), word(last + 2).as_deref()) {
        ("calling", Some("itself" | "themselves")) | ("known", Some("as")) => last + 3,
        ("called" | "named", _) => last + 2,
        _ => return None,
    };
    let mut end = start;
    while end - start < MAX_NAME_WORDS
        && tokens
            .get(end)
            .is_some_and(|t| is_capitalised(t.text) && t.text.chars().all(char::is_alphanumeric))
    {
        end += 1;
    }
    (end > start).then(|| (start, end - 1))
}

/// Trims punctuation and clause words off a source span's ends, and
/// extends it over the rest of a proper name the tagger cut short
/// ("the Chamber" + "of Shipping", "Tasnim" after "Iran's").
pub(super) fn tidy_source(
    tokens: &[Token<'_>],
    tags: &[Tag],
    sentences: &[usize],
    (mut first, mut last): (usize, usize),
) -> Option<(usize, usize)> {
    let is_word = |i: usize| {
        tokens[i]
            .text
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    };
    let untagged = |i: usize| tags[i] == Tag::Outside;
    let opens_sentence = |i: usize| i == 0 || sentences[i - 1] != sentences[i];
    // "seen by this newspaper": the agent of a participle clause, which
    // says where a source was found.
    let participle_at = |i: usize| {
        PARTICIPLES.contains(&tokens[i].text)
            || (tokens[i].text.ends_with("ed") && tokens[i].text.chars().all(char::is_lowercase))
    };
    if first < last && participle_at(first) && tokens[first + 1].text == "by" {
        return None;
    }
    // "of the Coastal Water Institute": a preposition opens no source.
    while first < last && PREPOSITIONS.contains(&tokens[first].text) && tokens[first].text != "by" {
        first += 1;
    }
    // "Ship-tracking data from…": the tagger may leave out a compound
    // modifier that opens the sentence.
    let compound = |i: usize| {
        let word = tokens[i].text;
        word.contains('-') && word.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    if first > 0 && opens_sentence(first - 1) && untagged(first - 1) && compound(first - 1) {
        first -= 1;
    }
    let relative = |i: usize| RELATIVE_PRONOUNS.contains(&tokens[i].text.to_lowercase().as_str());
    // "Nine people, including two players, were detained": a verb outside a
    // relative clause makes the span a clause, not a source.
    let verb = (first..=last).find(|&i| {
        AUXILIARIES.contains(&tokens[i].text)
            && tokens
                .get(i + 1)
                .is_some_and(|t| t.text.chars().all(char::is_lowercase))
            && (first..i).all(|j| !relative(j))
    });
    if verb.is_some() {
        return None;
    }
    if let Some(antecedent) = clause_antecedent(tokens, first, last) {
        (first, last) = antecedent;
    }
    // "…, who chairs the transport committee": the clause describes a
    // source, it is not one; but "two people who work there said": with
    // no comma, the clause and the noun before it are the speaker.
    let opens_with_relative = relative(first) && first < last;
    if first > 0 && (relative(first - 1) || opens_with_relative) {
        const MAX_NOUN_WORDS: usize = 3;
        let pronoun = if opens_with_relative {
            first
        } else {
            first - 1
        };
        // "Boffins who surveyed 200 reefs say": the noun may open the sentence.
        let noun_start = (pronoun.saturating_sub(MAX_NOUN_WORDS)..pronoun)
            .rev()
            .take_while(|&i| {
                is_word(i)
                    && sentences[i] == sentences[pronoun]
                    && (!is_capitalised(tokens[i].text) || opens_sentence(i))
            })
            .last();
        return match noun_start {
            Some(start) if tags.get(last + 1) == Some(&Tag::CueStart) => Some((start, last)),
            _ => None,
        };
    }
    // "Ingrid Solberg, who runs a guesthouse on": the source ends before
    // the clause.
    if let Some(comma) = (first + 1..last).find(|&i| tokens[i].text == "," && relative(i + 1)) {
        last = comma - 1;
    }
    // "Petra Lund who chairs the board": the source is the name the clause
    // follows. But a short clause says who an unnamed source is ("two
    // engineers who worked on the report") and stays.
    const MAX_CLAUSE_TOKENS: usize = 7;
    if let Some(pronoun) = (first + 1..=last).find(|&i| relative(i)) {
        let unnamed =
            (first..pronoun).all(|i| !is_capitalised(tokens[i].text) || opens_sentence(i));
        let short = last - pronoun < MAX_CLAUSE_TOKENS
            && tokens[pronoun..=last].iter().all(|t| t.text != ",");
        if !(unnamed && short) {
            last = pronoun - 1;
        }
    }
    // "A hospital official in the regional capital, Tarnov, who…": the
    // name after a place noun is the place; the speaker is the phrase
    // that holds it.
    let place_named = last >= 2
        && is_capitalised(tokens[last].text)
        && tokens[last - 1].text == ","
        && PLACE_NOUNS.contains(&tokens[last - 2].text.to_lowercase().as_str());
    if place_named && first + 2 <= last {
        last -= 2;
    } else if place_named && first == last {
        let start = sentence_start(sentences, first);
        const MAX_PHRASE_TOKENS: usize = 10;
        let phrase = start..first - 1;
        if phrase.len() <= MAX_PHRASE_TOKENS
            && DETERMINERS.contains(&tokens[start].text.to_lowercase().as_str())
            && phrase.clone().all(is_word)
        {
            (first, last) = (start, first - 2);
        }
    }
    // "In Kessling, a member of the council": a sentence's opening phrase
    // says where; the source follows its comma.
    let opening_preposition = |i: usize| {
        is_capitalised(tokens[i].text)
            && PREPOSITIONS.contains(&tokens[i].text.to_lowercase().as_str())
    };
    if opening_preposition(first) || (first > 0 && opening_preposition(first - 1)) {
        if let Some(comma) = (first + 1..last).find(|&i| tokens[i].text == ",") {
            if (first..comma).all(|i| is_capitalised(tokens[i].text)) {
                first = comma + 1;
            }
        }
    }
    // "Arroyo, a former mayor of the capital": the name, not its description.
    // "…reported in January, the institute said": with no comma before
    // the cue, the phrase after the comma is the speaker, not a description.
    let cue_follows = tags.get(last + 1) == Some(&Tag::CueStart);
    let described = |comma: usize| {
        tokens[comma].text == ","
            && tokens[first..comma].iter().all(|t| is_capitalised(t.text))
            && matches!(tokens[comma + 1].text, "a" | "an" | "the")
            && !cue_follows
    };
    // "A leaked memo from the ministry, seen by this newspaper,": the
    // participle clause tells where the source was found, it is not one.
    let participle = |comma: usize| tokens[comma].text == "," && participle_at(comma + 1);
    // "According to the commission, a limited review…": the source ends at
    // the comma.
    let according = first >= 2
        && tokens[first - 2].text.eq_ignore_ascii_case("according")
        && tokens[first - 1].text == "to";
    if let Some(comma) = (first + 1..last)
        .find(|&i| described(i) || participle(i) || (according && tokens[i].text == ","))
    {
        last = comma - 1;
    }
    // "According to a person with" + "knowledge of the investigation,": the
    // source runs to the comma or the sentence's end, however the tagger
    // split it.
    if according {
        const MAX_SOURCE_TOKENS: usize = 12;
        if let Some(comma) = (last + 1..tokens.len().min(first + MAX_SOURCE_TOKENS))
            .find(|&i| matches!(tokens[i].text, "," | "." | ";"))
        {
            if (last + 1..comma).all(is_word) {
                last = comma - 1;
            }
        }
    }
    // "emails seen by Green Ledger": the medium that obtained a document
    // (as a rule the story's own) is not part of the source; "figures
    // released by the university" keeps who released them.
    const OBTAINED: &[&str] = &["seen", "obtained", "reviewed", "viewed"];
    if let Some(participle) = (first + 1..last)
        .find(|&i| OBTAINED.contains(&tokens[i].text) && tokens[i + 1].text == "by")
    {
        last = participle - 1;
    }
    // "seen by this newspaper": the story's own medium, not a source.
    if tokens[first].text.eq_ignore_ascii_case("by") {
        first += 1;
    }
    if first < last
        && tokens[first].text.eq_ignore_ascii_case("this")
        && OWN_MEDIUM.contains(&tokens[first + 1].text.to_lowercase().as_str())
    {
        return None;
    }
    if first == last && FUNCTION_WORDS.contains(&tokens[first].text) {
        return None;
    }
    while first <= last && !is_word(first) {
        first += 1;
    }
    // "a person with" + "knowledge of the investigation": a phrase the
    // tagger cut after its preposition goes on to the next comma or cue.
    if first < last && PREPOSITIONS.contains(&tokens[last].text) {
        const MAX_OBJECT_TOKENS: usize = 6;
        let mut end = last;
        while end + 1 < tokens.len()
            && end - last < MAX_OBJECT_TOKENS
            && untagged(end + 1)
            && is_word(end + 1)
            && !relative(end + 1)
        {
            end += 1;
        }
        let reaches_boundary = end + 1 >= tokens.len() || !is_word(end + 1) || !untagged(end + 1);
        if end > last && reaches_boundary {
            last = end;
        }
    }
    // "PORTO VELHA, Nov. 18 (Atlantic Press) — the commission": a dateline
    // ends at the paragraph's first dash, and no source spans it; its
    // credit in brackets is cut with it.
    if let Some(dash) = (first..last).find(|&i| is_dash(tokens[i].text)) {
        let paragraph = (0..=dash)
            .rev()
            .find(|&i| tokens[i].paragraph_start)
            .unwrap_or(0);
        if past_dateline(tokens, paragraph, dash + 1) == dash + 1 {
            first = dash + 1;
        }
    }
    // "the National Institute of Public Health (NIPH": the name, without
    // the acronym the article gives it in brackets.
    if let Some(bracket) = (first + 1..=last).find(|&i| tokens[i].text == "(") {
        last = bracket - 1;
    }
    // "Nine people were detained for questioning, the office": a clause
    // before the source's comma; "…went to the minister's allies, the
    // audit" + "found": what is reported, before the one reporting it.
    if let Some(comma) = (first..last).rev().find(|&i| tokens[i].text == ",") {
        let clause =
            (first..comma).any(|i| AUXILIARIES.contains(&tokens[i].text.to_lowercase().as_str()));
        // "…a banned drug, the National Anti-Doping Agency (NADA) said":
        // the cue may follow the acronym cut off above.
        let after = match tokens.get(last + 1).map(|t| t.text) {
            Some("(") => (last + 2..tokens.len())
                .find(|&i| tokens[i].text == ")")
                .map_or(last + 1, |close| close + 1),
            _ => last + 1,
        };
        let reporter = tags.get(after) == Some(&Tag::CueStart)
            && DETERMINERS.contains(&tokens[comma + 1].text.to_lowercase().as_str());
        if (clause || reporter) && (comma + 1..=last).all(is_word) {
            first = comma + 1;
        }
    }
    // "the ministry on Friday", "officials yesterday": when, not who.
    loop {
        let word = |i: usize| tokens[i].text.to_lowercase();
        if last > first + 1 && DAYS.contains(&word(last).as_str()) && word(last - 1) == "on" {
            last -= 2;
        } else if last > first && RELATIVE_DAYS.contains(&word(last).as_str()) {
            last -= 1;
        } else {
            break;
        }
    }
    while last > first
        && (!is_word(last) || SPAN_TRAILERS.contains(&tokens[last].text.to_lowercase().as_str()))
    {
        last -= 1;
    }
    if first > last || !is_word(last) {
        return None;
    }
    let capitalised_at = |i: usize| {
        tokens.get(i).is_some_and(|t| {
            is_capitalised(t.text) && t.text.chars().next().is_some_and(char::is_alphanumeric)
        })
    };
    // The tagger sometimes keeps only the article of "the Northern Alliance"
    // or of "A poll of 600 dockworkers, …".
    if first == last && SPAN_TRAILERS.contains(&tokens[first].text.to_lowercase().as_str()) {
        if capitalised_at(first + 1) {
            last = first + 1;
        } else if matches!(tokens[first].text, "A" | "An" | "The") {
            const MAX_PHRASE_TOKENS: usize = 6;
            let in_phrase = |i: usize| {
                matches!(tags[i], Tag::Outside | Tag::SourceStart | Tag::Source)
                    && is_word(i)
                    && !relative(i)
            };
            while last + 1 < tokens.len() && last - first < MAX_PHRASE_TOKENS && in_phrase(last + 1)
            {
                last += 1;
            }
            if last == first {
                return None;
            }
        } else {
            return None;
        }
    }
    let capitalised = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| is_capitalised(t.text) && is_word(i))
    };
    let head_noun = |i: usize| {
        tokens
            .get(i)
            .is_some_and(|t| HEAD_NOUNS.contains(&t.text.to_lowercase().as_str()))
    };
    loop {
        let continues_name = (head_noun(last + 1) && (capitalised(last) || head_noun(last)))
            || (capitalised(last + 1) && capitalised(last));
        // A name the tagger broke in two ("the Inter-American" + "Election
        // Mission") continues into the next span.
        let source_tagged = |i: usize| matches!(tags[i], Tag::SourceStart | Tag::Source);
        if continues_name && (untagged(last + 1) || source_tagged(last + 1)) {
            last += 1;
        } else if tokens.get(last + 1).is_some_and(|t| t.text == "of")
            && capitalised(last + 2)
            && untagged(last + 1)
            && capitalised(last)
        {
            last += 2;
        } else {
            break;
        }
    }
    // "Business owners in the port town of Vessby said": Vessby is a place.
    if first == last
        && first >= 2
        && matches!(tokens[first - 1].text, "of" | "in")
        && PLACE_NOUNS.contains(&tokens[first - 2].text.to_lowercase().as_str())
    {
        return None;
    }
    // "The bank’s regional manager": a possessive is not the whole source.
    if tokens[last].text.ends_with("’s") || tokens[last].text.ends_with("'s") {
        const MAX_HEAD_WORDS: usize = 3;
        let end = last;
        while last - end < MAX_HEAD_WORDS
            && tokens
                .get(last + 1)
                .is_some_and(|t| t.text.chars().all(char::is_lowercase))
            && untagged(last + 1)
        {
            last += 1;
        }
    }
    // "A group calling itself BlackFjord": the name it goes by, whether the
    // tagger's span stops before the name or takes it in.
    if let Some(name) = (first..=last).find_map(|i| name_it_goes_by(tokens, i)) {
        (first, last) = name;
    }
    // "Dr. Amina Yusuf": the name after an abbreviated title.
    if first == last
        && TITLE_ABBREVIATIONS.contains(&tokens[last].text.to_lowercase().as_str())
        && tokens.get(last + 1).is_some_and(|t| t.text == ".")
        && capitalised(last + 2)
    {
        last += 2;
        while capitalised(last + 1) && untagged(last + 1) {
            last += 1;
        }
    }
    // "Economists at Vestbank": the body the tagger left off a group.
    if GROUPS.contains(&tokens[last].text.to_lowercase().as_str())
        && tokens
            .get(last + 1)
            .is_some_and(|t| matches!(t.text, "at" | "of" | "from"))
    {
        let mut end = last + 1;
        while capitalised(end + 1) && tags[end + 1] != Tag::CueStart && tags[end + 1] != Tag::Cue {
            end += 1;
        }
        if end > last + 1 {
            last = end;
        }
    }
    while first > 0
        && !opens_sentence(first)
        && untagged(first - 1)
        && is_word(first - 1)
        && (tokens[first - 1].text.ends_with("'s") || tokens[first - 1].text.ends_with("’s"))
    {
        first -= 1;
    }
    // "Independent researchers": an adjective opening the sentence.
    if first > 0
        && !capitalised(first)
        && untagged(first - 1)
        && capitalised(first - 1)
        && opens_sentence(first - 1)
        && ADJECTIVE_ENDINGS
            .iter()
            .any(|ending| tokens[first - 1].text.ends_with(ending))
    {
        first -= 1;
    }
    // "the Rail Workers' Union": a plural possessive the tagger left out.
    if first >= 2
        && matches!(tokens[first - 1].text, "'" | "’")
        && capitalised(first - 2)
        && tokens[first - 2].text.ends_with('s')
        && untagged(first - 2)
    {
        first -= 2;
    }
    // "engineer Paul Arneson": a first name the tagger left outside.
    while first > 0
        && capitalised(first)
        && !opens_sentence(first)
        && untagged(first - 1)
        && capitalised(first - 1)
        && !OPENING_WORDS.contains(&tokens[first - 1].text.to_lowercase().as_str())
        && (first < 2
            || tokens[first - 2]
                .text
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric))
    {
        first -= 1;
    }
    // "Mette Dahl of the Coastal Water Institute": the body a person is of
    // is not the one speaking.
    if let Some(name) = affiliate_before(tokens, first) {
        first = name;
    }
    // "Residents of the Corrin Valley": the people, not the place.
    let mut link = first.saturating_sub(1);
    if link > 0 && tokens[link].text == "the" {
        link -= 1;
    }
    if link > 0
        && link < first
        && matches!(tokens[link].text, "of" | "from" | "in")
        && opens_sentence(link - 1)
        && people_from(&format!("{} {}", tokens[link - 1].text, tokens[link].text)).is_some()
    {
        first = link - 1;
    }
    // "The port authority": a noun modifier the tagger left out, after "the".
    let article = |i: usize| matches!(tokens[i].text, "the" | "The");
    if first >= 2
        && !opens_sentence(first)
        && untagged(first - 1)
        && is_word(first - 1)
        && !capitalised(first - 1)
        && article(first - 2)
        && !article(first)
    {
        first -= 2;
    }
    // Credit lines ("editing by Tom Achebe") name staff, not sources; "images
    // reviewed by the Maritime Institute show": the agent of a participle
    // clause is not the one speaking.
    let by = |i: usize| tokens[i].text.eq_ignore_ascii_case("by");
    if first > 0 && (by(first - 1) || (first > 1 && by(first - 2) && article(first - 1))) {
        return None;
    }
    if let Some((name, comma)) = appositive_name_before(tokens, first, last) {
        // "RedNacional, the grid operator,": a body's one-word name is the
        // source; a person's name and role stay together.
        if comma - name == 1 {
            (first, last) = (name, comma - 1);
        } else {
            first = name;
        }
    }
    Some((first, last))
}
