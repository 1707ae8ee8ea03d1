#!/usr/bin/env bash
# The evaluation step: runs Chronicle over the development sets in ../shared/eval with the
# scorer there, and writes the tables to docs/results/eval/. Skips cleanly without ../shared.
#
#   scripts/evaluate.sh          # release build, every suite
#   scripts/evaluate.sh --ci     # the debug build CI already made, quick suites only
set -euo pipefail
cd "$(dirname "$0")/.."
shared=../shared
if [[ ! -f $shared/eval/score.py ]]; then
  echo "evaluate: $shared/eval/score.py not found; skipping the evaluation step"
  exit 0
fi
mode=${1:-full}
if [[ $mode == --ci ]]; then
  cargo build -q --bin chronicle
  bin=$PWD/target/debug/chronicle
else
  cargo build -q --release --bin chronicle
  bin=$PWD/target/release/chronicle
fi
out=docs/results/eval
mkdir -p "$out"
score() { # suite gold-path extra-args... ; writes $out/<name>.txt
  local name=$1 suite=$2 gold=$3; shift 3
  echo "-- $name"
  (cd "$shared/eval" && python3 score.py run "$suite" "$gold" --cmd "$bin code" "$@") | tee "$out/$name.txt"
}
score article article "$PWD/$shared/examples"
if [[ $mode != --ci ]]; then
  score throughput-reuters throughput data/corpora/reuters21578
fi
