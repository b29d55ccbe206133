#!/usr/bin/env python3
"""Writes a Markdown manual of about PAGES pages (default 300) that uses section 7 of the contract
throughout: headings with ids, internal links and cross-references, task lists, alerts, `1)` lists,
tables, entity characters and fenced code in the languages Folio highlights.

Usage: make_manual.py [PAGES] OUT.md     (a chapter fills about 2 A4 pages)
"""
import sys

LANGS = {
    "swift": 'struct Item: Codable {\n    let name: String // the label\n    func total(_ values: [Int]) -> Int { values.reduce(0, +) }\n}',
    "python": 'def total(values: list[int]) -> int:\n    """Sum the values."""\n    return sum(v for v in values if v > 0)  # positive only',
    "typescript": 'interface Item { name: string; size: number }\nexport const total = (items: Item[]): number =>\n  items.reduce((sum, item) => sum + item.size, 0);',
    "yaml": 'title: "Quarterly report"  # shown on the cover\nlayout: briefing\ndata: [kpis.yaml, regions.csv]\ntoc: { depth: 2 }',
    "bash": 'for f in reports/*.md; do\n  folio render "$f" -o "out/$(basename "$f" .md).pdf" || exit 1\ndone',
    "sql": "SELECT region, SUM(revenue) AS total\nFROM sales WHERE year = 2026\nGROUP BY region ORDER BY total DESC;",
    "go": 'func Total(values []int) (sum int) {\n\tfor _, v := range values { sum += v }\n\treturn sum // named result\n}',
    "rust": 'fn total(values: &[i64]) -> i64 {\n    values.iter().filter(|v| **v > 0).sum() // positive only\n}',
    "json": '{"name": "folio", "pages": 300, "draft": false, "tags": ["manual", "bench"]}',
    "c": '#include <stdio.h>\nint total(const int *v, size_t n) { int s = 0; for (size_t i = 0; i < n; i++) s += v[i]; return s; }',
    "java": 'public final class Totals {\n    public static int total(int[] values) { int s = 0; for (int v : values) s += v; return s; }\n}',
}

PARAGRAPH = ("Folio sets each chapter of this manual from plain Markdown: the reader follows "
             "[the setup](#chapter-{n}-setup) or jumps to [](#table-{n}), and every heading gets its "
             "own slug. Runs   of    spaces collapse, and entities such as &#xD06; or &eacute; reach "
             "the fonts that draw them. ")


def chapter(n: int) -> str:
    langs = list(LANGS.items())
    lang, code = langs[n % len(langs)]
    lang2, code2 = langs[(n + 5) % len(langs)]
    text = PARAGRAPH.format(n=n) * 3
    return f"""# Chapter {n}: Working with part {n} {{#chapter-{n}}}

{text}

## Chapter {n} setup

1) Install the packages listed in `Scripts/setup`.
2) Build the release binary.
3) Render the sample and compare with [](#table-{n}).

- [x] Read [the introduction](#chapter-{n})
- [ ] Try the example in {lang}
- [ ] File what you find

> [!NOTE]
> Chapter {n} builds on the previous one; see [chapter {max(n - 1, 1)}](#chapter-{max(n - 1, 1)}).

```{lang}
{code}
```

{text}

```table
use: steps
id: table-{n}
caption: Steps of chapter {n}
```

> [!WARNING]
> Rendering part {n} twice overwrites the first output; name each with `-o`.

```{lang2}
{code2}
```

{text}

## Chapter {n} details

| Option | What it does | Default |
|---|---|---|
| `--layout` | Chooses the page layout, its fonts, colours and running headers for every page of the document | briefing |
| `--format` | PDF, or one PNG or SVG file per page | pdf |
| `--dpi` | Resolution of PNG pages | 150 |

{text}
"""


def main() -> None:
    pages = int(sys.argv[1]) if len(sys.argv) > 2 else 300
    out = sys.argv[-1]
    chapters = max(1, pages // 2)
    data = out.rsplit("/", 1)[0] + "/steps.yaml" if "/" in out else "steps.yaml"
    with open(data, "w") as f:
        f.write("tables:\n  steps:\n    columns: [Step, Command, Time]\n    rows:\n")
        for i in range(1, 6):
            f.write(f'      - ["{i}", "folio render part-{i}.md -o out/part-{i}.pdf", "{i * 0.4:.1f} s"]\n')
    with open(out, "w") as f:
        f.write("---\ntitle: The Folio Manual\nsubtitle: A generated 300-page benchmark\ndata: steps.yaml\n---\n\n")
        for n in range(1, chapters + 1):
            f.write(chapter(n))
            f.write("\n")


if __name__ == "__main__":
    main()
