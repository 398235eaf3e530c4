//! Every file format, read from real bytes: the good case and its bad cases.
//! Fixture articles are in the repository's `tests/fixtures/articles/`.

use std::io::Write;
use std::path::{Path, PathBuf};

use sourcelens_ingest::{read_bytes, read_file, Article, IngestError, Limits, Origin, Problem};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../tests/fixtures/articles")
        .join(name)
}

fn read_one(name: &str, bytes: &[u8]) -> Article {
    let mut articles = read_bytes(name, bytes, Origin::Paste).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(articles.len(), 1, "{name} should hold one article");
    articles.remove(0)
}

fn read_err(name: &str, bytes: &[u8]) -> IngestError {
    match read_bytes(name, bytes, Origin::Paste) {
        Ok(articles) => panic!("{name} should fail, but gave {} article(s)", articles.len()),
        Err(e) => e,
    }
}

const PAGE: &str =
    include_str!("../../../../tests/fixtures/articles/harbour-courier-port-strike.html");

// ---- HTML ----

#[test]
fn a_saved_page_gives_its_article_without_the_page_around_it() {
    let article = read_one("page.html", PAGE.as_bytes());
    assert!(
        article
            .text
            .starts_with("PORT HALLAM, March 14 (Harbour Courier)"),
        "{}",
        article.text
    );
    assert!(article
        .text
        .contains("“We are asking both sides to sit down today, not on Monday.”"));
    assert!(article.text.ends_with("editing by Tom Achebe)"));
    for boilerplate in [
        "Home ›",
        "Share on X",
        "cookies",
        "Related stories",
        "Idle cranes",
        "Sign up",
        "All rights reserved",
    ] {
        assert!(!article.text.contains(boilerplate), "kept {boilerplate:?}");
    }
    assert_eq!(article.paragraphs().count(), 8);
}

#[test]
fn a_saved_page_gives_its_metadata() {
    let article = read_one("page.html", PAGE.as_bytes());
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Dockworkers strike shuts Port Hallam for second day")
    );
    assert_eq!(article.meta.byline.as_deref(), Some("Mirela Constantin"));
    assert_eq!(
        article.meta.date.as_deref(),
        Some("2026-03-14T09:40:00+00:00")
    );
    assert_eq!(article.meta.site.as_deref(), Some("The Harbour Courier"));
    assert_eq!(
        article.meta.url.as_deref(),
        Some("https://harbourcourier.example/news/2026/03/14/port-hallam-strike")
    );
    assert_eq!(article.meta.language.as_deref(), Some("en"));
    assert_eq!(
        article.content_hash,
        sourcelens_ingest::content_hash(PAGE.as_bytes())
    );
}

#[test]
fn a_windows_1251_page_without_a_declaration_comes_out_right() {
    let russian =
        "Министр транспорта заявил журналистам, что забастовка докеров в порту продолжится \
                   как минимум до понедельника, а переговоры с профсоюзом пока не дали результата.";
    let html = format!("<html><head><title>Забастовка</title></head><body><article><p>{russian}</p></article></body></html>");
    let (bytes, _, _) = encoding_rs::WINDOWS_1251.encode(&html);
    let article = read_one("ru.html", &bytes);
    assert_eq!(
        article.text,
        russian.split_whitespace().collect::<Vec<_>>().join(" ")
    );
    assert_eq!(article.meta.language.as_deref(), Some("ru"));
}

#[test]
fn a_page_cut_off_before_its_article_has_no_article() {
    let cut = &PAGE.as_bytes()[..PAGE.find("<main>").unwrap()];
    let err = read_err("cut.html", cut);
    assert!(matches!(err.problem, Problem::NoArticle { .. }), "{err}");
    assert!(
        err.to_string().starts_with("cut.html: has no article text"),
        "{err}"
    );
}

/// Regression: 100,000 nested `<div>`s ran the extractor for a minute and
/// then overflowed the stack, aborting the whole process.
#[test]
fn a_page_nested_100000_deep_is_refused_by_name_not_a_stack_overflow() {
    let page = format!(
        "<html><body>{}<p>Deep text.</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let err = read_err("deep.html", page.as_bytes());
    assert!(
        matches!(err.problem, Problem::TooDeep { limit: 1_000 }),
        "{err}"
    );
    assert_eq!(err.code(), "too_deep");
    assert!(err.to_string().starts_with("deep.html: nests its HTML elements more than 1000 deep"));
}

#[test]
fn an_ordinary_article_nested_a_few_hundred_deep_is_still_read() {
    let nested = PAGE.replace(
        "<main>",
        &format!("{}<main>", "<div class=\"wrap\">".repeat(300)),
    );
    let article = read_one("nested.html", nested.as_bytes());
    assert!(article.text.starts_with("PORT HALLAM, March 14 (Harbour Courier)"));
}

// ---- text, Markdown, JSON ----

#[test]
fn a_text_file_is_its_own_body_so_offsets_index_the_file() {
    let path = fixture("gulf-wire-talks.txt");
    let article = read_file(&path, &Limits::default()).unwrap().remove(0);
    assert_eq!(article.text, std::fs::read_to_string(&path).unwrap());
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Talks on Muscat shipping corridor to resume Tuesday")
    );
    assert_eq!(
        article.origin,
        Origin::File {
            path: path.display().to_string(),
            part: None
        }
    );
}

#[test]
fn an_image_named_like_text_is_refused_as_binary() {
    let err = read_file(&fixture("image-named-article.txt"), &Limits::default()).unwrap_err();
    assert!(matches!(err.problem, Problem::Binary { .. }), "{err}");
    assert!(
        err.to_string()
            .ends_with("is binary data, not text (it looks like image/png)"),
        "{err}"
    );
}

#[test]
fn random_bytes_under_an_html_name_are_refused_as_binary() {
    let junk: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    assert!(matches!(
        read_err("page.html", &junk).problem,
        Problem::Binary { .. }
    ));
}

#[test]
fn an_empty_file_is_empty() {
    assert!(matches!(read_err("a.txt", b"").problem, Problem::Empty));
    assert!(matches!(
        read_err("a.html", b"\n  \n").problem,
        Problem::Empty
    ));
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.html");
    std::fs::write(&path, vec![b'a'; 2048]).unwrap();
    let err = read_file(
        &path,
        &Limits {
            max_file_bytes: 1024,
        },
    )
    .unwrap_err();
    assert!(matches!(err.problem, Problem::TooLarge { .. }), "{err}");
    assert!(err.to_string().ends_with("huge.html: is 2.0 KB, over the 1.0 KB limit for one file; split it, or raise the limit"), "{err}");
}

#[test]
fn a_missing_file_says_it_cannot_be_read() {
    let err = read_file(Path::new("/nonexistent/article.html"), &Limits::default()).unwrap_err();
    assert!(matches!(err.problem, Problem::Unreadable(_)));
    assert!(err
        .to_string()
        .starts_with("/nonexistent/article.html: cannot be read"));
}

/// Regression: a Media Cloud export's extra fields made the file "not an
/// article JSON file: unknown field `notes`".
#[test]
fn article_json_with_fields_of_its_own_is_read() {
    let json = br#"{"stories_id": 1873, "media_name": "Gulf Wire", "notes": "checked",
        "date_inferred": false, "title": "Talks resume", "outlet": "Gulf Wire",
        "text": "Negotiators said on Monday that talks would resume."}"#;
    let article = read_one("export.json", json);
    assert_eq!(article.meta.title.as_deref(), Some("Talks resume"));
    assert_eq!(article.text, "Negotiators said on Monday that talks would resume.");
}

#[test]
fn article_json_without_text_is_refused() {
    let err = read_file(&fixture("not-an-article.json"), &Limits::default()).unwrap_err();
    assert!(matches!(err.problem, Problem::BadArticleJson(_)), "{err}");
}

#[test]
fn a_markdown_article_reads_as_paragraphs() {
    let md = "# Pier collapse closes harbour\n\nThe harbour master said on *Monday* that the\npier would be closed for a week.\n";
    let article = read_one("a.md", md.as_bytes());
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Pier collapse closes harbour")
    );
    assert_eq!(
        article.text,
        "The harbour master said on Monday that the pier would be closed for a week."
    );
}

// ---- e-mail and MHTML ----

fn mime_page(outer_headers: &str) -> String {
    format!(
        "{outer_headers}MIME-Version: 1.0\r\n\
         Content-Type: multipart/related; boundary=\"b1\"; type=\"text/html\"\r\n\r\n\
         --b1\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\
         Content-Location: https://harbourcourier.example/news/2026/03/14/port-hallam-strike\r\n\r\n\
         {PAGE}\r\n--b1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b1--\r\n"
    )
}

#[test]
fn an_mhtml_page_gives_the_same_article_as_the_page() {
    let mhtml = mime_page("From: <Saved by Blink>\r\nSnapshot-Content-Location: https://harbourcourier.example/x\r\nSubject: Dockworkers strike\r\n");
    let article = read_one("page.mhtml", mhtml.as_bytes());
    assert_eq!(article.text, read_one("page.html", PAGE.as_bytes()).text);
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Dockworkers strike shuts Port Hallam for second day")
    );
}

#[test]
fn an_mhtml_file_cut_before_its_page_is_malformed() {
    let mhtml = mime_page("From: <Saved by Blink>\r\nSubject: x\r\n");
    let cut = &mhtml[..mhtml.find("<!DOCTYPE").unwrap() - 200];
    let err = read_err("page.mhtml", cut.as_bytes());
    assert!(
        matches!(
            err.problem,
            Problem::Malformed {
                format: "MHTML",
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn an_html_newsletter_goes_through_the_article_extractor() {
    let email = mime_page("From: Harbour Courier <news@harbourcourier.example>\r\nTo: r@example.org\r\nSubject: Morning briefing: port strike\r\nDate: Sat, 14 Mar 2026 10:00:00 +0000\r\n")
        .replace("multipart/related", "multipart/mixed");
    let article = read_one("briefing.eml", email.as_bytes());
    assert!(article.text.starts_with("PORT HALLAM, March 14"));
    assert_eq!(
        article.meta.title.as_deref(),
        Some("Morning briefing: port strike")
    );
    assert_eq!(article.meta.byline.as_deref(), Some("Harbour Courier"));
    assert_eq!(article.meta.date.as_deref(), Some("2026-03-14T10:00:00Z"));
}

#[test]
fn an_email_with_no_body_says_so() {
    let err = read_file(&fixture("newsletter-no-body.eml"), &Limits::default()).unwrap_err();
    assert!(matches!(err.problem, Problem::EmailWithoutBody), "{err}");
}

// ---- Safari web archive ----

fn webarchive(html: &[u8]) -> Vec<u8> {
    let mut main = plist::Dictionary::new();
    main.insert("WebResourceData".into(), plist::Value::Data(html.to_vec()));
    main.insert("WebResourceMIMEType".into(), "text/html".into());
    main.insert("WebResourceTextEncodingName".into(), "UTF-8".into());
    main.insert(
        "WebResourceURL".into(),
        "https://harbourcourier.example/x".into(),
    );
    let mut root = plist::Dictionary::new();
    root.insert("WebMainResource".into(), plist::Value::Dictionary(main));
    let mut bytes = Vec::new();
    plist::Value::Dictionary(root)
        .to_writer_binary(&mut bytes)
        .unwrap();
    bytes
}

#[test]
fn a_safari_web_archive_gives_its_main_page() {
    let article = read_one("page.webarchive", &webarchive(PAGE.as_bytes()));
    assert!(article.text.starts_with("PORT HALLAM, March 14"));
    assert_eq!(article.meta.site.as_deref(), Some("The Harbour Courier"));
}

#[test]
fn a_truncated_web_archive_is_malformed() {
    let bytes = webarchive(PAGE.as_bytes());
    let err = read_err("page.webarchive", &bytes[..bytes.len() / 2]);
    assert!(
        matches!(
            err.problem,
            Problem::Malformed {
                format: "web archive",
                ..
            }
        ),
        "{err}"
    );
}

// ---- WARC ----

fn warc_record(kind: &str, uri: &str, payload: &[u8]) -> Vec<u8> {
    let mut record = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{:08x}-0000-4000-8000-000000000000>\r\n\
         WARC-Date: 2026-03-14T10:00:00Z\r\nWARC-Target-URI: {uri}\r\n\
         Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
        uri.len() * 7919 + payload.len(),
        payload.len()
    )
    .into_bytes();
    record.extend_from_slice(payload);
    record.extend_from_slice(b"\r\n\r\n");
    record
}

fn http(content_type: &str, body: &[u8]) -> Vec<u8> {
    let mut response = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
        body.len()
    )
    .into_bytes();
    response.extend_from_slice(body);
    response
}

fn crawl() -> Vec<u8> {
    let second_page = PAGE
        .replace(
            "Dockworkers strike shuts Port Hallam for second day",
            "Port Hallam strike ends after mediator steps in",
        )
        .replace("entered its second day", "ended on its fifth day");
    [
        warc_record(
            "response",
            "https://harbourcourier.example/a",
            &http("text/html; charset=utf-8", PAGE.as_bytes()),
        ),
        warc_record(
            "response",
            "https://harbourcourier.example/logo.png",
            &http("image/png", b"\x89PNG"),
        ),
        warc_record(
            "response",
            "https://harbourcourier.example/b",
            &http("text/html", second_page.as_bytes()),
        ),
    ]
    .concat()
}

#[test]
fn each_article_response_in_a_warc_becomes_an_article() {
    let articles = read_bytes("crawl.warc", &crawl(), Origin::Paste).unwrap();
    let titles: Vec<_> = articles
        .iter()
        .map(|a| a.meta.title.as_deref().unwrap())
        .collect();
    assert_eq!(
        titles,
        [
            "Dockworkers strike shuts Port Hallam for second day",
            "Port Hallam strike ends after mediator steps in"
        ]
    );
}

#[test]
fn a_gzipped_warc_reads_the_same() {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(&crawl()).unwrap();
    let articles = read_bytes("crawl.warc.gz", &gz.finish().unwrap(), Origin::Paste).unwrap();
    assert_eq!(articles.len(), 2);
}

#[test]
fn a_warc_without_html_says_so() {
    let images = warc_record(
        "response",
        "https://x.example/a.png",
        &http("image/png", b"\x89PNG"),
    );
    let err = read_err("images.warc", &images);
    assert!(matches!(err.problem, Problem::WarcWithoutHtml), "{err}");
}

#[test]
fn a_truncated_warc_is_malformed() {
    let bytes = crawl();
    let err = read_err("crawl.warc", &bytes[..bytes.len() - 4000]);
    assert!(
        matches!(err.problem, Problem::Malformed { format: "WARC", .. }),
        "{err}"
    );
}

// ---- PDF ----

fn pdf(lines: &[&str]) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(
        dictionary! {"Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica"},
    );
    let resources_id = doc.add_object(dictionary! {"Font" => dictionary! {"F1" => font_id}});
    let mut operations = vec![
        Operation::new("BT", vec![]),
        Operation::new("Tf", vec!["F1".into(), 11.into()]),
        Operation::new("TL", vec![14.into()]),
        Operation::new("Td", vec![72.into(), 760.into()]),
    ];
    for line in lines {
        operations.push(Operation::new("Tj", vec![Object::string_literal(*line)]));
        operations.push(Operation::new("T*", vec![]));
    }
    operations.push(Operation::new("ET", vec![]));
    let content_id = doc.add_object(Stream::new(
        dictionary! {},
        Content { operations }.encode().unwrap(),
    ));
    let page_id = doc
        .add_object(dictionary! {"Type" => "Page", "Parent" => pages_id, "Contents" => content_id});
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {"Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1, "Resources" => resources_id, "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()]}),
    );
    let catalog_id = doc.add_object(dictionary! {"Type" => "Catalog", "Pages" => pages_id});
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn a_pdf_text_layer_is_read() {
    let article = read_one(
        "report.pdf",
        &pdf(&[
            "The harbour master said on Monday that the pier",
            "would stay closed for at least a week.",
        ]),
    );
    let words: Vec<_> = article.text.split_whitespace().collect();
    assert_eq!(
        words.join(" "),
        "The harbour master said on Monday that the pier would stay closed for at least a week."
    );
}

#[test]
fn a_pdf_without_text_says_it_needs_ocr() {
    let err = read_err("scan.pdf", &pdf(&[]));
    assert!(matches!(err.problem, Problem::PdfWithoutText), "{err}");
    assert!(err.to_string().contains("run OCR"), "{err}");
}

#[test]
fn a_truncated_pdf_is_malformed() {
    let bytes = pdf(&["Some words on a page."]);
    let err = read_err("report.pdf", &bytes[..bytes.len() / 3]);
    assert!(
        matches!(err.problem, Problem::Malformed { format: "PDF", .. }),
        "{err}"
    );
}

/// Found by the pdf fuzz target: pdf-extract panics on a page whose font
/// object is missing (`missing object reference`); the reader must report
/// the file as damaged, and the rest of a batch must go on.
#[test]
fn a_pdf_whose_font_object_is_missing_is_damaged_not_a_crash() {
    let mut doc = lopdf::Document::load_mem(&pdf(&["Some words on a page."])).unwrap();
    let font = doc
        .objects
        .iter()
        .find(|(_, o)| o.as_dict().is_ok_and(|d| d.has_type(b"Font")))
        .map(|(id, _)| *id)
        .unwrap();
    doc.objects.remove(&font);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let err = read_err("report.pdf", &bytes);
    assert!(
        matches!(&err.problem, Problem::Malformed { format: "PDF", detail } if detail == "its structure cannot be read"),
        "{err}"
    );
}

// ---- batches ----

#[test]
fn a_batch_of_good_and_bad_files_reads_every_good_one() {
    let names = [
        "missing.html",
        "harbour-courier-port-strike.html",
        "image-named-article.txt",
        "newsletter-no-body.eml",
        "gulf-wire-talks.txt",
        "not-an-article.json",
    ];
    let results: Vec<_> = names
        .iter()
        .map(|n| read_file(&fixture(n), &Limits::default()))
        .collect();
    let read: Vec<_> = names
        .iter()
        .zip(&results)
        .filter(|(_, r)| r.is_ok())
        .map(|(n, _)| *n)
        .collect();
    assert_eq!(
        read,
        ["harbour-courier-port-strike.html", "gulf-wire-talks.txt"]
    );
}
