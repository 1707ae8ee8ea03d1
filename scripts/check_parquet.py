#!/usr/bin/env python3
"""Reads Chronicle's Parquet export with pyarrow (a reader Chronicle did not write) and checks
it against the JSON Lines export of the same store: same rows, same values, the documented
column types, CAMEO codes as strings with their leading zeros.

    python check_parquet.py EVENTS.parquet EVENTS.jsonl

Prints one line per check and exits 1 when one fails.
"""
import datetime
import json
import sys

import pyarrow as pa
import pyarrow.parquet as pq

# Column -> pyarrow type, as crates/chronicle-store/src/export/parquet.rs documents them.
EXPECTED = {
    "event_id": pa.int64(), "date": pa.date32(), "source_actor": pa.string(),
    "target_actor": pa.string(), "cameo": pa.string(), "root": pa.string(),
    "quad_class": pa.int32(), "goldstein": pa.float64(), "plover": pa.string(),
    "num_mentions": pa.int64(), "num_articles": pa.int64(), "num_sources": pa.int64(),
    "avg_tone": pa.float64(), "mode": pa.string(), "place": pa.string(), "country": pa.string(),
    "lat": pa.float64(), "lon": pa.float64(), "geonameid": pa.int64(),
    "source_text": pa.string(), "target_text": pa.string(), "doc_id": pa.string(),
    "url": pa.string(), "news_source": pa.string(), "evidence": pa.string(),
    "date_added": pa.int64(),
}


def main(parquet_path: str, jsonl_path: str) -> int:
    table = pq.read_table(parquet_path)
    with open(jsonl_path, encoding="utf-8") as f:
        expected_rows = [json.loads(line) for line in f if line.strip()]
    failures = []

    def check(name: str, ok: bool, detail: str = "") -> None:
        print(f"{'ok  ' if ok else 'FAIL'} {name}{': ' + detail if detail else ''}")
        if not ok:
            failures.append(name)

    types = {field.name: field.type for field in table.schema}
    wrong = {c: str(types.get(c)) for c, t in EXPECTED.items() if types.get(c) != t}
    check("columns and types as documented", not wrong, ", ".join(f"{c} is {t}" for c, t in wrong.items()))
    check("row count equals the JSON Lines export", table.num_rows == len(expected_rows),
          f"{table.num_rows} rows, {len(expected_rows)} expected")

    rows = table.to_pylist()
    key = lambda r: r["event_id"]  # noqa: E731
    by_id = {key(r): r for r in rows}
    mismatches = []
    for want in expected_rows:
        got = by_id.get(key(want))
        if got is None:
            mismatches.append(f"event {key(want)} missing")
            continue
        for column, value in want.items():
            if column not in EXPECTED:
                continue
            have = got[column]
            if isinstance(have, datetime.date):
                have = have.isoformat()
            if isinstance(value, float) and isinstance(have, float):
                same = abs(value - have) <= 1e-9 * max(1.0, abs(value))
            else:
                same = value == have
            if not same:
                mismatches.append(f"event {key(want)} {column}: {have!r} != {value!r}")
    check("every value equals the JSON Lines export", not mismatches, "; ".join(mismatches[:5]))
    padded = all(isinstance(r["cameo"], str) and len(r["cameo"]) >= 3 and r["root"] == r["cameo"][:2] for r in rows)
    check("CAMEO codes are strings with leading zeros", padded and bool(rows))
    print(f"pyarrow {pa.__version__}: {table.num_rows} rows, {table.num_columns} columns, "
          f"{len(failures)} failed checks")
    return 1 if failures else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
