#!/usr/bin/env python3
"""Writes the WARC test archives next to this script with warcio (pip install warcio).

pages.warc.gz    gzip per record: warcinfo, a request, an HTML response sent chunked and gzip-compressed
                 with relative links, a windows-1251 page whose charset only the HTTP header gives, a 404
                 page, a PNG, a revisit, an HTML resource record, a WARC/1.1 response, a metadata record.
pages.warc       the same records uncompressed.
pages-whole.warc.gz  the same records in one gzip member (whole-file gzip).
truncated.warc   two pages, the file cut in the middle of the second.
damaged.warc     a page, a record whose header has no Content-Length, stray bytes, then a page.
corrupt.warc.gz  pages.warc.gz with bytes of its fourth gzip member overwritten.
"""
import gzip
import io
import os
import zlib

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

HERE = os.path.dirname(os.path.abspath(__file__))
DATE = "2024-05-06T07:08:09Z"


def chunked(data, size=100):
    out = b""
    for i in range(0, len(data), size):
        piece = data[i:i + size]
        out += b"%x\r\n" % len(piece) + piece + b"\r\n"
    return out + b"0\r\n\r\n"


ARTICLE = b"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Lumenvale opens a plant in Leipzig</title></head>
<body><nav><a href="/">Home</a> <a href="/news/">News</a></nav>
<article><h1>Lumenvale opens a plant in Leipzig</h1>
<p>LEIPZIG, April 2, 2024 &ndash; Lumenvale today opened its first European plant, with 240 jobs.</p>
<p>The plant builds solar inverters. <a href="../about/team.html">Meet the team</a> or read the
<a href="/reports/2023.pdf">annual report</a>.</p>
<p>Production starts in June; the company expects to double output by 2026.</p>
</article><footer>Copyright 2024 Lumenvale</footer></body></html>"""

CYRILLIC = """<html><head><title>Новый завод</title></head><body><article><h1>Новый завод</h1>
<p>МОСКВА, 3 апреля 2024 г. — Компания открыла новый завод в Подмосковье.</p>
<p>На заводе будут работать двести человек.</p></article></body></html>""".encode("windows-1251")

RESOURCE = b"""<html><head><title>Resource page</title></head><body><article><h1>Resource page</h1>
<p>This page was stored as a resource record, without HTTP headers.</p></article></body></html>"""

V11 = b"""<html><head><title>WARC 1.1 page</title><link rel="canonical" href="https://example.net/canonical-page"></head>
<body><article><h1>WARC 1.1 page</h1><p>A page from a WARC/1.1 record whose canonical URL differs from its target URI.</p>
<p><img src="img/chart.png" alt="Chart"></p></article></body></html>"""


def records(writer):
    writer.write_record(writer.create_warcinfo_record("pages.warc.gz", {"software": "presskit tests"}))
    req = StatusAndHeaders("GET /news/2024/plant.html HTTP/1.1", [("Host", "press.example.com")], is_http_request=True)
    writer.write_record(writer.create_warc_record("https://press.example.com/news/2024/plant.html", "request",
                                                  http_headers=req, warc_headers_dict={"WARC-Date": DATE}))
    body = chunked(gzip.compress(ARTICLE, mtime=0))
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8"), ("Content-Encoding", "gzip"),
                                          ("Transfer-Encoding", "chunked")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://press.example.com/news/2024/plant.html", "response",
                                                  payload=io.BytesIO(body), length=len(body), http_headers=headers,
                                                  warc_headers_dict={"WARC-Date": DATE,
                                                                     "WARC-Record-ID": "<urn:uuid:00000000-0000-4000-8000-000000000001>"}))
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=windows-1251")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("http://example.ru/news/zavod", "response",
                                                  payload=io.BytesIO(CYRILLIC), length=len(CYRILLIC), http_headers=headers,
                                                  warc_headers_dict={"WARC-Date": DATE,
                                                                     "WARC-Record-ID": "<urn:uuid:00000000-0000-4000-8000-000000000002>"}))
    missing = b"<html><body><h1>Not found</h1></body></html>"
    headers = StatusAndHeaders("404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://press.example.com/missing", "response",
                                                  payload=io.BytesIO(missing), length=len(missing), http_headers=headers,
                                                  warc_headers_dict={"WARC-Date": DATE}))
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
    headers = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
    writer.write_record(writer.create_warc_record("https://press.example.com/logo.png", "response",
                                                  payload=io.BytesIO(png), length=len(png), http_headers=headers,
                                                  warc_headers_dict={"WARC-Date": DATE}))
    headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
    writer.write_record(writer.create_revisit_record("https://press.example.com/news/2024/plant.html",
                                                     digest="sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                                                     refers_to_uri="https://press.example.com/news/2024/plant.html",
                                                     refers_to_date=DATE, http_headers=headers))
    writer.write_record(writer.create_warc_record("http://static.example.org/page.html", "resource",
                                                  payload=io.BytesIO(RESOURCE), length=len(RESOURCE),
                                                  warc_content_type="text/html",
                                                  warc_headers_dict={"WARC-Date": DATE,
                                                                     "WARC-Record-ID": "<urn:uuid:00000000-0000-4000-8000-000000000003>"}))
    headers = StatusAndHeaders("200 OK", [("Content-Type", "application/xhtml+xml")], protocol="HTTP/1.1")
    rec = writer.create_warc_record("https://example.net/2024/04/v11.html", "response", payload=io.BytesIO(V11),
                                    length=len(V11), http_headers=headers,
                                    warc_headers_dict={"WARC-Date": "2024-05-06T07:08:09.123456Z",
                                                       "WARC-Record-ID": "<urn:uuid:00000000-0000-4000-8000-000000000004>"})
    rec.rec_headers.protocol = "WARC/1.1"
    writer.write_record(rec)
    writer.write_record(writer.create_warc_record("https://press.example.com/news/2024/plant.html", "metadata",
                                                  payload=io.BytesIO(b"via: test\r\n"), length=11,
                                                  warc_content_type="application/warc-fields"))


def write(name, gz):
    path = os.path.join(HERE, name)
    with open(path, "wb") as f:
        records(WARCWriter(f, gzip=gz))
    return path


def page_record(uri, title, ident):
    html = b"<html><head><title>%s</title></head><body><article><h1>%s</h1><p>The text of %s, long enough to be an article.</p></article></body></html>" % (title, title, title)
    head = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
    block = head + html
    return (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Target-URI: %s\r\n"
            b"WARC-Date: 2024-01-01T00:00:00Z\r\nContent-Type: application/http; msgtype=response\r\n"
            b"Content-Length: %d\r\n\r\n" % (ident, uri, len(block))) + block + b"\r\n\r\n"


def main():
    write("pages.warc.gz", True)
    plain = write("pages.warc", False)
    with open(plain, "rb") as f:
        data = f.read()
    with open(os.path.join(HERE, "pages-whole.warc.gz"), "wb") as f:
        f.write(gzip.compress(data, mtime=0))
    first = page_record(b"https://a.example/one", b"Page one", b"11111111-1111-4111-8111-111111111111")
    second = page_record(b"https://a.example/two", b"Page two", b"22222222-2222-4222-8222-222222222222")
    with open(os.path.join(HERE, "truncated.warc"), "wb") as f:
        f.write(first + second[: len(second) - 80])
    broken = (b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:33333333-3333-4333-8333-333333333333>\r\n"
              b"WARC-Target-URI: https://a.example/broken\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<html>lost</html>\r\n\r\n")
    with open(os.path.join(HERE, "damaged.warc"), "wb") as f:
        f.write(first + broken + b"some stray text\r\n\r\n" + second)
    with open(os.path.join(HERE, "pages.warc.gz"), "rb") as f:
        gz = bytearray(f.read())
    # Overwrite the middle of the fourth member (the windows-1251 response).
    starts, pos = [], 0
    while pos < len(gz):
        d = zlib.decompressobj(16 + 15)
        d.decompress(bytes(gz[pos:]))
        starts.append(pos)
        pos = len(gz) - len(d.unused_data)
    mid = starts[3] + (starts[4] - starts[3]) // 2
    gz[mid:mid + 8] = b"\xff" * 8
    with open(os.path.join(HERE, "corrupt.warc.gz"), "wb") as f:
        f.write(gz)
    print("member starts of pages.warc.gz:", starts)


if __name__ == "__main__":
    main()
