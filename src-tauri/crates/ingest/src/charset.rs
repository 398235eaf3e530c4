//! Decoding web pages to text: BOM first, then the HTTP header, then the
//! page's own `<meta>` declaration, then statistical detection.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

/// How far into a page the `<meta>` charset declaration is looked for. The
/// HTML standard's prescan reads 1024 bytes; real pages put long scripts and
/// comments first, so read more.
const META_PRESCAN_BYTES: usize = 8192;

/// The text of an HTML page and the encoding it was decoded with.
pub fn decode_html(
    bytes: &[u8],
    content_type: Option<&str>,
    top_level_domain: Option<&str>,
) -> (String, &'static Encoding) {
    let declared = || {
        content_type
            .and_then(charset_param)
            .and_then(html_label)
            .or_else(|| meta_charset(&bytes[..bytes.len().min(META_PRESCAN_BYTES)]))
            // Servers often claim UTF-8 for pages in a legacy encoding; a
            // claim the bytes break is not believed.
            .filter(|e| *e != UTF_8 || std::str::from_utf8(bytes).is_ok())
    };
    let encoding = Encoding::for_bom(bytes)
        .map(|(encoding, _)| encoding)
        .or_else(declared)
        .unwrap_or_else(|| detect(bytes, top_level_domain));
    // `decode` removes a BOM and replaces malformed sequences with U+FFFD.
    let (text, used, _) = encoding.decode(bytes);
    (text.into_owned(), used)
}

/// Decodes text that should be UTF-8 but may not be (old text files).
pub fn decode_text(bytes: &[u8]) -> (String, &'static Encoding) {
    if let Some((encoding, _)) = Encoding::for_bom(bytes) {
        let (text, used, _) = encoding.decode(bytes);
        return (text.into_owned(), used);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), UTF_8),
        Err(_) => {
            let encoding = detect(bytes, None);
            let (text, used, _) = encoding.decode(bytes);
            (text.into_owned(), used)
        }
    }
}

/// An encoding label as HTML understands it; a page cannot declare itself
/// UTF-16 in ASCII, so such a declaration means UTF-8.
fn html_label(label: &str) -> Option<&'static Encoding> {
    let encoding = Encoding::for_label(label.trim().as_bytes())?;
    Some(if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else {
        encoding
    })
}

fn charset_param(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|param| {
        let (key, value) = param.split_once('=')?;
        key.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches(['"', '\'']))
    })
}

/// Finds `<meta charset=…>` or `<meta http-equiv=Content-Type content="…charset=…">`.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(head).to_ascii_lowercase();
    let mut rest = head.as_str();
    while let Some(start) = rest.find("<meta") {
        let tag_end = rest[start..].find('>').map_or(rest.len(), |e| start + e);
        let tag = &rest[start..tag_end];
        if let Some(pos) = tag.find("charset") {
            let after = tag[pos + "charset".len()..].trim_start();
            if let Some(value) = after.strip_prefix('=') {
                let value = value.trim_start().trim_start_matches(['"', '\'']);
                let label: String = value
                    .chars()
                    .take_while(|c| !matches!(c, '"' | '\'' | ';' | ' ' | '/' | '>'))
                    .collect();
                if let Some(encoding) = html_label(&label) {
                    return Some(encoding);
                }
            }
        }
        rest = &rest[tag_end..];
    }
    None
}

fn detect(bytes: &[u8], top_level_domain: Option<&str>) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(top_level_domain.map(str::as_bytes), true)
}

#[cfg(test)]
mod tests {
    use super::*;

    const RUSSIAN: &str = "Министр иностранных дел заявил журналистам, что переговоры продолжатся.";

    fn page(body: &str) -> String {
        format!("<html><head><title>t</title></head><body><p>{body}</p></body></html>")
    }

    #[test]
    fn an_undeclared_windows_1251_page_is_detected() {
        let html = page(RUSSIAN);
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
        let (text, encoding) = decode_html(&bytes, None, None);
        assert_eq!(encoding, encoding_rs::WINDOWS_1251);
        assert!(text.contains(RUSSIAN));
    }

    #[test]
    fn a_windows_1256_page_declared_in_meta_is_decoded() {
        let arabic = "قال المتحدث باسم الوزارة إن المحادثات ستستمر غدا.";
        let html = format!(
            "<html><head><meta charset=\"windows-1256\"></head><body><p>{arabic}</p></body></html>"
        );
        let (bytes, _, _) = encoding_rs::WINDOWS_1256.encode(&html);
        let (text, encoding) = decode_html(&bytes, None, None);
        assert_eq!(encoding, encoding_rs::WINDOWS_1256);
        assert!(text.contains(arabic));
    }

    #[test]
    fn a_shift_jis_page_declared_by_http_equiv_is_decoded() {
        let japanese = "外務省の報道官は、協議は明日も続くと述べた。";
        let html = format!(
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>{japanese}</p></body></html>"
        );
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(&html);
        let (text, encoding) = decode_html(&bytes, None, None);
        assert_eq!(encoding, encoding_rs::SHIFT_JIS);
        assert!(text.contains(japanese));
    }

    #[test]
    fn the_http_header_wins_over_the_meta_tag() {
        let html = format!(
            "<html><head><meta charset=\"utf-8\"></head><body><p>{RUSSIAN}</p></body></html>"
        );
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
        let (text, encoding) = decode_html(&bytes, Some("text/html; charset=windows-1251"), None);
        assert_eq!(encoding, encoding_rs::WINDOWS_1251);
        assert!(text.contains(RUSSIAN));
    }

    #[test]
    fn a_bom_wins_over_everything() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice(page("“Curly” — quotes").as_bytes());
        let (text, encoding) = decode_html(&bytes, Some("text/html; charset=iso-8859-1"), None);
        assert_eq!(encoding, UTF_8);
        assert!(text.contains("“Curly” — quotes"));
        assert!(!text.starts_with('\u{feff}'));
    }

    #[test]
    fn a_text_file_that_is_not_utf8_is_detected() {
        let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(RUSSIAN);
        assert_eq!(decode_text(&bytes).0, RUSSIAN);
        assert_eq!(decode_text(RUSSIAN.as_bytes()).0, RUSSIAN);
    }
}
