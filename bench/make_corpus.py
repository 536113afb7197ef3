"""A deterministic generator of news-like articles for benchmarks.

    python bench/make_corpus.py OUT_DIR [-n 20000] [--seed 1]

Writes plain-text scrapes in the seed's layout (with read-time lines, captions, appeals, social
prompts and related-content tails), HTML pages (navigation, JSON-LD, footers) and JSONL files of
records; dates spread over ten years; a few hundred recurring people; words drawn from a Zipfian
vocabulary so that term statistics look like news.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from datetime import datetime, timedelta
from pathlib import Path

COMMON = """the of and to in a is that for on was with said it as at by from he be has his have are
an but not this had who they were been which their will year more its one after would two new also
than people government over up out first last about could other into police president minister
city state country week told million percent company officials market since party election
between report court workers before security talks plan support public years time most some
under three local national group including while during against where economic world news
months health early because people's industry prices school children water power days former
later council law team season service deal trade bank money vote military forces fire""".split()
GIVEN = """Adaeze Tomasz Elena Rafael Ingrid Siobhan Graham Priya Marcus Helen Samuel Kofi Dariusz
Lena Walter Carla Hannah Daniel Margaret Victor Rebecca Anand Grace Darnell Maria Jonas Pieter
Fiona Patrick Sophie Kwame Ahmed Leonie Oliver Martin Benedikt Judith Ines Tobias Giulia Ezra""".split()
FAMILY = """Okafor Brennan Vasquez Moreno Solberg O'Connell Whitcombe Raman Lindqvist Ashworth Oduya
Mensah Kowalczyk Fischbach Pryce Jensen Whitlock Whitford Achterberg Lam Thorne Kapoor Mbeki
Okoye Castellanos Eriksen Berg Gallagher Nolan Tremblay Asante Siddiqui Marsh Grant Kessler
Krause Carmody Carvalho Lindgren Romano Bello Halloran Finch Walsh Fairweather Brandt""".split()
ROLES = ["Finance Minister", "Mayor", "Police Commissioner", "opposition leader", "chief executive",
         "Health Minister", "coach", "union leader", "Judge", "economist", "spokeswoman", "Governor"]
PLACES = ["Port Alder", "Carrow", "Millbrook", "Kestrel Bay", "Harbourside", "the northern towns"]
VERBS = ["said", "told reporters", "added", "warned", "said on Tuesday", "told parliament"]
APPEAL = ("Dear Reader,\nLocal journalism costs money to make. For $4 a month you can support our newsroom.\n\n"
          "  • An ad-free website\n  • Our weekly newsletter\n\nThank you,\n\nPhilippa Grange, Publisher\n\n\n")


def vocabulary(rng: random.Random, size: int = 30_000) -> tuple[list[str], list[float]]:
    """Common words first, then invented ones, with cumulative weights of Zipf's law (cumulative
    weights keep ``random.choices`` from summing 30,000 weights on every call)."""
    syllables = ["ka", "ro", "mi", "ten", "dor", "al", "ver", "sun", "pa", "li", "gro", "nest", "ber", "ia"]
    words = list(COMMON)
    while len(words) < size:
        words.append("".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))))
    weights = [1 / (rank + 1) ** 1.05 for rank in range(len(words))]
    return words, list(itertools.accumulate(weights))


class Generator:
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.words, self.cumulative = vocabulary(self.rng)
        self.people = [f"{g} {f}" for g, f in itertools.product(GIVEN, FAMILY)]
        self.rng.shuffle(self.people)
        self.people = self.people[:400]
        self.people_cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.people))))
        self.start = datetime(2015, 1, 1)

    def sentence(self, person: str | None) -> str:
        words = self.rng.choices(self.words, cum_weights=self.cumulative, k=self.rng.randint(12, 26))
        words[0] = words[0].capitalize()
        text = " ".join(words)
        if person:
            role = self.rng.choice(ROLES)
            text = f"{role} {person} {self.rng.choice(VERBS)} that {text[0].lower()}{text[1:]}"
        if self.rng.random() < 0.2:
            text += f" in {self.rng.choice(PLACES)}"
        return text + "."

    def article(self, number: int) -> dict:
        cast = self.rng.choices(self.people, cum_weights=self.people_cumulative, k=3)
        paragraphs = []
        for index in range(self.rng.randint(6, 12)):
            person = cast[index % 3] if self.rng.random() < 0.5 else None
            paragraphs.append(" ".join(self.sentence(person) for _ in range(self.rng.randint(2, 3))))
        headline = " ".join(self.rng.choices(self.words[:3000], k=self.rng.randint(5, 9))).capitalize()
        date = self.start + timedelta(minutes=self.rng.randint(0, 10 * 365 * 24 * 60))
        return {"n": number, "headline": headline, "summary": self.sentence(None), "date": date,
                "people": cast, "paragraphs": paragraphs}

    def text_file(self, a: dict) -> str:
        body = list(a["paragraphs"])
        body.insert(2, "Be the first to know - Join our Facebook page.")
        related = "\n".join(f"{(a['date'] - timedelta(days=d)).strftime('%B %-d, %Y')}\nOther story number {d}"
                            for d in (3, 9))
        appeal = APPEAL if self.rng.random() < 0.5 else ""
        return (f"{a['headline']}\n\n{a['summary']}\n\n{a['date'].strftime('%B %-d, %Y %H:%M')}\n"
                f"{self.rng.randint(2, 6)} minute read.\n\n{a['people'][0]} at the announcement. "
                f"(photo credit: STAFF PHOTOGRAPHER)\n\n\n{appeal}" + "\n\n".join(body) +
                f"\n\nRelated Content\n\n{related}\n")

    def html_file(self, a: dict) -> str:
        ld = json.dumps({"@type": "NewsArticle", "headline": a["headline"], "datePublished": a["date"].isoformat(),
                         "author": {"@type": "Person", "name": "Staff Reporter"}})
        body = "\n".join(f"<p>{p}</p>" for p in a["paragraphs"])
        nav = "".join(f'<li><a href="/{s}">{s.title()}</a></li>' for s in ("news", "sport", "business", "opinion"))
        return (f"<!DOCTYPE html><html><head><title>{a['headline']} | The Bench Times</title>"
                f'<script type="application/ld+json">{ld}</script></head><body><nav><ul>{nav}</ul></nav>'
                f'<article><h1>{a["headline"]}</h1><div class="article-body">{body}</div></article>'
                f"<footer><p>© The Bench Times. All rights reserved.</p></footer></body></html>")

    @staticmethod
    def record(a: dict) -> dict:
        return {"title": a["headline"], "published": a["date"].isoformat(), "summary": a["summary"],
                "text": "\n\n".join(a["paragraphs"])}


def generate(out: Path, count: int, seed: int = 1, records_per_file: int = 50) -> None:
    """Write ``count`` articles under ``out``: 70% text, 15% HTML, 15% JSONL records."""
    generator = Generator(seed)
    batch: list[dict] = []
    for number in range(count):
        a = generator.article(number)
        kind = number % 20
        folder = out / f"{number // 1000:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        if kind < 14:
            (folder / f"a{number:06d}.txt").write_text(generator.text_file(a), encoding="utf-8")
        elif kind < 17:
            (folder / f"a{number:06d}.html").write_text(generator.html_file(a), encoding="utf-8")
        else:
            batch.append(generator.record(a))
            if len(batch) == records_per_file or number == count - 1:
                lines = "\n".join(json.dumps(r) for r in batch) + "\n"
                (folder / f"r{number:06d}.jsonl").write_text(lines, encoding="utf-8")
                batch = []
    if batch:
        (out / "rest.jsonl").write_text("\n".join(json.dumps(r) for r in batch) + "\n", encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", type=int, default=20_000, help="number of articles (default 20000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    generate(args.out, args.n, args.seed)
    print(f"wrote {args.n} articles to {args.out}")


if __name__ == "__main__":
    main()
