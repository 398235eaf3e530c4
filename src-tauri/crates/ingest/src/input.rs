use std::path::PathBuf;

use url::Url;

/// One thing a researcher wants imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A web page to fetch; always http or https.
    Url(Url),
    /// A file on the local disk.
    File(PathBuf),
}

/// Why an input cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// The input was empty or only white space.
    #[error("The input is empty: give a file path or an http(s) address.")]
    Empty,
    /// A URL with a scheme SourceLens does not fetch.
    #[error("{input} is a {scheme}: address; SourceLens only fetches http and https pages.")]
    UnsupportedScheme {
        /// The input as given.
        input: String,
        /// Its scheme.
        scheme: String,
    },
    /// Looked like a web address but is not a valid one.
    #[error("{input} is not a valid web address: {reason}")]
    BadUrl {
        /// The input as given.
        input: String,
        /// What the URL parser reported.
        reason: String,
    },
}

impl Input {
    /// Reads a command-line argument or dropped item as a URL or a path.
    ///
    /// Anything with a scheme (`word:` followed by `//`) is treated as an
    /// address; everything else is a path, so Windows drive letters and file
    /// names with colons stay paths.
    pub fn parse(raw: &str) -> Result<Input, InputError> {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            return Err(InputError::Empty);
        }
        let Some((scheme, rest)) = trimmed.split_once(':') else {
            return Ok(Input::File(PathBuf::from(raw)));
        };
        let looks_like_scheme = scheme.len() > 1
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            && rest.starts_with("//");
        if !looks_like_scheme {
            return Ok(Input::File(PathBuf::from(raw)));
        }
        let url = Url::parse(trimmed).map_err(|e| InputError::BadUrl {
            input: trimmed.to_string(),
            reason: e.to_string(),
        })?;
        match url.scheme() {
            "http" | "https" => Ok(Input::Url(url)),
            other => Err(InputError::UnsupportedScheme {
                input: trimmed.to_string(),
                scheme: other.to_string(),
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_and_https_addresses_are_urls() {
        for raw in ["http://example.org/news/1", " https://example.org/a?b=c "] {
            assert!(matches!(Input::parse(raw), Ok(Input::Url(_))), "{raw}");
        }
    }

    #[test]
    fn paths_stay_paths_even_with_colons() {
        for raw in [
            "article.html",
            "/home/r/Press TV: strike.html",
            r"C:\articles\a.pdf",
        ] {
            assert_eq!(
                Input::parse(raw),
                Ok(Input::File(PathBuf::from(raw))),
                "{raw}"
            );
        }
    }

    #[test]
    fn other_schemes_are_refused_by_name() {
        for (raw, scheme) in [
            ("file:///etc/passwd", "file"),
            ("ftp://example.org/a", "ftp"),
        ] {
            match Input::parse(raw) {
                Err(InputError::UnsupportedScheme { scheme: s, .. }) => assert_eq!(s, scheme),
                other => panic!("{raw}: {other:?}"),
            }
        }
    }

    #[test]
    fn a_broken_address_says_why() {
        let err = Input::parse("https://exa mple.org/").unwrap_err();
        assert!(matches!(err, InputError::BadUrl { .. }), "{err:?}");
    }

    #[test]
    fn blank_input_is_refused() {
        assert_eq!(Input::parse("  "), Err(InputError::Empty));
    }
}
