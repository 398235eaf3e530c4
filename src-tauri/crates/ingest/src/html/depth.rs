//! How deeply a page nests its elements, measured before it is parsed.
//!
//! The HTML parser and the extraction crates walk the element tree, some of
//! them recursively and some in time that grows with the square of the
//! depth: a page of 100,000 nested `<div>`s ran for a minute and then
//! overflowed the stack. Real articles nest a few dozen levels (the deepest
//! of the 181 benchmark pages nests well under [`MAX_NESTING`]); a page
//! deeper than that is refused by name before any tree is built.
//!
//! The scan is a single pass over the bytes with no recursion. It counts
//! only elements that the parser keeps open until their end tag: elements
//! closed implicitly (`<p>`, `<li>`, `<td>`, `<option>`…), void elements
//! and self-closed tags do not count, so sloppy but ordinary pages are not
//! mistaken for deep ones. Comments and the raw text of `<script>`,
//! `<style>`, `<textarea>` and `<title>` are skipped.

/// The deepest nesting of elements a page may have.
pub const MAX_NESTING: usize = 1_000;

/// Elements whose end tag the parser may imply, or which have none.
const NOT_COUNTED: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "tbody", "thead", "tfoot", "option", "optgroup",
    "rp", "rt", "colgroup", "caption", "html", "head", "body", "area", "base", "br", "col",
    "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param", "keygen",
];

/// Elements whose content is raw text up to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript"];

/// The deepest nesting of counted elements in `html`, stopping early once
/// it passes `cap`.
pub fn max_nesting(html: &str, cap: usize) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut at) = (0usize, 0usize, 0usize);
    while let Some(offset) = memchr(b'<', &bytes[at..]) {
        at += offset + 1;
        if bytes[at..].starts_with(b"!--") {
            at = find(bytes, at + 3, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let closing = bytes.get(at) == Some(&b'/');
        let name_start = at + usize::from(closing);
        let name_end = bytes[name_start..]
            .iter()
            .position(|b| !b.is_ascii_alphanumeric())
            .map_or(bytes.len(), |n| name_start + n);
        if name_end == name_start {
            continue;
        }
        let name = html[name_start..name_end].to_ascii_lowercase();
        let tag_end = memchr(b'>', &bytes[name_end..]).map_or(bytes.len(), |n| name_end + n);
        let self_closed = tag_end > name_end && bytes[tag_end - 1] == b'/';
        at = tag_end;
        if closing {
            if !NOT_COUNTED.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        if RAW_TEXT.contains(&name.as_str()) {
            let end_tag = format!("</{name}");
            at = find_ignoring_case(bytes, at, end_tag.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if self_closed || NOT_COUNTED.contains(&name.as_str()) {
            continue;
        }
        depth += 1;
        deepest = deepest.max(depth);
        if deepest > cap {
            break;
        }
    }
    deepest
}

fn memchr(needle: u8, haystack: &[u8]) -> Option<usize> {
    haystack.iter().position(|&b| b == needle)
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|n| from + n)
}

fn find_ignoring_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|n| from + n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_the_deepest_chain_of_open_elements() {
        let html = "<html><body><div><section><div>a</div></section><div>b</div></div></body></html>";
        assert_eq!(max_nesting(html, 100), 3);
    }

    #[test]
    fn implied_and_void_elements_do_not_deepen_a_page() {
        let html = format!("<div>{}</div>", "<p>one<li>two<br><img src=x><input/>".repeat(500));
        assert_eq!(max_nesting(&html, 100), 1);
    }

    #[test]
    fn comments_and_scripts_are_not_markup() {
        let html = format!(
            "<div><!-- {} --><script>{}</script></div>",
            "<div>".repeat(50),
            "var s = '<div><div><div>';".repeat(50)
        );
        assert_eq!(max_nesting(&html, 100), 1);
    }

    #[test]
    fn stops_counting_past_the_cap() {
        let html = "<div>".repeat(100_000);
        assert_eq!(max_nesting(&html, 1_000), 1_001);
    }
}
