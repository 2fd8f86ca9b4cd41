#!/usr/bin/env python3
"""presskit against pandoc, trafilatura and the floor set by libxml2 and zlib, side by side in one run.

Usage: bench/bench.py [--quick] [--out bench-out] [--parts small,startup,large,batch,markdown,reader]
       (make bench runs it after a release build; --parts runs only those rows)

Every figure is a median over repeated whole-process runs (this machine is shared and noisy), and every
comparison runs both tools on the same inputs in the same run. Results go to OUT/results.json as well.
Every anchor a selected row needs (pandoc, cmark-gfm, trafilatura, the C compiler and the libxml2/zlib
headers for the floor, the extraction pages) is checked before anything runs: a missing one stops the
bench with exit 2 and says how to install it, rather than dropping its row.
"""
import argparse, glob, gzip, json, os, resource, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRESSKIT = os.path.join(ROOT, ".build", "release", "presskit")


ALL_PARTS = ["small", "startup", "large", "batch", "markdown", "reader"]
# The extensions presskit attaches for gfm; footnotes, which presskit also parses, have no switch in
# cmark-gfm 0.29's command line (so cmark-gfm does a little less work than presskit here).
GFM_EXTENSIONS = ["-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tasklist"]


def run(cmd, stdin=None, cwd=None):
    """Runs cmd, returns (wall seconds, peak RSS MB, exit code, CPU seconds: user + system)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        p = subprocess.Popen(cmd, stdin=stdin, stdout=devnull, stderr=devnull, cwd=cwd)
        _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status), usage.ru_utime + usage.ru_stime


def measure(cmd, repeat, cwd=None, must_succeed=True):
    """Median wall and CPU time of `repeat` runs; a command that fails stops the bench (a failed run is
    not a fast one)."""
    times, mems, cpus, code = [], [], [], 0
    for _ in range(repeat):
        t, m, c, cpu = run(cmd, cwd=cwd)
        times.append(t)
        mems.append(m)
        cpus.append(cpu)
        code = code or c
    if code and must_succeed:
        sys.exit(f"bench: exit {code} from: {' '.join(cmd)[:300]}")
    return {"seconds": statistics.median(times), "cpu_seconds": statistics.median(cpus), "peak_mb": max(mems),
            "runs": repeat, "exit": code, "times": times, "cpus": cpus}


def measure_pair(cmd_a, cmd_b, repeat):
    """`measure` of two commands run in turn (a, b, a, b, …): on a shared machine a slow spell then touches both
    sides of a ratio instead of one (seven runs of one and then seven of the other moved the small-release
    ratios by up to 40 % between two runs)."""
    runs = {0: [], 1: []}
    for _ in range(repeat):
        for side, cmd in ((0, cmd_a), (1, cmd_b)):
            runs[side].append(run(cmd))
    out = []
    for side, cmd in ((0, cmd_a), (1, cmd_b)):
        code = next((r[2] for r in runs[side] if r[2]), 0)
        if code:
            sys.exit(f"bench: exit {code} from: {' '.join(cmd)[:300]}")
        out.append({"seconds": statistics.median(r[0] for r in runs[side]),
                    "cpu_seconds": statistics.median(r[3] for r in runs[side]),
                    "peak_mb": max(r[1] for r in runs[side]), "runs": repeat, "exit": 0})
    return out


def check_anchors(parts, extraction):
    """Every tool a selected row compares against, installed and working; exits 2 naming what is missing."""
    missing = []
    if not os.access(PRESSKIT, os.X_OK):
        missing.append(f"presskit release build at {PRESSKIT} (make release)")
    if {"small", "startup", "large", "batch"} & parts and not shutil.which("pandoc"):
        missing.append("pandoc (apt-get install pandoc)")
    if "markdown" in parts and not shutil.which("cmark-gfm"):
        missing.append("cmark-gfm (apt-get install cmark-gfm)")
    if "startup" in parts and not shutil.which("swiftc"):
        missing.append("swiftc (for the Swift hello-world floor)")
    if "reader" in parts:
        # An import is not enough: trafilatura imports lxml.html.clean, split out of lxml 5.2 into
        # lxml_html_clean; without it `import trafilatura` fails and its row would silently vanish.
        probe = subprocess.run([sys.executable, "-c", "import trafilatura, lxml_html_clean; "
                                "assert trafilatura.extract('<html><body><article><p>' + 'A sentence of text. ' * 20 + "
                                "'</p></article></body></html>')"], capture_output=True, text=True)
        if probe.returncode != 0:
            missing.append("trafilatura with lxml_html_clean, working (python3 -m pip install trafilatura lxml_html_clean): "
                           + (probe.stderr.strip().splitlines() or ["no text extracted"])[-1])
        if not glob.glob(os.path.join(extraction, "scrapinghub", "html", "*.html.gz")):
            missing.append(f"the extraction pages in {extraction}/scrapinghub/html (EXTRACTION_DIR=...)")
        if not shutil.which("cc") or subprocess.run(["pkg-config", "--exists", "libxml-2.0", "zlib"]).returncode != 0:
            missing.append("a C compiler with libxml2 and zlib headers for bench/floor.c (apt-get install gcc libxml2-dev zlib1g-dev)")
    if missing:
        sys.exit("bench: missing anchors (make bench-deps installs them):\n  " + "\n  ".join(missing))


def formats():
    out = subprocess.run([PRESSKIT, "formats"], capture_output=True, text=True).stdout.splitlines()[1:]
    return {l.split()[0]: (l.split()[1] == "yes", l.split()[2] == "yes") for l in out if l.strip()}


def sample(kind):
    """A typical small release of this kind from Samples/ (the first by name)."""
    files = sorted(glob.glob(os.path.join(ROOT, "Samples", kind, "*." + {"text": "txt", "markdown": "md", "html": "html"}[kind])))
    files = [f for f in files if 3000 <= os.path.getsize(f) <= 20000] or files
    return files[0] if files else None


def big_markdown(path, megabytes):
    seed = open(os.path.join(ROOT, "Samples", "text", sorted(os.listdir(os.path.join(ROOT, "Samples", "text")))[0]), encoding="utf-8", errors="replace").read()
    paras = [p.strip() for p in seed.split("\n\n") if len(p.strip()) > 80]
    out, i, size = ["---\ntitle: A large press archive\ndate: 2021-09-21\nlanguage: en\n---\n"], 0, 0
    while size < megabytes * 1_000_000:
        block = f"\n## Section {i + 1}\n\n" + "\n\n".join(paras) + "\n\n- first point\n- second point with **strong** text\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        out.append(block)
        size += len(block.encode())
        i += 1
    open(path, "w", encoding="utf-8").write("".join(out))


def big_html(path, megabytes):
    md = path + ".md"
    big_markdown(md, megabytes)
    subprocess.run([PRESSKIT, md, "-t", "html", "-o", path], check=True)
    os.remove(md)


def ratio(a, b):
    return round(b / a, 1) if a > 0 else None


def gfm_corpus(path, megabytes):
    """The Markdown samples (front matter removed) repeated to `megabytes`: headings, paragraphs, emphasis, links,
    lists, task lists, tables, footnotes and non-ASCII text (bench/markdown-speed.sh uses the same file)."""
    subprocess.run([sys.executable, os.path.join(ROOT, "bench", "gfm_corpus.py"), path, str(megabytes)], check=True)


def ms(seconds):
    return f"{seconds * 1000:.1f} ms"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer repeats and smaller batches")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench-out"))
    ap.add_argument("--extraction", default=os.environ.get("EXTRACTION_DIR", os.path.join(ROOT, "..", "shared", "extraction")))
    ap.add_argument("--parts", default=",".join(ALL_PARTS), help="comma list of: " + ", ".join(ALL_PARTS))
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    if parts - set(ALL_PARTS):
        sys.exit(f"bench: unknown part(s) {', '.join(sorted(parts - set(ALL_PARTS)))}; known: {', '.join(ALL_PARTS)}")
    if not os.path.isdir(args.extraction) and os.path.isdir(os.path.join(ROOT, "..", "..", "shared", "extraction")):
        args.extraction = os.path.join(ROOT, "..", "..", "shared", "extraction")   # a git worktree sits deeper
    check_anchors(parts, args.extraction)
    repeat = 3 if args.quick else 7
    out = os.path.abspath(args.out)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    fmts = formats()
    writers = [f for f in ["json", "markdown", "epub", "docx"] if fmts.get(f, (0, 0))[1]]
    results = {"machine": os.uname().nodename, "cores": os.cpu_count(), "quick": args.quick, "parts": sorted(parts),
               "small": [], "startup": {}, "seed": {}, "large": [], "batch": [], "markdown": {}, "extraction": {}, "floor": {}}
    rows = []

    # 1. one small release, whole process.
    pandoc_from = {"html": "html", "markdown": "markdown", "text": "markdown"}
    ext = {"json": "json", "markdown": "md", "epub": "epub", "docx": "docx"}
    for kind in ["html", "markdown", "text"] if "small" in parts else []:
        src = sample(kind)
        if not src or not fmts.get({"text": "text"}.get(kind, kind), (0, 0))[0]:
            sys.exit(f"bench: no {kind} sample in Samples/ or presskit cannot read {kind}")
        for w in writers:
            target = os.path.join(out, f"small-{kind}.{ext[w]}")
            p, pd = measure_pair([PRESSKIT, src, "-t", w, "-o", target],
                                 ["pandoc", "-f", pandoc_from[kind], "-t", w, src, "-o", target + ".pandoc." + ext[w]],
                                 repeat * 3)
            results["small"].append({"input": kind, "output": w, "bytes": os.path.getsize(src), "presskit": p, "pandoc": pd, "ratio": ratio(p["seconds"], pd["seconds"])})
            rows.append((f"small {kind} -> {w}", f"{ms(p['seconds'])} (cpu {ms(p['cpu_seconds'])})",
                         f"{ms(pd['seconds'])} (cpu {ms(pd['cpu_seconds'])})", f"{ratio(p['seconds'], pd['seconds'])}x"))

    # Process start-up: presskit --version and a small Markdown release -> JSON against pandoc, and the floors:
    # `true` (any process) and a Swift hello world built the way presskit is (static standard library, and the
    # C++ runtime from .build/static-libstdc++ when `make release` linked it statically).
    if "startup" in parts:
        p = measure([PRESSKIT, "--version"], repeat * 3)
        pd = measure(["pandoc", "--version"], repeat * 3)
        results["startup"] = {"presskit": p, "pandoc": pd, "ratio": ratio(p["seconds"], pd["seconds"])}
        rows.append(("start-up (--version)", f"{ms(p['seconds'])} (cpu {ms(p['cpu_seconds'])})",
                     f"{ms(pd['seconds'])} (cpu {ms(pd['cpu_seconds'])})", f"{ratio(p['seconds'], pd['seconds'])}x"))
        small_md = sample("markdown")
        p = measure([PRESSKIT, small_md, "-t", "json", "-o", os.path.join(out, "startup.json")], repeat * 3)
        results["startup"]["small_json"] = p
        hello_src = os.path.join(out, "hello.swift")
        open(hello_src, "w").write('print("hello")\n')
        hello = os.path.join(out, "hello")
        static_cxx = os.path.join(ROOT, ".build", "static-libstdc++")
        cxx = ["-L" + static_cxx] if os.path.exists(os.path.join(static_cxx, "libstdc++.a")) else []
        subprocess.run(["swiftc", "-O", "-static-stdlib", hello_src, "-o", hello] + cxx, check=True, capture_output=True)
        t = measure(["true"], repeat * 3)
        h = measure([hello], repeat * 3)
        results["startup"]["true"] = t
        results["startup"]["swift_hello"] = h
        rows.append(("small markdown -> json, cpu", f"{ms(p['cpu_seconds'])} cpu ({ms(p['seconds'])} wall)",
                     f"floors: true {ms(t['cpu_seconds'])}, Swift hello {ms(h['cpu_seconds'])} cpu",
                     f"{p['cpu_seconds'] / max(h['cpu_seconds'], 1e-4):.1f}x the Swift hello world"))
        seed = os.path.join(ROOT, "Samples", "text", "seed-partner2connect.txt")
        if os.path.exists(seed):
            p = measure([PRESSKIT, seed, "-t", "json", "-o", os.path.join(out, "seed.json")], repeat * 3)
            pd = measure(["pandoc", "-f", "markdown", "-t", "json", seed, "-o", os.path.join(out, "seed.pandoc.json")], repeat * 3)
            results["seed"] = {"presskit": p, "pandoc": pd, "ratio": ratio(p["seconds"], pd["seconds"])}
            rows.append(("seed text -> json", ms(p["seconds"]), ms(pd["seconds"]), f"{ratio(p['seconds'], pd['seconds'])}x"))

    # 2. large documents -> EPUB and DOCX, time and peak memory; 3. scaling.
    sizes = [1, 10] if args.quick else [1, 10, 100]
    for mb in sizes if "large" in parts else []:
        src = os.path.join(out, f"big-{mb}mb.html")
        big_html(src, mb)
        input_mb = os.path.getsize(src) / 1e6
        for w in [f for f in ["epub", "docx"] if f in writers]:
            target = os.path.join(out, f"big-{mb}mb.{w}")
            pd = None
            if mb == 1:
                # presskit and pandoc in turn, five runs each: a slow spell of the machine during presskit's
                # three runs alone moved this ratio by a third between two runs.
                p, pd = measure_pair([PRESSKIT, src, "-o", target], ["pandoc", src, "-o", target + ".pandoc." + w], 5)
            else:
                p = measure([PRESSKIT, src, "-o", target], 3 if mb < 100 else 1)
            entry = {"megabytes": mb, "input_mb": round(input_mb, 1), "output": w, "presskit": p,
                     "memory_per_input": round(p["peak_mb"] * 1.048576 / input_mb, 1)}
            # Per-megabyte cost: flat from 1 to 100 MB means linear growth.
            entry["ms_per_mb"] = round(p["seconds"] * 1000 / mb, 1)
            line = [f"{mb} MB html -> {w}", f"{p['seconds']:.2f} s / {p['peak_mb']:.0f} MB ({entry['ms_per_mb']:.0f} ms/MB, "
                    f"{entry['memory_per_input']}x input)"]
            if mb <= 10:
                pd = pd or measure(["pandoc", src, "-o", target + ".pandoc." + w], 1)
                entry["pandoc"] = pd
                entry["ratio"] = ratio(p["seconds"], pd["seconds"])
                entry["memory_ratio"] = round(pd["peak_mb"] / p["peak_mb"], 1)
                line += [f"{pd['seconds']:.2f} s / {pd['peak_mb']:.0f} MB", f"{entry['ratio']}x faster, {entry['memory_ratio']}x less memory"]
            else:
                line += ["(pandoc not run)", ""]
            results["large"].append(entry)
            rows.append(tuple(line))
            os.remove(target)
        os.remove(src)

    # 4. batch of releases: presskit's batch (one process) against pandoc's loop (a process per file).
    if "batch" in parts:
        n = 200 if args.quick else 1000
        # Batch files live in memory (/dev/shm) when it exists: file creation on this disk costs 0.5-1 ms,
        # which would measure the disk rather than the converter (BENCH_DIR overrides).
        batch_root = os.environ.get("BENCH_DIR") or ("/dev/shm" if os.path.isdir("/dev/shm") else out)
        batch_root = tempfile.mkdtemp(prefix="presskit-bench-", dir=batch_root)
        src_dir = os.path.join(batch_root, "batch-in")
        os.makedirs(src_dir)
        small_md = sample("markdown") or sample("text")
        for i in range(n):
            shutil.copy(small_md, os.path.join(src_dir, f"release-{i:05d}{os.path.splitext(small_md)[1]}"))
        loop_n = min(n, 100 if args.quick else 200)
        for w in [f for f in ["docx", "epub"] if f in writers]:
            dst = os.path.join(batch_root, f"batch-out-{w}")
            # presskit's runs (about a second each) on both sides of pandoc's loop (about twenty): a slow spell
            # of the shared machine during one side alone moved the EPUB ratio by 20 % between runs.
            before = measure([PRESSKIT, src_dir, "-o", dst, "-t", w], 3)
            files = sorted(os.listdir(src_dir))[:loop_n]
            script = "for f in " + " ".join(files) + f"; do pandoc -f markdown \"$f\" -o \"{batch_root}/pandoc-$f.{w}\" || exit 1; done"
            pd = measure(["bash", "-c", script], 1, cwd=src_dir)
            after = measure([PRESSKIT, src_dir, "-o", dst, "-t", w], 3)
            p = dict(before, times=before["times"] + after["times"], cpus=before["cpus"] + after["cpus"], runs=6,
                     peak_mb=max(before["peak_mb"], after["peak_mb"]))
            p["seconds"], p["cpu_seconds"] = statistics.median(p["times"]), statistics.median(p["cpus"])
            p_rate, pd_rate = n / p["seconds"], loop_n / pd["seconds"]
            entry = {"files": n, "output": w, "presskit_files_per_s": round(p_rate, 1), "presskit_cpu_seconds": p["cpu_seconds"],
                     "pandoc_files": loop_n, "pandoc_files_per_s": round(pd_rate, 1), "pandoc_cpu_seconds": pd["cpu_seconds"],
                     "ratio": round(p_rate / pd_rate, 1),
                     "cpu_ratio": round((pd["cpu_seconds"] / loop_n) / (p["cpu_seconds"] / n), 1)}
            for jobs in [1, 2]:
                pj = measure([PRESSKIT, src_dir, "-o", dst + f"-j{jobs}", "-t", w, "--jobs", str(jobs)], 1)
                entry[f"jobs{jobs}_files_per_s"] = round(n / pj["seconds"], 1)
            results["batch"].append(entry)
            rows.append((f"batch {n} md -> {w}", f"{p_rate:.0f} files/s", f"{pd_rate:.1f} files/s",
                         f"{entry['ratio']}x, cpu {entry['cpu_ratio']}x (jobs 1: {entry['jobs1_files_per_s']}/s, jobs 2: {entry['jobs2_files_per_s']}/s)"))
        shutil.rmtree(batch_root, ignore_errors=True)

    # 5. 1 MB of GFM -> HTML against cmark-gfm with the same extensions (tables, strikethrough, autolinks,
    # task lists), CPU time of the whole process.
    if "markdown" in parts:
        src = os.path.join(out, "gfm-1mb.md")
        gfm_corpus(src, 1)
        runs = 5 if args.quick else 9
        p = measure([PRESSKIT, src, "-f", "gfm", "-t", "html"], runs)
        pj = measure([PRESSKIT, src, "-f", "gfm", "-t", "json"], runs)
        c = measure(["cmark-gfm"] + GFM_EXTENSIONS + [src], runs)
        size = os.path.getsize(src)
        results["markdown"] = {"bytes": size, "presskit_html": p, "presskit_json": pj, "cmark_gfm": c,
                               "cpu_vs_cmark": round(p["cpu_seconds"] / c["cpu_seconds"], 2),
                               "json_cpu_vs_cmark": round(pj["cpu_seconds"] / c["cpu_seconds"], 2)}
        rows.append((f"{size / 1e6:.1f} MB gfm -> html, cpu", f"{ms(p['cpu_seconds'])} ({size / 1e6 / p['cpu_seconds']:.1f} MB/s)",
                     f"cmark-gfm {ms(c['cpu_seconds'])} ({size / 1e6 / c['cpu_seconds']:.1f} MB/s)",
                     f"presskit takes {results['markdown']['cpu_vs_cmark']}x cmark-gfm's time (-t json: {results['markdown']['json_cpu_vs_cmark']}x)"))

    # 6. HTML reader on the extraction development set against trafilatura, and the floor.
    if "reader" in parts:
        pages = sorted(glob.glob(os.path.join(args.extraction, "scrapinghub", "html", "*.html.gz")))
        page_dir = os.path.join(out, "pages")
        os.makedirs(page_dir)
        for g in pages:
            with gzip.open(g, "rb") as fin, open(os.path.join(page_dir, os.path.basename(g)[:-3]), "wb") as fo:
                fo.write(fin.read())
        htmls = sorted(glob.glob(os.path.join(page_dir, "*.html")))
        total = sum(os.path.getsize(h) for h in htmls)
        p = measure([PRESSKIT, page_dir, "-o", os.path.join(out, "pages-text"), "-t", "text", "--jobs", "1"], 3)
        entry = {"pages": len(htmls), "bytes": total, "presskit_pages_per_s": round(len(htmls) / p["seconds"], 1),
                 "presskit_cpu_pages_per_s": round(len(htmls) / p["cpu_seconds"], 1)}
        traf = "import sys,time,trafilatura\nfs=sys.argv[1:]\nfor f in fs: trafilatura.extract(open(f,'rb').read())\n"
        t = measure([sys.executable, "-c", traf] + htmls, 1)
        entry["trafilatura_pages_per_s"] = round(len(htmls) / t["seconds"], 1)
        entry["ratio_vs_trafilatura"] = round(entry["presskit_pages_per_s"] / entry["trafilatura_pages_per_s"], 1)
        floor_bin = os.path.join(out, "floor")
        subprocess.run(["cc", "-O2", "-o", floor_bin, os.path.join(ROOT, "bench", "floor.c")] +
                       subprocess.run(["pkg-config", "--cflags", "--libs", "libxml-2.0", "zlib"], capture_output=True, text=True).stdout.split(), check=True)
        fl = json.loads(subprocess.run([floor_bin] + htmls, capture_output=True, text=True, check=True, env=dict(os.environ, FLOOR_REPEAT="3")).stdout)
        parse_s = fl["parse_seconds"] / fl["repeat"]
        deflate_s = fl["deflate_seconds"] / fl["repeat"]
        entry["libxml2_parse_pages_per_s"] = round(len(htmls) / parse_s, 1)
        entry["zlib_deflate_mb_per_s"] = round(total / 1e6 / deflate_s, 1)
        entry["presskit_vs_bare_parse"] = round((len(htmls) / parse_s) / entry["presskit_pages_per_s"], 2)
        entry["presskit_cpu_vs_bare_parse"] = round(p["cpu_seconds"] / parse_s, 2)
        results["extraction"] = entry
        results["floor"] = fl
        rows.append((f"HTML reader, {len(htmls)} pages", f"{entry['presskit_pages_per_s']} pages/s (cpu {entry['presskit_cpu_pages_per_s']})",
                     f"trafilatura {entry['trafilatura_pages_per_s']} pages/s", f"{entry['ratio_vs_trafilatura']}x"))
        rows.append(("floor: libxml2 bare parse", f"{entry['libxml2_parse_pages_per_s']} pages/s", "",
                     f"presskit takes {entry['presskit_cpu_vs_bare_parse']}x the bare parse in cpu ({entry['presskit_vs_bare_parse']}x wall)"))
        rows.append(("floor: zlib deflate level 6", f"{entry['zlib_deflate_mb_per_s']} MB/s", "", ""))

    json.dump(results, open(os.path.join(out, "results.json"), "w"), indent=2)
    header = ("case", "presskit", "pandoc / other", "ratio")
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(4)]
    for r in [header] + rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
    print(f"\nresults: {os.path.join(out, 'results.json')}")


if __name__ == "__main__":
    main()
