#!/usr/bin/env python3
"""drive_mpl.py DATA.csv line|bar OUT.png: the same chart in matplotlib (Agg), 150 dpi, for the benchmark."""
import csv, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

path, kind, out = sys.argv[1:4]
with open(path) as f:
    rows = list(csv.reader(f))[1:]
fig, ax = plt.subplots(figsize=(17 / 2.54, 9 / 2.54), layout="constrained")
if kind == "bar":
    ax.bar([r[0] for r in rows], [float(r[1]) for r in rows], color="#0072B2")
    ax.tick_params(axis="x", labelrotation=90, labelsize=4)
else:
    ax.plot([float(r[0]) for r in rows], [float(r[1]) for r in rows], color="#0072B2", linewidth=1)
fig.savefig(out, dpi=150)
