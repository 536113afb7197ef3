"""Ranking quality on a judged news collection, against SQLite FTS5 in the same run.

    python bench/relevance.py

../shared/data/time-news-ir: 423 Time magazine stories of 1963 and 41 judged queries. Protocol
(the collection's README): each query's lower-cased words joined by OR, top 100. Prints MAP,
nDCG@10, P@10 and MRR for search.search and for FTS5 (porter stemming, bm25()).
"""

from __future__ import annotations

import json
import math
import re
import sqlite3
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _shared import data_dir  # noqa: E402

import search  # noqa: E402
from indexer import build_index  # noqa: E402

Run = Callable[[str], list[str]]


def evaluate(run: Run, queries: dict[str, str], qrels: dict[str, list[str]]) -> dict[str, float]:
    """MAP (over the top 100), nDCG@10, P@10 and MRR of a run function over judged queries."""
    totals = {"MAP": 0.0, "nDCG@10": 0.0, "P@10": 0.0, "MRR": 0.0}
    for query_id, text in queries.items():
        relevant = set(qrels.get(query_id, []))
        if not relevant:
            continue
        ranked = run(text)[:100]
        hits, precision_sum, reciprocal = 0, 0.0, 0.0
        for rank, doc in enumerate(ranked, 1):
            if doc in relevant:
                hits += 1
                precision_sum += hits / rank
                reciprocal = reciprocal or 1 / rank
        dcg = sum(1 / math.log2(rank + 1) for rank, doc in enumerate(ranked[:10], 1) if doc in relevant)
        ideal = sum(1 / math.log2(rank + 1) for rank in range(1, min(10, len(relevant)) + 1))
        totals["MAP"] += precision_sum / len(relevant)
        totals["nDCG@10"] += dcg / ideal
        totals["P@10"] += sum(1 for doc in ranked[:10] if doc in relevant) / 10
        totals["MRR"] += reciprocal
    judged = sum(1 for q in queries if qrels.get(q))
    return {name: value / judged for name, value in totals.items()}


def or_query(text: str) -> str:
    return " OR ".join(re.findall(r"\w+", text.lower()))


def time_collection() -> tuple[Path, dict[str, str], dict[str, list[str]]]:
    folder = data_dir("time-news-ir")
    queries = json.loads((folder / "queries.json").read_text())
    # Judgements write some story numbers zero-padded ("017") and some not ("334").
    qrels = {query: [str(int(doc)) for doc in docs]
             for query, docs in json.loads((folder / "qrels.json").read_text()).items()}
    return folder / "docs", queries, qrels


def doc_number(name: str) -> str:
    return str(int(re.search(r"(\d+)", Path(name).name).group(1)))


def whoosh_run(index_dir: Path) -> Run:
    searcher = search.open_index(index_dir)

    def run(text: str) -> list[str]:
        return [doc_number(hit.id) for hit in searcher.search(or_query(text), limit=100, collapse=False).hits]
    return run


def fts5_run(docs: Path) -> Run:
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE docs USING fts5(name UNINDEXED, body, tokenize='porter')")
    rows = [(doc_number(p.name), p.read_text(encoding="utf-8", errors="replace")) for p in sorted(docs.iterdir())]
    db.executemany("INSERT INTO docs VALUES (?, ?)", rows)

    def run(text: str) -> list[str]:
        match = " OR ".join(f'"{w}"' for w in re.findall(r"\w+", text.lower()))
        rows = db.execute("SELECT name FROM docs WHERE docs MATCH ? ORDER BY bm25(docs) LIMIT 100", (match,))
        return [row[0] for row in rows]
    return run


def report(name: str, scores: dict[str, float]) -> None:
    print(f"{name:<28} " + "  ".join(f"{metric} {value:.3f}" for metric, value in scores.items()))


def main() -> None:
    docs, queries, qrels = time_collection()
    with tempfile.TemporaryDirectory() as folder:
        build_index(docs, folder)
        ours = evaluate(whoosh_run(Path(folder)), queries, qrels)
    fts5 = evaluate(fts5_run(docs), queries, qrels)
    report("time-news-ir  news-search", ours)
    report("time-news-ir  SQLite FTS5", fts5)
    verdict = "meets" if ours["MAP"] >= 0.63 and ours["MAP"] > fts5["MAP"] else "below"
    print(f"MAP {ours['MAP']:.3f} vs FTS5 {fts5['MAP']:.3f}: {verdict} the target (>= 0.63 and above FTS5)")


if __name__ == "__main__":
    main()
