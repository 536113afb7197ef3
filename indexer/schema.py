"""The Whoosh schema: the one place that knows the field names, analyzers and field weights."""

from __future__ import annotations

import functools
import pickle
import re
from datetime import datetime

from whoosh import columns, fields, formats
from whoosh.analysis import STOP_WORDS, Filter, LowercaseFilter, RegexTokenizer, StopFilter
from whoosh.lang.porter import stem
from whoosh.support.charset import accent_map
from whoosh.system import pack_uint
from whoosh.util.numeric import to_sortable
from whoosh.util.times import datetime_to_long

from .people import name_key

# Field weights for BM25F, chosen by the relevance benchmarks in bench/.
FIELD_WEIGHTS = {"headline": 3.0, "summary": 1.5, "people": 2.0, "caption": 0.7, "body": 1.0}
# The fields a query word searches when the query names no field.
DEFAULT_FIELDS = ("headline", "summary", "people", "caption", "body")
# Fields whose stored text snippets are made from, best first.
SNIPPET_FIELDS = ("body", "summary", "caption")

WORDS = r"\w+(?:[.'’]\w+)*"
WORD = re.compile(WORDS)
# Raised whenever an index built by an earlier version cannot be read or updated as it is
# (analyzers, fields, how people's names are keyed or found); a build then starts afresh instead of
# updating it.
SCHEMA_VERSION = 27


class NameVariantFilter(Filter):
    """Folds transliteration variants of names (Sergey → sergei) so that any spelling matches."""

    def __call__(self, tokens):
        for token in tokens:
            folded = name_key(token.text.replace("'", "").replace("’", ""))
            token.text = folded[0] if folded else token.text
            yield token


class NewsWordFilter(Filter):
    """Body and headline words in one step: lower case, accents folded, stop words out (the
    positions of the words left renumbered, as Whoosh's StopFilter does), possessive endings and
    acronym dots dropped ("Russia’s" → russia, "U.S." → us), Porter-stemmed.

    A word's fate depends on its text alone, so it is worked out once per distinct word and
    cached: a chain of four Whoosh filters cost a generator step per filter per word, which was
    a third of indexing time.
    """

    def __call__(self, tokens):
        position = None
        for token in tokens:
            term, stopped = _term(token.text)
            if stopped:
                if not token.removestops:
                    token.text, token.stopped = term, True
                    yield token
                continue
            if token.positions:
                if position is None:
                    position = token.pos
                else:
                    position += 1
                    token.pos = position
            token.text, token.stopped = term, False
            yield token


@functools.lru_cache(maxsize=200_000)
def _term(word: str) -> tuple[str, bool]:
    """(index term, is a stop word) for a word as written; a stop word is not stemmed."""
    folded = word.lower()
    if not folded.isascii():
        folded = folded.translate(accent_map)
    stopped = folded in STOP_WORDS
    if folded.endswith(("'s", "’s")):
        folded = folded[:-2]
    folded = folded.replace(".", "").replace("'", "").replace("’", "")
    return (folded if stopped else stem(folded)), stopped


def index_terms(text: str) -> dict[str, list[tuple[int, int, int]]]:
    """Each term ``text_analyzer`` indexes ``text`` with, and the (position, start, end) of each of
    its occurrences: the analyzer's result without its token stream."""
    found: dict[str, list[tuple[int, int, int]]] = {}
    position = None
    for number, match in enumerate(WORD.finditer(text)):
        term, stopped = _term(match.group())
        if stopped:
            continue
        # As NewsWordFilter numbers them: the first word kept keeps its place, the rest follow on.
        position = number if position is None else position + 1
        places = found.get(term)
        if places is None:
            found[term] = [(position, match.start(), match.end())]
        else:
            places.append((position, match.start(), match.end()))
    return found


class ArticleText(fields.TEXT):
    """Headline, summary, caption and body text, indexed from ``index_terms`` rather than through
    Whoosh's token stream and its per-format collection of tokens (the same terms, weights and
    positions, tests/test_schema.py; a third of indexing time went there). Queries still use the
    field's analyzer."""

    def index(self, value, **kwargs):
        if not isinstance(value, str):
            yield from super().index(value, **kwargs)
            return
        boost = self.format.field_boost
        with_characters = isinstance(self.format, formats.Characters)
        for term, places in index_terms(value).items():
            if len(places) == 1:
                # Most of an article's words occur once: Whoosh's encoding of one place, without
                # its loop over them (tests/test_schema.py checks the bytes are Whoosh's).
                position, start, end = places[0]
                place = (position, start, end - start) if with_characters else position
                encoded = _ONE_PLACE + pickle.dumps([place], 2)
            else:
                encoded = self.format.encode(places if with_characters else [position for position, _, _ in places])
            yield _utf8(term), len(places), len(places) * boost, encoded


_ONE_PLACE = pack_uint(1)  # how many places an encoded list holds


@functools.lru_cache(maxsize=200_000)
def _utf8(term: str) -> bytes:
    # One bytes object per distinct term: a writer holds millions of postings that name one.
    return term.encode("utf-8")


class ArticleDate(fields.DATETIME):
    """Whoosh's DATETIME, a date's terms (one per precision, for date ranges) made from one
    conversion of the date rather than one per term (a twentieth of indexing a short story)."""

    def index(self, value, **kwargs):
        if not (isinstance(value, datetime) and self.shift_step):
            yield from super().index(value, **kwargs)
            return
        sortable = to_sortable(self.numtype, self.bits, self.signed, self.prepare_number(datetime_to_long(value)))
        for shift in range(0, self.bits, self.shift_step):
            yield self.sortable_to_bytes(sortable, shift), 1, 1.0, b""


def text_analyzer():
    """Body and headline text: words, lower case, accents folded, stop words out, stemmed."""
    return RegexTokenizer(WORDS) | NewsWordFilter()


def name_analyzer():
    """Person names: words, lower case, accents and transliteration variants folded, no stemming."""
    # Stop words go here too: a query word like "for" would otherwise survive only in this field
    # and become a required term that no article has. Initials go (positions renumbered): "Rafael
    # J. Moreno" is found by people:"Rafael Moreno", and the other way round.
    return RegexTokenizer(r"\w+(?:['’]\w+)*") | LowercaseFilter() | StopFilter(minsize=2) | NameVariantFilter()


def path_analyzer():
    """File paths: the words of each path component."""
    return RegexTokenizer(r"[^/\\._\-\s]+") | LowercaseFilter()


def make_schema() -> fields.Schema:
    """The schema every index of this product is built with."""
    text = text_analyzer()
    return fields.Schema(
        id=fields.ID(unique=True, stored=True),
        path=fields.ID(stored=True),
        # The corpus's top folder the file is in (one per site, as scrapes are kept): the sources facet.
        folder=fields.ID(),
        source=fields.TEXT(analyzer=path_analyzer()),
        headline=ArticleText(analyzer=text, stored=True, field_boost=FIELD_WEIGHTS["headline"]),
        summary=ArticleText(analyzer=text, stored=True, field_boost=FIELD_WEIGHTS["summary"]),
        caption=ArticleText(analyzer=text, stored=True, field_boost=FIELD_WEIGHTS["caption"]),
        # Character positions too: snippets read where the words are instead of finding them again.
        body=ArticleText(analyzer=text, stored=True, chars=True, field_boost=FIELD_WEIGHTS["body"]),
        people=fields.TEXT(analyzer=name_analyzer(), field_boost=FIELD_WEIGHTS["people"]),
        person=fields.KEYWORD(stored=True, commas=True, lowercase=False, scorable=False),
        authors=fields.TEXT(analyzer=name_analyzer(), stored=True),
        date=ArticleDate(stored=True, sortable=True),
        url=fields.STORED(),  # where the article was published; its words are searched as source:
        # The newspaper or site, when the input names it: shown, counted in facets, its words in source:.
        publication=fields.ID(stored=True),
        # Near-duplicate fingerprints (indexer.fingerprint), read for every hit of a search.
        fingerprint=fields.COLUMN(columns.NumericColumn("Q", default=0)),
    )
