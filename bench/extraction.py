"""Body extraction quality on real pages, scored as the article-extraction benchmark scores it.

Metric: tokens are \\w+ runs; 4-token shingles counted in truth and prediction; per page tp/fp/fn
normalised to sum 1; precision and recall averaged over pages; F1 of the two averages.

    python bench/extraction.py [--show N]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from _shared import data_dir  # noqa: E402

from indexer.extract import parse_articles  # noqa: E402


def shingles(text: str, size: int = 4) -> Counter:
    tokens = re.findall(r"\w+", text)
    return Counter(tuple(tokens[i:i + size]) for i in range(max(1, len(tokens) - size + 1))) if tokens else Counter()


def page_scores(truth: str, predicted: str) -> tuple[float, float]:
    t, p = shingles(truth), shingles(predicted)
    tp = sum((t & p).values())
    fp = sum((p - t).values())
    fn = sum((t - p).values())
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp, fp, fn = tp / total, fp / total, fn / total
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall


def score(name: str, suffix: str, show: int) -> tuple[float, float, float, float]:
    folder = data_dir(name)
    truth = json.loads((folder / "ground-truth.json").read_text())
    sub = "html" if suffix == ".html.gz" else "txt"
    precisions, recalls, worst = [], [], []
    parse_time = 0.0
    for page_id, item in sorted(truth.items()):
        path = folder / sub / f"{page_id}{suffix}"
        started = time.perf_counter()
        articles = parse_articles(path)
        parse_time += time.perf_counter() - started
        body = articles[0].body if articles else ""
        p, r = page_scores(item["articleBody"], body)
        precisions.append(p)
        recalls.append(r)
        worst.append((2 * p * r / (p + r) if p + r else 0.0, p, r, page_id))
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall)
    for f, p, r, page_id in sorted(worst)[:show]:
        print(f"   worst: F1 {f:.3f} P {p:.3f} R {r:.3f} {page_id}")
    return precision, recall, f1, parse_time / len(truth)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="list the N worst pages of each set")
    args = parser.parse_args()
    for name, suffix, target in (("article-extraction", ".html.gz", 0.965), ("scraped-text", ".txt", 0.93)):
        precision, recall, f1, seconds = score(name, suffix, args.show)
        verdict = "meets" if f1 >= target else "below"
        print(f"{name:<20} P {precision:.3f}  R {recall:.3f}  F1 {f1:.3f}  ({verdict} target {target}; "
              f"{seconds * 1000:.1f} ms/page)")


if __name__ == "__main__":
    main()
