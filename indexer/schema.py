"""The Whoosh schema: the one place that knows the field names, analyzers and field weights."""

from __future__ import annotations

from whoosh import fields
from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StopFilter,
)
from whoosh.support.charset import accent_map

from .people import name_key

# Field weights for BM25F, chosen by the relevance benchmarks in bench/.
FIELD_WEIGHTS = {"headline": 3.0, "summary": 1.5, "people": 2.0, "caption": 0.7, "body": 1.0}
# The fields a query word searches when the query names no field.
DEFAULT_FIELDS = ("headline", "summary", "people", "caption", "body")
# Fields whose stored text snippets are made from, best first.
SNIPPET_FIELDS = ("body", "summary", "caption")

WORDS = r"\w+(?:[.'’]\w+)*"


class NameVariantFilter(Filter):
    """Folds transliteration variants of names (Sergey → sergei) so that any spelling matches."""

    def __call__(self, tokens):
        for token in tokens:
            folded = name_key(token.text.replace("'", "").replace("’", ""))
            token.text = folded[0] if folded else token.text
            yield token


class WordFormFilter(Filter):
    """Drops possessive endings and acronym dots so that "Russia’s" → russia and "U.S." → us."""

    def __call__(self, tokens):
        for token in tokens:
            text = token.text.replace("’", "'")
            if text.endswith("'s"):
                text = text[:-2]
            token.text = text.replace(".", "").replace("'", "")
            yield token


class FoldFilter(Filter):
    """Lower case and accents folded in one step (a filter per step costs as much as the step)."""

    def __call__(self, tokens):
        for token in tokens:
            text = token.text.lower()
            token.text = text if text.isascii() else text.translate(accent_map)
            yield token


def text_analyzer():
    """Body and headline text: words, lower case, accents folded, stop words out, stemmed."""
    return (RegexTokenizer(WORDS) | FoldFilter() | StopFilter(minsize=1) | WordFormFilter()
            | StemFilter(cachesize=50000))


def name_analyzer():
    """Person names: words, lower case, accents and transliteration variants folded, no stemming."""
    # Stop words go here too: a query word like "for" would otherwise survive only in this field
    # and become a required term that no article has.
    return RegexTokenizer(r"\w+(?:['’]\w+)*") | LowercaseFilter() | StopFilter(minsize=1) | NameVariantFilter()


def path_analyzer():
    """File paths: the words of each path component."""
    return RegexTokenizer(r"[^/\\._\-\s]+") | LowercaseFilter()


def make_schema() -> fields.Schema:
    """The schema every index of this product is built with."""
    text = text_analyzer()
    return fields.Schema(
        id=fields.ID(unique=True, stored=True),
        path=fields.ID(stored=True),
        source=fields.TEXT(analyzer=path_analyzer()),
        headline=fields.TEXT(analyzer=text, stored=True, field_boost=FIELD_WEIGHTS["headline"]),
        summary=fields.TEXT(analyzer=text, stored=True, field_boost=FIELD_WEIGHTS["summary"]),
        caption=fields.TEXT(analyzer=text, stored=True, field_boost=FIELD_WEIGHTS["caption"]),
        body=fields.TEXT(analyzer=text, stored=True, field_boost=FIELD_WEIGHTS["body"]),
        people=fields.TEXT(analyzer=name_analyzer(), field_boost=FIELD_WEIGHTS["people"]),
        person=fields.KEYWORD(stored=True, commas=True, lowercase=False, scorable=False, vector=True),
        authors=fields.TEXT(analyzer=name_analyzer(), stored=True),
        date=fields.DATETIME(stored=True, sortable=True),
    )
