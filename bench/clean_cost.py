"""What cleaning and extraction cost next to indexing the same articles in Whoosh.

    python bench/clean_cost.py [--reuters N]

For each input set: parse time per article (read, clean, extract people and dates) and Whoosh
indexing time per article (our schema, one writer, one commit), and their ratio. Each is the
best of ``--repeat`` passes, the two taken in turn: this machine's speed drifts by half between
minutes, and the fastest pass is the one least disturbed.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _shared import DATA  # noqa: E402
from whoosh import index as whoosh_index  # noqa: E402

from indexer.build import _document  # noqa: E402
from indexer.extract import parse_articles  # noqa: E402
from indexer.schema import make_schema  # noqa: E402


def measure(name: str, files: list[Path], repeat: int) -> None:
    parse = index = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        articles = [a for f in files for a in parse_articles(f)]
        parse = min(parse, time.perf_counter() - started)
        with tempfile.TemporaryDirectory() as folder:
            ix = whoosh_index.create_in(folder, make_schema())
            started = time.perf_counter()
            with ix.writer(limitmb=256) as writer:
                for article in articles:
                    writer.add_document(**_document(article, article.doc_id, set()))
            index = min(index, time.perf_counter() - started)
    n = len(articles)
    print(f"{name:<22} {n:>6} articles  parse {parse / n * 1000:6.2f} ms  index {index / n * 1000:6.2f} ms  "
          f"parse/index {parse / index:5.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reuters", type=int, default=2000, help="how many Reuters stories (default 2000)")
    parser.add_argument("--repeat", type=int, default=3, help="passes of each measurement (default 3)")
    args = parser.parse_args()
    measure("shipped corpus", sorted(p for p in (ROOT / "corpus").rglob("*") if p.is_file()), args.repeat)
    if not DATA.is_dir():
        print("skipped the shared data sets: ../shared/data not found")
        return
    reuters = sorted((DATA / "reuters21578" / "articles").rglob("*.txt"))[: args.reuters]
    measure("reuters (plain text)", reuters, args.repeat)
    measure("scraped-text (pages)", sorted((DATA / "scraped-text" / "txt").glob("*.txt")), args.repeat)
    measure("html pages", sorted((DATA / "article-extraction" / "html").glob("*.html.gz")), args.repeat)
    measure("fakenewsnet (json)", sorted((DATA / "fakenewsnet").rglob("*.json"))[:300], args.repeat)


if __name__ == "__main__":
    main()
