//! Passes that propose source spans the tagger left out: the subject of a
//! cue's sentence, a closing reporter, an appositive's name, a source inside
//! a clause, a poll and the verb of its finding.

use super::*;

/// The subject before a reporting verb shortly before the content starting
/// at `content`: "Analysts at Nordbank estimated in a note to clients that…".
/// Only a name ("Care Workers United"), a group at a named body ("Analysts
/// at Nordbank") or a document ("A leaked memo") opening its sentence.
/// The phrase of "…, the statement showed." (not tagged as a source or a
/// cue) before a cue that ends its sentence: a determiner and up to four
/// words after a comma, or a document's name of up to eight ("data from the
/// exchange").
pub(super) fn closing_subject(
    tokens: &[Token<'_>],
    tags: &[Tag],
    (cue, cue_end): (usize, usize),
) -> Option<(usize, usize)> {
    const MAX_PHRASE_WORDS: usize = 5;
    const MAX_DOCUMENT_WORDS: usize = 8;
    if tokens.get(cue_end + 1).is_none_or(|t| t.text != ".") {
        return None;
    }
    let comma = (cue.saturating_sub(MAX_DOCUMENT_WORDS + 1)..cue)
        .rev()
        .find(|&i| tokens[i].text == ",")?;
    let phrase = comma + 1..cue;
    // "…, data from the regional monitoring network OceanWatch showed.": a
    // document needs none, and may be longer.
    let words: Vec<&str> = phrase.clone().map(|i| tokens[i].text).collect();
    let determiner = (DETERMINERS.contains(&tokens[comma + 1].text.to_lowercase().as_str())
        && phrase.len() <= MAX_PHRASE_WORDS)
        || kind_of(&words.join(" ")) == SourceKind::Document;
    let untagged_words = phrase.clone().all(|i| {
        matches!(tags[i], Tag::Outside | Tag::Content | Tag::ContentStart)
            && tokens[i]
                .text
                .chars()
                .all(|c| c.is_alphanumeric() || c == '\'' || c == '’' || c == '-')
    });
    (phrase.len() >= 2 && determiner && untagged_words).then_some((comma + 1, cue - 1))
}

pub(super) fn unmarked_subject(
    tokens: &[Token<'_>],
    sentences: &[usize],
    content: usize,
) -> Option<(usize, usize)> {
    const VERB_REACH: usize = 8;
    const MAX_NAME_WORDS: usize = 4;
    const MAX_DOCUMENT_TOKENS: usize = 8;
    let start = sentence_start(sentences, content);
    let verb = (start + 1..content)
        .rev()
        .take(VERB_REACH)
        .find(|&i| REPORTING_VERBS.contains(&tokens[i].text.to_lowercase().as_str()))?;
    let subject = &tokens[start..verb];
    let name = |words: &[Token<'_>]| {
        !words.is_empty()
            && words.len() <= MAX_NAME_WORDS
            && words.iter().all(|t| is_name_word(t.text))
    };
    let group_at_body = subject.len() >= 3
        && matches!(subject[1].text, "at" | "of" | "from" | "with")
        && subject[0].text.ends_with('s')
        && name(&subject[2..]);
    if name(subject) || group_at_body {
        return Some((start, verb - 1));
    }
    // "A leaked internal memo from the commission, seen by this newspaper,
    // shows that…": a document, with or without a parenthesis after it.
    let head = subject
        .iter()
        .position(|t| t.text == ",")
        .unwrap_or(subject.len());
    let parenthesis_closes = head == subject.len() || subject[subject.len() - 1].text == ",";
    let words: Vec<&str> = subject[..head].iter().map(|t| t.text).collect();
    (head > 0
        && head <= MAX_DOCUMENT_TOKENS
        && parenthesis_closes
        && is_capitalised(words[0])
        && kind_of(&words.join(" ")) == SourceKind::Document)
        .then_some((start, start + head - 1))
}

/// A source and its cue inside a clause, from the token at `at`: "what
/// prosecutors called the misuse of funds" (a label the source gives), or
/// "a case her supporters say was designed…" and "a plan which officials
/// say will cost…" (the clause's subject says what the clause states).
/// The source is a plural noun alone, or up to four words opening with a
/// determiner or a possessive.
pub(super) fn source_in_clause(tokens: &[Token<'_>], at: usize) -> Option<((usize, usize), (usize, usize))> {
    const MAX_PHRASE_WORDS: usize = 4;
    const SUBJECT_OPENERS: &[&str] = &["the", "her", "his", "their", "its", "some", "many", "most"];
    const LABELS: &[&str] = &["called", "described", "termed", "dubbed", "branded"];
    let text = |i: usize| tokens.get(i).map_or("", |t| t.text);
    let is_word = |i: usize| {
        !text(i).is_empty()
            && text(i)
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '’' | '\''))
    };
    if at == 0 || !is_word(at) {
        return None;
    }
    let before = text(at - 1);
    // "what", a relative pronoun, or the noun the clause describes.
    let described_noun = is_word(at - 1)
        && before.chars().all(char::is_lowercase)
        && ![AUXILIARIES, REPORTING_VERBS, PREPOSITIONS]
            .iter()
            .any(|list| list.contains(&before));
    let opens_clause = before == "what" || RELATIVE_PRONOUNS.contains(&before) || described_noun;
    let plural = text(at).ends_with('s') && text(at).chars().all(char::is_lowercase);
    let determined = SUBJECT_OPENERS.contains(&text(at));
    if !opens_clause || !(plural || determined) {
        return None;
    }
    let cued = |cue: usize| {
        (before == "what" && LABELS.contains(&text(cue)))
            || (matches!(text(cue), "say" | "says" | "said")
                && AUXILIARIES.contains(&text(cue + 1)))
    };
    let last_word = if determined {
        at + MAX_PHRASE_WORDS - 1
    } else {
        at
    };
    let end = (at..=last_word)
        .take_while(|&i| is_word(i) && !AUXILIARIES.contains(&text(i)))
        .find(|&i| (i > at || !determined) && cued(i + 1))?;
    Some(((at, end), (end + 1, end + 1)))
}

/// A poll or survey at the token `at` and the verb that states its
/// finding: "with polls showing the race too close to call", "a survey
/// published by the daily Ostburg Posten on Monday put the Moderates two
/// points ahead". The phrase runs to the verb (or its "that") without
/// punctuation, from the poll word back over capitalised words,
/// determiners and a few modifiers ("A snap poll", "Recent polls").
pub(super) fn poll_finding(
    tokens: &[Token<'_>],
    sentences: &[usize],
    at: usize,
) -> Option<((usize, usize), (usize, usize))> {
    const POLLS: &[&str] = &["poll", "polls", "survey", "surveys"];
    const MODIFIERS: &[&str] = &["snap", "opinion", "new", "latest", "recent", "exit"];
    const MAX_PHRASE_TOKENS: usize = 12;
    if !POLLS.contains(&tokens[at].text.to_lowercase().as_str()) {
        return None;
    }
    let sentence = sentences[at];
    let is_word = |i: usize| {
        sentences[i] == sentence
            && tokens[i]
                .text
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '’' | '\''))
    };
    let verb = (at + 1..tokens.len().min(at + MAX_PHRASE_TOKENS))
        .take_while(|&i| is_word(i) && !matches!(tokens[i].text, "who" | "whom" | "whose"))
        .find(|&i| FINDING_VERBS.contains(&tokens[i].text))?;
    let opens_phrase = |i: usize| {
        let lower = tokens[i].text.to_lowercase();
        is_capitalised(tokens[i].text)
            || DETERMINERS.contains(&lower.as_str())
            || MODIFIERS.contains(&lower.as_str())
    };
    let mut start = at;
    while start > 0 && is_word(start - 1) && opens_phrase(start - 1) {
        start -= 1;
    }
    // "Internet polls that showed him victorious".
    let end = if matches!(tokens[verb - 1].text, "that" | "which") {
        verb - 2
    } else {
        verb - 1
    };
    (end >= start).then_some(((start, end), (verb, verb)))
}

/// A sentence's subject runs to at most this many tokens before its verb.
pub(super) const MAX_SUBJECT_TOKENS: usize = 8;

/// The first token of a sentence's own words, from its first token `start`
/// (before `end`): past a dateline ("CALDERA, Oct. 2 (Continental Press) —")
/// when the sentence opens a paragraph.
pub(super) fn past_dateline(tokens: &[Token<'_>], start: usize, end: usize) -> usize {
    // A dateline's dash comes within this many tokens of the paragraph start.
    const DATELINE_TOKENS: usize = 14;
    if !tokens[start].paragraph_start {
        return start;
    }
    tokens[start..end]
        .iter()
        .take(DATELINE_TOKENS)
        .position(|t| is_dash(t.text))
        .map_or(start, |dash| start + dash + 1)
}

/// The words that open the sentence of the cue at `cue` and run up to it,
/// when the tagger marked no source there: "BRAKKE, May 2 (Northwire) — The
/// harbour board on Tuesday said…". Only words, opening with a capital, and
/// none that looks like a verb of its own ("closed", "waiting", "and") or a
/// preposition other than the day's "on". When the cue is joined by "and"
/// to the sentence's first verb, the subject is that verb's: "Tarsland on
/// Thursday condemned the seizure and said…".
pub(super) fn subject_before(tokens: &[Token<'_>], sentences: &[usize], cue: usize) -> Option<(usize, usize)> {
    if cue == 0 || !matches!(tokens[cue].text, "said" | "says" | "told") {
        return None;
    }
    let start = past_dateline(tokens, sentence_start(sentences, cue), cue);
    // "…and told workers to stop" orders; it does not report.
    let verb = if tokens[cue - 1].text == "and" && tokens[cue].text != "told" {
        let verb = (start + 1..cue).find(|&i| {
            let word = tokens[i].text;
            word.chars().all(char::is_lowercase) && word.ends_with("ed")
        })?;
        let one_clause = tokens[verb..cue]
            .iter()
            .all(|t| t.text.chars().next().is_some_and(char::is_alphanumeric));
        one_clause.then_some(verb)?
    } else {
        cue
    };
    // "on Tuesday" may stand between the subject and the cue; another
    // preposition leads into a phrase the rules for spans would cut.
    let on_day = |i: usize| {
        tokens[i].text == "on"
            && tokens
                .get(i + 1)
                .is_some_and(|t| DAYS.contains(&t.text.to_lowercase().as_str()))
    };
    let words = (start..verb).all(|i| {
        let word = tokens[i].text;
        let verb_like = word.chars().all(char::is_lowercase)
            && (word.ends_with("ed") || word.ends_with("ing") || word == "and");
        let preposition = PREPOSITIONS.contains(&word) && !on_day(i);
        word.chars().next().is_some_and(char::is_alphanumeric) && !verb_like && !preposition
    });
    (start < verb
        && verb - start <= MAX_SUBJECT_TOKENS
        && words
        && is_capitalised(tokens[start].text))
    .then_some((start, verb - 1))
}

/// The subject of a sentence that ends in a ", saying…" clause at `cue`
/// ("Tessara's competition authority fined the chains…, saying…",
/// "VARN, Jan. 20 (Nordic Wire) — Varn county council voted…, saying…"):
/// the words from the sentence's start, past a dateline, to its first verb
/// (a word in -ed or an auxiliary) or "on" ("… Solheim on Tuesday called").
pub(super) fn saying_subject(tokens: &[Token<'_>], sentences: &[usize], cue: usize) -> Option<(usize, usize)> {
    if cue == 0 || !tokens[cue].text.eq_ignore_ascii_case("saying") || tokens[cue - 1].text != "," {
        return None;
    }
    let start = past_dateline(tokens, sentence_start(sentences, cue), cue);
    let verb = (start + 1..cue.min(start + MAX_SUBJECT_TOKENS + 1)).find(|&i| {
        let word = tokens[i].text;
        word.chars().all(char::is_lowercase)
            && (word.ends_with("ed") || word == "on" || AUXILIARIES.contains(&word))
    })?;
    let phrase = tokens[start..verb].iter().all(|t| {
        !matches!(t.text, "," | ";" | ":" | "“" | "”" | "\"" | "(" | ")") && !is_dash(t.text)
    });
    phrase.then_some((start, verb - 1))
}

/// Where the person's name starts when the span starting at `first` is the
/// body after "NAME of (the)": at least two capitalised words before "of".
pub(super) fn affiliate_before(tokens: &[Token<'_>], first: usize) -> Option<usize> {
    const MAX_NAME_WORDS: usize = 4;
    let mut of = first.checked_sub(1)?;
    if tokens[of].text.eq_ignore_ascii_case("the") {
        of = of.checked_sub(1)?;
    }
    if tokens[of].text != "of" {
        return None;
    }
    let name_word = |t: &Token<'_>| {
        is_capitalised(t.text)
            && t.text
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '.')
    };
    let mut name = of;
    while name > 0 && of - name < MAX_NAME_WORDS && name_word(&tokens[name - 1]) {
        name -= 1;
    }
    let text: Vec<&str> = tokens[name..of].iter().map(|t| t.text).collect();
    (of - name >= 2 && kind_of(&text.join(" ")) == SourceKind::Person).then_some(name)
}

/// In "Tove Rasmussen of the Baltic Research Centre, who was not part of the
/// survey, said", the tagger may mark a word inside the relative clause; the
/// one speaking is the phrase the clause describes. Returns that phrase when
/// the span `first..=last` lies in such a clause, just before its closing comma.
pub(super) fn clause_antecedent(tokens: &[Token<'_>], first: usize, last: usize) -> Option<(usize, usize)> {
    const MAX_PHRASE_TOKENS: usize = 12;
    let boundary = |t: &Token<'_>| {
        matches!(
            t.text,
            "," | "." | "!" | "?" | ";" | ":" | "\"" | "“" | "”" | "—" | "–"
        )
    };
    // The tagger's span may take in the clause's closing comma.
    let last = if tokens[last].text == "," && last > first {
        last - 1
    } else {
        last
    };
    if tokens.get(last + 1)?.text != "," {
        return None;
    }
    let opening = (1..first).rev().find(|&i| boundary(&tokens[i]))?;
    if tokens[opening + 1..=first]
        .iter()
        .any(|t| t.paragraph_start)
    {
        return None;
    }
    // ", who…" or ", and who…"
    let pronoun = if tokens[opening + 1].text == "and" {
        opening + 2
    } else {
        opening + 1
    };
    if tokens[opening].text != ","
        || !RELATIVE_PRONOUNS.contains(&tokens[pronoun].text.to_lowercase().as_str())
    {
        return None;
    }
    // "Luca Moretti, 41, who…": the age follows the name.
    let age = opening >= 3
        && tokens[opening - 1].text.chars().all(|c| c.is_ascii_digit())
        && tokens[opening - 2].text == ",";
    let end = if age { opening - 3 } else { opening - 1 };
    let mut start = end;
    while start > 0
        && end - start < MAX_PHRASE_TOKENS
        && !boundary(&tokens[start - 1])
        && !tokens[start].paragraph_start
    {
        start -= 1;
    }
    (!boundary(&tokens[end])).then_some((start, end))
}

/// The name opening the sentence of the cue at `cue` when an appositive
/// stands between them: NAME "," … "," cue, with a two- to four-word name,
/// or a surname alone before an age ("Marek, 54, denied…").
pub(super) fn name_opening_appositive(
    tokens: &[Token<'_>],
    sentences: &[usize],
    cue: usize,
) -> Option<(usize, usize)> {
    const MAX_NAME_WORDS: usize = 4;
    let start = sentence_start(sentences, cue);
    let comma = (start..cue).find(|&i| tokens[i].text == ",")?;
    let name = &tokens[start..comma];
    let age = comma + 2 == cue - 1 && tokens[comma + 1].text.chars().all(|c| c.is_ascii_digit());
    let shortest = if age { 1 } else { 2 };
    let is_name = (shortest..=MAX_NAME_WORDS).contains(&name.len())
        && name.iter().all(|t| {
            is_capitalised(t.text) && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        && !OPENING_WORDS.contains(&name[0].text.to_lowercase().as_str());
    (is_name && comma + 1 < cue - 1).then(|| (start, comma - 1))
}

/// In "Ada Aldwick, a member of the harbour council, said" or "Lorenz
/// Maier, the hospital's chief executive, said", the tagger may mark only
/// the appositive; the one speaking is the name it follows. Returns where
/// that name starts, and its comma, when the span `first..=last` ends such
/// an appositive: NAME "," ROLE WORDS (of|for|at|with) SPAN "," or
/// NAME "," (the|a|an) SPAN ",".
pub(super) fn appositive_name_before(
    tokens: &[Token<'_>],
    first: usize,
    last: usize,
) -> Option<(usize, usize)> {
    const MAX_NAME_WORDS: usize = 4;
    if tokens.get(last + 1)?.text != "," || first < 3 {
        return None;
    }
    let comma = comma_before_role(tokens, first)?;
    let capitalised_word = |t: &Token<'_>| {
        t.text.chars().next().is_some_and(char::is_uppercase)
            && t.text
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
    };
    let mut name = comma;
    while name > 0
        && comma - name < MAX_NAME_WORDS
        && capitalised_word(&tokens[name - 1])
        && !(name < comma && tokens[name].paragraph_start)
    {
        name -= 1;
    }
    // "In Kessling," or "After Tuesday's vote,": a sentence opening, not a name.
    while name < comma && OPENING_WORDS.contains(&tokens[name].text.to_lowercase().as_str()) {
        name += 1;
    }
    // At least a first name and a surname, so "In Kessling, a member of…"
    // or a lone sentence-opening word is not taken for one; and the name
    // opens its clause ("After meeting Vladimir Putin, the minister said").
    let opens_clause = name == 0
        || tokens[name].paragraph_start
        || !tokens[name - 1].text.chars().any(char::is_alphanumeric);
    // "NIPH, the institute,", "RedNacional, the grid operator,"; "Rehn,
    // her lawyer,": a surname before a role that belongs to someone.
    // "Dunmore, a former central bank economist,": a surname the article
    // gives in full elsewhere ("Mikael Dunmore").
    let possessive = matches!(tokens[comma + 1].text, "his" | "her" | "their");
    let one_word = comma - name == 1
        && (names_a_body(tokens[name].text)
            || (capitalised_word(&tokens[name])
                && (possessive || named_in_full(tokens, tokens[name].text))));
    ((comma - name >= 2 || one_word) && opens_clause).then_some((name, comma))
}

/// Whether a word is a surname the text gives after a given name somewhere:
/// "Dunmore" after "Mikael Dunmore".
pub(super) fn named_in_full(tokens: &[Token<'_>], surname: &str) -> bool {
    tokens.windows(2).any(|pair| {
        let given = pair[0].text;
        pair[1].text == surname
            && !pair[1].paragraph_start
            && is_capitalised(given)
            && given.chars().all(char::is_alphabetic)
            && !TITLES.contains(&given.to_lowercase().as_str())
            && !OPENING_WORDS.contains(&given.to_lowercase().as_str())
    })
}

/// The comma that opens the appositive the span starting at `first` ends:
/// before "a member of" + SPAN, or before "the" + SPAN.
pub(super) fn comma_before_role(tokens: &[Token<'_>], first: usize) -> Option<usize> {
    const LINKS: &[&str] = &["of", "for", "at", "with", "from"];
    const MAX_ROLE_WORDS: usize = 4;
    const MAX_MODIFIERS: usize = 3;
    let article = |i: usize| {
        matches!(
            tokens[i].text,
            "the" | "a" | "an" | "his" | "her" | "their" | "its"
        )
    };
    let mut link = first - 1;
    if tokens[link].text == "," && article(first) {
        return Some(link);
    }
    // ", a second-year law student,": an article and modifiers before the span.
    let mut determiner = link;
    while determiner > 1
        && link - determiner < MAX_MODIFIERS
        && !article(determiner)
        && tokens[determiner]
            .text
            .chars()
            .all(|c| c.is_lowercase() || c == '-')
    {
        determiner -= 1;
    }
    if article(determiner) {
        if tokens[determiner - 1].text == "," {
            return Some(determiner - 1);
        }
        // ", general secretary of the Rail Workers' Union,"
        link = determiner - 1;
    }
    if !LINKS.contains(&tokens[link].text.to_lowercase().as_str()) {
        return None;
    }
    let lower_word = |t: &Token<'_>| {
        t.text.chars().next().is_some_and(char::is_lowercase)
            && t.text.chars().all(|c| c.is_alphabetic() || c == '-')
    };
    let mut comma = link;
    while comma > 0 && link - comma < MAX_ROLE_WORDS && lower_word(&tokens[comma - 1]) {
        comma -= 1;
    }
    if comma == link || comma == 0 {
        return None;
    }
    (tokens[comma - 1].text == ",").then_some(comma - 1)
}
