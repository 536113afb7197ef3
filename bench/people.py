"""Person-name extraction: accuracy on real Reuters news and speed.

    python bench/people.py [--show N] [--repeat 5]

Accuracy: ../shared/data/news-people (CoNLL-2003 test documents), scored per (document, person)
pair; names compared case-insensitively with white space folded; a predicted one-word name that
abbreviates a fuller gold name of the same document counts as that name. Also checks the seed's
eight people. Speed: tokens per second of extract_people alone, on one core, its caches empty
(the fastest of --repeat passes).
"""

from __future__ import annotations

import argparse
import gc
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _shared import DATA, data_dir  # noqa: E402

from indexer import people  # noqa: E402
from indexer.extract import parse_articles  # noqa: E402
from indexer.people import extract_people  # noqa: E402

# The people module's caches, emptied before each timed pass.
CACHES = [value for value in vars(people).values() if hasattr(value, "cache_clear")]
SEED_PEOPLE = ["Avigdor Liberman", "Sergei Lavrov", "Ofer Fridman", "Bashar Assad", "Gary Koren",
               "Konstantin Kosachev", "Avi Dichter", "Dmitry Peskov"]


def fold(name: str) -> str:
    return " ".join(name.lower().split())


def resolve(predicted: set[str], gold: set[str]) -> set[str]:
    """One-word predictions that abbreviate a fuller gold name count as that name."""
    resolved = set()
    for name in predicted:
        if " " not in name:
            fuller = [g for g in gold if name in g.split()]
            if len(fuller) == 1:
                name = fuller[0]
        resolved.add(name)
    return resolved


def extraction_time(texts: list[tuple[str, str]]) -> float:
    """Seconds extract_people takes over ``texts`` (headline, body), its caches emptied first:
    every pass pays for the names it meets for the first time, as a build's workers do."""
    for cached in CACHES:
        cached.cache_clear()
    elapsed = 0.0
    for headline, body in texts:
        started = time.perf_counter()
        extract_people(headline, body)
        elapsed += time.perf_counter() - started
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="list misses and false alarms of N documents")
    parser.add_argument("--repeat", type=int, default=5, help="timed passes; the fastest is reported (default 5)")
    args = parser.parse_args()
    folder = data_dir("news-people")
    gold_all = json.loads((folder / "people.json").read_text())
    documents = []
    for doc_id, gold_names in sorted(gold_all.items()):
        text = (folder / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
        headline, _, body = text.partition("\n")
        documents.append((doc_id, headline, body, {fold(n) for n in gold_names}))
    tp = fp = fn = shown = 0
    for doc_id, headline, body, gold in documents:
        predicted = resolve({fold(n) for n in extract_people(headline, body)}, gold)
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        if shown < args.show and (predicted ^ gold):
            shown += 1
            print(f"{doc_id}: missed {sorted(gold - predicted)} false {sorted(predicted - gold)}")
    # Each timed pass is a few dozen milliseconds: one pass of the garbage collector over the
    # objects imported at start-up (whoosh, lxml, trafilatura) would be a third of it, a cost a
    # build pays once (parsing 2,800 articles: the same time with the collector on or off). The
    # fastest pass is the one this noisy machine disturbed least (single passes: 381k-498k).
    gc.collect()
    gc.freeze()
    texts = [(headline, body) for _, headline, body, _ in documents]
    tokens = sum(len(re.findall(r"\w+", f"{headline}\n{body}")) for headline, body in texts)
    elapsed = min(extraction_time(texts) for _ in range(args.repeat))
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    print(f"news-people  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (target 0.80)  "
          f"speed {tokens / elapsed:,.0f} tokens/s on one core, best of {args.repeat} (target 500,000)")
    seed = DATA.parent / "seed" / "000_d07907a3221a4613.txt"
    if seed.exists():
        people = parse_articles(seed)[0].people
        verdict = "exact" if people == SEED_PEOPLE else f"differs: {people}"
        print(f"seed         {len(people)} people, {verdict}")


if __name__ == "__main__":
    main()
