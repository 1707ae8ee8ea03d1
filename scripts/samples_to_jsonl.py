#!/usr/bin/env python3
"""Turn the bundled wire-format sample articles into JSON Lines.

    python3 scripts/samples_to_jsonl.py            # rewrite samples/articles.jsonl
    python3 scripts/samples_to_jsonl.py --check    # exit 1 if it is out of date
    python3 scripts/samples_to_jsonl.py --all -o -  # every article, multi-article files too, to stdout

Reads samples/articles/*.txt (one article per file, see samples/README.md) and
writes one contract input record per article: {"id", "date", "text", "source"}.
`text` is what Chronicle's wire reader gives: the first paragraph after the
` date YYYY-MM-DD ` marker, then every following line up to the `/NAME` line,
joined with newlines and stripped of surrounding whitespace. `id` is the file
stem; files holding several articles are skipped unless --all is given, and
then their ids get `#1`, `#2`, ... as in the contract.

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = ROOT / "samples" / "articles"
OUTPUT = ROOT / "samples" / "articles.jsonl"

DATE_LINE = re.compile(r"^[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})(?:[ \t]+|$)")
SOURCE_LINE = re.compile(r"^[ \t]*/([A-Za-z0-9_-]+)[ \t]*$")


class WireError(ValueError):
    pass


def parse_wire(text: str, stem: str) -> list[dict]:
    """The articles of one wire file, as contract input records."""
    articles: list[dict] = []
    current: dict | None = None
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        line = line.removesuffix("\r")
        opening = DATE_LINE.match(line)
        if opening:
            if current is not None:
                articles.append(current)
            current = {"date": opening.group(1), "lines": [line[opening.end():]], "source": None, "line": number}
            continue
        closing = SOURCE_LINE.match(line)
        if current is not None and closing:
            current["source"] = closing.group(1)
            articles.append(current)
            current = None
            continue
        if current is not None:
            current["lines"].append(line)
        elif line.strip():
            raise WireError(f"{stem}: line {number}: text outside an article (expected ` date YYYY-MM-DD ...`)")
    if current is not None:
        articles.append(current)
    if not articles:
        raise WireError(f"{stem}: no article (expected a first line ` date YYYY-MM-DD ...`)")

    records = []
    for index, article in enumerate(articles, 1):
        body = "\n".join(article["lines"]).strip()
        if not body:
            raise WireError(f"{stem}: line {article['line']}: article has no text")
        if article["source"] is None:
            raise WireError(f"{stem}: line {article['line']}: article has no closing `/SOURCE` line")
        record_id = stem if len(articles) == 1 else f"{stem}#{index}"
        records.append({"id": record_id, "date": article["date"], "text": body, "source": article["source"]})
    return records


def collect(directory: Path, include_multi: bool) -> list[dict]:
    records = []
    for path in sorted(directory.glob("*.txt")):
        file_records = parse_wire(path.read_text(encoding="utf-8"), path.stem)
        if len(file_records) > 1 and not include_multi:
            continue
        records.extend(file_records)
    return records


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=Path, default=ARTICLES, help="folder of wire files (default samples/articles)")
    parser.add_argument("-o", "--output", default=str(OUTPUT), help="output file, or - for stdout (default samples/articles.jsonl)")
    parser.add_argument("--all", action="store_true", help="also include files that hold several articles")
    parser.add_argument("--check", action="store_true", help="do not write; exit 1 if the output differs")
    args = parser.parse_args(argv)

    try:
        records = collect(args.articles, args.all)
    except (WireError, OSError, UnicodeDecodeError) as err:
        print(f"samples_to_jsonl: {err}", file=sys.stderr)
        return 2
    content = render(records)

    if args.output == "-":
        sys.stdout.write(content)
        return 0
    output = Path(args.output)
    if args.check:
        current = output.read_text(encoding="utf-8") if output.exists() else None
        if current != content:
            print(f"samples_to_jsonl: {output} is out of date; run python3 scripts/samples_to_jsonl.py", file=sys.stderr)
            return 1
        print(f"samples_to_jsonl: {output} is up to date ({len(records)} articles)")
        return 0
    output.write_text(content, encoding="utf-8")
    print(f"samples_to_jsonl: wrote {len(records)} articles to {output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
