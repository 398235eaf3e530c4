//! Properties of `analyze` that researchers rely on, on text built from the
//! things that break char offsets: combining marks, emoji (outside the
//! Basic Multilingual Plane, so two UTF-16 units in the UI), right-to-left
//! text, CRLF line ends and NUL, mixed into sentences that do have sources.

use proptest::prelude::*;
use sourcelens_core::attribution::{analyze, Piece};

/// Sentences with a source, a cue and content, so that mentions exist.
const SENTENCES: &[&str] = &[
    "The minister said the talks would resume on Tuesday.",
    "“We will not back down,” said Maria Keller, the union's leader.",
    "According to the port authority, the pier was damaged.",
    "Officials told reporters that the border stayed closed.",
    "He added that the report was incomplete.",
];

/// Pieces that are awkward for offsets.
const AWKWARD: &[&str] = &[
    "e\u{301}",                                                         // e + combining acute
    "\u{1F600}",                                                        // emoji, outside the BMP
    "\u{1F469}\u{200D}\u{1F52C}",                                       // emoji joined by ZWJ
    "\u{5E9}\u{5DC}\u{5D5}\u{5DD}",                                     // Hebrew
    "\u{627}\u{644}\u{648}\u{632}\u{64A}\u{631} \u{642}\u{627}\u{644}", // Arabic
    "\u{202E}",                                                         // right-to-left override
    "\r\n",
    "\0",
    "\u{FEFF}",
    "\u{2028}",
    " ",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(SENTENCES).prop_map(str::to_string),
            prop::sample::select(AWKWARD).prop_map(str::to_string),
            any::<String>(),
        ],
        0..12,
    )
    .prop_map(|parts| parts.join(" "))
}

fn covered(chars: &[char], piece: &Piece) -> Option<String> {
    (piece.start <= piece.end && piece.end <= chars.len())
        .then(|| chars[piece.start..piece.end].iter().collect())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn every_mention_and_cue_indexes_the_text_it_names(text in text()) {
        let chars: Vec<char> = text.chars().collect();
        for source in analyze(&text).sources {
            for mention in &source.mentions {
                prop_assert_eq!(covered(&chars, &mention.source), Some(mention.source.text.clone()));
                if let Some(cue) = &mention.cue {
                    prop_assert_eq!(covered(&chars, cue), Some(cue.text.clone()));
                }
                if let Some(content) = mention.content {
                    prop_assert!(content.start <= content.end && content.end <= chars.len());
                }
            }
        }
    }

    #[test]
    fn analyze_gives_the_same_analysis_twice(text in text()) {
        prop_assert_eq!(analyze(&text), analyze(&text));
    }
}

/// The generator must reach mentions, or the offset property above would
/// hold of nothing: one awkward text is checked by hand.
#[test]
fn awkward_text_around_a_quote_still_has_its_source_at_the_right_chars() {
    let text = format!("{}\r\n\u{1F600} e\u{301}\0 {}", AWKWARD[3], SENTENCES[1]);
    let chars: Vec<char> = text.chars().collect();
    let analysis = analyze(&text);
    let mention = analysis
        .sources
        .iter()
        .flat_map(|s| &s.mentions)
        .find(|m| m.source.text.contains("Keller"))
        .expect("Maria Keller is found as a source");
    assert_eq!(
        covered(&chars, &mention.source),
        Some(mention.source.text.clone())
    );
}
