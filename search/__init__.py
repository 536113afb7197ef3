"""Searching an index of news articles.

The public API:

- ``search(query, index_dir="index", limit=10, page=1, sort="relevance")`` → ``SearchResults``
- ``similar(ident, index_dir="index")`` → ``SearchResults`` of articles like one article
- ``open_index(index_dir)`` → a ``Searcher`` for scripts that run many queries
- ``QueryError``: a malformed query, with a message a person can act on
- ``SearchError`` (``IndexNotFound``, ``IndexDamaged``): an index that cannot be searched
"""

from __future__ import annotations

from pathlib import Path

from .query import QueryError
from .results import Facets, Hit, SearchResults
from .searcher import IndexDamaged, IndexNotFound, Searcher, SearchError
from .snippets import Fragment

_open: dict[Path, Searcher] = {}


def open_index(index_dir: str | Path = "index") -> Searcher:
    """Open an index for many queries. Raises ``IndexNotFound`` or ``IndexDamaged``."""
    return Searcher(index_dir)


def search(query: str, index_dir: str | Path = "index", *, limit: int = 10, page: int = 1,
           sort: str = "relevance", facets: bool = False, collapse: bool = True) -> SearchResults:
    """Run one query against the index in ``index_dir``.

    Words must all match (with a relaxed any-word retry when that finds nothing); see the README
    for the query language. ``sort`` is ``"relevance"``, ``"date"`` or ``"-date"``. Near-identical
    articles are one hit (the others in its ``copies``) unless ``collapse`` is false.
    Raises ``QueryError`` for a malformed query and ``SearchError`` for a missing or damaged index.
    """
    return _searcher(index_dir).search(query, limit=limit, page=page, sort=sort, facets=facets, collapse=collapse)


def similar(ident: str, index_dir: str | Path = "index", *, limit: int = 10) -> SearchResults:
    """Articles most like the one with this id or path."""
    return _searcher(index_dir).similar(ident, limit=limit)


def _searcher(index_dir: str | Path) -> Searcher:
    # Opening an index costs more than a query: keep one open Searcher per folder.
    key = Path(index_dir).resolve()
    if key not in _open:
        _open[key] = Searcher(index_dir)
    return _open[key]


__all__ = ["Facets", "Fragment", "Hit", "IndexDamaged", "IndexNotFound", "QueryError", "SearchError",
           "SearchResults", "Searcher", "open_index", "search", "similar"]
