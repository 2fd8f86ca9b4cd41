#!/usr/bin/env python3
"""`make test-spark`: runs both presskit Spark jobs in local[2] mode and checks that their output equals the
single-process run record for record.

    check.py PRESSKIT_BINARY [--work DIR] [--extraction DIR]

Datasets: (a) JSON Lines made from every file in Samples/ (text, Markdown, HTML records with ids and URLs),
the 181 pages of the extraction benchmark when ../shared/extraction is there, and two bad lines;
(b) the WARC fixtures of the tests (plain, gzip per record, whole-file gzip, truncated, damaged, corrupt) and,
with the extraction pages, an archive of them split into 4 files.
"""
import argparse
import glob
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def make_jsonl(path, extraction):
    formats = {".txt": "text", ".md": "markdown", ".html": "html"}
    with open(path, "w", encoding="utf-8") as out:
        for file in sorted(glob.glob(os.path.join(ROOT, "Samples", "**", "*"), recursive=True)):
            ext = os.path.splitext(file)[1]
            if ext not in formats or os.path.basename(file) == "README.md":
                continue
            raw = open(file, "rb").read()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
            record = {"id": os.path.relpath(file, ROOT), "format": formats[ext], "content": text}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.write("this line is not JSON\n")
        out.write(json.dumps({"id": "no-content"}) + "\n")
        truth = os.path.join(extraction, "scrapinghub", "ground-truth.json")
        if os.path.exists(truth):
            urls = json.load(open(truth))
            for file in sorted(glob.glob(os.path.join(extraction, "scrapinghub", "html", "*.html.gz"))):
                key = os.path.basename(file).split(".")[0]
                html = gzip.open(file, "rb").read().decode("utf-8", "replace")
                out.write(json.dumps({"id": key, "url": urls.get(key, {}).get("url"), "html": html}) + "\n")


def spark_output(folder):
    lines = []
    for part in sorted(glob.glob(os.path.join(folder, "part-*"))):
        with open(part, encoding="utf-8") as f:
            lines += [line.rstrip("\n") for line in f]
    return lines


def without_line_numbers(lines):
    """Error lines name their line within the stream presskit saw: a partition under rdd.pipe."""
    out = []
    for line in lines:
        value = json.loads(line)
        if "error" in value:
            value.pop("line", None)
        out.append(json.dumps(value, sort_keys=True))
    return out


def run_spark(args, presskit):
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, SPARK_LOCAL_IP="127.0.0.1")
    command = [sys.executable, os.path.join(HERE, "presskit_job.py")] + args + ["--presskit", presskit]
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"spark job failed: {' '.join(args)}")


def single(presskit, args):
    result = subprocess.run([presskit] + args, capture_output=True)
    if result.returncode > 1:
        raise SystemExit(f"presskit failed: {result.stderr.decode()}")
    return result.stdout.decode("utf-8").splitlines()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("presskit")
    parser.add_argument("--work", default=None)
    parser.add_argument("--extraction", default=os.path.join(ROOT, "..", "shared", "extraction"))
    args = parser.parse_args()
    presskit = os.path.abspath(args.presskit)
    work = args.work or tempfile.mkdtemp(prefix="presskit-spark-")
    os.makedirs(work, exist_ok=True)
    os.environ.setdefault("PYSPARK_SUBMIT_ARGS", "--master local[2] pyspark-shell")
    failures = 0

    # (a) rdd.pipe over JSON Lines
    dataset = os.path.join(work, "records.jsonl")
    make_jsonl(dataset, args.extraction)
    expected = single(presskit, [dataset, "-t", "jsonl", "-q"])
    out = os.path.join(work, "pipe-out")
    shutil.rmtree(out, ignore_errors=True)
    run_spark(["pipe", dataset, out, "--partitions", "4"], presskit)
    got = spark_output(out)
    if without_line_numbers(got) == without_line_numbers(expected):
        print(f"pipe: {len(got)} records, equal to the single-process run")
    else:
        failures += 1
        print(f"pipe: DIFFERENT: {len(got)} lines from Spark, {len(expected)} from one process")

    # (b) one task per WARC file
    fixtures = os.path.join(ROOT, "Tests", "PressKitTests", "Fixtures", "WARC")
    files = [os.path.join(fixtures, name) for name in
             ["pages.warc.gz", "pages.warc", "pages-whole.warc.gz", "truncated.warc", "damaged.warc", "corrupt.warc.gz"]]
    files += sorted(glob.glob(os.path.join(fixtures, "judges", "*.warc*")))
    if os.path.isdir(os.path.join(args.extraction, "scrapinghub")):
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "make-warc.py"), os.path.join(work, "pages.warc.gz"),
                        "--extraction", args.extraction, "--split", "4"], check=True)
        files += sorted(glob.glob(os.path.join(work, "pages-*.warc.gz")))
    expected = single(presskit, ["-f", "warc", "-t", "jsonl", "-q"] + files)
    out = os.path.join(work, "warc-out")
    shutil.rmtree(out, ignore_errors=True)
    run_spark(["warc", out] + files, presskit)
    got = spark_output(out)
    if got == expected:
        errors = sum(1 for line in got if '"error"' in line and json.loads(line).get("error"))
        print(f"warc: {len(files)} files, {len(got)} lines ({errors} error lines), equal to the single-process run")
    else:
        failures += 1
        print(f"warc: DIFFERENT: {len(got)} lines from Spark, {len(expected)} from one process")
    print(f"{2 - failures} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
