#!/usr/bin/env python3
"""presskit as the extraction stage of a Spark job.

Two jobs, both writing JSON Lines (one presskit document per line):

  pipe  JSON Lines records in (`{"id", "url", "html" | "text" | "markdown" | "content"}` or presskit
        documents), each partition piped through one `presskit -f jsonl -t jsonl` process with rdd.pipe.
  warc  WARC files in (.warc or .warc.gz), one task per file: each task runs `presskit FILE -t jsonl` and
        yields its lines; one line per HTML page, error lines (with `error` and `offset`) for damaged records.

    spark-submit presskit_job.py pipe INPUT.jsonl OUTPUT_DIR [--presskit PATH] [--partitions N]
    spark-submit presskit_job.py warc OUTPUT_DIR FILE.warc.gz [FILE.warc.gz ...] [--presskit PATH]

The presskit binary is found at --presskit, else as a file shipped with `spark-submit --files presskit`
(SparkFiles), else on PATH. The output directory holds part-NNNNN files, in input order.
"""
import argparse
import os
import shlex
import shutil
import subprocess
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def presskit_path(given):
    """The binary on the executor: --presskit, a file shipped with --files, or PATH."""
    if given:
        return given
    try:
        shipped = SparkFiles.get("presskit")
        if os.path.exists(shipped):
            os.chmod(shipped, 0o755)
            return shipped
    except Exception:
        pass
    return shutil.which("presskit") or "presskit"


def pipe_job(sc, source, output, binary, partitions):
    lines = sc.textFile(source, minPartitions=partitions)
    # One presskit process per partition: records in on stdin, one line out per record, in order.
    # presskit exits 1 when a record failed (its line carries "error"): that must not fail the task.
    script = f"{shlex.quote(binary)} -f jsonl -t jsonl -q; s=$?; [ $s -le 1 ] || exit $s"
    converted = lines.pipe("/bin/sh -c " + shlex.quote(script), checkCode=True)
    converted.saveAsTextFile(output)


def convert_warc(paths, binary):
    """One task per WARC file: presskit streams it record by record; memory stays at one record."""
    for path in paths:
        process = subprocess.Popen([binary, "-f", "warc", "-t", "jsonl", "-q", path],
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for line in process.stdout:
            yield line.decode("utf-8").rstrip("\n")
        error = process.stderr.read().decode("utf-8", "replace")
        if process.wait() > 1:  # 1 means some records failed: they are error lines in the output
            raise RuntimeError(f"presskit failed on {path}: {error.strip()}")


def warc_job(sc, files, output, binary):
    paths = [os.path.abspath(f) for f in files]
    rdd = sc.parallelize(paths, len(paths))
    rdd.mapPartitions(lambda part: convert_warc(part, binary)).saveAsTextFile(output)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("job", choices=["pipe", "warc"])
    parser.add_argument("args", nargs="+")
    parser.add_argument("--presskit")
    parser.add_argument("--partitions", type=int, default=4)
    options = parser.parse_args()
    spark = SparkSession.builder.appName(f"presskit-{options.job}").getOrCreate()
    sc = spark.sparkContext
    sc.setLogLevel("ERROR")
    binary = options.presskit or presskit_path(None)
    if options.job == "pipe":
        if len(options.args) != 2:
            parser.error("pipe takes INPUT.jsonl OUTPUT_DIR")
        pipe_job(sc, options.args[0], options.args[1], binary, options.partitions)
    else:
        if len(options.args) < 2:
            parser.error("warc takes OUTPUT_DIR FILE.warc.gz ...")
        warc_job(sc, options.args[1:], options.args[0], binary)
    spark.stop()


if __name__ == "__main__":
    sys.exit(main())
