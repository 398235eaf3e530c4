//! The offsets in `analyze --json` index the text file the researcher gave,
//! whatever the file holds: combining marks, emoji, right-to-left text,
//! CRLF, NUL, and bytes that are not UTF-8 at all (a lone surrogate as
//! WTF-8 writes it). The JSON must stay valid for any reader, so nothing
//! unpaired or raw may reach it.

use proptest::prelude::*;
use serde_json::Value;

use crate::Sandbox;

const SENTENCES: &[&str] = &[
    "“We will not back down,” said Maria Keller, the union's leader.",
    "The minister said the talks would resume on Tuesday.",
];

const AWKWARD: &[&[u8]] = &[
    "e\u{301}".as_bytes(),
    "\u{1F600}".as_bytes(),
    "\u{5E9}\u{5DC}\u{5D5}\u{5DD}".as_bytes(),
    "\u{202E}".as_bytes(),
    b"\r\n",
    b"\0",
    b"\xED\xA0\x80", // a lone high surrogate, as WTF-8 encodes it
];

fn file() -> impl Strategy<Value = Vec<u8>> {
    prop::collection::vec(
        prop_oneof![
            prop::sample::select(SENTENCES).prop_map(|s| s.as_bytes().to_vec()),
            prop::sample::select(AWKWARD).prop_map(<[u8]>::to_vec),
        ],
        1..8,
    )
    .prop_map(|parts| parts.join(&b' '))
}

/// The chars `[start, end)` of `text`.
fn slice(text: &[char], span: &Value) -> Option<String> {
    let (start, end) = (
        span["start"].as_u64()? as usize,
        span["end"].as_u64()? as usize,
    );
    (start <= end && end <= text.len()).then(|| text[start..end].iter().collect())
}

proptest! {
    // Each case runs the binary; a few dozen are enough to mix every piece.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn analyze_json_offsets_index_the_text_file(bytes in file()) {
        let sandbox = Sandbox::new();
        let path = sandbox.dir.path().join("story.txt");
        std::fs::write(&path, &bytes).unwrap();
        let output = sandbox.run(&["analyze", "--json", path.to_str().unwrap()]);
        let json = String::from_utf8(output.stdout).expect("the JSON is UTF-8");
        let document: Value = serde_json::from_str(&json).expect("the output is valid JSON");
        prop_assert!(!json.contains('\0'), "a raw NUL in the JSON");
        // The body text the offsets count in: for a UTF-8 file the file
        // itself; for any other, the text `extract` decodes it to.
        let extracted = sandbox.run(&["extract", "--json", path.to_str().unwrap()]);
        if !extracted.status.success() {
            // Refused (a NUL byte makes it binary): refused by analyze too,
            // with the file named, and nothing analysed.
            prop_assert_eq!(document["articles"].as_array().map(Vec::len), Some(0));
            prop_assert_eq!(document["errors"][0]["path"].as_str(), path.to_str());
            return Ok(());
        }
        let extracted: Value = serde_json::from_slice(&extracted.stdout).expect("extract gives valid JSON");
        let body = extracted["text"].as_str().unwrap_or_default().to_string();
        if let Ok(utf8) = std::str::from_utf8(&bytes) {
            prop_assert_eq!(&body, utf8, "a UTF-8 text file is its own body text");
        }
        let text: Vec<char> = body.chars().collect();
        for article in document["articles"].as_array().into_iter().flatten() {
            for source in article["sources"].as_array().unwrap() {
                for mention in source["mentions"].as_array().unwrap() {
                    prop_assert_eq!(slice(&text, mention), mention["text"].as_str().map(str::to_string));
                    if !mention["cue"].is_null() {
                        prop_assert_eq!(slice(&text, &mention["cue"]), mention["cue"]["text"].as_str().map(str::to_string));
                    }
                }
            }
        }
    }
}
