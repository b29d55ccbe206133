#!/usr/bin/env python3
"""Median wall time and median CPU time (user + system, of the child) over N runs of a command.

Usage: cputime.py N -- CMD ARGS...   Prints "wall ms" and "cpu ms" (medians) and every run's pair.
The CPU figure matters on a loaded machine: wall time there includes waiting for a core.
"""
import os
import statistics
import subprocess
import sys
import time


def once(command):
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"command failed: {' '.join(command)}")
    return wall * 1000, (usage.ru_utime + usage.ru_stime) * 1000


def main():
    runs = int(sys.argv[1])
    command = sys.argv[sys.argv.index("--") + 1:]
    once(command)  # warm-up: fonts and caches
    pairs = [once(command) for _ in range(runs)]
    walls = [wall for wall, _ in pairs]
    cpus = [cpu for _, cpu in pairs]
    print(f"wall ms {statistics.median(walls):.1f}")
    print(f"cpu ms {statistics.median(cpus):.1f}")
    print("runs " + " ".join(f"{wall:.0f}/{cpu:.0f}" for wall, cpu in pairs))


if __name__ == "__main__":
    main()
