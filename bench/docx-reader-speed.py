#!/usr/bin/env python3
"""The DOCX reader's speed and memory against pandoc, in the same run.

1. A folder of N one-page Word releases (Samples/docx/word-press-release.docx with its numbers and names
   varied per file) read to JSON by one presskit process (`presskit IN -t json -o OUT`, --jobs 1 and the
   default), against `pandoc -f docx -t json` once per file, run one after another. pandoc is run on a
   sample of PANDOC_SAMPLE files and extrapolated to N (said so in the output).
2. Peak memory (RSS, `/usr/bin/time -f %M`) reading a ~10 MB DOCX with pictures to JSON, both tools.

    python3 bench/docx-reader-speed.py [N=1000] [PANDOC_SAMPLE=100]
    PRESSKIT_BIN=.build/release/presskit (default; built with `make release` if missing)
"""
import io, os, random, re, shutil, statistics, struct, subprocess, sys, time, zipfile, zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("PRESSKIT_BIN", os.path.join(ROOT, ".build/release/presskit"))
OUT = os.path.join(ROOT, "bench-out", "docx-reader")
SAMPLE = os.path.join(ROOT, "Samples", "docx", "word-press-release.docx")


def variants(n, folder):
    with zipfile.ZipFile(SAMPLE) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    document = parts["word/document.xml"].decode("utf-8")
    rng = random.Random(7)
    os.makedirs(folder, exist_ok=True)
    for i in range(n):
        doc = document.replace("40", str(rng.randint(10, 99))).replace("Harlow Ridge", f"Harlow Ridge {i}")
        doc = re.sub(r"11,000", f"{rng.randint(2, 40)},{rng.randint(100, 999)}", doc)
        with zipfile.ZipFile(os.path.join(folder, f"release-{i:04d}.docx"), "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in parts.items():
                out.writestr(name, doc.encode("utf-8") if name == "word/document.xml" else data)


def noise_png(width, height, seed):
    rng = random.Random(seed)
    rows = b"".join(b"\x00" + bytes(rng.getrandbits(8) for _ in range(width * 3)) for _ in range(height))
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows, 1)) + chunk(b"IEND", b""))


def big_docx(path):
    """The sample with its picture replaced by a ~10 MB incompressible one."""
    with zipfile.ZipFile(SAMPLE) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    for name in parts:
        if name.startswith("word/media/"):
            parts[name] = noise_png(1800, 1850, 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)


def peak_rss(command):
    result = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, check=True)
    return int(result.stderr.strip().splitlines()[-1]) / 1024.0


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    pandoc_sample = min(n, int(sys.argv[2]) if len(sys.argv) > 2 else 100)
    if not os.path.exists(BIN):
        subprocess.run(["make", "-s", "release"], cwd=ROOT, check=True)
    shutil.rmtree(OUT, ignore_errors=True)
    folder = os.path.join(OUT, "in")
    variants(n, folder)
    files = sorted(os.listdir(folder))
    print(f"{n} one-page DOCX releases, {sum(os.path.getsize(os.path.join(folder, f)) for f in files) // n} bytes each on average")

    timings = {}
    for label, extra in (("presskit --jobs 1", ["--jobs", "1"]), ("presskit (default jobs)", [])):
        target = os.path.join(OUT, "json-" + str(len(timings)))
        start = time.perf_counter()
        subprocess.run([BIN, folder, "-t", "json", "-o", target, "-q"] + extra, check=True)
        timings[label] = time.perf_counter() - start
        written = len([f for f in os.listdir(target) if f.endswith(".json")])
        assert written == n, f"{label} wrote {written} of {n}"
    sample = files[:: max(1, n // pandoc_sample)][:pandoc_sample]
    start = time.perf_counter()
    for f in sample:
        subprocess.run(["pandoc", "-f", "docx", "-t", "json", os.path.join(folder, f)], stdout=subprocess.DEVNULL, check=True)
    pandoc_each = (time.perf_counter() - start) / len(sample)
    pandoc_total = pandoc_each * n
    print(f"pandoc -f docx -t json, one process per file: {pandoc_each * 1000:.1f} ms per file "
          f"({len(sample)} files run, {n} extrapolated: {pandoc_total:.1f} s)")
    for label, seconds in timings.items():
        print(f"{label}: {seconds:.2f} s for {n} files ({seconds / n * 1000:.2f} ms per file) -> "
              f"{pandoc_total / seconds:.0f}x pandoc")

    big = os.path.join(OUT, "big-with-pictures.docx")
    big_docx(big)
    size = os.path.getsize(big) / 1e6
    ours = statistics.median(peak_rss([BIN, big, "-t", "json", "-o", os.path.join(OUT, "big.json")]) for _ in range(3))
    theirs = statistics.median(peak_rss(["pandoc", "-f", "docx", "-t", "json", "-o", os.path.join(OUT, "big-pandoc.json"), big]) for _ in range(3))
    print(f"peak memory reading a {size:.1f} MB DOCX with a picture to JSON: presskit {ours:.0f} MB, pandoc {theirs:.0f} MB")


if __name__ == "__main__":
    main()
