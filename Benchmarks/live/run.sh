#!/usr/bin/env bash
# Benchmarks of issue 15 (folio live): in-memory API vs a cold `folio render`, `folio watch`
# re-render after a one-paragraph edit (median of 50), and `folio serve` under 8 concurrent clients
# with wrk. Usage: Benchmarks/live/run.sh [--quick]   (installs wrk from Debian when missing)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PEERS=${PEERS:-$ROOT/../shared/peers}
RUNS=10; EDITS=50; SECONDS_WRK=20
[ "${1:-}" = "--quick" ] && { RUNS=3; EDITS=10; SECONDS_WRK=5; }
WORK=$(mktemp -d /tmp/folio-live-bench-XXXXXX)
trap 'rm -rf "$WORK"; [ -n "${SERVE_PID:-}" ] && kill "$SERVE_PID" 2>/dev/null || true' EXIT
swift build -c release --product folio --static-swift-stdlib >/dev/null
swift build -c release --product folio-serve --static-swift-stdlib >/dev/null  # folio serve runs it
swift build -c release --product folio-memory-bench >/dev/null
swift build -c release --product FolioPDFTags --static-swift-stdlib >/dev/null  # tagging, opened beside the binaries
FOLIO=$ROOT/.build/release/folio
SAMPLE=$ROOT/Assets/briefings/llama-journey.md
echo "machine: $(nproc) cores; load now: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== in-memory API vs cold folio render (sample → PDF)"
if [ -f "$PEERS/bench.py" ]; then
  python3 "$PEERS/bench.py" -n "$RUNS" --warmup 1 -- "$FOLIO" render "$SAMPLE" -o "$WORK/cold.pdf" | grep -E "wall s" | sed 's/^/cold folio render: /'
else
  for i in $(seq "$RUNS"); do /usr/bin/time -f "%e s" "$FOLIO" render "$SAMPLE" -o "$WORK/cold.pdf" >/dev/null; done
fi
"$ROOT/.build/release/folio-memory-bench" "$ROOT/Assets/briefings" 30

echo "== folio watch: one-paragraph edit → PDF"
python3 Benchmarks/live/watch_bench.py "$FOLIO" "$EDITS" pdf

echo "== folio serve: sample → PDF, 8 concurrent clients, ${SECONDS_WRK}s"
command -v wrk >/dev/null || { apt-get install -y wrk >/dev/null 2>&1 || sudo apt-get install -y wrk >/dev/null; }
python3 Benchmarks/live/make_request.py "$WORK/request.json" pdf
PORT=$((20000 + RANDOM % 20000))
"$FOLIO" serve --port "$PORT" --jobs "$(nproc)" --queue 64 > "$WORK/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 100); do curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.1; done
curl -sf -o "$WORK/one.pdf" -H 'Content-Type: application/json' --data-binary @"$WORK/request.json" "http://127.0.0.1:$PORT/render"
pdfinfo "$WORK/one.pdf" | grep Pages
FOLIO_BODY="$WORK/request.json" wrk -t 2 -c 8 -d "${SECONDS_WRK}s" --latency -s Benchmarks/live/post.lua "http://127.0.0.1:$PORT/render" | tail -1
curl -s "http://127.0.0.1:$PORT/metrics" | grep -E '^folio_render_requests_total' || true
