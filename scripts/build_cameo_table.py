#!/usr/bin/env python3
"""Builds data/events/cameo.tsv, Chronicle's CAMEO ontology, from the standard code tables.

CAMEO codes, names and Goldstein values (GDELT's lookup tables) and the CAMEO -> PLOVER
mapping (PLOVER 2021 conversion table) are standard code tables: facts, which we keep in our
own format — one row per code with its Goldstein value and PLOVER type; the root and quad
class follow from the code and are derived when the table is loaded.

    python3 scripts/build_cameo_table.py ../shared/eval/data/cameo > data/events/cameo.tsv
"""
import re
import sys
from pathlib import Path

PLOVER_LINE = re.compile(r"^\s*(\d{2,4})\s*:\s*([A-Z_]+)")


def main(folder: Path) -> None:
    names = rows(folder / "CAMEO.eventcodes.txt")
    goldstein = rows(folder / "CAMEO.goldsteinscale.txt")
    plover: dict[str, str] = {}
    for line in (folder / "CAMEO2PLOVER-2021.txt").read_text(encoding="utf-8").splitlines():
        if m := PLOVER_LINE.match(line):
            plover.setdefault(m.group(1), m.group(2))
    # The conversion table leaves CAMEO 02 (APPEAL) out; PLOVER's REQUEST covers appeals and
    # demands alike (PLOVER manual), so appeals are REQUEST.
    plover.setdefault("02", "REQUEST")
    print("# Chronicle's CAMEO ontology: one row per CAMEO event code.")
    print("# Built by scripts/build_cameo_table.py from GDELT's CAMEO lookup tables (Goldstein values:")
    print("# GDELT's table) and the PLOVER 2021 CAMEO->PLOVER conversion (Open Event Data Alliance).")
    print("# plover: the code's own PLOVER type, else its parent's; `-` where PLOVER has none (01);\n# 02 (appeals) is REQUEST, which PLOVER defines to cover appeals.")
    print("# columns: code<TAB>goldstein<TAB>plover<TAB>name")
    for code in sorted(names, key=lambda c: (c[:2], c)):
        if code not in goldstein:
            sys.exit(f"{code}: no Goldstein value")
        mapped = next((plover[c] for c in (code, code[:3], code[:2]) if c in plover), "-")
        print(f"{code}\t{float(goldstein[code]):.1f}\t{mapped}\t{names[code].strip()}")


def rows(path: Path) -> dict[str, str]:
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return dict(line.split("\t", 1) for line in lines if line.strip())


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/eval/data/cameo"))
