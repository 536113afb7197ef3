"""The Article dataclass: the contract between cleaning and indexing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class Article:
    """One cleaned news article, ready to be indexed.

    ``path`` is the file it came from; ``record`` is its position inside a file that holds several
    articles (a JSONL line or a JSON array item), ``None`` for one-article files.
    """

    path: str
    headline: str
    body: str
    summary: str | None = None
    date: datetime | None = None
    people: list[str] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    caption: str | None = None
    record: int | None = None
    places: list[str] = field(default_factory=list)  # capitalised names the article uses as places
    # True when the text has no headline of its own and ``headline`` is its opening words.
    headline_from_body: bool = False
    url: str | None = None  # where the article was published, when its input says
    publication: str | None = None  # the newspaper or site that published it, when its input says
    fingerprint: int = 0  # near-duplicate SimHash of headline and body (indexer.fingerprint)

    @property
    def doc_id(self) -> str:
        """The article's unique key in the index."""
        return self.path if self.record is None else f"{self.path}#{self.record}"

    def to_dict(self) -> dict:
        """A JSON-ready view (dates as ISO 8601)."""
        return {
            "path": self.path,
            "record": self.record,
            "headline": self.headline,
            "summary": self.summary,
            "date": self.date.isoformat() if self.date else None,
            "people": list(self.people),
            "authors": list(self.authors),
            "caption": self.caption,
            "places": list(self.places),
            "url": self.url,
            "publication": self.publication,
            "body": self.body,
        }


def publication_key(name: str) -> str:
    """The form under which spellings of one publication's name are one: "The Valley Courier",
    "Valley Courier" and "valley  courier" are the same paper."""
    words = name.lower().split()
    return " ".join(words[1:] if words[:1] == ["the"] else words)
