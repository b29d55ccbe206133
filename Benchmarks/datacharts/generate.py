#!/usr/bin/env python3
"""generate.py -o DIR: the data chart benchmark inputs, the same data for every tool.

line-N: a random walk of N points (x: 0..N-1) as CSV, a folio briefing with one `chart` fence,
and a Vega-Lite spec with the rows inline; bars-1000: 1,000 categories with one value each."""
import argparse, csv, json, os, random

def write(folder, name, header, rows, kind):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, f"{name}.csv"), "w", newline="") as f:
        w = csv.writer(f); w.writerow(header); w.writerows(rows)
    x, y = header
    with open(os.path.join(folder, f"{name}.md"), "w") as f:
        f.write(f"---\ntitle: {name}\ndata: {name}.csv\n---\n\n```chart\ntype: {kind}\nuse: {name}\nx: {x}\ny: {y}\nid: {name}\n```\n")
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json", "width": 480, "height": 260,
            "data": {"values": [{x: a, y: b} for a, b in rows]},
            "mark": {"type": kind} if kind == "bar" else {"type": "line"},
            "encoding": {"x": {"field": x, "type": "nominal" if kind == "bar" else "quantitative"},
                         "y": {"field": y, "type": "quantitative"}}}
    with open(os.path.join(folder, f"{name}.vl.json"), "w") as f: json.dump(spec, f)

def main():
    p = argparse.ArgumentParser(); p.add_argument("-o", required=True); a = p.parse_args()
    rng = random.Random(14)
    for n in (10_000, 100_000):
        v, rows = 1000.0, []
        for i in range(n):
            v += rng.uniform(-10, 10); rows.append((i, round(v, 2)))
        write(a.o, f"line-{n}", ["step", "value"], rows, "line")
    write(a.o, "bars-1000", ["item", "amount"], [(f"Item {i:04d}", rng.randint(-500, 5000)) for i in range(1000)], "bar")

main()
