#!/usr/bin/env python3
"""Writes one scaling input of size N into OUT:  generate.py KIND N OUT_DIR  ->  prints the .md path.
KIND: token (one word of N letters 'A'), code (an N-line code block), heading (an N-character heading),
quotes / lists (nested N deep), links (one paragraph of N links), table (a data table of N rows),
aliases (a data table of N rows, each an alias of one anchored row), laughs (N levels of nested aliases)."""
import os
import sys

kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
os.makedirs(out, exist_ok=True)
md = os.path.join(out, f"{kind}-{n}.md")
data = None
if kind == "token":
    body = "# T\n\n" + "A" * n + "\n"  # the reproducer
elif kind == "code":
    body = "# T\n\n```\n" + "".join(f"let value{i} = compute({i}) // line {i}\n" for i in range(n)) + "```\n"
elif kind == "heading":
    words = []
    while sum(len(w) + 1 for w in words) < n:
        words.append("Heading")
    body = "# " + " ".join(words)[:n] + "\n\nBody text.\n"
elif kind == "quotes":
    body = "# T\n\n" + "> " * n + "deep\n"
elif kind == "lists":
    body = "# T\n\n" + "".join("  " * d + f"- item {d}\n" for d in range(n))
elif kind == "links":
    body = "# T\n\n" + " ".join(f"[link {i}](https://example.org/{i})" for i in range(n)) + "\n"
elif kind == "table":
    data = "tables:\n  t:\n    columns: [Name, Value, Note]\n    rows:\n" + "".join(
        f"      - [row {i}, {i}, \"note {i}\"]\n" for i in range(n))
    body = f"---\ndata: {kind}-{n}.yaml\n---\n# T\n\n```table\nuse: t\n```\n"
elif kind == "aliases":
    data = "tables:\n  t:\n    columns: [Name, Value]\n    rows:\n      - &row [name, value]\n" + "".join(
        "      - *row\n" for _ in range(n - 1))
    body = f"---\ndata: {kind}-{n}.yaml\n---\n# T\n\n```table\nuse: t\n```\n"
elif kind == "laughs":
    lines = ["tables:", "  t:", "    columns: [A]", "    anchors:", "      - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for k in range(1, n):
        lines.append(f"      - &a{k} [" + ", ".join([f"*a{k - 1}"] * 10) + "]")
    lines.append(f"    rows: [*a{n - 1}]")
    data = "\n".join(lines) + "\n"
    body = f"---\ndata: {kind}-{n}.yaml\n---\n# T\n\n```table\nuse: t\n```\n"
else:
    sys.exit(f"unknown kind {kind}")
if data is not None:
    with open(os.path.join(out, f"{kind}-{n}.yaml"), "w") as f:
        f.write(data)
with open(md, "w") as f:
    f.write(body)
print(md)
