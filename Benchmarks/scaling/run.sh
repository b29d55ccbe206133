#!/usr/bin/env bash
# Scaling (issue 9, "never hang"): each input that once grew with the square of its size, rendered
# at N and 2N. Prints the median wall time and peak memory of the whole `folio render` process
# (../shared/peers/bench.py), the median CPU time (cpu.py: less moved by other work on a shared
# machine) and the 2N/N ratios, which should stay at or under 2.2.
# Called by Benchmarks/run.sh or alone:  Benchmarks/scaling/run.sh [--quick]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
PEERS=${PEERS:-$ROOT/../shared/peers}; BENCH=${BENCH:-python3 $PEERS/bench.py}
WORK=${WORK:-/tmp/folio-bench}; RUNS=${RUNS:-5}
[ "${1:-}" = "--quick" ] && RUNS=3
if [ -z "${FOLIO:-}" ]; then
  (cd "$ROOT" && swift build -c release --product folio --static-swift-stdlib >/dev/null \
     && swift build -c release --product FolioPDFTags --static-swift-stdlib >/dev/null)
  FOLIO=$ROOT/.build/release/folio
fi
OUT=$WORK/scaling
mkdir -p "$OUT"

# median wall (s), median peak (MiB) and median CPU time (s, user + system) of RUNS renders of $1
measure() {
  local out; out=$($BENCH -n "$RUNS" --warmup 1 --timeout 900 -- "$FOLIO" render "$1" -o "$OUT/out.pdf")
  local cpu; cpu=$(python3 "$ROOT/Benchmarks/scaling/cpu.py" "$RUNS" "$FOLIO" render "$1" -o "$OUT/out.pdf")
  echo "$(echo "$out" | awk '/wall s/ {print $5}') $(echo "$out" | awk '/peak MiB/ {print $5}') $cpu"
}

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); load now: $(cut -d' ' -f1-3 /proc/loadavg)"
printf "%-34s %8s %8s %7s %7s %8s %8s %7s %7s\n" "input (N / 2N)" "N ms" "2N ms" "ratio" "N MiB" "2N MiB" \
  "N cpu ms" "2N cpu" "ratio"
# kind N label
while read -r kind n label; do
  [ -z "$kind" ] && continue
  small=$(python3 "$ROOT/Benchmarks/scaling/generate.py" "$kind" "$n" "$OUT")
  large=$(python3 "$ROOT/Benchmarks/scaling/generate.py" "$kind" $((2 * n)) "$OUT")
  read -r t1 m1 c1 <<<"$(measure "$small")"
  read -r t2 m2 c2 <<<"$(measure "$large")"
  printf "%-34s %8.0f %8.0f %7.2f %7.1f %8.1f %8.0f %8.0f %7.2f\n" "$label" "$(echo "$t1*1000" | bc -l)" \
    "$(echo "$t2*1000" | bc -l)" "$(echo "$t2/$t1" | bc -l)" "$m1" "$m2" \
    "$(echo "$c1*1000" | bc -l)" "$(echo "$c2*1000" | bc -l)" "$(echo "$c2/$c1" | bc -l)"
done <<'LIST'
token 100000 token, 100k / 200k chars
code 20000 code block, 20k / 40k lines
heading 25000 heading, 25k / 50k chars
quotes 20 quotes nested 20 / 40 deep
lists 10 lists nested 10 / 20 deep
links 2000 paragraph of 2k / 4k links
table 2000 data table, 2k / 4k rows
aliases 5000 table of 5k / 10k alias rows
LIST
# A "billion laughs" data file (10 levels of ten aliases, 10^10 values) is refused at the alias that
# crosses the cap: it exits 1 with a positioned error, in the time of a small render.
laughs=$(python3 "$ROOT/Benchmarks/scaling/generate.py" laughs 10 "$OUT")
out=$($BENCH -n "$RUNS" --warmup 1 --timeout 300 -- "$FOLIO" render "$laughs" -o "$OUT/out.pdf")
printf "%-34s %10.0f ms   peak %6.1f MiB   (%s)\n" "billion laughs (refused)" \
  "$(echo "$(echo "$out" | awk '/wall s/ {print $5}') * 1000" | bc -l)" "$(echo "$out" | awk '/peak MiB/ {print $5}')" \
  "$(echo "$out" | awk '/exit/ {print "exit " $3}' | tr -d ,)"
