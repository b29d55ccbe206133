#!/usr/bin/env python3
"""Median CPU time (user + system, seconds) of RUNS runs of CMD, after one warm-up:  cpu.py RUNS CMD ARG...
On a machine shared with other work, CPU time moves far less with the load than wall time does."""
import os
import statistics
import subprocess
import sys

runs, cmd = int(sys.argv[1]), sys.argv[2:]
times = []
for i in range(runs + 1):
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(p.pid, 0)
    if i > 0:
        times.append(usage.ru_utime + usage.ru_stime)
print(f"{statistics.median(times):.3f}")
