#!/usr/bin/env python3
"""Convert Reuters-21578 SGML files into Chronicle's JSON Lines input.

    python3 scripts/reuters_to_jsonl.py ../shared/eval/data/corpora/reuters21578 > reuters.jsonl
    python3 scripts/reuters_to_jsonl.py reut2-000.sgm reut2-001.sgm -o reuters.jsonl --limit 500

Each <REUTERS> story that has a <BODY> becomes one record:

    {"id": "reuters-<NEWID>", "date": "1987-02-26", "text": "...", "source": "REUTERS", "title": "..."}

- the files are read as Latin-1 (the corpus is 7-bit ASCII with a few stray high bytes);
- text = title, a blank line, then the dateline and the body (`SALVADOR, Feb 26 - Showers ...`);
- HTML/SGML character references (`&lt;`, `&amp;`, `&#3;`) are unescaped, then control
  characters other than newline and tab are removed, and each part is stripped;
- date = the day of the story's <DATE> (`26-FEB-1987 15:01:01.79` -> `1987-02-26`); a story
  whose date cannot be read is skipped with a message on stderr.

Python 3.11 standard library only. The corpus is for measuring, never for shipping.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

STORY = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.S)
NEWID = re.compile(r'\bNEWID="(\d+)"')
MONTHS = {m: i for i, m in enumerate(
    ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"], 1)}
DATE = re.compile(r"(\d{1,2})-([A-Za-z]{3})-(\d{4})")
# C0 and C1 controls and DEL, except tab and newline.
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def element(name: str, story: str) -> str | None:
    match = re.search(rf"<{name}\b[^>]*>(.*?)</{name}>", story, re.S)
    return match.group(1) if match else None


def clean(raw: str | None) -> str:
    if raw is None:
        return ""
    text = CONTROL.sub("", html.unescape(raw)).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


def iso_date(raw: str | None) -> str | None:
    match = DATE.search(raw or "")
    if not match:
        return None
    day, month, year = int(match.group(1)), MONTHS.get(match.group(2).upper()), int(match.group(3))
    if month is None or not 1 <= day <= 31:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def stories(path: Path) -> Iterator[dict]:
    content = path.read_text(encoding="latin-1")
    for match in STORY.finditer(content):
        attributes, story = match.groups()
        body = element("BODY", story)
        if body is None:
            continue
        id_match = NEWID.search(attributes)
        if not id_match:
            print(f"{path.name}: a story without NEWID; skipped", file=sys.stderr)
            continue
        story_id = f"reuters-{id_match.group(1)}"
        date = iso_date(element("DATE", story))
        if date is None:
            print(f"{path.name}: {story_id}: unreadable DATE; skipped", file=sys.stderr)
            continue
        title = clean(element("TITLE", story))
        dateline = clean(element("DATELINE", story))
        body_text = clean(body)
        lead = f"{dateline} {body_text}" if dateline else body_text
        text = f"{title}\n\n{lead}" if title else lead
        if not text.strip():
            continue
        yield {"id": story_id, "date": date, "text": text, "source": "REUTERS", "title": title or None}


def sgm_files(inputs: list[Path]) -> list[Path]:
    files: list[Path] = []
    for item in inputs:
        files.extend(sorted(item.glob("*.sgm")) if item.is_dir() else [item])
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("inputs", nargs="+", type=Path, help="reut2-*.sgm files or a folder holding them")
    parser.add_argument("-o", "--output", default="-", help="output file (default: standard output)")
    parser.add_argument("--limit", type=int, default=None, help="stop after this many stories")
    args = parser.parse_args(argv)

    files = sgm_files(args.inputs)
    if not files:
        print("reuters_to_jsonl: no .sgm files found", file=sys.stderr)
        return 2
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    count = 0
    try:
        for path in files:
            for record in stories(path):
                if args.limit is not None and count >= args.limit:
                    break
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
                count += 1
    finally:
        if out is not sys.stdout:
            out.close()
    print(f"reuters_to_jsonl: {count} stories from {len(files)} files", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
