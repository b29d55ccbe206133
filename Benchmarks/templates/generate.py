#!/usr/bin/env python3
"""Writes the templates benchmark input into DIR: a 1,000-row CSV of regions (10 zones, several
KPIs), a report template that loops over the CSV, branches, filters a table and draws a timeline
from it, and a batch config making one report per row.  Usage: generate.py DIR [ROWS]"""
import csv, os, random, sys

folder = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
os.makedirs(folder, exist_ok=True)
random.seed(11)
zones = ["North", "South", "East", "West", "Central", "Coast", "Highlands", "Islands", "Lakes", "Plains"]
lanes = ["Sales", "Product", "People"]
with open(os.path.join(folder, "regions.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["region", "zone", "manager", "revenue", "target", "growth", "margin", "milestone", "month", "lane"])
    for i in range(1, rows + 1):
        target = random.randrange(20, 90) * 1000
        w.writerow([f"Region {i:04d}", zones[i % len(zones)], f"Manager {i}", int(target * random.uniform(0.8, 1.2)),
                    target, round(random.uniform(-6, 22), 1), round(random.uniform(0.08, 0.34), 3),
                    f"Milestone of region {i}", f"2025-{random.randrange(1, 13):02d}", random.choice(lanes)])

with open(os.path.join(folder, "report.md"), "w") as f:
    f.write('''---
title: "{{ region }}: quarterly report"
subtitle: "{{ zone }} zone"
date: 2025-10-15
lang: en
data: regions.csv
layout: report
params:
  region: "Region 0001"
  zone: "East"
  manager: "Manager 1"
  revenue: 50000
  target: 48000
  growth: 5.0
  margin: 0.2
  milestone: "Milestone"
  month: "2025-01"
  lane: Sales
---

# {{ region }}

{{ manager }} leads {{ region }}, one of {{ tables.regions|count }} regions. Revenue was
**{{ revenue|currency:"EUR",0 }}** against a target of {{ target|currency:"EUR",0 }}, a margin of
{{ margin|percent:1 }} and growth of {{ growth|number:1 }}%.

{% if revenue >= target %}
## Target met

{{ region }} met its target.
{% else %}
## Below target

{{ region }} stayed below its target.
{% endif %}

## Peers in the {{ zone }} zone

{% for r in tables.regions where r.zone == zone and r.growth > 20 %}
- {{ r.region }}: {{ r.revenue|number }} ({{ r.growth|number:1 }}%)
{% endfor %}

```table
use: regions
where: { zone: "{{ zone }}", lane: "{{ lane }}" }
columns: [region, manager, revenue, growth]
sort: -revenue
caption: "{{ zone }} zone, {{ lane }}"
```

```timeline
title: "{{ region }}"
lanes: [Sales, Product, People]
from: 2025-01
to: 2025-12
events:
  - { date: "{{ month }}", label: "{{ milestone }}", lane: "{{ lane }}" }
  - { date: 2025-10, label: "Quarterly report", lane: Sales, emphasis: true }
```
''')
os.makedirs(os.path.join(folder, "Layouts"), exist_ok=True)
with open(os.path.join(folder, "Layouts", "report.yaml"), "w") as f:
    f.write("page: { size: A4 }\ncover: false\ntoc: false\n")
with open(os.path.join(folder, "reports.yaml"), "w") as f:
    f.write('output: out\nmatrix:\n  - name: "report-{region}"\n    sources: [report.md]\n    rows: regions.csv\n')
