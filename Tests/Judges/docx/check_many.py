#!/usr/bin/env python3
"""check_many.py -- run check_docx.py's checks on many DOCX files at once.

Usage: check_many.py --json OUT.json [--pdf] FILE.docx ...

One Python process for every file (python-docx dump, package checks, XSD
validation of every part), `pandoc -f docx -t json` per file, and with --pdf a
single LibreOffice call converting all files, then pdftotext on each PDF.
OUT.json maps each file to {errors, warnings, blocks, core_properties,
pandoc: {blocks, headers, links, lists}, pdf_text}.
"""
import argparse, contextlib, io, json, os, resource, shutil, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import check_docx as cd  # noqa: E402


def walk_pandoc(node, acc):
    if isinstance(node, dict):
        t = node.get("t")
        if t:
            acc["types"].add(t)
            c = node.get("c")
            if t == "Header":
                acc["headers"].append([c[0], stringify(c[2])])
            elif t == "Link":
                acc["links"].append(c[2][0])
            elif t == "Image":
                acc["images"].append(c[2][0])
        for v in node.values():
            walk_pandoc(v, acc)
    elif isinstance(node, list):
        for v in node:
            walk_pandoc(v, acc)


def stringify(inlines):
    out = []
    for i in inlines:
        if i.get("t") == "Str":
            out.append(i["c"])
        elif i.get("t") in ("Space", "SoftBreak"):
            out.append(" ")
        elif isinstance(i.get("c"), list):
            out.append(stringify([x for x in i["c"] if isinstance(x, dict)] or
                                 [x for y in i["c"] if isinstance(y, list) for x in y if isinstance(x, dict)]))
    return "".join(out)


def pandoc_summary(path):
    p = subprocess.run(["pandoc", "-f", "docx", "-t", "json", path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=120)
    if p.returncode != 0:
        return {"error": p.stderr.decode("utf-8", "replace")[-500:]}
    doc = json.loads(p.stdout)
    acc = {"types": set(), "headers": [], "links": [], "images": []}
    walk_pandoc(doc.get("blocks", []), acc)
    return {"types": sorted(acc["types"]), "headers": acc["headers"], "links": acc["links"],
            "images": acc["images"], "meta": sorted(doc.get("meta", {}).keys()),
            "top": [b.get("t") for b in doc.get("blocks", [])]}


LO_MEMORY = int(os.environ.get("CHECK_MANY_LO_MEMORY", str(4 << 30)))
LO_TIMEOUT = int(os.environ.get("CHECK_MANY_LO_TIMEOUT", "300"))


def pdf_texts(files):
    tmp = tempfile.mkdtemp(prefix="check_many_")
    texts = {}
    try:
        names = {}
        for i, f in enumerate(files):
            name = "f%04d.docx" % i
            shutil.copyfile(f, os.path.join(tmp, name))
            names[f] = name
        cmd = ["soffice", "-env:UserInstallation=file://" + os.path.join(tmp, "profile"), "--headless",
               "--norestore", "--convert-to", "pdf", "--outdir", os.path.join(tmp, "pdf")] + \
              [os.path.join(tmp, names[f]) for f in files]
        # A bounded address space and time: a document that sent LibreOffice astray must fail the test,
        # not take the machine's memory with it.
        def limits():
            resource.setrlimit(resource.RLIMIT_AS, (LO_MEMORY, LO_MEMORY))
        try:
            subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=LO_TIMEOUT, preexec_fn=limits)
        except subprocess.TimeoutExpired:
            pass
        for f in files:
            pdf = os.path.join(tmp, "pdf", names[f][:-5] + ".pdf")
            if not os.path.exists(pdf):
                texts[f] = None
                continue
            t = subprocess.run(["pdftotext", "-enc", "UTF-8", pdf, "-"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            texts[f] = t.stdout.decode("utf-8", "replace") if t.returncode == 0 else None
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--json", required=True)
    ap.add_argument("--pdf", action="store_true")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    results = {}
    for f in a.files:
        rep = cd.Report()
        with contextlib.redirect_stdout(io.StringIO()):
            cd.dump_paragraphs(f, rep, True)
            res = cd.check_package(f, rep, True)
            if res is not None:
                cd.xsd_validate(res[1], rep, True)
        results[f] = {"errors": rep.errors, "warnings": rep.warnings, "blocks": rep.data.get("blocks", []),
                      "core_properties": rep.data.get("core_properties", {}),
                      "pandoc": pandoc_summary(f)}
    if a.pdf:
        for f, text in pdf_texts(a.files).items():
            results[f]["pdf_text"] = text
    with open(a.json, "w", encoding="utf-8") as out:
        json.dump(results, out, indent=1, ensure_ascii=False)
    bad = sum(1 for r in results.values() if r["errors"])
    print("check_many: %d files, %d with errors" % (len(results), bad))
    return 0


if __name__ == "__main__":
    sys.exit(main())
