"""The 100,000-article figure: build time, memory, index size and query latency at scale.

    python bench/scale.py [-n 100000] [--queries 300]

Generates N articles (bench/make_corpus.py), builds the index as a user would (all cores, no
--optimize), then runs bench/latency.py's queries (top 10 with snippets) against it.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from build_speed import size_mb  # noqa: E402
from latency import percentiles, queries, time_queries  # noqa: E402
from make_corpus import generate  # noqa: E402

import search  # noqa: E402
from indexer import build_index  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=300)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        corpus, index_dir = Path(folder) / "corpus", Path(folder) / "index"
        generate(corpus, args.n)
        started = time.perf_counter()
        report = build_index(corpus, index_dir)
        build = time.perf_counter() - started
        with search.open_index(index_dir) as searcher:
            segments = searcher.stats()["segments"]
            times, _ = time_queries(searcher, queries(args.queries))
        index_mb, corpus_mb = size_mb(index_dir), size_mb(corpus)
    p50, p95 = percentiles(times)
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"{report.documents} articles: full build {build:.0f} s ({report.documents / build:.0f} articles/s), "
          f"peak memory: this process {own:.0f} MB, largest worker or writer process {workers:.0f} MB")
    print(f"index {index_mb:.0f} MB for a {corpus_mb:.0f} MB corpus, {segments} segments (not optimized)")
    print(f"queries, top 10 with snippets: p50 {p50:.1f} ms  p95 {p95:.1f} ms")


if __name__ == "__main__":
    main()
