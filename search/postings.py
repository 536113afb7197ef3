"""Evaluating the common queries over whole posting lists at once, as numpy arrays.

Whoosh matches a query one posting at a time through a tree of Python matcher objects, and
counting every match for the total walks that tree again. For the queries people type (words in
several fields, AND/OR/NOT, date filters) it is many times quicker to read each word's postings
block by block and combine them as arrays: one pass gives the set of matches (for the total and
the facets) and every score. The scores are the searcher's own BM25F weighting, so the ranking
is Whoosh's (and coordination, when asked for: ``ranking.coordinated``). Prefixes, wildcards
and fuzzy words are the words they stand for; any other part of a query (a phrase) is found by
Whoosh's matchers and combined with the rest as arrays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.searching import Searcher as WhooshSearcher
from whoosh.util.numeric import byte_to_length
from whoosh.util.times import datetime_to_long, long_to_datetime

from indexer.article import publication_key
from indexer.codec import NewsLeafMatcher, NewsTermsReader

from . import ranking

# Field lengths are stored as one byte each; this table decodes them all at once.
_LENGTH_OF_BYTE = np.array([byte_to_length(b) or 0 for b in range(256)], dtype=np.float64)
_EPOCH_TICKS = datetime_to_long(datetime(1970, 1, 1))


class Unsupported(Exception):
    """A query shape this module does not evaluate; Whoosh does instead."""


@dataclass
class Matches:
    """Which articles (global document numbers) a query matches, and the score of each."""

    mask: np.ndarray
    scores: np.ndarray

    @property
    def total(self) -> int:
        return int(np.count_nonzero(self.mask))

    def docnums(self) -> np.ndarray:
        return np.flatnonzero(self.mask)


class ArrayEvaluator:
    """Evaluates queries against one open Whoosh searcher (make a new one after a refresh)."""

    def __init__(self, searcher: WhooshSearcher, combine_fields: bool = True,
                 about: Callable[[str], wq.Query | None] | None = None, blend_variants: bool = False) -> None:
        """``combine_fields=False`` scores a word in several fields as Whoosh does, one BM25 per
        field summed, instead of as one BM25F saturation (see ``_word_in_fields``). ``about``,
        when given, is the query for a person's surname as a typed word: a person asked for
        scores what it scores too (``ranking.PERSON_PROMINENCE``). ``blend_variants`` scores the
        words a prefix, wildcard or fuzzy word stands for as variants of one word
        (``ranking.BLEND_VARIANTS``, see ``_expanded``)."""
        self._searcher = searcher
        self._combine_fields = combine_fields
        self._blend_variants = blend_variants
        self._about = about
        self._persons: set[int] = set()  # the people the query being evaluated asks for (ids of nodes)
        self._weighting = searcher.weighting
        self._schema = searcher.schema
        # Segments with articles: an index of none has a stand-in reader without columns.
        self._leaves = [(leaf, offset) for leaf, offset in searcher.leaf_searchers() if leaf.reader().doc_count_all()]
        self.size = searcher.doc_count_all()
        self._lengths: dict[str, np.ndarray] = {}
        self._dates: np.ndarray | None = None
        self._fingerprints: np.ndarray | None = None
        self._labels: dict[str, tuple[list[str], np.ndarray, np.ndarray]] = {}
        self._coordinated: wq.Or | None = None
        self.live = np.ones(self.size, dtype=bool)
        for leaf, offset in self._leaves:
            reader = leaf.reader()
            if reader.has_deletions():
                self.live[[offset + d for d in reader.deleted_docs_set]] = False

    def evaluate(self, query: wq.Query, coordinated: wq.Or | None = None) -> Matches:
        """The matches and scores of ``query``; raises ``Unsupported`` for a NOT inside an OR,
        which only Whoosh reads as Whoosh does.

        The scores of ``coordinated``, an OR of typed words inside ``query``, are scaled by the
        share of its words each article holds (``ranking.coordination``).
        """
        self._coordinated = coordinated
        self._persons = _persons_asked(query) if self._about is not None else set()
        mask, scores = self._node(query)
        mask &= self.live
        return Matches(mask, np.where(mask, scores, 0.0))

    def top(self, matches: Matches, count: int, sort: str = "relevance") -> list[tuple[int, float]]:
        """The first ``count`` (docnum, score) pairs in the given order.

        Equal scores put the newer article first (a filter alone, like ``date:2017``, scores
        every article alike: it lists them newest first), and articles equal in both keep
        document order, as Whoosh's collectors do. Undated articles come after dated ones of the
        same score, and last when sorting by date.
        """
        docnums = matches.docnums()
        scores = matches.scores[docnums]
        if sort == "relevance":
            # Scores equal but for the last bits of the sums are equal: which is higher depends
            # only on the order the query's clauses were added in ("a OR b" or "b OR a").
            rounded = np.round(scores, _SCORE_DECIMALS)
            if len(docnums) > count:
                # Everything scoring at least the count-th best, so that ties are kept whole.
                cutoff = np.partition(rounded, len(rounded) - count)[len(rounded) - count]
                keep = rounded >= cutoff
                docnums, scores, rounded = docnums[keep], scores[keep], rounded[keep]
            dates = self.dates()[docnums]
            order = np.lexsort((docnums, -dates.astype(np.float64), _undated(dates), -rounded))
        else:
            dates = self.dates()[docnums]
            keys = dates.astype(np.float64) * (-1.0 if sort == "-date" else 1.0)
            order = np.lexsort((docnums, keys, _undated(dates)))
        order = order[:count]
        return [(int(d), float(s)) for d, s in zip(docnums[order], scores[order], strict=True)]

    def whoosh_matches(self, query: wq.Query) -> Matches:
        """The matches and scores of any query, found by Whoosh's matchers: the shapes ``evaluate``
        leaves to Whoosh, counted and ordered (``top``) as the others are.

        Whoosh's own sorting of undated articles after dated ones needed a query for every date
        in the index (two seconds for a phrase over 19,000 articles).
        """
        mask = np.zeros(self.size, dtype=bool)
        scores = np.zeros(self.size, dtype=np.float64)
        found = self._searcher.search(query, limit=None, terms=False).top_n
        if found:
            score_list, docnums = zip(*found, strict=True)
            mask[list(docnums)] = True
            scores[list(docnums)] = score_list
        return Matches(mask, scores)

    def dates(self) -> np.ndarray:
        """Every article's date as Whoosh's ticks; undated articles hold the column default."""
        if self._dates is None:
            self._dates = self._column("date", np.uint64)
        return self._dates

    def fingerprints(self) -> np.ndarray:
        """Every article's near-duplicate fingerprint (``indexer.fingerprint``), 0 for none."""
        if self._fingerprints is None:
            # An index built before fingerprints has none: nothing is folded.
            self._fingerprints = self._column("fingerprint", np.uint64) if "fingerprint" in self._schema \
                else np.zeros(self.size, dtype=np.uint64)
        return self._fingerprints

    def date_span(self) -> tuple[datetime | None, datetime | None, int]:
        """The oldest and newest dates of the live articles, and how many are undated."""
        dates = self.dates()[self.live]
        dated = dates[~_undated(dates)]
        if not len(dated):
            return None, None, len(dates)
        oldest, newest = (long_to_datetime(int(tick)) for tick in (dated.min(), dated.max()))
        return oldest, newest, len(dates) - len(dated)

    def years_and_months(self, docnums: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The year and the month (1-12) of each dated article among ``docnums``."""
        ticks = self.dates()[docnums]
        ticks = ticks[ticks != np.iinfo(np.uint64).max].astype(np.int64) - _EPOCH_TICKS
        days = ticks.astype("datetime64[us]")
        years = days.astype("datetime64[Y]").astype(np.int64) + 1970
        months = days.astype("datetime64[M]").astype(np.int64) % 12 + 1
        return years, months

    def people_counts(self, docnums: np.ndarray, top: int) -> list[tuple[str, int]]:
        """The ``top`` people named most often among ``docnums``, with their counts."""
        return self._label_counts("person", docnums, top)

    def source_counts(self, docnums: np.ndarray, top: int) -> list[tuple[str, int]]:
        """The ``top`` sources (the corpus's top folders: one per site, as scrapes are kept) with
        most articles among ``docnums``, with their counts."""
        return self._label_counts("folder", docnums, top)

    def publication_counts(self, docnums: np.ndarray, top: int) -> list[tuple[str, int]]:
        """The ``top`` publications with most articles among ``docnums``, each under the spelling
        most of them use ("The Valley Courier" and "Valley Courier" are one)."""
        merged: dict[str, list] = {}
        for name, count in self._label_counts("publication", docnums, len(docnums)):  # commonest first
            merged.setdefault(publication_key(name), [name, 0])[1] += count
        return sorted(((name, count) for name, count in merged.values()), key=lambda item: (-item[1], item[0]))[:top]

    def _label_counts(self, fieldname: str, docnums: np.ndarray, top: int) -> list[tuple[str, int]]:
        if fieldname not in self._schema:
            return []  # an index built before the field was
        if fieldname not in self._labels:
            self._labels[fieldname] = self._labelled(fieldname)
        labels, label_numbers, labelled_docnums = self._labels[fieldname]
        wanted = np.zeros(self.size, dtype=bool)
        wanted[docnums] = True
        counts = np.bincount(label_numbers[wanted[labelled_docnums]], minlength=len(labels))
        best = sorted(np.flatnonzero(counts), key=lambda n: (-counts[n], labels[n]))[:top]
        return [(labels[n], int(counts[n])) for n in best]

    def spans(self, docnums: list[int], fieldname: str, terms: set[str], phrases: list[Phrase] | None = None,
              loose: set[str] | None = None) -> dict[int, list[tuple[int, int, str]]] | None:
        """Where ``terms`` occur in ``fieldname`` of each article, as ``(start, end, term)``
        character spans in order, read from the positions the index stores; ``None`` when the
        field stores none. A word of ``phrases`` counts only where one of them matches ("interest
        rates" marks no lone "rate"), unless the query also asks for it ``loose``, on its own."""
        if fieldname not in self._schema or not self._schema[fieldname].format.supports("characters"):
            return None
        found: dict[int, list[tuple[int, int, str, int]]] = {docnum: [] for docnum in docnums}
        ordered = np.array(sorted(found), dtype=np.int64)
        decode = self._schema[fieldname].format.decoder("characters")
        for leaf, offset in self._leaves:
            reader = leaf.reader()
            local = ordered[(ordered >= offset) & (ordered < offset + reader.doc_count_all())] - offset
            for term in terms if len(local) else ():
                if (fieldname, term) not in reader:
                    continue
                for docnum, value in _values_of(reader.postings(fieldname, term), local).items():
                    found[docnum + offset].extend((start, end, term, at) for at, start, end in decode(value))
        phrased = {word for phrase in phrases or () for word in phrase.words} - (loose or set())
        return {docnum: _in_phrases(sorted(spans), phrases or [], phrased) for docnum, spans in found.items()}

    # Query nodes ------------------------------------------------------------------------------

    def _node(self, node: wq.Query, within: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The matches and scores of ``node``; only the articles in ``within`` (when given) need be
        right, which lets the postings of a common word be skipped block by block."""
        if id(node) in self._persons:
            return self._person(node, within)
        if type(node) is wq.Term:
            return self._term(node, within)
        if isinstance(node, wq.NumericRange) and node.constantscore:
            return self._date_range(node)
        if isinstance(node, wq.And):
            return self._and(node, within)
        if self._combine_fields and ranking.one_word(node) and all(type(child) is wq.Term for child in node.children()):
            return self._word_in_fields(node, within)
        if isinstance(node, wq.Or) and not node.minmatch and node.scale is None:
            if any(isinstance(child, wq.Not) for child in node.children()):
                raise Unsupported("NOT inside OR")
            mask, scores = self._empty()
            matched = np.zeros(self.size) if node is self._coordinated else None
            for child in node.children():
                child_mask, child_scores = self._node(child, within)
                mask |= child_mask
                scores += child_scores
                if matched is not None:
                    matched += child_mask
            if matched is not None:
                scores *= ranking.coordination(matched / len(node.subqueries))
            return mask, _boosted(scores, node.boost)
        if isinstance(node, wq.Not):
            child_mask, _ = self._node(node.query, within)
            # Whoosh scores the articles a NOT matches with a constant 1.
            return ~child_mask, np.ones(self.size)
        if node is wq.NullQuery or isinstance(node, type(wq.NullQuery)):
            return self._empty()
        if isinstance(node, (wq.Prefix, wq.Wildcard, wq.FuzzyTerm)):
            return self._expanded(node, within)
        # Phrases and the rest: Whoosh's matchers find them, and what is around them (a date
        # filter, other words) is still read as arrays.
        matches = self.whoosh_matches(node)
        return matches.mask, matches.scores

    def _person(self, node: wq.Term | wq.Phrase, within: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """The articles naming a person, scored also by their surname as a typed word: by how
        much each article is about them."""
        if type(node) is wq.Term:
            mask, scores = self._term(node, within)
            surname = node.text
        else:
            matches = self.whoosh_matches(node)
            mask, scores = matches.mask, matches.scores
            surname = node.words[-1]
        about = self._about(surname)
        if about is None:
            return mask, scores
        _, prominence = self._node(about, mask)
        return mask, scores + np.where(mask, prominence, 0.0) * node.boost

    def _and(self, node: wq.And, within: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        mask = np.ones(self.size, dtype=bool) if within is None else within.copy()
        scores = np.zeros(self.size)
        # Cheap and narrow first: every later child reads only the blocks that can still match.
        reader = self._searcher.reader()
        children = sorted(node.children(), key=lambda child: (
            not isinstance(child, wq.NumericRange), isinstance(child, wq.Not),
            0 if isinstance(child, (wq.NumericRange, wq.Not)) else child.estimate_size(reader)))
        for child in children:
            child_mask, child_scores = self._node(child, mask)
            mask &= child_mask
            scores += child_scores
        return mask, _boosted(scores, node.boost)

    def _term(self, node: wq.Term, within: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        mask, scores = self._empty()
        docnums, word_scores = self._word_scores(node.fieldname, node.text, within)
        mask[docnums] = True
        scores[docnums] = word_scores
        return mask, _boosted(scores, node.boost)

    def _expanded(self, node: wq.MultiTerm, within: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """A prefix, wildcard or fuzzy word: every word it stands for, scored and added up as
        Whoosh does (its "constant score" falls back to the searcher's weighting).

        Blended, unless Whoosh's way is asked for: a near word is worth no more than the fuzzy
        word typed, when articles use it, and less the more it differs from it; the words a prefix
        or wildcard stands for all take the IDF of the commonest. Each with its own IDF, the
        rarest won: ``yen~`` on Reuters listed stories of "Den" and "Gen" above the thousand
        about the yen, ``stri*`` a one-off "strides" above the strikes."""
        mask, scores = self._empty()
        words = {word for leaf, _ in self._leaves for word in node._btexts(leaf.reader()) if word}
        blend = self._blend_variants and bool(words) and self._schema[node.fieldname].scorable
        idfs = {word: self._searcher.idf(node.fieldname, word) for word in words} if blend else {}
        most = _variants_idf(node, idfs) if blend else None
        for word in words:
            idf = None if most is None else min(most, idfs[word])
            docnums, word_scores = self._word_scores(node.fieldname, word, within, idf)
            mask[docnums] = True
            if blend and isinstance(node, wq.FuzzyTerm):
                word_scores = word_scores * _likeness(node.text, word if isinstance(word, str) else word.decode())
            scores[docnums] += word_scores
        return mask, _boosted(scores, node.boost)

    def _word_scores(self, fieldname: str, text: str | bytes, within: np.ndarray | None,
                     idf: float | None = None) -> tuple[np.ndarray, np.ndarray]:
        """The articles holding a word in a field, and the word's BM25 score in each (with its own
        IDF unless ``idf`` is given)."""
        if fieldname not in self._schema:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        docnums, weights = self._postings(fieldname, text, within)
        if not len(docnums) or not self._schema[fieldname].scorable:
            return docnums, weights
        weighting = self._weighting
        k1 = weighting.K1
        b = weighting._field_B.get(fieldname, weighting.B)
        if idf is None:
            idf = self._searcher.idf(fieldname, text)
        average = self._searcher.avg_field_length(fieldname) or 1
        lengths = self._field_lengths(fieldname)[docnums]
        return docnums, idf * (weights * (k1 + 1)) / (weights + k1 * ((1 - b) + b * lengths / average))

    def _word_in_fields(self, node: wq.Or, within: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
        """One word searched in several fields, scored as BM25F proper: the field-weighted,
        length-normalised frequencies are added up and saturated once, with one IDF for the word
        (from the articles holding it in its commonest field).

        Whoosh's BM25F sums a separate BM25 per field, so a word in a headline (weight 3) counted
        as a second, heavier word: one-word headline matches outranked articles about the query
        (bench/own_relevance.py: 0.937 -> 0.947; TIME, whose stories have only a body, unchanged).
        """
        weighting = self._weighting
        mask, frequency = self._empty()
        # The articles holding the word, for its IDF: as many as its commonest field has (the body,
        # nearly always, which holds most words of the others). Counting those found here would
        # count only the blocks read (``within`` skips the rest): an AND's scores changed with how
        # the index happened to be cut into segments.
        holding = 0
        for child in node.children():
            fieldname = child.fieldname
            if fieldname not in self._schema or not self._schema[fieldname].scorable:
                continue
            holding = max(holding, self._searcher.doc_frequency(fieldname, child.text))
            docnums, weights = self._postings(fieldname, child.text, within)
            if not len(docnums):
                continue
            b = weighting._field_B.get(fieldname, weighting.B)
            average = self._searcher.avg_field_length(fieldname) or 1
            lengths = self._field_lengths(fieldname)[docnums]
            # The field's weight is in ``weights`` already: Whoosh multiplies it in when indexing.
            frequency[docnums] += weights * child.boost / ((1 - b) + b * lengths / average)
            mask[docnums] = True
        idf = ranking.rsj_idf(holding, self.size)
        k1 = weighting.K1
        # Saturated where the word is: the rest of the index's articles score 0 whatever is done.
        held = np.flatnonzero(mask)
        found = frequency[held]
        frequency[held] = idf * found * (k1 + 1) / (found + k1) * node.boost
        return mask, frequency

    def _date_range(self, node: wq.NumericRange) -> tuple[np.ndarray, np.ndarray]:
        if node.fieldname != "date":
            matches = self.whoosh_matches(node)
            return matches.mask, matches.scores
        dates = self.dates()
        mask = dates != np.iinfo(np.uint64).max
        if node.start is not None:
            mask &= (dates > node.start) if node.startexcl else (dates >= node.start)
        if node.end is not None:
            mask &= (dates < node.end) if node.endexcl else (dates <= node.end)
        return mask, mask * float(node.boost)

    # Reading the index ------------------------------------------------------------------------

    def _empty(self) -> tuple[np.ndarray, np.ndarray]:
        return np.zeros(self.size, dtype=bool), np.zeros(self.size)

    def _postings(self, fieldname: str, text: str,
                  within: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        docnums: list[np.ndarray] = []
        weights: list[np.ndarray] = []
        for leaf, offset in self._leaves:
            reader = leaf.reader()
            if (fieldname, text) not in reader:
                continue
            wanted = None if within is None else np.flatnonzero(within[offset:offset + reader.doc_count_all()])
            found, found_weights = _arrays(reader.postings(fieldname, text), wanted)
            docnums.append(found + offset)
            weights.append(found_weights)
        if not docnums:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        return np.concatenate(docnums), np.concatenate(weights)

    def _labelled(self, fieldname: str) -> tuple[list[str], np.ndarray, np.ndarray]:
        """The words of ``fieldname``, and every (word, article) pair of the index as two parallel
        arrays, read once, each segment's words in the order its dictionary holds them."""
        number_of: dict[str, int] = {}
        # Python lists: most words have a posting or two, and a small array per word costs more.
        numbers: list[int] = []
        docnums: list[int] = []
        for leaf, offset in self._leaves:
            for word, matcher in _field_postings(leaf.reader(), fieldname):
                found, _ = _arrays(matcher)
                numbers += [number_of.setdefault(word.decode("utf-8"), len(number_of))] * len(found)
                docnums += (found + offset).tolist()
        return list(number_of), np.array(numbers, dtype=np.int64), np.array(docnums, dtype=np.int64)

    def _field_lengths(self, fieldname: str) -> np.ndarray:
        if fieldname not in self._lengths:
            lengths = np.zeros(self.size)
            for leaf, offset in self._leaves:
                reader = leaf.reader()
                column = reader._perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
                if column is None:  # no article of this segment has the field
                    continue
                encoded = np.fromiter(column, dtype=np.uint8, count=len(column))
                lengths[offset:offset + len(encoded)] = _LENGTH_OF_BYTE[encoded]
            self._lengths[fieldname] = lengths
        return self._lengths[fieldname]

    def _column(self, fieldname: str, dtype) -> np.ndarray:
        values = np.zeros(self.size, dtype=dtype)
        for leaf, offset in self._leaves:
            column = leaf.reader().column_reader(fieldname, translate=False)
            loaded = np.array(list(column), dtype=dtype)
            values[offset:offset + len(loaded)] = loaded
        return values


@dataclass(frozen=True)
class Phrase:
    """A phrase of a query, for marking its matches: its index terms in order, and how many
    positions apart each may be from the one before (1: next to it)."""

    words: tuple[str, ...]
    slop: int = 1


def _in_phrases(spans: list[tuple[int, int, str, int]], phrases: list[Phrase],
                phrased: set[str]) -> list[tuple[int, int, str]]:
    """The spans (start, end, term, position) as (start, end, term), those of the ``phrased``
    words only where one of ``phrases`` matches."""
    if not phrased:
        return [(start, end, term) for start, end, term, _ in spans]
    places = {(term, position): number for number, (_, _, term, position) in enumerate(spans)}
    kept: set[int] = set()
    for phrase in phrases:
        for number, (_, _, term, _) in enumerate(spans):
            if term != phrase.words[0]:
                continue
            chain = [number]
            for word in phrase.words[1:]:
                after = spans[chain[-1]][3]
                nearest = next((places[word, at] for at in range(after + 1, after + phrase.slop + 1)
                                if (word, at) in places), None)
                if nearest is None:
                    break
                chain.append(nearest)
            else:
                kept.update(chain)
    return [(start, end, term) for number, (start, end, term, _) in enumerate(spans)
            if term not in phrased or number in kept]


def _persons_asked(node: wq.Query) -> set[int]:
    """The ids of the people-field words and phrases in ``node`` that ask for a person
    (``people:lavrov``), not those of a word searched in every default field."""
    if ranking.one_word(node):
        return set()
    if type(node) in (wq.Term, wq.Phrase):
        return {id(node)} if node.fieldname == ranking.PEOPLE_FIELD else set()
    return set().union(*(_persons_asked(child) for child in node.children()))


def _values_of(matcher, docnums: np.ndarray) -> dict[int, bytes]:
    """The stored values of those of ``docnums`` (ascending, in the segment) in a posting list."""
    matcher = getattr(matcher, "child", matcher)  # unwrapped from a segment's deletions
    if isinstance(matcher, NewsLeafMatcher):
        return matcher.values_of(docnums)
    found = {}
    for docnum in docnums.tolist():  # another codec's postings: one at a time
        if not matcher.is_active():
            break
        matcher.skip_to(docnum)
        if matcher.is_active() and matcher.id() == docnum:
            found[docnum] = matcher.value()
    return found


_SCORE_DECIMALS = 9


def _boosted(scores: np.ndarray, boost: float) -> np.ndarray:
    # Most nodes have no boost: multiplying every article's score by 1 is a pass over the index for nothing.
    return scores if boost == 1 else scores * boost


def _undated(dates: np.ndarray) -> np.ndarray:
    return dates == np.iinfo(np.uint64).max


def _field_postings(reader, fieldname: str) -> Iterator[tuple[bytes, object]]:
    """(word, postings) for every word of a segment's field: read in order from our codec's
    dictionary, looked up one by one in another's."""
    terms = getattr(reader, "_terms", None)
    if isinstance(terms, NewsTermsReader):
        return terms.field_postings(fieldname, reader.schema[fieldname].format)
    return ((word, reader.postings(fieldname, word.decode("utf-8"))) for word in reader.lexicon(fieldname))


def _arrays(matcher, wanted: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
    """A segment's postings of one word as (document numbers, weights) arrays; only the
    documents in ``wanted`` need be right."""
    # A segment with deletions wraps its postings; deleted articles are masked later.
    matcher = getattr(matcher, "child", matcher)
    if isinstance(matcher, NewsLeafMatcher):
        return matcher.arrays(wanted)
    pairs = []  # postings kept in the term dictionary, or another codec's: one at a time
    while matcher.is_active():
        pairs.append((matcher.id(), matcher.weight()))
        matcher.next()
    return np.array([d for d, _ in pairs], dtype=np.int64), np.array([w for _, w in pairs], dtype=np.float64)


def _variants_idf(node: wq.MultiTerm, idfs: dict) -> float | None:
    """The IDF no word that ``node`` stands for may exceed, blended (``idfs``: each word's own): a
    fuzzy word's own (none when no article uses it), else the commonest word's."""
    if isinstance(node, wq.FuzzyTerm):
        return next((idfs[word] for word in (node.text, node.text.encode()) if word in idfs), None)
    return min(idfs.values())


def _likeness(typed: str, word: str) -> float:
    """How much a fuzzy word's near word counts: 1 less its edits per letter of the shorter of
    the two (Lucene's fuzzy similarity), "yen" 1, "den" 2/3."""
    from rapidfuzz.distance import OSA  # loaded when first needed: a shell starts without it

    return max(0.0, 1 - OSA.distance(typed, word) / max(1, min(len(typed), len(word))))
