#!/usr/bin/env python3
"""folio watch: edit one paragraph of the sample N times, read the render time folio prints for each.

Usage: watch_bench.py FOLIO [EDITS] [FORMAT]
Copies the sample into a temporary folder, starts `folio watch` on it, waits for the first render,
then rewrites one word of one paragraph per edit (atomically, as editors do) and waits for the
render line. Prints the median, p90 and max of the times folio measured, and the time from the
write to the printed line (which includes the debounce and inotify).
"""
import os, re, shutil, statistics, subprocess, sys, tempfile, time

folio = sys.argv[1]
edits = int(sys.argv[2]) if len(sys.argv) > 2 else 50
fmt = sys.argv[3] if len(sys.argv) > 3 else "pdf"
root = os.path.dirname(os.path.abspath(__file__)) + "/../.."
work = tempfile.mkdtemp(prefix="folio-watch-bench-")
for name in ["llama-journey.md", "llama-data.yaml", "llama-timeline.yaml", "llama-org.yaml"]:
    shutil.copy(f"{root}/Assets/briefings/{name}", work)
source = f"{work}/llama-journey.md"
text = open(source, encoding="utf-8").read()
anchor = "Several anonymous insiders"
assert anchor in text

out = f"{work}/out.pdf" if fmt == "pdf" else f"{work}/pages"
proc = subprocess.Popen([folio, "watch", source, "-o", out, "--format", fmt],
                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
line_re = re.compile(r"(rendered|failed) .* in ([0-9.]+) ms")

def next_render(timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        match = line_re.search(line)
        if match:
            return match.group(1), float(match.group(2))
    raise SystemExit("no render line from folio watch: " + proc.stderr.read()[:2000])

try:
    kind, cold = next_render()
    times, latencies = [], []
    for n in range(edits):
        edited = text.replace(anchor, f"Several anonymous insiders (edit {n})")
        tmp = source + ".tmp"
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(edited)
        start = time.perf_counter()
        os.replace(tmp, source)
        kind, ms = next_render()
        latencies.append((time.perf_counter() - start) * 1000)
        assert kind == "rendered", kind
        times.append(ms)
        time.sleep(0.05)
    times.sort(); latencies.sort()
    p90 = times[int(len(times) * 0.9) - 1]
    print(f"folio watch → {fmt}: first render {cold:.1f} ms; {edits} one-paragraph edits: "
          f"median {statistics.median(times):.1f} ms, p90 {p90:.1f} ms, max {times[-1]:.1f} ms (render time folio prints)")
    print(f"  write → render line printed: median {statistics.median(latencies):.1f} ms (includes the 30 ms debounce)")
finally:
    proc.terminate()
    proc.wait()
    shutil.rmtree(work, ignore_errors=True)
