//! The attribution pipeline: an explicit, ordered list of named passes over
//! one [`Document`].
//!
//! 1. **Propose** ([`PROPOSALS`]): each pass adds candidate source spans,
//!    some with their own cue.
//! 2. **Shape** ([`SHAPING`]): the candidates are merged, their edges mended
//!    and coordinations split.
//! 3. **Pair** ([`super::mentions`]): each candidate is paired with its cue
//!    and content, or vetoed with a reason.
//! 4. **Resolve** ([`super::resolve`], [`super::roles`]): mentions are
//!    grouped into sources with a kind and a canonical name.
//!
//! Every pass records what it did in a [`Trace`], which `sourcelens analyze
//! --explain` prints, so a wrong source can be followed to the pass that
//! made it. The order of the lists is the order the passes run in.

use super::document::{Document, Span};
use super::*;

/// What a pass did to a span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Action {
    /// Proposed it as a source.
    Proposed,
    /// Changed its edges; it was the span given.
    Mended(Span),
    /// Split it into two sources.
    Split,
    /// Dropped it, for the reason given.
    Dropped(&'static str),
    /// Made it a mention with the cue given.
    Paired(Span),
}

/// One thing a pass did.
#[derive(Debug, Clone)]
pub(super) struct Step {
    /// The pass's name.
    pub pass: &'static str,
    /// The span it acted on.
    pub span: Span,
    /// What it did.
    pub action: Action,
}

/// Every step of one article's analysis, in order.
pub(super) type Trace = Vec<Step>;

/// The candidate sources as the passes build them.
#[derive(Default)]
pub(super) struct Candidates {
    /// Source spans.
    pub spans: Vec<Span>,
    /// Source spans that come with their own cue.
    pub cued: Vec<(Span, Span)>,
    /// The conjuncts of each coordinated source that was split.
    pub coordinations: Vec<[Span; 2]>,
}

/// A pass that proposes or reshapes candidates.
type Pass = fn(&Document<'_>, &mut Candidates, &mut Trace);

/// The proposing passes, in order.
pub(super) const PROPOSALS: &[(&str, Pass)] = &[
    ("tagger", propose_tagged),
    ("appositive speaker", propose_appositive_speakers),
    ("closing subject", propose_closing_subjects),
    ("subject of the cue", propose_cue_subjects),
    ("subject before content", propose_unmarked_subjects),
    ("source with its own cue", propose_cued),
    ("subject of a speech verb", propose_speech_subjects),
    ("quoted as saying", reported::propose_quoted),
];

/// The passes that merge, mend and split the candidates, in order.
pub(super) const SHAPING: &[(&str, Pass)] = &[
    ("merge", merge_nested),
    ("according to", reported::split_after_according_to),
    ("edges", mend_edges),
    ("coordination", split_coordinations),
];

fn record(trace: &mut Trace, pass: &'static str, spans: &[Span], from: usize) {
    trace.extend(spans[from..].iter().map(|&span| Step {
        pass,
        span,
        action: Action::Proposed,
    }));
}

/// The tagger's source spans, tidied; "Dr" + "Mirela Kosta" (a title's
/// full stop left out) and "A spokesman for the chamber, Rory Delacourt"
/// joined.
fn propose_tagged(doc: &Document<'_>, candidates: &mut Candidates, trace: &mut Trace) {
    let tokens = &doc.tokens;
    let mut tagged: Vec<Span> = Vec::new();
    for span in crate::tagger::spans(&doc.tags, 0) {
        match tagged.last_mut() {
            Some(previous)
                if span.0 == previous.1 + 2
                    && tokens[previous.1 + 1].text == "."
                    && TITLE_ABBREVIATIONS
                        .contains(&tokens[previous.1].text.to_lowercase().as_str()) =>
            {
                previous.1 = span.1;
            }
            _ => tagged.push(span),
        }
    }
    let spans = &mut candidates.spans;
    for span in tagged
        .into_iter()
        .filter_map(|span| tidy_source(tokens, &doc.tags, &doc.sentences, span))
    {
        // "A spokesman for the chamber, Rory Delacourt, told…" and
        // "Structural engineer Paul Arneson": one source.
        match spans.last_mut() {
            // Already inside "A filing to the stock exchange".
            Some(previous) if span.1 <= previous.1 => {}
            Some(previous)
                if span.0 == previous.1 + 2
                    && ((tokens[previous.1 + 1].text == "," && is_capitalised(tokens[span.0].text))
                        || role_between(tokens, &doc.tags, previous.1, span.0)) =>
            {
                previous.1 = span.1
            }
            _ => spans.push(span),
        }
    }
    record(trace, "tagger", spans, 0);
}

/// A speaker the tagger missed before a relative clause or an appositive:
/// "Ingvild Brekke of the University of Tromvik, who has studied…, said",
/// "Sam Orr, general secretary of the union, said".
fn propose_appositive_speakers(doc: &Document<'_>, candidates: &mut Candidates, trace: &mut Trace) {
    let (tokens, sentences) = (&doc.tokens, &doc.sentences);
    let from = candidates.spans.len();
    for &(cue, _) in &doc.cue_spans {
        if cue < 2
            || tokens[cue - 1].text != ","
            || doc.has_source_in(&candidates.spans, sentences[cue])
        {
            continue;
        }
        if let Some(span) = clause_antecedent(tokens, cue - 2, cue - 2)
            .or_else(|| name_opening_appositive(tokens, sentences, cue))
            .and_then(|span| tidy_source(tokens, &doc.tags, sentences, span))
        {
            candidates.spans.push(span);
        }
    }
    record(trace, "appositive speaker", &candidates.spans, from);
}

/// "…voted for the larger increase, the statement showed.": a short phrase
/// between a comma and a cue that ends the sentence is its source, whatever
/// the tagger took in the clause before. A reporting verb the tagger left
/// in the content counts too.
fn propose_closing_subjects(doc: &Document<'_>, candidates: &mut Candidates, trace: &mut Trace) {
    let tokens = &doc.tokens;
    let from = candidates.spans.len();
    let untagged_verbs = (0..tokens.len())
        .filter(|&i| {
            doc.tags[i].role() != Some(1)
                && tokens.get(i + 1).is_some_and(|t| t.text == ".")
                && REPORTING_VERBS.contains(&tokens[i].text.to_lowercase().as_str())
        })
        .map(|i| (i, i));
    for cue in doc.cue_spans.iter().copied().chain(untagged_verbs) {
        if let Some(span) = closing_subject(tokens, &doc.tags, cue)
            .and_then(|span| tidy_source(tokens, &doc.tags, &doc.sentences, span))
        {
            candidates.spans.push(span);
        }
    }
    record(trace, "closing subject", &candidates.spans, from);
}

/// "The water board closed three reservoirs on Thursday, saying…" and "The
/// harbour board on Tuesday said…": the sentence's subject says what the
/// cue reports, when the tagger marked no source.
fn propose_cue_subjects(doc: &Document<'_>, candidates: &mut Candidates, trace: &mut Trace) {
    let (tokens, sentences) = (&doc.tokens, &doc.sentences);
    let from = candidates.spans.len();
    for &(cue, _) in &doc.cue_spans {
        if doc.has_source_in(&candidates.spans, sentences[cue]) {
            continue;
        }
        if let Some(span) = saying_subject(tokens, sentences, cue)
            .or_else(|| subject_before(tokens, sentences, cue))
            .and_then(|span| tidy_source(tokens, &doc.tags, sentences, span))
        {
            candidates.spans.push(span);
        }
    }
    record(trace, "subject of the cue", &candidates.spans, from);
}

/// A subject the tagger missed before a reporting verb and what it
/// reports: "Analysts at Nordbank estimated in a note that…".
fn propose_unmarked_subjects(doc: &Document<'_>, candidates: &mut Candidates, trace: &mut Trace) {
    let (tokens, sentences) = (&doc.tokens, &doc.sentences);
    let from = candidates.spans.len();
    for &(content, _) in &doc.content_spans {
        if doc.has_source_in(&candidates.spans, sentences[content]) {
            continue;
        }
        if let Some(span) = unmarked_subject(tokens, sentences, content)
            .and_then(|span| tidy_source(tokens, &doc.tags, sentences, span))
        {
            candidates.spans.push(span);
        }
    }
    record(trace, "subject before content", &candidates.spans, from);
}

/// Sources inside a clause with their own cue ("what prosecutors called"),
/// and polls with the verb of their finding ("polls showing…").
fn propose_cued(doc: &Document<'_>, candidates: &mut Candidates, trace: &mut Trace) {
    let tokens = &doc.tokens;
    let spans = &candidates.spans;
    let cued: Vec<(Span, Span)> = (0..tokens.len())
        .filter_map(|i| source_in_clause(tokens, i))
        .chain(
            (0..tokens.len())
                .filter_map(|i| poll_finding(tokens, &doc.sentences, i))
                .filter(|((first, last), _)| {
                    // "The average of polls taken… shows": part of a source
                    // already; but "Polls" tagged alone is the finding's.
                    !spans.iter().any(|s| {
                        let overlaps = s.0 <= *last && *first <= s.1;
                        let within = *first <= s.0 && s.1 <= *last;
                        overlaps && !within
                    })
                }),
        )
        .collect();
    let proposed: Vec<Span> = cued.iter().map(|(span, _)| *span).collect();
    record(trace, "source with its own cue", &proposed, 0);
    candidates.cued = cued;
}

/// "This came after the US government last week formally accused…": the
/// subject of a strong verb of speech, where no source holds it.
fn propose_speech_subjects(doc: &Document<'_>, candidates: &mut Candidates, trace: &mut Trace) {
    let found: Vec<(Span, Span)> = (0..doc.tokens.len())
        .filter_map(|verb| {
            let span = subject::speech_subject(&doc.tokens, &doc.quoted, verb)?;
            let covered = candidates
                .spans
                .iter()
                .chain(candidates.cued.iter().map(|(s, _)| s))
                .any(|s| s.0 <= span.0 && span.1 <= s.1);
            (!covered).then_some((span, (verb, verb)))
        })
        .collect();
    let proposed: Vec<Span> = found.iter().map(|(span, _)| *span).collect();
    record(trace, "subject of a speech verb", &proposed, 0);
    candidates.cued.extend(found);
}

/// All candidates in text order, once each, none inside another.
fn merge_nested(_: &Document<'_>, candidates: &mut Candidates, trace: &mut Trace) {
    let spans = &mut candidates.spans;
    spans.extend(candidates.cued.iter().map(|(span, _)| *span));
    spans.sort_unstable();
    spans.dedup();
    let all = spans.clone();
    drop_nested(spans);
    trace.extend(all.into_iter().filter(|s| !spans.contains(s)).map(|span| Step {
        pass: "merge",
        span,
        action: Action::Dropped("inside a longer candidate"),
    }));
}

/// "Berlin last month", "Is Turkey", "John F": edges mended.
fn mend_edges(doc: &Document<'_>, candidates: &mut Candidates, trace: &mut Trace) {
    let mut mended = Vec::with_capacity(candidates.spans.len());
    for span in std::mem::take(&mut candidates.spans) {
        match edges::mend(&doc.tokens, span) {
            Some(new) => {
                if new != span {
                    trace.push(Step {
                        pass: "edges",
                        span: new,
                        action: Action::Mended(span),
                    });
                }
                mended.push(new);
            }
            None => trace.push(Step {
                pass: "edges",
                span,
                action: Action::Dropped("names nobody (a quantity, a clause's opening word)"),
            }),
        }
    }
    for (span, _) in &mut candidates.cued {
        *span = edges::mend(&doc.tokens, *span).unwrap_or(*span);
    }
    mended.dedup();
    candidates.spans = mended;
}

/// "Germany and Belgium said": two sources, each with the cue.
fn split_coordinations(doc: &Document<'_>, candidates: &mut Candidates, trace: &mut Trace) {
    for span in std::mem::take(&mut candidates.spans) {
        match coordination::conjuncts(&doc.tokens, doc.text, span) {
            Some(parts) => {
                if let Some(&(_, cue)) = candidates.cued.iter().find(|(s, _)| *s == span) {
                    candidates.cued.extend(parts.iter().map(|&part| (part, cue)));
                }
                trace.push(Step {
                    pass: "coordination",
                    span,
                    action: Action::Split,
                });
                candidates.spans.extend(parts);
                candidates.coordinations.push(parts);
            }
            None => candidates.spans.push(span),
        }
    }
}

/// Runs every pass over a document: the sources, and the trace of what
/// each pass did.
pub(super) fn run(doc: &Document<'_>) -> (Analysis, Trace) {
    let text = doc.text;
    let mut candidates = Candidates::default();
    let mut trace = Trace::new();
    for (_, pass) in PROPOSALS.iter().chain(SHAPING) {
        pass(doc, &mut candidates, &mut trace);
    }
    let mentions = mentions::pair(doc, &candidates, &mut trace);
    let resolved = mentions::resolve_they(doc, &candidates, mentions);
    let mut sources = group(text, &doc.tokens, &doc.sentences, resolved);
    // "The Turkish leader" is the Turkish president the article named.
    roles::join_described(&mut sources);
    (Analysis { sources }, trace)
}
