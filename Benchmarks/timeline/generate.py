#!/usr/bin/env python3
"""Writes synthetic timeline briefings for benchmarking `folio charts`.

For each N (default 1000, 10000, 100000) it writes, into the output folder (default ./out):
  timeline-N.yaml  a data file with one timeline `synthetic-N`: N point events on random days of
                   1995-2025 ("Event 1", ...), in lanes A and B, three categories, every 97th emphasised
  timeline-N.md    a briefing whose only content is a ```timeline fence using it

Events are drawn like the peers' generator (/work/shared/peers/gen_inputs.py, synth_timeline: seed 7,
days in 1995-01-01..2025-12-31), so Folio and matplotlib / Vega-Lite draw the same dates.
Usage: python3 generate.py [-o DIR] [N ...]
"""
import argparse
import os
import random
from datetime import date, timedelta


def events(n, seed=7):
    rng = random.Random(seed)
    d0, span = date(1995, 1, 1), (date(2025, 12, 31) - date(1995, 1, 1)).days
    days = sorted(rng.randrange(span) for _ in range(n))
    for i, dd in enumerate(days):
        yield (d0 + timedelta(days=dd)).isoformat(), f"Event {i + 1}", "AB"[i % 2], f"c{i % 3}", i % 97 == 0


def write(n, out):
    name = f"timeline-{n}"
    with open(os.path.join(out, name + ".yaml"), "w") as f:
        f.write(f"# {n} synthetic events for the timeline benchmark (Benchmarks/timeline/generate.py).\n")
        f.write(f"timelines:\n  synthetic-{n}:\n    title: \"{n:,} synthetic events, 1995-2025\"\n")
        f.write("    lanes: [A, B]\n    categories:\n")
        for c, color in (("c0", "#1f6feb"), ("c1", "#8250df"), ("c2", "#bc4c00")):
            f.write(f"      {c}: {{ label: \"Category {c[1]}\", color: \"{color}\" }}\n")
        f.write("    events:\n")
        for d, label, lane, cat, emph in events(n):
            extra = ", emphasis: true" if emph else ""
            f.write(f"      - {{ date: {d}, label: \"{label}\", lane: {lane}, category: {cat}{extra} }}\n")
    with open(os.path.join(out, name + ".md"), "w") as f:
        f.write(f"---\ntitle: \"Timeline benchmark, {n:,} events\"\ndata: {name}.yaml\n---\n\n")
        f.write(f"```timeline\nuse: synthetic-{n}\ncaption: \"{n:,} events\"\n```\n")
    return name


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-o", "--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "out"))
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000, 100000])
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for n in args.sizes:
        print(os.path.join(args.out, write(n, args.out) + ".md"))


if __name__ == "__main__":
    main()
