//! Turns an HTML fragment into plain-text paragraphs.
//!
//! Extractors hand back the article as HTML; researchers need text whose
//! paragraphs survive, because quotes and attributions are read paragraph by
//! paragraph. Block elements end a paragraph, `<br>` ends a line, and runs of
//! white space inside a paragraph become one space.

use scraper::{ElementRef, Html, Node};

/// Elements after which a new paragraph starts.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "header"
            | "footer"
            | "aside"
            | "nav"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "table"
            | "thead"
            | "tbody"
            | "tr"
            | "figure"
            | "figcaption"
            | "hr"
            | "address"
            | "details"
            | "summary"
            | "center"
    )
}

/// Elements whose text is never article text.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script" | "style" | "noscript" | "template" | "head" | "svg" | "button"
    )
}

/// The paragraphs of an HTML fragment, each trimmed and non-empty.
pub fn paragraphs(html: &str) -> Vec<String> {
    let fragment = Html::parse_fragment(html);
    let mut out = Paragraphs::default();
    out.walk(fragment.root_element());
    out.finish()
}

#[derive(Default)]
struct Paragraphs {
    done: Vec<String>,
    current: String,
}

impl Paragraphs {
    fn walk(&mut self, element: ElementRef<'_>) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.push_text(text),
                Node::Element(el) => {
                    let name = el.name();
                    if is_skipped(name) {
                        continue;
                    }
                    if name == "br" {
                        self.current.push('\n');
                        continue;
                    }
                    let block = is_block(name);
                    if block {
                        self.break_paragraph();
                    } else if matches!(name, "td" | "th") {
                        self.push_text(" ");
                    }
                    if let Some(child_element) = ElementRef::wrap(child) {
                        self.walk(child_element);
                    }
                    if block {
                        self.break_paragraph();
                    }
                }
                _ => {}
            }
        }
    }

    /// Source line breaks are white space in HTML; only `<br>` breaks a line.
    fn push_text(&mut self, text: &str) {
        self.current.extend(
            text.chars()
                .map(|c| if c == '\n' || c == '\r' { ' ' } else { c }),
        );
    }

    fn break_paragraph(&mut self) {
        let lines: Vec<String> = self
            .current
            .split('\n')
            .map(|line| line.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|line| !line.is_empty())
            .collect();
        if !lines.is_empty() {
            self.done.push(lines.join("\n"));
        }
        self.current.clear();
    }

    fn finish(mut self) -> Vec<String> {
        self.break_paragraph();
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn block_elements_become_paragraphs_and_inline_ones_do_not() {
        let html = "<h1>Port closed</h1><p>The <b>ministry</b> said\n   it would   reopen.</p>\
                    <blockquote><p>“Not before Friday,” an official said.</p></blockquote>";
        assert_eq!(
            paragraphs(html),
            [
                "Port closed",
                "The ministry said it would reopen.",
                "“Not before Friday,” an official said."
            ]
        );
    }

    #[test]
    fn a_line_break_stays_inside_its_paragraph() {
        assert_eq!(
            paragraphs("<p>First line<br>second line</p>"),
            ["First line\nsecond line"]
        );
    }

    #[test]
    fn scripts_and_styles_are_not_text() {
        let html = "<p>Kept</p><script>var x = 1;</script><style>p{}</style>";
        assert_eq!(paragraphs(html), ["Kept"]);
    }

    #[test]
    fn table_cells_are_separated_by_a_space() {
        assert_eq!(
            paragraphs("<table><tr><td>a</td><td>b</td></tr></table>"),
            ["a b"]
        );
    }
}
