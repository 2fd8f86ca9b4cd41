#!/usr/bin/env python3
"""Random mutation testing of the DOCX reader where the libFuzzer build is not available (it needs a
release build with AddressSanitizer that takes long on a loaded machine): mutates the document.xml of
pandoc's DOCX test files (byte flips, deleted and duplicated ranges, spliced tags) and whole packages, and
replays them through `presskit-fuzz` (built without FUZZING it replays files, each read by the DOCX reader
with the JSON writer behind it) in batches; a crash stops the run and keeps the batch.

    python3 bench/docx-mutate.py [ROUNDS=20] [PER_ROUND=500]   PRESSKIT_FUZZ=.build/release/presskit-fuzz
"""
import glob, os, random, shutil, subprocess, sys, zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BIN = os.environ.get("PRESSKIT_FUZZ", os.path.join(ROOT, ".build/release/presskit-fuzz"))
OUT = os.path.join(ROOT, "bench-out", "docx-mutate")
TAGS = [b"<w:p>", b"</w:p>", b"<w:r>", b"</w:r>", b"<w:t>", b"<w:tbl><w:tr><w:tc>", b"<w:numPr><w:ilvl w:val=\"9\"/><w:numId w:val=\"1\"/></w:numPr>",
        b"<w:fldChar w:fldCharType=\"begin\"/>", b"<w:fldChar w:fldCharType=\"end\"/>", b"<w:instrText>HYPERLINK \"x\" \\l \"y\"</w:instrText>",
        b"<w:vMerge/>", b"<w:gridSpan w:val=\"999999\"/>", b"<w:hyperlink r:id=\"rId5\">", b"<w:footnoteReference w:id=\"1\"/>",
        b"<w:drawing><a:blip r:embed=\"rId4\"/><a:blip r:embed=\"rId6\"/></w:drawing>", b"<w:sdt><w:sdtContent>", b"&amp;", b"\xff\xfe", b"\x00"]


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not data:
            data += rng.choice(TAGS)
            continue
        op = rng.randrange(5)
        i = rng.randrange(len(data))
        if op == 0:
            data[i] = rng.randrange(256)
        elif op == 1:
            del data[i:i + rng.randint(1, 200)]
        elif op == 2:
            j = rng.randrange(len(data))
            data[i:i] = data[j:j + rng.randint(1, 400)]
        elif op == 3:
            data[i:i] = rng.choice(TAGS)
        else:
            data[i:i] = rng.choice(TAGS) * rng.randint(2, 50)
    return bytes(data)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    per_round = int(sys.argv[2]) if len(sys.argv) > 2 else 500
    seeds = sorted(glob.glob(os.path.join(ROOT, "Tests/Judges/docx-reader/pandoc/*.docx")))
    xml = []
    for path in seeds:
        with zipfile.ZipFile(path) as z:
            if "word/document.xml" in z.namelist():
                xml.append(z.read("word/document.xml")[:16384])
    packages = [open(p, "rb").read() for p in seeds if os.path.getsize(p) < 65536]
    rng = random.Random(int(os.environ.get("SEED", "1")))
    total = 0
    for r in range(rounds):
        for target in ("docx-xml", "docx"):
            folder = os.path.join(OUT, target)
            shutil.rmtree(folder, ignore_errors=True)
            os.makedirs(folder)
            files = []
            for k in range(per_round):
                if target == "docx-xml":
                    data = mutate(rng.choice(xml), rng)
                else:
                    data = mutate(rng.choice(packages), rng) if rng.random() < 0.3 else rebuild(rng.choice(seeds), rng)
                path = os.path.join(folder, f"{k:05d}")
                with open(path, "wb") as f:
                    f.write(data)
                files.append(path)
            env = dict(os.environ, PRESSKIT_FUZZ_FORMAT=target, PRESSKIT_FUZZ_WRITERS="json")
            result = subprocess.run([BIN] + files, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
            if result.returncode != 0:
                print(f"CRASH in round {r} ({target}), exit {result.returncode}; inputs kept in {folder}")
                print(result.stderr.decode(errors="replace")[-2000:])
                return 1
            total += len(files)
        print(f"round {r + 1}/{rounds}: {total} inputs, no crash", flush=True)
    print(f"{total} mutated inputs read, 0 crashes")
    return 0


def rebuild(path, rng):
    """The package with one or two of its XML parts mutated, zipped again (the zip itself stays valid)."""
    import io
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        names = src.namelist()
        chosen = set(rng.sample([n for n in names if n.endswith(".xml") or n.endswith(".rels")], k=min(2, len(names))))
        for n in names:
            data = src.read(n)
            dst.writestr(n, mutate(data[:65536], rng) if n in chosen else data)
    return out.getvalue()


if __name__ == "__main__":
    sys.exit(main())
