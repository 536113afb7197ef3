"""Reading, cleaning and indexing news articles.

The public API:

- ``parse_article(path)``: read and clean one file into an ``Article`` (``None`` when it holds none).
- ``parse_articles(path)``: every article of a file that may hold several (JSONL, JSON lists).
- ``build_index(corpus_dir, index_dir, rebuild=False)``: bring an index up to date; a ``BuildReport``.
"""

from __future__ import annotations

from pathlib import Path

from .article import Article
from .build import BuildError, BuildReport, SkippedFile, build_index
from .readers import DEFAULT_LIMITS, Limits, UnreadableFile


def __getattr__(name: str):
    # ``parse_articles`` is loaded when first asked for: extraction brings in trafilatura,
    # beautifulsoup4 and lxml.html, a third of the search shell's start-up, which never parses.
    if name == "parse_articles":
        from .extract import parse_articles

        return parse_articles
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def parse_article(path: str | Path, limits: Limits = DEFAULT_LIMITS) -> Article | None:
    """Read and clean one file of any supported format.

    Returns the file's (first) article, or ``None`` for a file that holds no article or cannot be
    read; ``parse_articles`` says why through ``UnreadableFile``.
    """
    from .extract import parse_articles

    try:
        articles = parse_articles(path, limits)
    except UnreadableFile:
        return None
    return articles[0] if articles else None


__all__ = ["Article", "BuildError", "BuildReport", "Limits", "SkippedFile", "UnreadableFile",
           "build_index", "parse_article", "parse_articles"]
