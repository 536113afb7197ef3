"""Indexing at scale: full and incremental builds against naive Whoosh and SQLite FTS5.

    python bench/build_speed.py [-n 20000] [--skip-reuters] [--repeat 2]

On N generated articles (bench/make_corpus.py) and on the Reuters-21578 stories in ../shared:
- the full build, end to end (reading and cleaning included), in articles per second;
- a naive single-process Whoosh build, an SQLite FTS5 build and a tantivy build (when its Python
  bindings are installed: pip install -e '.[bench]') of the same already-clean documents
  (headline + body), for comparison in the same run;
- an incremental re-run with one file changed and with nothing changed, against the full build;
- peak memory of the build (this process and its workers) and index size next to corpus size.
The full build and the naive one are each the best of ``--repeat`` runs, taken in turn.
"""

from __future__ import annotations

import argparse
import os
import resource
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _shared import DATA  # noqa: E402
from make_corpus import generate  # noqa: E402
from whoosh import fields, index  # noqa: E402
from whoosh.analysis import StemmingAnalyzer  # noqa: E402

from indexer import build_index  # noqa: E402
from indexer.extract import parse_articles  # noqa: E402


def size_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 1e6


def peak_mb() -> float:
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(self_kb, children_kb) / 1024


def clean_documents(corpus: Path) -> list[tuple[str, str]]:
    return [(a.headline, a.body) for f in sorted(corpus.rglob("*")) if f.is_file() for a in parse_articles(f)]


def naive_whoosh(docs: list[tuple[str, str]], folder: str) -> float:
    os.makedirs(folder, exist_ok=True)
    ix = index.create_in(folder, fields.Schema(title=fields.TEXT(stored=True),
                                               body=fields.TEXT(analyzer=StemmingAnalyzer())))
    started = time.perf_counter()
    with ix.writer() as writer:
        for title, body in docs:
            writer.add_document(title=title, body=body)
    return len(docs) / (time.perf_counter() - started)


def fts5(docs: list[tuple[str, str]]) -> float:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter')")
    started = time.perf_counter()
    db.executemany("INSERT INTO docs VALUES (?, ?)", docs)
    db.commit()
    return len(docs) / (time.perf_counter() - started)


def tantivy_build(docs: list[tuple[str, str]], folder: str) -> float | None:
    """Articles per second into tantivy (its default writer: all cores); None without tantivy."""
    try:
        import tantivy
    except ImportError:
        return None
    os.makedirs(folder, exist_ok=True)
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=True)
    builder.add_text_field("body", tokenizer_name="en_stem")
    ix = tantivy.Index(builder.build(), path=folder)
    started = time.perf_counter()
    writer = ix.writer()
    for title, body in docs:
        writer.add_document(tantivy.Document(title=title, body=body))
    writer.commit()
    writer.wait_merging_threads()
    return len(docs) / (time.perf_counter() - started)


def measure(name: str, corpus: Path, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as work:
        # The full build and the naive one taken in turn, the best of each: this machine's speed
        # drifts by a fifth between minutes.
        full, naive, docs, memory = float("inf"), 0.0, [], 0.0
        for attempt in range(repeat):
            index_dir = Path(work) / f"index{attempt}"
            started = time.perf_counter()
            report = build_index(corpus, index_dir)
            full = min(full, time.perf_counter() - started)
            if not docs:
                memory = peak_mb()  # the build's, before the naive builds' documents are parsed
                # In another process: parsing here would warm the caches the next build inherits.
                with ProcessPoolExecutor(1) as pool:
                    docs = pool.submit(clean_documents, corpus).result()
            naive = max(naive, naive_whoosh(docs, str(Path(work) / f"naive{attempt}")))
        rate = report.documents / full
        files = sorted(p for p in corpus.rglob("*.txt"))
        touched = files[len(files) // 2]
        touched.write_text(touched.read_text(encoding="utf-8") + "\nOne more line of news for the benchmark.\n",
                           encoding="utf-8")
        started = time.perf_counter()
        one = build_index(corpus, index_dir)
        one_changed = time.perf_counter() - started
        started = time.perf_counter()
        build_index(corpus, index_dir)
        nothing = time.perf_counter() - started
        index_mb, corpus_mb = size_mb(index_dir), size_mb(corpus)
        sqlite = fts5(docs)
        rust = tantivy_build(docs, str(Path(work) / "tantivy"))
    print(f"{name}: {report.documents} articles, {len(list(corpus.rglob('*.*')))} files")
    print(f"  full build     {full:7.1f} s  {rate:7.0f} articles/s  ({rate / naive:.2f}x naive Whoosh; target 2x)")
    print(f"  naive Whoosh   {naive:7.0f} articles/s (clean documents, one process, default writer)")
    print(f"  SQLite FTS5    {sqlite:7.0f} articles/s (clean documents)")
    print(f"  tantivy        {rust:7.0f} articles/s (clean documents, all cores)" if rust else
          "  tantivy           -    (not installed: pip install -e '.[bench]')")
    print(f"  one changed    {one_changed:7.2f} s  = {one_changed / full * 100:.1f}% of the full build "
          f"(target < 2%; {one.updated} updated)")
    print(f"  none changed   {nothing:7.2f} s  (target < 1 s)")
    print(f"  peak memory    {memory:7.0f} MB (target < 1024)")
    print(f"  index size     {index_mb:7.1f} MB for a {corpus_mb:.1f} MB corpus")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20_000, help="generated articles (default 20000)")
    parser.add_argument("--skip-reuters", action="store_true")
    parser.add_argument("--repeat", type=int, default=2, help="full and naive builds, in turn (default 2)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "generated"
        generate(corpus, args.n)
        measure(f"generated ({os.cpu_count()} cores)", corpus, args.repeat)
    reuters = DATA / "reuters21578" / "articles"
    if args.skip_reuters or not reuters.is_dir():
        print("skipped the Reuters run (../shared/data not found or --skip-reuters)")
        return
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "reuters"
        # A copy, because the incremental run edits a file.
        for source in reuters.rglob("*.txt"):
            target = copy / source.relative_to(reuters)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(source.read_bytes())
        measure("reuters21578", copy, args.repeat)


if __name__ == "__main__":
    main()
