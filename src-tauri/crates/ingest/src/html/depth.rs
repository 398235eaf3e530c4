//! How deeply a page nests its elements, measured before it is parsed.
//!
//! The HTML parser and the extraction crates walk the element tree, some of
//! them recursively and some in time that grows with the square of the
//! depth: a page of 100,000 nested `<div>`s ran for a minute and then
//! overflowed the stack. Real articles nest a few dozen levels (the deepest
//! of the 181 benchmark pages nests well under [`MAX_NESTING`]); a page
//! deeper than that is refused by name before any tree is built.
//!
//! The same pass counts the page's elements, which are limited too
//! ([`crate::limits::MAX_ELEMENTS`]).
//!
//! The scan is a single pass over the bytes with no recursion. Its depth
//! counts only elements that the parser keeps open until their end tag:
//! elements closed implicitly (`<p>`, `<li>`, `<td>`, `<option>`…), void
//! elements and self-closed tags do not count, so sloppy but ordinary pages
//! are not mistaken for deep ones. Comments and the raw text of `<script>`,
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

/// How a page is built, as far as its limits go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The deepest nesting of elements that stay open until their end tag.
    pub deepest: usize,
    /// The number of elements (start tags).
    pub elements: usize,
}

/// The shape of `html`, stopping early once the depth passes `max_depth`
/// or the element count passes `max_elements`.
pub fn shape(html: &str, max_depth: usize, max_elements: usize) -> Shape {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut elements, mut at) = (0usize, 0usize, 0usize, 0usize);
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
        elements += 1;
        if elements > max_elements {
            break;
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
        if deepest > max_depth {
            break;
        }
    }
    Shape { deepest, elements }
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
        let html =
            "<html><body><div><section><div>a</div></section><div>b</div></div></body></html>";
        assert_eq!(shape(html, 100, 100).deepest, 3);
    }

    #[test]
    fn implied_and_void_elements_do_not_deepen_a_page() {
        let html = format!(
            "<div>{}</div>",
            "<p>one<li>two<br><img src=x><input/>".repeat(500)
        );
        assert_eq!(shape(&html, 100, 10_000).deepest, 1);
    }

    #[test]
    fn comments_and_scripts_are_not_markup() {
        let html = format!(
            "<div><!-- {} --><script>{}</script></div>",
            "<div>".repeat(50),
            "var s = '<div><div><div>';".repeat(50)
        );
        assert_eq!(
            shape(&html, 100, 100),
            Shape {
                deepest: 1,
                elements: 2
            }
        );
    }

    #[test]
    fn stops_counting_past_the_depth_cap() {
        let html = "<div>".repeat(100_000);
        assert_eq!(shape(&html, 1_000, 1_000_000).deepest, 1_001);
    }

    #[test]
    fn counts_every_element_and_stops_past_the_element_cap() {
        let html = "<p>one<br><img src=x><b>two</b>".repeat(10);
        assert_eq!(shape(&html, 100, 1_000).elements, 40);
        assert_eq!(shape(&"<p>x".repeat(100_000), 100, 5_000).elements, 5_001);
    }
}
