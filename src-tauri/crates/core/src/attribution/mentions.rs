//! Pass (pair and veto): each candidate source is paired with its cue and
//! the content it introduces, or dropped with the reason why it attributes
//! nothing.

use super::document::{Document, Span};
use super::pipeline::{Action, Candidates, Step, Trace};
use super::*;

/// The closing cue may carry this many tokens of tail: "…, the two
/// governments said in a joint statement."
const MAX_TAIL_TOKENS: usize = 5;

/// The cue of the candidate at `span`: its own, the nearest plausible one
/// in its sentence, or a reporting verb the tagger left out ("A survey …
/// found that"). With none, the tagger took a name for a source where
/// nothing is attributed.
fn cue_of(doc: &Document<'_>, candidates: &Candidates, (first, last): Span) -> Option<Span> {
    let sentence = doc.sentences[first];
    let near = |s: &Span| doc.sentences[s.0] == sentence || doc.sentences[s.1] == sentence;
    let distance = |s: &Span| s.0.abs_diff(first).min(s.1.abs_diff(last));
    // "A defence official, who asked not to be named, said…": a cue in a
    // clause about the source is taken only when there is no other.
    let in_clause_after =
        |s: &Span| s.0 > first && matches!(doc.tokens[s.0 - 1].text, "who" | "which");
    let credited = candidates
        .cued
        .iter()
        .find(|(span, _)| *span == (first, last))
        .map(|(_, cue)| *cue);
    credited
        .or_else(|| {
            doc.cue_spans
                .iter()
                .filter(|s| near(s) && plausible_cue(doc.slice(**s), s.1 < first))
                .min_by_key(|s| (in_clause_after(s), distance(s)))
                .copied()
        })
        .or_else(|| reporting_verb_after(&doc.tokens, &doc.sentences, last))
}

/// Why the candidate at `span` with `cue` is no source, if it is none.
fn veto(doc: &Document<'_>, candidates: &Candidates, (first, last): Span, cue: Span) -> Option<&'static str> {
    let tokens = &doc.tokens;
    let sentence = doc.sentences[first];
    // "Mensah said many students were working two jobs": after the cue,
    // the subject of what is said, not an inverted speaker.
    let inverted = cue.1 < first;
    if inverted
        && tokens
            .get(last + 1)
            .is_some_and(|t| AUXILIARIES.contains(&t.text.to_lowercase().as_str()))
    {
        return Some("the subject of what is said, after the cue");
    }
    // "Two lenders have asked for talks, people familiar with the matter
    // said.": a source inside what another source says is reported, not
    // heard.
    let cue_after = |at: usize| doc.cue_spans.iter().find(|c| c.0 == at);
    let ends_sentence = |c: &Span| {
        (c.1 + 1..tokens.len().min(c.1 + 2 + MAX_TAIL_TOKENS))
            .take_while(|&i| tokens[i].text != ",")
            .any(|i| tokens[i].text == ".")
    };
    let closing_reporter = !inverted
        && candidates.spans.iter().any(|&(a, b)| {
            a > cue.1
                && doc.sentences[a] == sentence
                && tokens[a - 1].text == ","
                && cue_after(b + 1).is_some_and(ends_sentence)
        });
    if closing_reporter {
        return Some("inside what a closing reporter says");
    }
    // "injuring 14, two of them seriously, officials said": the source
    // right before the cue is the one it belongs to.
    let nearer = candidates.spans.iter().any(|&(a, b)| {
        if a <= last || b + 1 != cue.0 {
            return false;
        }
        // "Reyes and Okonjo said": both speak.
        let between = &tokens[last + 1..a];
        let joined = between.iter().any(|t| matches!(t.text, "and" | "or"))
            && between.iter().all(|t| matches!(t.text, "and" | "or" | ","));
        !joined
    });
    if !inverted && nearer {
        return Some("another source stands nearer the cue");
    }
    // "…, he told CNN" and "told the BBC's Lyse Doucet": whom a speaker
    // told is where it was said, not who said it.
    if told_venue(tokens, cue, first) {
        return Some("whom a speaker told: the venue");
    }
    // "“…is Vice President Joe Biden,” she said": a name inside the
    // quotation is not who speaks it.
    let all_quoted = |(a, b): Span| (a..=b).all(|i| doc.quoted[i]);
    if all_quoted((first, last)) && !all_quoted(cue) {
        return Some("inside a quotation whose cue is outside it");
    }
    // "declined to comment": the words after the cue may be the refusal's.
    let refusal_reach = (cue.0, (cue.1 + 3).min(tokens.len() - 1));
    if non_answer(doc.slice(refusal_reach)) || reports_an_act(tokens, cue) {
        return Some("the cue tells of a refusal or an act");
    }
    None
}

/// The content the cue introduces: the nearest content span in the
/// sentence, or a quotation running in the sentences before "…,” he said.
fn content_of(doc: &Document<'_>, (first, last): Span) -> Option<Span> {
    let sentence = doc.sentences[first];
    let near = |s: &Span| doc.sentences[s.0] == sentence || doc.sentences[s.1] == sentence;
    let distance = |s: &Span| s.0.abs_diff(first).min(s.1.abs_diff(last));
    doc.content_spans
        .iter()
        .filter(|s| near(s))
        .min_by_key(|s| distance(s))
        .or_else(|| {
            doc.content_spans
                .iter()
                .filter(|s| s.1 < first && doc.sentences[s.1] + 2 >= sentence)
                .max_by_key(|s| s.1)
        })
        .copied()
}

/// Why a candidate, before any cue is looked for, is no source.
fn no_speaker(doc: &Document<'_>, (first, last): Span) -> Option<&'static str> {
    // "Corrin fire losses could top 200 million, insurers say": a headline
    // sums up the story; its sources are the body's.
    if doc.tokens[first].span.start < doc.headline_end {
        return Some("in the headline");
    }
    // "We asked the prime minister's office…": the writers themselves,
    // outside any quotation, are not a source of their story.
    let writer = first == last
        && !doc.quoted[first]
        && matches!(doc.tokens[first].text.to_lowercase().as_str(), "we" | "i");
    writer.then_some("the writers themselves")
}

/// The mention a candidate makes, or why it makes none.
fn mention_of(
    doc: &Document<'_>,
    candidates: &Candidates,
    span: Span,
) -> Result<(Mention, Span), &'static str> {
    if let Some(reason) = no_speaker(doc, span) {
        return Err(reason);
    }
    let cue = cue_of(doc, candidates, span).ok_or("no cue attributes anything to it")?;
    if let Some(reason) = veto(doc, candidates, span, cue) {
        return Err(reason);
    }
    let content = content_of(doc, span);
    let credited = candidates.cued.iter().any(|(s, _)| *s == span);
    let starts_sentence = span.0 == 0 || doc.sentences[span.0 - 1] != doc.sentences[span.0];
    if !credited && passive_cue(&doc.tokens, cue, span, starts_sentence, content.is_some()) {
        return Err("a passive cue: the one spoken to or about");
    }
    let direct = content.is_some_and(|(a, b)| {
        let inside = (a..=b).filter(|&i| doc.quoted[i]).count();
        inside * 2 > b - a + 1
    });
    let mention = Mention {
        source: doc.piece(span),
        cue: Some(doc.piece(cue)),
        content: content.map(|c| doc.chars(c)),
        attribution: if direct {
            AttributionKind::DirectQuote
        } else {
            AttributionKind::Indirect
        },
    };
    Ok((mention, cue))
}

/// Every candidate that makes a mention, with its span, in text order.
pub(super) fn pair(
    doc: &Document<'_>,
    candidates: &Candidates,
    trace: &mut Trace,
) -> Vec<(Mention, Span)> {
    let mut mentions = Vec::new();
    for &span in &candidates.spans {
        match mention_of(doc, candidates, span) {
            Ok((mention, cue)) => {
                trace.push(Step {
                    pass: "pair",
                    span,
                    action: Action::Paired(cue),
                });
                mentions.push((mention, span));
            }
            Err(reason) => trace.push(Step {
                pass: "veto",
                span,
                action: Action::Dropped(reason),
            }),
        }
    }
    mentions
}

/// The mentions with the name each stands for when it is not its own: a
/// "they" after the coordinated issuers of a statement is each of them.
pub(super) fn resolve_they(
    doc: &Document<'_>,
    candidates: &Candidates,
    mentions: Vec<(Mention, Span)>,
) -> Vec<(Mention, Option<String>)> {
    let spans: Vec<Span> = mentions.iter().map(|(_, span)| *span).collect();
    let theirs = coordination::they_of_coordinations(
        &doc.tokens,
        &doc.sentences,
        &spans,
        &candidates.coordinations,
    );
    let mut resolved = Vec::new();
    for ((mention, _), parts) in mentions.into_iter().zip(theirs) {
        match parts {
            Some(parts) => resolved.extend(
                parts
                    .iter()
                    .map(|&part| (mention.clone(), Some(doc.slice(part).to_string()))),
            ),
            None => resolved.push((mention, None)),
        }
    }
    resolved
}
