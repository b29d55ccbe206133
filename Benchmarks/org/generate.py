#!/usr/bin/env python3
"""Writes an N-node org briefing for benchmarking Folio's org charts.

Usage: generate.py N [--shape peers|random] [--seed S] [--out DIR]

Creates DIR/org-N.yaml (one org, `bench`) and DIR/org-N.md (a briefing with one `orgchart` fence
using it). `--shape peers` (the default) builds the same tree as ../../shared/peers/gen_inputs.py
feeds Graphviz (breadth-first, 4-6 children per node, seed 20251128, "Unit i" / "Lead i"), so the
timings compare with `dot`; `--shape random` builds a random tree (every node reports to an earlier
one; teams of varied width and depth, realistic names). The same N and seed give the same tree.
"""
import argparse
import os
import random

FIRST = ["Ana", "Ben", "Chen", "Dara", "Eli", "Fatima", "Gavin", "Hana", "Ivan", "Joelle", "Kenji", "Lena",
         "Mateo", "Nia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tian", "Uma", "Victor", "Wei", "Yann", "Zoe"]
LAST = ["Al-Dahle", "Brown", "Costa", "Dubois", "Evans", "Fischer", "Garcia", "Huang", "Ito", "Jensen", "Kim",
        "LeCun", "Müller", "Nakamura", "Okafor", "Pineau", "Rossi", "Singh", "Tanaka", "Wang", "Yuandong"]
TITLES = ["Engineer", "Senior Engineer", "Research Scientist", "Engineering Manager", "Director", "Product Manager",
          "Designer", "Data Scientist", "Program Manager", "Staff Engineer", "VP Engineering", "Recruiter"]


def build_peers(n, seed):
    rng = random.Random(seed)
    nodes = [("n0", "Unit 0", "Lead 0", None)]
    queue, count = [0], 1
    while count < n:
        parent = queue.pop(0)
        for _ in range(rng.randint(4, 6)):
            if count >= n:
                break
            nodes.append((f"n{count}", f"Unit {count}", f"Lead {count}", parent))
            queue.append(count)
            count += 1
    return nodes


def build_random(n, seed):
    rng = random.Random(seed)
    nodes = []
    for i in range(n):
        parent = None
        if i > 0:
            # Mostly join a recent manager's team (depth), sometimes an early hub (width).
            parent = rng.randrange(max(0, i - 12), i) if rng.random() < 0.7 else rng.randrange(0, max(1, i // 10))
        nodes.append((f"n{i}", f"{rng.choice(FIRST)} {rng.choice(LAST)}", rng.choice(TITLES), parent))
    return nodes


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("--shape", choices=["peers", "random"], default="peers")
    parser.add_argument("--seed", type=int, default=None, help="default: 20251128 (peers), 1 (random)")
    parser.add_argument("--out", default=".")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    base = os.path.join(args.out, f"org-{args.n}")
    with open(base + ".yaml", "w", encoding="utf-8") as data:
        data.write(f"orgs:\n  bench:\n    title: \"Benchmark org, {args.n} nodes\"\n    nodes:\n")
        if args.shape == "peers":
            nodes = build_peers(args.n, 20251128 if args.seed is None else args.seed)
        else:
            nodes = build_random(args.n, 1 if args.seed is None else args.seed)
        for node_id, name, title, parent in nodes:
            parent_key = f", parent: n{parent}" if parent is not None else ""
            data.write(f"      - {{ id: {node_id}, name: \"{name}\", title: \"{title}\"{parent_key} }}\n")
    with open(base + ".md", "w", encoding="utf-8") as brief:
        brief.write(f"---\ntitle: \"Org benchmark ({args.n} nodes)\"\ndata: org-{args.n}.yaml\n---\n\n"
                    f"# Organisation\n\n```orgchart\nuse: bench\ncaption: \"{args.n} nodes\"\n```\n")
    print(base + ".md")


if __name__ == "__main__":
    main()
