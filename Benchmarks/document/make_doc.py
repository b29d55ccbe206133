#!/usr/bin/env python3
"""make_doc.py PAGES OUT.md -- the sample briefing's body repeated until the document has about PAGES pages.

The sample (front matter + body) lays out to about SAMPLE_PAGES body pages in the default layout; the
body (everything after the front matter) is repeated, each copy's headings suffixed with its copy number.
Charts are dropped (they have their own benchmarks); the data table stays.
"""
import os, re, shutil, sys

SAMPLE_PAGES = 5.5   # body pages of one copy of the article (A4 briefing layout)

def main():
    pages, out = int(sys.argv[1]), sys.argv[2]
    here = os.path.dirname(os.path.abspath(__file__))
    src = os.path.join(here, "..", "..", "Assets", "briefings", "llama-journey.md")
    text = open(src, encoding="utf-8").read()
    _, front, body = text.split("---\n", 2)
    front = re.sub(r"^data:.*$", "data: [llama-data.yaml]", front, flags=re.M)
    body = re.sub(r"```orgchart.*?```\n", "", body, flags=re.S)
    body = re.sub(r"```timeline.*?```\n", "", body, flags=re.S)
    copies = max(1, round(pages / SAMPLE_PAGES))
    parts = []
    for n in range(1, copies + 1):
        parts.append(re.sub(r"^(#{1,3} .*)$", lambda m: f"{m.group(1)} ({n})", body, flags=re.M))
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        f.write("---\n" + front + "---\n" + "\n<!-- pagebreak -->\n".join(parts))
    shutil.copy(os.path.join(here, "..", "..", "Assets", "briefings", "llama-data.yaml"), os.path.dirname(os.path.abspath(out)))

main()
