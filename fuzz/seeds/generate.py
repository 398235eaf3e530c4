#!/usr/bin/env python3
"""Writes the seed inputs of the formats that have no fixture of their own
(PDF, MHTML, web archive, WARC, feeds, sitemaps, robots.txt), built around
the project's own fixture page, into fuzz/seeds/<target>/. Run it again
after changing the fixture; `make fuzz` copies these and tests/fixtures
into the git-ignored corpus directories."""

import gzip
import plistlib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PAGE = (ROOT / "tests/fixtures/articles/harbour-courier-port-strike.html").read_bytes()
TEXT = (ROOT / "tests/fixtures/articles/gulf-wire-talks.txt").read_text()
URL = "https://harbourcourier.example/news/2026/03/14/port-hallam-strike"


def write(target, name, data):
    (HERE / target).mkdir(exist_ok=True)
    (HERE / target / name).write_bytes(data if isinstance(data, bytes) else data.encode())


def pdf(lines):
    """A one-page PDF whose text layer holds `lines`, with a correct xref."""
    ops = ["BT", "/F1 11 Tf", "72 760 Td", "14 TL"]
    for line in lines:
        escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        ops.append(f"({escaped}) Tj T*")
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1", "replace")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def mhtml():
    head = (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: " + URL + "\r\n"
        "Subject: Dockworkers strike\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; boundary="b1"; type="text/html"\r\n\r\n'
        "--b1\r\nContent-Type: text/html; charset=utf-8\r\n"
        "Content-Transfer-Encoding: 8bit\r\nContent-Location: " + URL + "\r\n\r\n"
    ).encode()
    tail = b"\r\n--b1\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n--b1--\r\n"
    return head + PAGE + tail


def warc():
    def record(uri, content_type, body):
        payload = b"HTTP/1.1 200 OK\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n" % (
            content_type.encode(), len(body)) + body
        head = (
            "WARC/1.1\r\nWARC-Type: response\r\n"
            "WARC-Record-ID: <urn:uuid:%08x-0000-4000-8000-000000000000>\r\n"
            "WARC-Date: 2026-03-14T10:00:00Z\r\nWARC-Target-URI: %s\r\n"
            "Content-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n"
            % (len(uri) * 7919 + len(payload), uri, len(payload))
        ).encode()
        return head + payload + b"\r\n\r\n"
    return record(URL, "text/html; charset=utf-8", PAGE) + record(
        "https://harbourcourier.example/logo.png", "image/png", b"\x89PNG")


write("pdf", "text-layer.pdf", pdf([line for line in TEXT.splitlines() if line.strip()]))
write("mhtml", "blink.mhtml", mhtml())
write("webarchive", "safari.webarchive", plistlib.dumps({"WebMainResource": {
    "WebResourceData": PAGE, "WebResourceMIMEType": "text/html",
    "WebResourceTextEncodingName": "UTF-8", "WebResourceURL": URL}}, fmt=plistlib.FMT_BINARY))
write("warc", "crawl.warc", warc())
write("warc", "crawl.warc.gz", gzip.compress(warc(), mtime=0))
write("feed", "rss.xml", f"""<?xml version="1.0"?>
<rss version="2.0"><channel><title>The Harbour Courier</title><link>https://harbourcourier.example/</link>
<item><title>Dockworkers strike shuts Port Hallam</title><link>{URL}</link>
<description>&lt;p&gt;The union said the strike would go on.&lt;/p&gt;</description>
<pubDate>Sat, 14 Mar 2026 09:30:00 GMT</pubDate></item></channel></rss>
""")
write("feed", "atom.xml", f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Gulf Wire</title><id>urn:gulf-wire</id>
<updated>2026-03-14T10:00:00Z</updated><entry><title>Talks resume in Meridian</title>
<link href="https://gulfwire.example/talks"/><id>urn:gulf-wire:1</id>
<updated>2026-03-14T10:00:00Z</updated><summary type="html">Talks &lt;b&gt;resume&lt;/b&gt;</summary></entry></feed>
""")
write("sitemap", "news.xml", f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>{URL}</loc><news:news><news:publication_date>2026-03-14T09:30:00Z</news:publication_date>
<news:title>Dockworkers strike shuts Port Hallam</news:title><news:keywords>strike, port</news:keywords></news:news></url>
</urlset>
""")
write("sitemap", "index.xml", """<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>/sitemaps/news-1.xml</loc><lastmod>2026-03-14</lastmod></sitemap>
<sitemap><loc>https://harbourcourier.example/sitemaps/news-2.xml</loc></sitemap>
</sitemapindex>
""")
write("robots", "groups.txt", """# Example robots.txt
User-agent: *
Disallow: /private/
Allow: /news/

User-agent: SourceLens
Disallow: /news/2024/*.html$
Crawl-delay: 2
Sitemap: https://example.org/sitemap.xml
""")
write("outlets_toml", "override.toml", """[[outlet]]
id = "harbour-courier"
name = "The Harbour Courier"
domains = ["harbourcourier.example"]
country = "GB"
language = "en"
ownership = "private"
feeds = ["https://harbourcourier.example/rss"]

[[outlet]]
id = "presstv"
name = "Press TV"
domains = ["presstv.ir"]
country = "IR"
language = "en"
ownership = "state"
disabled = true
""")
