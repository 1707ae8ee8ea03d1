#!/usr/bin/env python3
"""Convert the VADER sentiment lexicon into data/tone/vader_lexicon.tsv.

    python3 -m venv /work/venv-gaz && /work/venv-gaz/bin/pip install vaderSentiment==3.3.2
    /work/venv-gaz/bin/python data/tone/build.py data/tone/vader_lexicon.tsv

Source: the PyPI package vaderSentiment 3.3.2 (C.J. Hutto, MIT licence, copied beside this
script as LICENSE-vaderSentiment.txt). Hutto & Gilbert (2014), "VADER: A Parsimonious Rule-based
Model for Sentiment Analysis of Social Media Text", ICWSM. Only the word and its mean valence
(-4 .. +4) are kept; entries without a letter or digit (emoticons) are dropped because the tone
stage counts words. Standard library only (the package is used just to find the file).
"""

import os
import sys

import vaderSentiment

src = os.path.join(os.path.dirname(vaderSentiment.__file__), "vader_lexicon.txt")
out = sys.argv[1] if len(sys.argv) > 1 else "data/tone/vader_lexicon.tsv"
rows = []
with open(src, encoding="utf-8") as f:
    for line in f:
        cols = line.rstrip("\r\n").split("\t")
        if len(cols) < 2 or not any(c.isalnum() for c in cols[0]):
            continue
        rows.append((cols[0].lower(), float(cols[1])))
rows.sort()
with open(out, "w", encoding="utf-8", newline="\n") as f:
    f.write("# VADER sentiment lexicon (vaderSentiment 3.3.2, MIT, (c) 2016 C.J. Hutto): word, mean valence.\n")
    f.write("# Built by data/tone/build.py; see LICENSE-vaderSentiment.txt.\n")
    for word, valence in rows:
        f.write(f"{word}\t{valence}\n")
print(f"{out}: {len(rows)} words", file=sys.stderr)
