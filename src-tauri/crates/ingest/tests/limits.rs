//! Each hard limit of `sourcelens_ingest::limits`, crossed by a bad input:
//! refused with the file named and the limit stated, quickly, not read
//! until memory or the stack runs out.

use std::io::Write;

use sourcelens_ingest::limits::{
    MAX_ARTICLE_CHARS, MAX_DECOMPRESSED_BYTES, MAX_ELEMENTS, MAX_PDF_PAGES, MAX_WARC_RECORDS,
};
use sourcelens_ingest::{read_bytes, IngestError, Origin};

fn refused(name: &str, bytes: &[u8]) -> IngestError {
    match read_bytes(name, bytes, Origin::Paste) {
        Ok(articles) => panic!(
            "{name} should be refused, but gave {} article(s)",
            articles.len()
        ),
        Err(e) => e,
    }
}

fn assert_over_limit(err: &IngestError, name: &str, limit: impl std::fmt::Display, what: &str) {
    assert_eq!(err.code(), "over_limit", "{err}");
    let message = err.to_string();
    assert!(message.starts_with(&format!("{name}: ")), "{message}");
    assert!(
        message.contains(&format!("more than {limit} {what}")),
        "{message}"
    );
}

#[test]
fn a_page_of_more_elements_than_the_limit_is_refused_by_name() {
    let page = format!(
        "<html><body>{}</body></html>",
        "<b>x</b> ".repeat(MAX_ELEMENTS)
    );
    let err = refused("huge.html", page.as_bytes());
    assert_over_limit(&err, "huge.html", MAX_ELEMENTS, "HTML elements");
}

#[test]
fn a_text_file_longer_than_any_article_is_refused_by_name() {
    let text = "Word and word. "
        .repeat(MAX_ARTICLE_CHARS / 15 + 1)
        .replace(". ", ".\n\n");
    let err = refused("book.txt", text.as_bytes());
    assert_over_limit(&err, "book.txt", MAX_ARTICLE_CHARS, "chars of body text");
}

fn warc_record(kind: &str, payload: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-000000000000>\r\n\
         WARC-Date: 2026-03-14T10:00:00Z\r\nWARC-Target-URI: https://harbourcourier.example/a\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        payload.len()
    )
    .into_bytes();
    record.extend_from_slice(payload);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

#[test]
fn a_warc_of_more_records_than_the_limit_is_refused_by_name() {
    let request = warc_record("request", b"GET /a HTTP/1.1\r\n\r\n");
    let err = refused("crawl.warc", &request.repeat(MAX_WARC_RECORDS + 1));
    assert_over_limit(&err, "crawl.warc", MAX_WARC_RECORDS, "WARC records");
}

/// A gzip stream that decompresses to more than the limit, built from one
/// small member repeated (gzip readers read concatenated members).
fn gzip_bomb() -> Vec<u8> {
    let megabyte = {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&vec![b' '; 1 << 20]).unwrap();
        encoder.finish().unwrap()
    };
    megabyte.repeat((MAX_DECOMPRESSED_BYTES >> 20) as usize + 1)
}

#[test]
fn a_gzip_bomb_in_a_warc_response_stops_at_the_decompression_limit() {
    let bomb = gzip_bomb();
    let mut response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nContent-Length: {}\r\n\r\n",
        bomb.len()
    )
    .into_bytes();
    response.extend_from_slice(&bomb);
    let err = refused("bomb.warc", &warc_record("response", &response));
    assert_over_limit(
        &err,
        "bomb.warc",
        MAX_DECOMPRESSED_BYTES,
        "bytes decompressed",
    );
}

#[test]
fn a_gzipped_warc_that_is_a_bomb_stops_at_the_decompression_limit() {
    let err = refused("bomb.warc.gz", &gzip_bomb());
    assert_over_limit(
        &err,
        "bomb.warc.gz",
        MAX_DECOMPRESSED_BYTES,
        "bytes decompressed",
    );
}

#[test]
fn a_pdf_of_more_pages_than_the_limit_is_refused_by_name() {
    use lopdf::{dictionary, Document, Object};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let kids: Vec<Object> = (0..=MAX_PDF_PAGES)
        .map(|_| {
            doc.add_object(dictionary! {"Type" => "Page", "Parent" => pages_id})
                .into()
        })
        .collect();
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {"Type" => "Pages", "Kids" => kids, "Count" => count}),
    );
    let catalog_id = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let err = refused("report.pdf", &bytes);
    assert_over_limit(&err, "report.pdf", MAX_PDF_PAGES, "pages");
}
