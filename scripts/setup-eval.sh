#!/usr/bin/env bash
# Create .venv-eval/ in the repository root with pyarrow, the Parquet reader the evaluation
# step (scripts/evaluate.sh parquet) reads Chronicle's export with.
#
#   bash scripts/setup-eval.sh
#
# Idempotent: an existing venv that already imports pyarrow is left alone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv-eval"
python="${PYTHON:-python3}"

if [[ -x "$venv/bin/python" ]] && "$venv/bin/python" -c "import pyarrow" 2>/dev/null; then
    echo "setup-eval: $venv already has pyarrow"
    exit 0
fi
"$python" -m venv "$venv"
"$venv/bin/pip" install --quiet --upgrade pip
"$venv/bin/pip" install --quiet pyarrow
"$venv/bin/python" -c "import pyarrow; print('setup-eval: pyarrow', pyarrow.__version__, 'in', '$venv')"
