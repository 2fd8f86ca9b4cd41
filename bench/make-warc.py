#!/usr/bin/env python3
"""Builds a WARC archive of the 181 pages of the extraction benchmark (../shared/extraction), the way a
crawler writes one: for each page a request and a 200 response record (text/html), gzip per record.

    make-warc.py OUT.warc.gz [--extraction DIR] [--min-bytes N] [--plain] [--split K]

--min-bytes repeats the pages (with new record ids and URLs) until the archive holds at least N bytes of
records; --plain writes an uncompressed .warc; --split K writes K archives OUT-1 … OUT-K (one per Spark task).
Records are written directly in WARC/1.0 (warcio and fastwarc read them back; bench/streams.py checks the
page count with warcio), so that archives of a gigabyte are made in seconds.
"""
import argparse
import gzip
import json
import os
import sys
import uuid
import zlib


def pages(extraction):
    truth = json.load(open(os.path.join(extraction, "scrapinghub", "ground-truth.json")))
    folder = os.path.join(extraction, "scrapinghub", "html")
    for name in sorted(os.listdir(folder)):
        key = name.split(".")[0]
        with gzip.open(os.path.join(folder, name), "rb") as f:
            yield truth.get(key, {}).get("url") or f"https://example.com/{key}", f.read()


def record(kind, uri, block, content_type, rid):
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:{rid}>\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-01-02T03:04:05Z\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def records(extraction, min_bytes):
    written = 0
    round_ = 0
    counter = 0
    while True:
        for url, html in pages(extraction):
            counter += 1
            if round_ > 0:
                url = f"{url}{'&' if '?' in url else '?'}copy={round_}"
            rid = uuid.UUID(int=counter)
            host = url.split("/")[2] if "://" in url else "example.com"
            request = f"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
            yield record("request", url, request, "application/http; msgtype=request", uuid.UUID(int=counter + (1 << 64)))
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n" % len(html) + html
            data = record("response", url, http, "application/http; msgtype=response", rid)
            written += len(data)
            yield data
        round_ += 1
        if written >= min_bytes:
            return


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--extraction", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "extraction"))
    parser.add_argument("--min-bytes", type=int, default=0)
    parser.add_argument("--plain", action="store_true")
    parser.add_argument("--split", type=int, default=1)
    args = parser.parse_args()
    all_records = list(records(args.extraction, args.min_bytes)) if args.split > 1 else None
    outs = [args.out] if args.split == 1 else [args.out.replace(".warc", f"-{i + 1}.warc") for i in range(args.split)]
    files = [open(o, "wb") for o in outs]
    pairs = 0
    source = all_records if all_records is not None else records(args.extraction, args.min_bytes)
    for index, data in enumerate(source):
        f = files[(index // 2) % len(files)]
        if args.plain:
            f.write(data)
        else:
            c = zlib.compressobj(6, zlib.DEFLATED, 31)
            f.write(c.compress(data) + c.flush())
        pairs += index % 2
    for f in files:
        f.close()
    print(f"{pairs} pages in {', '.join(outs)}", file=sys.stderr)


if __name__ == "__main__":
    main()
