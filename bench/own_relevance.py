"""Ranking quality on our own judged queries: plain BM25 against the tuned ranking.

    python bench/own_relevance.py

bench/own_queries.json holds 30 queries (known items, people, date-scoped) judged over the
shipped corpus plus ../shared/data/reuters21578. Both rankings run on the same articles: plain
is Whoosh's BM25F at its defaults (K1 1.2, B 0.75, every field weighted 1, one BM25 per field
summed, no coordination, no feedback); tuned
is search.search as shipped. Queries run as typed (all words must match, relaxed when none do).

Person queries are judged by every article naming the person, so their order does not count
there; how well ``people:`` puts the stories about someone first is measured apart, on the 30
people the Reuters stories name most, with their surname's weight in each article
(ranking.PERSON_PROMINENCE) and without it.
"""

from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from _shared import data_dir  # noqa: E402
from relevance import evaluate, report  # noqa: E402
from whoosh import scoring  # noqa: E402

import indexer.schema  # noqa: E402
import search  # noqa: E402
from indexer import build_index  # noqa: E402
from search import ranking  # noqa: E402


def run_with(index_dir: Path):
    searcher = search.open_index(index_dir)

    def run(text: str) -> list[str]:
        return [hit.id for hit in searcher.search(text, limit=100, collapse=False).hits]
    return run


def headlines_naming(index_dir: Path, people: int = 30) -> tuple[float, float]:
    """For ``people:"<name>"`` of each of the people the Reuters stories name most: the share of
    the first 10 hits whose headline names them (by surname), and the mean reciprocal rank of the
    first such hit. A story about someone names them in its headline; an aside does not."""
    shown = firsts = 0.0
    with search.open_index(index_dir) as searcher:
        named = searcher.facets("source:reuters", top_people=people).people
        for name, _ in named:
            surname = name.split()[-1].lower()
            hits = searcher.search(f'people:"{name}"', limit=10, collapse=False).hits
            in_headline = [surname in hit.headline.lower() for hit in hits]
            shown += sum(in_headline) / max(1, len(hits))
            firsts += next((1 / rank for rank, found in enumerate(in_headline, 1) if found), 0.0)
    return shown / len(named), firsts / len(named)


def main() -> None:
    reuters = data_dir("reuters21578") / "articles"
    judged = json.loads((Path(__file__).parent / "own_queries.json").read_text())["queries"]
    queries = {str(n): q["query"] for n, q in enumerate(judged)}
    qrels = {str(n): q["relevant"] for n, q in enumerate(judged)}
    with tempfile.TemporaryDirectory() as folder:
        corpus = Path(folder) / "corpus"
        shutil.copytree(ROOT / "corpus", corpus)
        shutil.copytree(reuters, corpus / "reuters")
        build_index(corpus, Path(folder) / "tuned")
        tuned = evaluate(run_with(Path(folder) / "tuned"), queries, qrels)
        prominent = headlines_naming(Path(folder) / "tuned")
        ranking.PERSON_PROMINENCE = False
        alike = headlines_naming(Path(folder) / "tuned")
        weights = dict(indexer.schema.FIELD_WEIGHTS)
        indexer.schema.FIELD_WEIGHTS.update({field: 1.0 for field in weights})
        build_index(corpus, Path(folder) / "plain")
        indexer.schema.FIELD_WEIGHTS.update(weights)
        ranking.weighting = scoring.BM25F
        ranking.wants_expansion = lambda parsed: False
        ranking.COMBINE_FIELDS = False
        ranking.COORDINATION = 0.0  # every share of the words scales by 1
        plain = evaluate(run_with(Path(folder) / "plain"), queries, qrels)
    report("own set  plain BM25", plain)
    report("own set  tuned", tuned)
    for label, (share, first) in (("name scored alike", alike), ("tuned", prominent)):
        print(f"people: queries, {label:<17} top-10 hits whose headline names the person {share:.2f}  "
              f"MRR of the first {first:.2f}")


if __name__ == "__main__":
    main()
