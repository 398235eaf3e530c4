//! Passes for what a medium or a document reports someone said: "the
//! agency quoted Defence Minister Sergei Shoigu as saying…", and "According
//! to the Interfax news agency, a senior defence official said…", where the
//! tagger runs the medium and the official into one source.

use super::document::{Document, Span};
use super::pipeline::{Action, Candidates, Step, Trace};
use super::*;

/// The longest name between "quoted" and "as saying", in tokens.
const MAX_QUOTED_NAME_TOKENS: usize = 10;

/// The person a medium quoted, and the cue "as saying": "quoted Defence
/// Minister Sergei Shoigu as saying that…".
pub(super) fn quoted_as_saying(tokens: &[Token<'_>], at: usize) -> Option<(Span, Span)> {
    if !matches!(tokens[at].text, "quoted" | "quotes" | "quoting" | "cited" | "cites") {
        return None;
    }
    let as_at = (at + 2..tokens.len().min(at + 2 + MAX_QUOTED_NAME_TOKENS))
        .find(|&i| tokens[i].text == "as")?;
    let verb = tokens.get(as_at + 1)?.text;
    if !matches!(verb, "saying" | "telling" | "stating" | "warning" | "adding") {
        return None;
    }
    let name = &tokens[at + 1..as_at];
    let words = name
        .iter()
        .all(|t| t.text.chars().all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '’' | '\'')));
    (words && name.iter().any(|t| is_capitalised(t.text)))
        .then_some(((at + 1, as_at - 1), (as_at, as_at + 1)))
}

/// Proposes every person a medium quoted as saying something.
pub(super) fn propose_quoted(doc: &Document<'_>, candidates: &mut Candidates, trace: &mut Trace) {
    for (span, cue) in (0..doc.tokens.len()).filter_map(|i| quoted_as_saying(&doc.tokens, i)) {
        trace.push(Step {
            pass: "quoted as saying",
            span,
            action: Action::Proposed,
        });
        candidates.cued.push((span, cue));
    }
}

/// "According to the Interfax news agency, a senior defence official
/// said": a source after "according to" ends at its comma, and what follows
/// the comma up to the next cue is a source of its own.
pub(super) fn split_after_according_to(
    doc: &Document<'_>,
    candidates: &mut Candidates,
    trace: &mut Trace,
) {
    let tokens = &doc.tokens;
    let according = |first: usize| {
        first >= 2
            && tokens[first - 2].text.eq_ignore_ascii_case("according")
            && tokens[first - 1].text == "to"
    };
    for span in std::mem::take(&mut candidates.spans) {
        let (first, last) = span;
        let comma = (first + 1..last).find(|&i| tokens[i].text == ",");
        let cue_follows = doc.cue_spans.iter().any(|c| c.0 == last + 1);
        match comma {
            Some(comma) if according(first) && cue_follows => {
                trace.push(Step {
                    pass: "according to",
                    span,
                    action: Action::Split,
                });
                candidates.spans.push((first, comma - 1));
                candidates.spans.push((comma + 1, last));
            }
            _ => candidates.spans.push(span),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::analyze;

    fn found(text: &str) -> Vec<(String, String)> {
        analyze(text)
            .sources
            .into_iter()
            .map(|s| {
                let cue = s.mentions[0].cue.as_ref().map(|c| c.text.clone()).unwrap_or_default();
                (s.name, cue)
            })
            .collect()
    }

    #[test]
    fn whom_a_medium_quoted_as_saying_is_a_source_too() {
        let text = "Drones\n\nThe state-run RIA news agency quoted Defence Minister Sergei Shoigu as \
                    saying that air defences had shot down 12 drones.";
        let sources = found(text);
        assert!(
            sources.contains(&("Sergei Shoigu".to_string(), "as saying".to_string())),
            "{sources:?}"
        );
    }

    #[test]
    fn the_medium_after_according_to_and_the_speaker_after_its_comma_are_two() {
        let text = "Drones\n\nAccording to the Interfax news agency, a senior defence official said \
                    the strikes had been carried out by saboteurs.";
        let names: Vec<String> = found(text).into_iter().map(|(name, _)| name).collect();
        assert_eq!(names.len(), 2, "{names:?}");
        assert!(names[0].contains("Interfax"), "{names:?}");
        assert!(names[1].contains("official"), "{names:?}");
    }
}
