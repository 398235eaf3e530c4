//! Attribution on arbitrary text. Beyond not panicking, every offset it
//! reports must index the text: researchers and the UI slice the body by
//! these offsets, so one past the end or off a char would show the wrong
//! words or crash the viewer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use sourcelens_core::attribution::{analyze, Piece};

fn assert_indexes(chars: &[char], piece: &Piece) {
    assert!(
        piece.start <= piece.end && piece.end <= chars.len(),
        "{piece:?} is outside the text"
    );
    let covered: String = chars[piece.start..piece.end].iter().collect();
    assert_eq!(covered, piece.text, "{piece:?} does not cover its own text");
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let chars: Vec<char> = text.chars().collect();
    for source in analyze(&text).sources {
        for mention in source.mentions {
            assert_indexes(&chars, &mention.source);
            if let Some(cue) = &mention.cue {
                assert_indexes(&chars, cue);
            }
            if let Some(content) = mention.content {
                assert!(content.start <= content.end && content.end <= chars.len());
            }
        }
    }
});
