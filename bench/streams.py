#!/usr/bin/env python3
"""Stream benchmarks (issue 17), on one core unless said otherwise:

1. WARC -> JSON Lines: presskit against trafilatura 2.3 with fastwarc on the same archive (the 181 pages
   of ../shared/extraction as a gzip-per-record WARC, bench/make-warc.py), same run, pages/s and the ratio.
2. Memory: presskit's peak RSS on archives of about 10 MB, 100 MB and 1 GB (the pages repeated).
3. JSON Lines -> JSON Lines: 10,000 press-release records (the Samples/ files cycled), --jobs 1 and
   --jobs 2, records/s and the ratio.

    python3 bench/streams.py [--presskit .build/release/presskit] [--quick] [--work DIR]

Needs fastwarc, trafilatura, lxml_html_clean and warcio (pip). Prints a table for docs/BENCHMARKS.md.
"""
import argparse
import glob
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
EXTRACTION = os.path.join(ROOT, "..", "shared", "extraction")

TRAFILATURA = r'''
import sys, json, time
from fastwarc.warc import ArchiveIterator, WarcRecordType
import trafilatura
path, out = sys.argv[1], sys.argv[2]
start = time.process_time()
pages = 0
with open(out, "w") as sink:
    for record in ArchiveIterator(open(path, "rb"), record_types=WarcRecordType.response, parse_http=True):
        ctype = record.http_headers.get("Content-Type", "") if record.http_headers else ""
        if "html" not in ctype:
            continue
        body = record.reader.read()
        result = trafilatura.extract(body, url=record.headers.get("WARC-Target-URI"), output_format="json",
                                     with_metadata=True)
        sink.write((result or "{}").replace("\n", " ") + "\n")
        pages += 1
print(json.dumps({"pages": pages, "cpu": time.process_time() - start}))
'''


def run_timed(command, **kwargs):
    """(wall seconds, CPU seconds of the child, peak RSS MB of the child, completed process)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(command, capture_output=True, **kwargs)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, after.ru_maxrss / 1024, proc


def peak_rss(command):
    """Peak RSS in MB of one command, measured by /usr/bin/time."""
    proc = subprocess.run(["/usr/bin/time", "-f", "%M %e %U %S"] + command, capture_output=True)
    kb, wall, user, system = proc.stderr.decode().strip().splitlines()[-1].split()
    return int(kb) / 1024, float(wall), float(user) + float(system), proc


def make_warc(path, min_bytes=0, plain=False):
    args = [sys.executable, os.path.join(HERE, "make-warc.py"), path, "--extraction", EXTRACTION]
    if min_bytes:
        args += ["--min-bytes", str(min_bytes)]
    if plain:
        args.append("--plain")
    subprocess.run(args, check=True, capture_output=True)


def make_jsonl(path, count):
    formats = {".txt": "text", ".md": "markdown", ".html": "html"}
    samples = []
    for file in sorted(glob.glob(os.path.join(ROOT, "Samples", "**", "*"), recursive=True)):
        ext = os.path.splitext(file)[1]
        if ext in formats and os.path.basename(file) != "README.md":
            samples.append((formats[ext], open(file, "rb").read().decode("utf-8", "replace")))
    with open(path, "w", encoding="utf-8") as out:
        for i in range(count):
            fmt, text = samples[i % len(samples)]
            out.write(json.dumps({"id": f"r{i}", "format": fmt, "content": text}, ensure_ascii=False) + "\n")
    return os.path.getsize(path)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--presskit", default=os.path.join(ROOT, ".build", "release", "presskit"))
    parser.add_argument("--quick", action="store_true", help="one run each, no 1 GB archive")
    parser.add_argument("--work", default=None)
    args = parser.parse_args()
    presskit = os.path.abspath(args.presskit)
    work = args.work or tempfile.mkdtemp(prefix="presskit-streams-")
    os.makedirs(work, exist_ok=True)
    runs = 1 if args.quick else 3
    one_core = ["taskset", "-c", "0"] if subprocess.run(["which", "taskset"], capture_output=True).returncode == 0 else []

    # 1. WARC -> JSON Lines against trafilatura + fastwarc
    archive = os.path.join(work, "pages.warc.gz")
    make_warc(archive)
    from warcio.archiveiterator import ArchiveIterator
    with open(archive, "rb") as f:
        expected_pages = sum(1 for r in ArchiveIterator(f) if r.rec_type == "response")
    script = os.path.join(work, "trafilatura_warc.py")
    open(script, "w").write(TRAFILATURA)
    ours, theirs = [], []
    for _ in range(runs):
        _, cpu, _, proc = run_timed(one_core + [presskit, archive, "-t", "jsonl", "-o", os.path.join(work, "p.jsonl"), "--jobs", "1"])
        lines = sum(1 for _ in open(os.path.join(work, "p.jsonl")))
        ours.append(lines / cpu)
        _, cpu, _, proc = run_timed(one_core + [sys.executable, script, archive, os.path.join(work, "t.jsonl")])
        report = json.loads(proc.stdout.decode().strip().splitlines()[-1])
        theirs.append(report["pages"] / cpu)
    ours_m, theirs_m = statistics.median(ours), statistics.median(theirs)
    size = os.path.getsize(archive) / 1e6
    print(f"WARC -> JSON Lines, {expected_pages} pages ({size:.1f} MB .warc.gz), one core, CPU time, median of {runs}:")
    print(f"  presskit             {ours_m:8.1f} pages/s  ({lines} lines)")
    print(f"  trafilatura+fastwarc {theirs_m:8.1f} pages/s  ({report['pages']} pages)")
    print(f"  ratio                {ours_m / theirs_m:8.2f}x")

    # 2. Memory from 10 MB to 1 GB
    sizes = [10 << 20, 100 << 20] + ([] if args.quick else [1 << 30])
    print("Peak memory, WARC -> JSON Lines (gzip per record, pages repeated):")
    for target in sizes:
        path = os.path.join(work, f"big-{target >> 20}.warc.gz")
        make_warc(path, min_bytes=target)
        rss, wall, cpu, proc = peak_rss([presskit, path, "-t", "jsonl", "-o", os.path.join(work, "big.jsonl"), "--jobs", "1"])
        pages = sum(1 for _ in open(os.path.join(work, "big.jsonl")))
        print(f"  >= {target >> 20:4d} MB of records ({os.path.getsize(path) / 1e6:7.1f} MB gz): {pages:6d} pages, "
              f"peak RSS {rss:6.1f} MB, {pages / cpu:6.1f} pages/s CPU")
        os.remove(path)

    # 3. JSON Lines with --jobs 1 and 2
    dataset = os.path.join(work, "records.jsonl")
    mb = make_jsonl(dataset, 10_000) / 1e6
    results = {}
    for jobs in (1, 2):
        walls = []
        for _ in range(runs):
            wall, _, _, proc = run_timed([presskit, "-f", "jsonl", "-t", "jsonl", "--jobs", str(jobs), "-o",
                                          os.path.join(work, f"j{jobs}.jsonl"), dataset])
            walls.append(wall)
        results[jobs] = 10_000 / statistics.median(walls)
    same = open(os.path.join(work, "j1.jsonl"), "rb").read() == open(os.path.join(work, "j2.jsonl"), "rb").read()
    print(f"JSON Lines -> JSON Lines, 10,000 records ({mb:.1f} MB), wall time, median of {runs}:")
    print(f"  --jobs 1  {results[1]:8.1f} records/s")
    print(f"  --jobs 2  {results[2]:8.1f} records/s  ({results[2] / results[1]:.2f}x; output identical: {same})")


if __name__ == "__main__":
    main()
