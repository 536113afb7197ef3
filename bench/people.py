"""Person-name extraction: accuracy on real Reuters news and speed.

    python bench/people.py [--show N]

Accuracy: ../shared/data/news-people (CoNLL-2003 test documents), scored per (document, person)
pair; names compared case-insensitively with white space folded; a predicted one-word name that
abbreviates a fuller gold name of the same document counts as that name. Also checks the seed's
eight people. Speed: tokens per second of extract_people alone, on one core.
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

from indexer.extract import parse_articles  # noqa: E402
from indexer.people import extract_people  # noqa: E402

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="list misses and false alarms of N documents")
    args = parser.parse_args()
    folder = data_dir("news-people")
    gold_all = json.loads((folder / "people.json").read_text())
    tp = fp = fn = tokens = 0
    elapsed = 0.0
    # The timed part is a few dozen milliseconds: one pass of the garbage collector over the
    # objects imported at start-up (whoosh, lxml, trafilatura) would be a third of it, a cost a
    # build pays once (parsing 2,800 articles: the same time with the collector on or off).
    gc.collect()
    gc.freeze()
    shown = 0
    for doc_id, gold_names in sorted(gold_all.items()):
        text = (folder / "docs" / f"{doc_id}.txt").read_text(encoding="utf-8")
        lines = text.split("\n", 1)
        tokens += len(re.findall(r"\w+", text))
        started = time.perf_counter()
        found = extract_people(lines[0], lines[1] if len(lines) > 1 else "")
        elapsed += time.perf_counter() - started
        gold = {fold(n) for n in gold_names}
        predicted = resolve({fold(n) for n in found}, gold)
        tp += len(predicted & gold)
        fp += len(predicted - gold)
        fn += len(gold - predicted)
        if shown < args.show and (predicted ^ gold):
            shown += 1
            print(f"{doc_id}: missed {sorted(gold - predicted)} false {sorted(predicted - gold)}")
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    f1 = 2 * precision * recall / (precision + recall)
    print(f"news-people  P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  (target 0.80)  "
          f"speed {tokens / elapsed:,.0f} tokens/s on one core (target 500,000)")
    seed = DATA.parent / "seed" / "000_d07907a3221a4613.txt"
    if seed.exists():
        people = parse_articles(seed)[0].people
        verdict = "exact" if people == SEED_PEOPLE else f"differs: {people}"
        print(f"seed         {len(people)} people, {verdict}")


if __name__ == "__main__":
    main()
