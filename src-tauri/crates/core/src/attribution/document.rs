//! The document model every pass reads: the text, its tokens, the tagger's
//! tags and spans, the quotation marks and the sentences, built once per
//! article.

use super::*;

/// A token span, first and last token inclusive.
pub(super) type Span = (usize, usize);

/// An article as the passes see it.
pub(super) struct Document<'t> {
    /// The body text, exactly as given.
    pub text: &'t str,
    /// Its words and punctuation marks.
    pub tokens: Vec<Token<'t>>,
    /// The tagger's role for each token.
    pub tags: Vec<Tag>,
    /// Whether each token is inside quotation marks.
    pub quoted: Vec<bool>,
    /// The sentence each token is in.
    pub sentences: Vec<usize>,
    /// The char where a headline opening the text ends (0 without one).
    pub headline_end: usize,
    /// The cue spans the tagger marked.
    pub cue_spans: Vec<Span>,
    /// The content spans the tagger marked.
    pub content_spans: Vec<Span>,
}

impl<'t> Document<'t> {
    /// Tokenises and tags `text`.
    pub fn new(text: &'t str) -> Self {
        let tokens = tokenize(text);
        // "…, insurers say" / "The Coastal Insurance Federation said": tagged
        // apart, a headline does not run on into the story's first words.
        let headline_end = headline_end(text);
        let body = tokens
            .iter()
            .position(|t| t.span.start >= headline_end)
            .unwrap_or(tokens.len());
        let mut tags = model().tag(&tokens[..body]);
        tags.extend(model().tag(&tokens[body..]));
        let quoted = inside_quotes(&tokens);
        let sentences = sentence_ids(&tokens);
        let cue_spans = crate::tagger::spans(&tags, 1);
        let content_spans = crate::tagger::spans(&tags, 2);
        Document {
            text,
            tokens,
            tags,
            quoted,
            sentences,
            headline_end,
            cue_spans,
            content_spans,
        }
    }

    /// The chars a token span covers.
    pub fn chars(&self, (first, last): Span) -> CharSpan {
        CharSpan::new(self.tokens[first].span.start, self.tokens[last].span.end)
    }

    /// The text a token span covers.
    pub fn slice(&self, span: Span) -> &'t str {
        self.chars(span).slice(self.text).unwrap_or_default()
    }

    /// The span as a piece of the text.
    pub fn piece(&self, span: Span) -> Piece {
        let chars = self.chars(span);
        Piece {
            start: chars.start,
            end: chars.end,
            text: self.slice(span).to_string(),
        }
    }

    /// Whether a source span already holds a token of sentence `sentence`.
    pub fn has_source_in(&self, spans: &[Span], sentence: usize) -> bool {
        spans.iter().any(|s| self.sentences[s.0] == sentence)
    }
}
