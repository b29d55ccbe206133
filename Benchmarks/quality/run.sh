#!/usr/bin/env bash
# Typesetting quality (issue 12): overlap.py's and typo.py's figures (../shared/tools) for the
# sample briefing, the sample in the landscape layout and a long mixed document (the article
# three times, with its table and lists), beside Typst's on the same text where the typst peer
# is installed (python3 -m pip install typst), and Folio's own first-fit line breaking for comparison
# (FOLIO_LINE_BREAKING=first-fit). Called by Benchmarks/run.sh or alone.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
FOLIO=${FOLIO:-$ROOT/.build/release/folio}; WORK=${WORK:-/tmp/folio-bench}/quality
PEERS=${PEERS:-$ROOT/../shared/peers}; TOOLS=${TOOLS:-$ROOT/../shared/tools}
mkdir -p "$WORK"
[ -x "$FOLIO" ] || swift build -c release --product folio >/dev/null
SAMPLE=$ROOT/Assets/briefings/llama-journey.md
python3 "$ROOT/Benchmarks/document/make_doc.py" 16 "$WORK/long/doc.md" >/dev/null

figures() { # PDF -> "loose L% of N lines, S spaced, U underfull pages of P | N overlaps, M clipped"
  printf "%s | %s" "$(python3 "$TOOLS/typo.py" "$1" | tail -1)" "$(python3 "$TOOLS/overlap.py" "$1" | tail -1)"
}
row() { printf "%-44s %s\n" "$1" "$2"; }

typst_pdf() { # KIND OUT.pdf: the peer's Typst text for the sample, or for the long document (SAMPLE_MD)
  python3 - "$PEERS" "$1" "$2" "$WORK" <<'PY'
import os, shutil, sys
peers, kind, out, work = sys.argv[1:5]
sys.path.insert(0, peers)
import typst
if kind == "sample":
    typst.compile(os.path.join(peers, "inputs", "briefing.typ"), output=out, root=peers, format="pdf")
else:
    import gen_inputs
    md = open(os.environ["SAMPLE_MD"], encoding="utf-8").read()
    shutil.copytree(os.path.join(peers, "typ"), os.path.join(work, "typ"), dirs_exist_ok=True)
    src = os.path.join(work, "typst-long.typ")
    open(src, "w", encoding="utf-8").write(gen_inputs.synth_typ(md, 3))
    typst.compile(src, output=out, root=work, format="pdf")
PY
}
for mode in total-fit first-fit; do
  export FOLIO_LINE_BREAKING=$mode
  "$FOLIO" render "$SAMPLE" -o "$WORK/sample-$mode.pdf" >/dev/null
  "$FOLIO" render "$SAMPLE" --layout landscape -o "$WORK/landscape-$mode.pdf" >/dev/null
  "$FOLIO" render "$WORK/long/doc.md" -o "$WORK/long-$mode.pdf" >/dev/null
done
unset FOLIO_LINE_BREAKING
have_typst=0; python3 -c "import typst" 2>/dev/null && have_typst=1
if [ $have_typst = 1 ]; then
  typst_pdf sample "$WORK/typst-sample.pdf" || have_typst=0
  SAMPLE_MD=$SAMPLE typst_pdf long "$WORK/typst-long.pdf" 2>/dev/null || rm -f "$WORK/typst-long.pdf"
fi
for doc in sample landscape long; do
  echo "== $doc"
  row "folio (total fit)" "$(figures "$WORK/$doc-total-fit.pdf")"
  row "folio (first fit, for comparison)" "$(figures "$WORK/$doc-first-fit.pdf")"
  if [ -f "$WORK/typst-$doc.pdf" ]; then row "typst (peer, same text)" "$(figures "$WORK/typst-$doc.pdf")"
  elif [ $have_typst = 1 ]; then row "typst (peer)" "(no Typst text for this layout)"
  else row "typst (peer)" "(not installed: python3 -m pip install typst)"; fi
done
