#!/usr/bin/env python3
"""Writes the hostile Markdown patterns (issue 19: cmark-gfm 0.29.0.gfm.6's published quadratic cases) at a
given size: python3 bench/markdown-hostile.py OUT_DIR SIZE_BYTES [NAME...]."""
import os, random, sys

def repeat(unit, size, head="", tail=""):
    n = max(1, (size - len(head) - len(tail)) // len(unit))
    return head + unit * n + tail

def mixed(size):
    # The pattern: one paragraph of mixed emphasis and links.
    rng = random.Random(19)
    words, total = [], 5
    while total < size:
        w = rng.choice(["alpha", "*em*", "[l](http://x)"])
        words.append(w)
        total += len(w) + 1
    return "# H\n\n" + " ".join(words) + "\n"

def nested_brackets(size):
    n = size // 2
    return "[" * n + "a" + "]" * n + "\n"

def nested_strong_emph(size):
    n = size // 14
    return "*a **a " * n + "b" + " a** a*" * n + "\n"

PATTERNS = {
    "mixed": mixed,
    "nested-brackets": nested_brackets,
    "nested-strong-emph": nested_strong_emph,
    "emph-openers": lambda s: repeat("_a ", s) + "\n",
    "emph-closers": lambda s: repeat("a_ ", s) + "\n",
    "star-underscore": lambda s: repeat("*a_ ", s) + "\n",
    "stars-multiple-of-3": lambda s: repeat("c* ", s, head="a**b ") + "\n",
    "link-openers": lambda s: repeat("[a", s) + "\n",
    "link-closers": lambda s: repeat("a]", s) + "\n",
    "link-openers-emph-closers": lambda s: repeat("[ a_", s) + "\n",
    "bracket-paren": lambda s: repeat("[ (](", s) + "\n",
    "image-openers": lambda s: repeat("![a", s) + "\n",
    "unclosed-links": lambda s: repeat("[a](b", s) + "\n",
    "link-ref-chain": lambda s: "".join("[r%d]: /u%d\n" % (i, i) for i in range(s // 28)) + "\n" + repeat("[r1] ", s // 2) + "\n",
    "ref-expansion": lambda s: "[a]: /" + "x" * 2000 + "\n\n" + repeat("[a]", s) + "\n",
    "table-columns": lambda s: repeat("a|", s // 3) + "\n" + repeat("-|", s // 3) + "\n" + repeat("b|", s // 3) + "\n",
    "table-rows": lambda s: "a|b\n-|-\n" + repeat("|\n", s),
    "html-comment": lambda s: repeat("<!--", s, head="a ") + "\n",
    "processing-instruction": lambda s: repeat("<?", s, head="a ") + "\n",
    "declaration": lambda s: repeat("<!A ", s, head="a ") + "\n",
    "cdata": lambda s: repeat("<![CDATA[", s, head="a ") + "\n",
    "backticks": lambda s: "".join("e" + "`" * i for i in range(1, int((2 * s) ** 0.5))) + "\n",
    "autolink-www": lambda s: repeat("www.a ", s) + "\n",
    "autolink-at": lambda s: repeat("a@", s) + "\n",
    "strikethrough": lambda s: repeat("~~a ", s) + "\n",
    "nested-quotes": lambda s: "> " * (s // 2) + "a\n",
    "nested-lists": lambda s: "".join("  " * i + "- a\n" for i in range(int(s ** 0.5))),
}

def main():
    out, size = sys.argv[1], int(sys.argv[2])
    names = sys.argv[3:] or list(PATTERNS)
    os.makedirs(out, exist_ok=True)
    for name in names:
        with open(os.path.join(out, name + ".md"), "w") as f:
            f.write(PATTERNS[name](size))

if __name__ == "__main__":
    main()
