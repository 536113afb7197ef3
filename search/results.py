"""The values the search API returns: plain dataclasses, no rendering."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .snippets import Fragment


@dataclass
class Hit:
    """One matching article."""

    id: str
    path: str
    headline: str
    date: datetime | None
    people: list[str]
    score: float
    fragments: list[Fragment] = field(default_factory=list)
    summary: str | None = None
    rank: int = 0
    url: str | None = None  # where it was published, when its input said
    publication: str | None = None  # the newspaper or site, when its input said
    copies: list[str] = field(default_factory=list)  # ids of near-identical articles folded under it
    authors: list[str] = field(default_factory=list)  # its writers, when its input named them

    @property
    def snippet(self) -> str:
        """The fragments joined into one line."""
        return " … ".join(f.text for f in self.fragments)

    @property
    def highlights(self) -> list[tuple[int, int]]:
        """The fragments' highlights as offsets into ``snippet``."""
        spans, offset = [], 0
        for fragment in self.fragments:
            spans += [(a + offset, b + offset) for a, b in fragment.highlights]
            offset += len(fragment.text) + len(" … ")
        return spans

    def to_dict(self) -> dict:
        """A JSON-ready view."""
        return {
            "path": self.path,
            "id": self.id,
            "headline": self.headline,
            "date": self.date.isoformat() if self.date else None,
            "people": self.people,
            "score": round(self.score, 4),
            "url": self.url,
            "publication": self.publication,
            "authors": self.authors,
            "copies": self.copies,
            "snippet": self.snippet,
            "highlights": [list(span) for span in self.highlights],
        }


@dataclass
class Facets:
    """Counts over a whole result set, not just one page."""

    people: list[tuple[str, int]] = field(default_factory=list)
    years: list[tuple[int, int]] = field(default_factory=list)
    months: list[tuple[str, int]] = field(default_factory=list)
    sources: list[tuple[str, int]] = field(default_factory=list)  # the corpus's top folders, one per site
    publications: list[tuple[str, int]] = field(default_factory=list)  # as the articles name them


@dataclass
class SearchResults:
    """One page of results for a query."""

    query: str
    total: int
    hits: list[Hit]
    page: int = 1
    limit: int = 10
    sort: str = "relevance"
    suggestion: str | None = None
    relaxed: bool = False
    elapsed: float = 0.0
    facets: Facets | None = None
    # The query as typed when these are the results of its did-you-mean instead (``autocorrect``).
    corrected_from: str | None = None
    # Matches folded under near-identical ones: all of them when every match was ranked (a short
    # result set), else those among the best ranked.
    folded: int = 0

    @property
    def pages(self) -> int:
        """How many pages the whole result set fills."""
        return max(1, -(-(self.total - self.folded) // self.limit)) if self.limit else 1

    def to_dict(self) -> dict:
        """A JSON-ready view, as ``python -m search --json`` prints it."""
        data = {
            "query": self.query,
            "total": self.total,
            "page": self.page,
            "limit": self.limit,
            "sort": self.sort,
            "relaxed": self.relaxed,
            "elapsed_ms": round(self.elapsed * 1000, 2),
            "hits": [hit.to_dict() for hit in self.hits],
            "suggestion": self.suggestion,
            "corrected_from": self.corrected_from,
            "folded": self.folded,
        }
        if self.facets is not None:
            data["facets"] = {
                "people": [[name, count] for name, count in self.facets.people],
                "years": [[year, count] for year, count in self.facets.years],
                "months": [[month, count] for month, count in self.facets.months],
                "sources": [[source, count] for source, count in self.facets.sources],
                "publications": [[name, count] for name, count in self.facets.publications],
            }
        return data
