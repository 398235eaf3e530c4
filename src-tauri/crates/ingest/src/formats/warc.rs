//! WARC web archives (as written by crawlers, Webrecorder and the Internet
//! Archive): every HTML response that holds an article becomes one.

use std::cell::Cell;
use std::io::{BufReader, Read};

use ::warc::{RecordType, WarcHeader, WarcReader};

use crate::article::{Article, Origin};
use crate::error::{IngestError, Problem};
use crate::html;
use crate::limits::{self, Capped, MAX_DECOMPRESSED_BYTES, MAX_WARC_RECORDS};

/// The articles in a WARC file, plain or gzip-compressed.
pub fn read(name: &str, bytes: &[u8], origin: Origin) -> Result<Vec<Article>, IngestError> {
    let fail = |problem| IngestError::new(name, problem);
    let malformed = |detail: String| {
        fail(Problem::Malformed {
            format: "WARC",
            detail,
        })
    };
    // A gzip WARC is read through a cap, so a decompression bomb stops at
    // the limit instead of filling memory.
    let bomb = Cell::new(false);
    let reader: Box<dyn Read + '_> = if bytes.starts_with(&[0x1f, 0x8b]) {
        Box::new(Capped::new(
            flate2::read::MultiGzDecoder::new(bytes),
            MAX_DECOMPRESSED_BYTES,
            &bomb,
        ))
    } else {
        Box::new(bytes)
    };
    let mut body_budget = MAX_DECOMPRESSED_BYTES;
    let over_decompressed = || limits::over(name, "bytes decompressed", MAX_DECOMPRESSED_BYTES);
    let path = match &origin {
        Origin::File { path, .. } => Some(path.clone()),
        _ => None,
    };
    let mut html_responses = 0;
    let mut articles = Vec::new();
    for (index, record) in WarcReader::new(BufReader::new(reader))
        .iter_records()
        .enumerate()
    {
        if index == MAX_WARC_RECORDS {
            return Err(limits::over(name, "WARC records", MAX_WARC_RECORDS as u64));
        }
        let record = match record {
            Ok(record) => record,
            Err(_) if bomb.get() => return Err(over_decompressed()),
            Err(e) => return Err(malformed(e.to_string())),
        };
        if *record.warc_type() != RecordType::Response {
            continue;
        }
        let Some(response) = HttpResponse::parse(record.body()) else {
            continue;
        };
        if response.status != 200 || !response.is_html() {
            continue;
        }
        html_responses += 1;
        let target = record
            .header(WarcHeader::TargetURI)
            .map(|u| u.trim_matches(['<', '>']).to_string());
        let part_origin = match &path {
            Some(path) => Origin::File {
                path: path.clone(),
                part: target.clone(),
            },
            None => origin.clone(),
        };
        let part_name = format!("{name} ({})", target.as_deref().unwrap_or("record"));
        let body = response
            .decoded_body(&mut body_budget)
            .map_err(|e| match e {
                BodyError::Bomb => over_decompressed(),
                BodyError::Malformed(detail) => malformed(format!("{part_name}: {detail}")),
            })?;
        // Pages without an article (indexes, tag pages) are part of any crawl.
        if let Ok(mut article) = html::read_page(
            &part_name,
            &body,
            response.content_type.as_deref(),
            part_origin,
        ) {
            if article.meta.url.is_none() {
                article.meta.url = target.filter(|t| t.starts_with("http"));
            }
            articles.push(article);
        }
    }
    if html_responses == 0 {
        return Err(fail(Problem::WarcWithoutHtml));
    }
    if articles.is_empty() {
        return Err(fail(Problem::NoArticle {
            hint: Some("none of its HTML pages is an article"),
        }));
    }
    Ok(articles)
}

/// Why a response's body cannot be had.
enum BodyError {
    /// It decompresses past the limit.
    Bomb,
    /// It is damaged; what is wrong.
    Malformed(String),
}

/// An HTTP response as a WARC response record stores it.
struct HttpResponse<'b> {
    status: u16,
    content_type: Option<String>,
    chunked: bool,
    gzip: bool,
    body: &'b [u8],
}

impl<'b> HttpResponse<'b> {
    fn parse(raw: &'b [u8]) -> Option<Self> {
        let split = raw.windows(4).position(|w| w == b"\r\n\r\n")?;
        let head = std::str::from_utf8(&raw[..split]).ok()?;
        let mut lines = head.split("\r\n");
        let status = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
        let mut response = HttpResponse {
            status,
            content_type: None,
            chunked: false,
            gzip: false,
            body: &raw[split + 4..],
        };
        for line in lines {
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            match key.trim().to_ascii_lowercase().as_str() {
                "content-type" => response.content_type = Some(value.to_string()),
                "transfer-encoding" => response.chunked = value.eq_ignore_ascii_case("chunked"),
                "content-encoding" => response.gzip = value.eq_ignore_ascii_case("gzip"),
                _ => {}
            }
        }
        Some(response)
    }

    fn is_html(&self) -> bool {
        self.content_type
            .as_deref()
            .is_some_and(|t| t.to_ascii_lowercase().contains("html"))
    }

    /// The body, unchunked and decompressed; what it decompresses to is
    /// taken from `budget`, which all the file's records share.
    fn decoded_body(&self, budget: &mut u64) -> Result<Vec<u8>, BodyError> {
        let body = if self.chunked {
            dechunk(self.body).map_err(BodyError::Malformed)?
        } else {
            self.body.to_vec()
        };
        if !self.gzip {
            return Ok(body);
        }
        let bomb = Cell::new(false);
        let mut out = Vec::new();
        Capped::new(flate2::read::MultiGzDecoder::new(&body[..]), *budget, &bomb)
            .read_to_end(&mut out)
            .map_err(|e| match bomb.get() {
                true => BodyError::Bomb,
                false => {
                    BodyError::Malformed(format!("its gzip body cannot be decompressed ({e})"))
                }
            })?;
        *budget -= out.len() as u64;
        Ok(out)
    }
}

fn dechunk(mut body: &[u8]) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    loop {
        let line_end = body
            .windows(2)
            .position(|w| w == b"\r\n")
            .ok_or("a chunk size line is cut off")?;
        let size_text =
            std::str::from_utf8(&body[..line_end]).map_err(|_| "a chunk size is not text")?;
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .map_err(|_| format!("{size_text:?} is not a chunk size"))?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Ok(out);
        }
        let chunk = body.get(..size).ok_or("a chunk is cut off")?;
        out.extend_from_slice(chunk);
        body = body.get(size + 2..).unwrap_or(&[]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies_are_joined() {
        assert_eq!(
            dechunk(b"5\r\nHello\r\n6\r\n world\r\n0\r\n\r\n").unwrap(),
            b"Hello world"
        );
        assert!(dechunk(b"5\r\nHel").is_err());
    }
}
