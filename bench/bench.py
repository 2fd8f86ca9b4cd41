#!/usr/bin/env python3
"""presskit against pandoc, trafilatura and the floor set by libxml2 and zlib, side by side in one run.

Usage: bench/bench.py [--quick] [--out bench-out]   (make bench runs it after a release build)

Every figure is a median over repeated whole-process runs (this machine is shared and noisy), and every
comparison runs both tools on the same inputs in the same run. Results go to OUT/results.json as well.
"""
import argparse, glob, gzip, json, os, resource, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PRESSKIT = os.path.join(ROOT, ".build", "release", "presskit")


def run(cmd, stdin=None, cwd=None):
    """Runs cmd, returns (wall seconds, peak RSS MB, exit code)."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as devnull:
        p = subprocess.Popen(cmd, stdin=stdin, stdout=devnull, stderr=devnull, cwd=cwd)
        _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    return wall, usage.ru_maxrss / 1024.0, os.waitstatus_to_exitcode(status)


def measure(cmd, repeat, cwd=None):
    times, mems, code = [], [], 0
    for _ in range(repeat):
        t, m, c = run(cmd, cwd=cwd)
        times.append(t)
        mems.append(m)
        code = code or c
    return {"seconds": statistics.median(times), "peak_mb": max(mems), "runs": repeat, "exit": code}


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="fewer repeats and smaller batches")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench-out"))
    ap.add_argument("--extraction", default=os.environ.get("EXTRACTION_DIR", os.path.join(ROOT, "..", "shared", "extraction")))
    args = ap.parse_args()
    repeat = 3 if args.quick else 7
    out = os.path.abspath(args.out)
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    fmts = formats()
    writers = [f for f in ["json", "markdown", "epub", "docx"] if fmts.get(f, (0, 0))[1]]
    results = {"machine": os.uname().nodename, "cores": os.cpu_count(), "small": [], "startup": {}, "seed": {}, "large": [], "batch": [], "extraction": {}, "floor": {}}
    rows = []

    # 1. one small release, whole process.
    pandoc_from = {"html": "html", "markdown": "markdown", "text": "markdown"}
    ext = {"json": "json", "markdown": "md", "epub": "epub", "docx": "docx"}
    for kind in ["html", "markdown", "text"]:
        src = sample(kind)
        if not src or not fmts.get({"text": "text"}.get(kind, kind), (0, 0))[0]:
            continue
        for w in writers:
            target = os.path.join(out, f"small-{kind}.{ext[w]}")
            p = measure([PRESSKIT, src, "-t", w, "-o", target], repeat)
            pd = measure(["pandoc", "-f", pandoc_from[kind], "-t", w, src, "-o", target + ".pandoc." + ext[w]], repeat)
            results["small"].append({"input": kind, "output": w, "bytes": os.path.getsize(src), "presskit": p, "pandoc": pd, "ratio": ratio(p["seconds"], pd["seconds"])})
            rows.append((f"small {kind} -> {w}", f"{p['seconds']*1000:.1f} ms", f"{pd['seconds']*1000:.1f} ms", f"{ratio(p['seconds'], pd['seconds'])}x"))

    # Process start-up alone, and the seed release (the project's first input) -> JSON against pandoc's
    # Markdown reader on the same file.
    p = measure([PRESSKIT, "--version"], repeat * 3)
    pd = measure(["pandoc", "--version"], repeat * 3)
    results["startup"] = {"presskit": p, "pandoc": pd, "ratio": ratio(p["seconds"], pd["seconds"])}
    rows.append(("start-up (--version)", f"{p['seconds']*1000:.1f} ms", f"{pd['seconds']*1000:.1f} ms", f"{ratio(p['seconds'], pd['seconds'])}x"))
    seed = os.path.join(ROOT, "Samples", "text", "seed-partner2connect.txt")
    if os.path.exists(seed):
        p = measure([PRESSKIT, seed, "-t", "json", "-o", os.path.join(out, "seed.json")], repeat * 3)
        pd = measure(["pandoc", "-f", "markdown", "-t", "json", seed, "-o", os.path.join(out, "seed.pandoc.json")], repeat * 3)
        results["seed"] = {"presskit": p, "pandoc": pd, "ratio": ratio(p["seconds"], pd["seconds"])}
        rows.append(("seed text -> json", f"{p['seconds']*1000:.1f} ms", f"{pd['seconds']*1000:.1f} ms", f"{ratio(p['seconds'], pd['seconds'])}x"))

    # 2. large documents -> EPUB and DOCX, time and peak memory; 3. scaling.
    sizes = [1, 10] if args.quick else [1, 10, 100]
    for mb in sizes:
        src = os.path.join(out, f"big-{mb}mb.html")
        big_html(src, mb)
        for w in [f for f in ["epub", "docx"] if f in writers]:
            target = os.path.join(out, f"big-{mb}mb.{w}")
            p = measure([PRESSKIT, src, "-o", target], 3 if mb < 100 else 1)
            entry = {"megabytes": mb, "output": w, "presskit": p}
            # Per-megabyte cost: flat from 1 to 100 MB means linear growth.
            entry["ms_per_mb"] = round(p["seconds"] * 1000 / mb, 1)
            line = [f"{mb} MB html -> {w}", f"{p['seconds']:.2f} s / {p['peak_mb']:.0f} MB ({entry['ms_per_mb']:.0f} ms/MB)"]
            if mb <= 10:
                pd = measure(["pandoc", src, "-o", target + ".pandoc." + w], 3 if mb == 1 else 1)
                entry["pandoc"] = pd
                entry["ratio"] = ratio(p["seconds"], pd["seconds"])
                entry["memory_ratio"] = round(pd["peak_mb"] / p["peak_mb"], 1)
                line += [f"{pd['seconds']:.2f} s / {pd['peak_mb']:.0f} MB", f"{entry['ratio']}x faster, {entry['memory_ratio']}x less memory"]
            else:
                line += ["(pandoc not run)", ""]
            results["large"].append(entry)
            rows.append(tuple(line))

    # 4. batch of releases: presskit's batch (one process) against pandoc's loop (a process per file).
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
        p = measure([PRESSKIT, src_dir, "-o", dst, "-t", w], 3)
        files = sorted(os.listdir(src_dir))[:loop_n]
        script = "for f in " + " ".join(files) + f"; do pandoc -f markdown \"$f\" -o \"{batch_root}/pandoc-$f.{w}\"; done"
        pd = measure(["bash", "-c", script], 1, cwd=src_dir)
        p_rate, pd_rate = n / p["seconds"], loop_n / pd["seconds"]
        entry = {"files": n, "output": w, "presskit_files_per_s": round(p_rate, 1), "pandoc_files": loop_n, "pandoc_files_per_s": round(pd_rate, 1), "ratio": round(p_rate / pd_rate, 1)}
        for jobs in [1, 2]:
            pj = measure([PRESSKIT, src_dir, "-o", dst + f"-j{jobs}", "-t", w, "--jobs", str(jobs)], 1)
            entry[f"jobs{jobs}_files_per_s"] = round(n / pj["seconds"], 1)
        results["batch"].append(entry)
        rows.append((f"batch {n} md -> {w}", f"{p_rate:.0f} files/s", f"{pd_rate:.1f} files/s", f"{entry['ratio']}x (jobs 1: {entry['jobs1_files_per_s']}/s, jobs 2: {entry['jobs2_files_per_s']}/s)"))

    shutil.rmtree(batch_root, ignore_errors=True)

    # 5. HTML reader on the extraction development set against trafilatura, and the floor.
    pages = sorted(glob.glob(os.path.join(args.extraction, "scrapinghub", "html", "*.html.gz")))
    if pages and fmts.get("html", (0, 0))[0]:
        page_dir = os.path.join(out, "pages")
        os.makedirs(page_dir)
        for g in pages:
            with gzip.open(g, "rb") as fin, open(os.path.join(page_dir, os.path.basename(g)[:-3]), "wb") as fo:
                fo.write(fin.read())
        htmls = sorted(glob.glob(os.path.join(page_dir, "*.html")))
        total = sum(os.path.getsize(h) for h in htmls)
        p = measure([PRESSKIT, page_dir, "-o", os.path.join(out, "pages-text"), "-t", "text", "--jobs", "1"], 3)
        entry = {"pages": len(htmls), "bytes": total, "presskit_pages_per_s": round(len(htmls) / p["seconds"], 1)}
        traf = "import sys,time,trafilatura\nfs=sys.argv[1:]\nfor f in fs: trafilatura.extract(open(f,'rb').read())\n"
        try:
            import trafilatura  # noqa: F401
            t = measure([sys.executable, "-c", traf] + htmls, 1)
            entry["trafilatura_pages_per_s"] = round(len(htmls) / t["seconds"], 1)
            entry["ratio_vs_trafilatura"] = round(entry["presskit_pages_per_s"] / entry["trafilatura_pages_per_s"], 1)
        except ImportError:
            entry["trafilatura_pages_per_s"] = None
        floor_bin = os.path.join(out, "floor")
        subprocess.run(["cc", "-O2", "-o", floor_bin, os.path.join(ROOT, "bench", "floor.c")] +
                       subprocess.run(["pkg-config", "--cflags", "--libs", "libxml-2.0", "zlib"], capture_output=True, text=True).stdout.split(), check=True)
        fl = json.loads(subprocess.run([floor_bin] + htmls, capture_output=True, text=True, env=dict(os.environ, FLOOR_REPEAT="3")).stdout)
        parse_s = fl["parse_seconds"] / fl["repeat"]
        deflate_s = fl["deflate_seconds"] / fl["repeat"]
        entry["libxml2_parse_pages_per_s"] = round(len(htmls) / parse_s, 1)
        entry["zlib_deflate_mb_per_s"] = round(total / 1e6 / deflate_s, 1)
        entry["presskit_vs_bare_parse"] = round((len(htmls) / parse_s) / entry["presskit_pages_per_s"], 2)
        results["extraction"] = entry
        results["floor"] = fl
        rows.append((f"HTML reader, {len(htmls)} pages", f"{entry['presskit_pages_per_s']} pages/s",
                     f"trafilatura {entry.get('trafilatura_pages_per_s')} pages/s", f"{entry.get('ratio_vs_trafilatura')}x"))
        rows.append(("floor: libxml2 bare parse", f"{entry['libxml2_parse_pages_per_s']} pages/s", "", f"presskit takes {entry['presskit_vs_bare_parse']}x the bare parse"))
        rows.append(("floor: zlib deflate level 6", f"{entry['zlib_deflate_mb_per_s']} MB/s", "", ""))

    json.dump(results, open(os.path.join(out, "results.json"), "w"), indent=2)
    widths = [max(len(str(r[i])) for r in rows + [("case", "presskit", "pandoc / other", "ratio")]) for i in range(4)]
    header = ("case", "presskit", "pandoc / other", "ratio")
    for r in [header] + rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)))
    print(f"\nresults: {os.path.join(out, 'results.json')}")


if __name__ == "__main__":
    main()
