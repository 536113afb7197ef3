"""Query latency: top 10 with snippets, in-process, against SQLite FTS5 on the same articles.

    python bench/latency.py [-n 20000] [--queries 300]

Builds an index of N generated articles (bench/make_corpus.py), then runs the same queries
(one to three words drawn from the articles' own vocabulary, some with a person or a date
filter) through search.search and through FTS5 (bm25() ranking, snippet() for the snippets).
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from make_corpus import COMMON, Generator, generate  # noqa: E402

import search  # noqa: E402
from indexer import build_index  # noqa: E402
from indexer.extract import parse_articles  # noqa: E402


def queries(count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    words = Generator(1).words[len(COMMON):3000]
    made = []
    for _ in range(count):
        query = " ".join(rng.sample(words, rng.randint(1, 3)))
        made.append(query)
    return made


def percentiles(times: list[float]) -> tuple[float, float]:
    ordered = sorted(times)
    return statistics.median(ordered) * 1000, ordered[int(len(ordered) * 0.95) - 1] * 1000


def time_queries(searcher: search.Searcher, wanted: list[str]) -> tuple[list[float], list[int]]:
    """Seconds taken by each query (top 10 with snippets) and its total, after one to warm up."""
    searcher.search(wanted[0])  # warm the caches, as a shell would be
    times, totals = [], []
    for query in wanted:
        started = time.perf_counter()
        results = searcher.search(query, limit=10)
        times.append(time.perf_counter() - started)
        totals.append(results.total)
    return times, totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=20_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus, index_dir = Path(folder) / "corpus", Path(folder) / "index"
        generate(corpus, args.n)
        build_index(corpus, index_dir, optimize=True)
        docs = [(a.headline, a.body) for f in sorted(corpus.rglob("*.*")) for a in parse_articles(f)]
        db = sqlite3.connect(":memory:")
        db.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize='porter')")
        db.executemany("INSERT INTO docs VALUES (?, ?)", docs)
        db.commit()
        wanted = queries(args.queries)
        theirs = []
        with search.open_index(index_dir) as searcher:
            ours, totals = time_queries(searcher, wanted)
        for query in wanted:
            started = time.perf_counter()
            rows = db.execute("SELECT title, snippet(docs, 1, '[', ']', '…', 30) FROM docs WHERE docs MATCH ? "
                              "ORDER BY bm25(docs) LIMIT 10", (" AND ".join(f'"{w}"' for w in query.split()),))
            rows.fetchall()
            theirs.append(time.perf_counter() - started)
    (p50, p95), (f50, f95) = percentiles(ours), percentiles(theirs)
    print(f"{args.n} articles, {len(wanted)} queries (median {statistics.median(totals):.0f} hits)")
    print(f"news-search  p50 {p50:6.2f} ms  p95 {p95:6.2f} ms   (targets 3.5 / 10 ms)")
    print(f"SQLite FTS5  p50 {f50:6.2f} ms  p95 {f95:6.2f} ms   ratio p50 {p50 / f50:.1f}x")


if __name__ == "__main__":
    main()
