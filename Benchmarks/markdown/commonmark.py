#!/usr/bin/env python3
"""commonmark.py [FOLIO] [--jobs N] [--show N] [--raw]: runs the CommonMark 0.31.2 spec examples through
`folio render` and counts those whose visible text the PDF shows.

The examples are not kept in this repository (the spec's text is not ours to copy): they are read
from the markdown-it-py source package on PyPI, which carries the spec's JSON, downloaded once into
/tmp/folio-commonmark.

An example passes when every word of its expected HTML's visible text (tags dropped, entities
decoded, an image counted by its alt text) appears in the PDF's text (pdftotext), in order. Words
the PDF adds around them (the cover, list bullets and numbers, the footer) are allowed; a word lost,
changed or moved out of order is not. Typographic quotes, dashes and ellipses count as their ASCII
forms, and a word split across two PDF words counts whole.
"""
import concurrent.futures
import glob
import html.parser
import json
import os
import re
import subprocess
import sys
import tarfile
import tempfile

WORK = "/tmp/folio-commonmark"


def load_examples():
    path = os.path.join(WORK, "commonmark.json")
    if not os.path.exists(path):
        os.makedirs(WORK, exist_ok=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                        "markdown-it-py==4.3.0", "-d", WORK], check=True, capture_output=True)
        archive = glob.glob(os.path.join(WORK, "markdown_it_py-*.tar.gz"))[0]
        with tarfile.open(archive) as tar:
            member = next(m for m in tar.getmembers() if m.name.endswith("test_cmark_spec/commonmark.json"))
            with tar.extractfile(member) as source, open(path, "wb") as target:
                target.write(source.read())
    with open(path) as file:
        return json.load(file)


class Visible(html.parser.HTMLParser):
    """The text a reader sees: tags dropped (with what a browser does not show: scripts, styles),
    an image by its alt text, entities decoded."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden += 1
        elif tag == "img":
            self.parts.append(" " + dict(attrs).get("alt", "") + " ")
        elif tag in ("p", "li", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "td", "th"):
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.hidden = max(0, self.hidden - 1)
        elif tag in ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "td", "th"):
            self.parts.append(" ")

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
                      "\u00a0": " ", "\u2026": "...", "\ufffd": "\ufffd"})


def words(text):
    return text.translate(FOLD).split()


def expected_words(example):
    parser = Visible()
    parser.feed(example["html"])
    parser.close()
    return words("".join(parser.parts))


def shown(expected, actual):
    """Whether `expected` appears in `actual` in order; a word may span several PDF words."""
    position = 0
    for word in expected:
        found = False
        while position < len(actual):
            candidate = actual[position]
            position += 1
            if candidate == word:
                found = True
                break
            # A word the PDF set in pieces (a break inside it, a change of font): join the pieces.
            joined = candidate
            look = position
            while word.startswith(joined) and joined != word and look < len(actual):
                joined += actual[look]
                look += 1
            if joined == word:
                position = look
                found = True
                break
        if not found:
            return False
    return True


def run(folio, example, folder, raw):
    number = example["example"]
    source = os.path.join(folder, "e%d.md" % number)
    with open(source, "w") as file:
        file.write(example["markdown"])
    pdf = os.path.join(folder, "e%d.pdf" % number)
    result = subprocess.run([folio, "render", source, "-o", pdf], capture_output=True, text=True, timeout=60)
    if result.returncode != 0:
        return number, False, "exit %d: %s" % (result.returncode, result.stderr.strip()[:200])
    text = subprocess.run(["pdftotext"] + (["-raw"] if raw else []) + [pdf, "-"], capture_output=True, text=True).stdout
    expected = expected_words(example)
    ok = shown(expected, words(text))
    return number, ok, "" if ok else "expected %r\n  got %r" % (" ".join(expected)[:300], " ".join(words(text))[:300])


def main():
    args = sys.argv[1:]
    folio = args[0] if args and not args[0].startswith("--") else os.path.join(os.path.dirname(__file__), "../../.build/release/folio")
    jobs = int(args[args.index("--jobs") + 1]) if "--jobs" in args else os.cpu_count()
    show = int(args[args.index("--show") + 1]) if "--show" in args else 0
    # pdftotext's default mode drops the space around a word of punctuation alone ("a *" reads "a*"),
    # in any PDF (Typst's too); -raw reads the text in drawing order, spaces as drawn.
    raw = "--raw" in args
    examples = load_examples()
    failures = []
    sections = {}
    with tempfile.TemporaryDirectory() as folder, concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for example, (number, ok, detail) in zip(examples, pool.map(lambda e: run(folio, e, folder, raw), examples)):
            total, passed = sections.get(example["section"], (0, 0))
            sections[example["section"]] = (total + 1, passed + (1 if ok else 0))
            if not ok:
                failures.append((number, example["section"], detail))
    for number, section, detail in failures[:show]:
        print("example %d (%s): %s" % (number, section, detail))
    for section, (total, passed) in sections.items():
        if passed < total:
            print("  %-40s %d of %d" % (section, passed, total))
    print("CommonMark 0.31.2: %d of %d examples show their text (pdftotext%s)"
          % (len(examples) - len(failures), len(examples), " -raw" if raw else ""))


if __name__ == "__main__":
    main()
