#!/usr/bin/env python3
"""Draws the benchmark chart from make bench's own results: how many times faster presskit is than the
other tool in each case of bench-out/results.json (log scale, one bar per case).

Usage: bench/chart.py [RESULTS_JSON] [OUT_PNG]   (defaults: bench-out/results.json, docs/images/bench.png)
"""
import json, os, sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def cases(results):
    out = []
    for entry in results.get("small", []):
        out.append((f"small {entry['input']} → {entry['output']}", entry["ratio"], "pandoc"))
    if results.get("startup"):
        out.append(("start-up", results["startup"]["ratio"], "pandoc"))
    if results.get("seed"):
        out.append(("seed text → json", results["seed"]["ratio"], "pandoc"))
    for entry in results.get("large", []):
        if entry.get("ratio"):
            out.append((f"{entry['megabytes']} MB html → {entry['output']}", entry["ratio"], "pandoc"))
    for entry in results.get("batch", []):
        out.append((f"batch {entry['files']} md → {entry['output']}", entry["ratio"], "pandoc loop"))
    md = results.get("markdown") or {}
    if md.get("cpu_vs_cmark"):
        out.append(("1 MB gfm → html (cpu)", round(1 / md["cpu_vs_cmark"], 2), "cmark-gfm"))
    ex = results.get("extraction") or {}
    if ex.get("ratio_vs_trafilatura"):
        out.append((f"HTML reader, {ex['pages']} pages", ex["ratio_vs_trafilatura"], "trafilatura"))
    return out


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "bench-out", "results.json")
    dst = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "docs", "images", "bench.png")
    rows = cases(json.load(open(src)))
    if not rows:
        sys.exit(f"chart: no comparisons in {src}")
    colors = {"pandoc": "#3b6ea8", "pandoc loop": "#c0504d", "trafilatura": "#4f9a55", "cmark-gfm": "#8064a2"}
    colors = {k: v for k, v in colors.items() if any(r[2] == k for r in rows)}
    fig, ax = plt.subplots(figsize=(7.5, 0.28 * len(rows) + 1.2), dpi=80)
    labels = [r[0] for r in rows][::-1]
    values = [r[1] for r in rows][::-1]
    ax.barh(labels, values, color=[colors[r[2]] for r in rows][::-1])
    ax.set_xscale("log")
    ax.axvline(1, color="black", linewidth=0.8)
    for y, v in enumerate(values):
        ax.text(v * 1.08, y, f"{v:g}×", va="center", fontsize=7)
    ax.set_xlabel("times faster than the other tool, same run (log scale)")
    ax.tick_params(axis="y", labelsize=7)
    handles = [plt.Rectangle((0, 0), 1, 1, color=c) for c in colors.values()]
    ax.legend(handles, [f"vs {k}" for k in colors], fontsize=7, loc="lower right")
    ax.set_title("presskit against " + ", ".join(colors) + " (make bench)", fontsize=9)
    fig.tight_layout()
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    fig.savefig(dst)
    print(f"chart: {dst}")


if __name__ == "__main__":
    main()
