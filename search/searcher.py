"""Running queries against an index: ranking, paging, snippets, facets, suggestions."""

from __future__ import annotations

import functools
import os
import pickle
import re
import struct
import time
import zlib
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh.reading import CorruptIndexError

from indexer import store
from indexer.schema import DEFAULT_FIELDS, SNIPPET_FIELDS

from . import ranking, spelling
from .duplicates import Folded, fold, near, one_of_each
from .postings import ArrayEvaluator, Matches, Phrase, Unsupported
from .query import OPERATORS, QueryError, field_named, parse_query, prepare, relax, word_query
from .results import Facets, Hit, SearchResults
from .snippets import all_matches, make_fragments

SORTS = ("relevance", "date", "-date")
MAX_LIMIT = 1000
# What a suggestion corrects: a field's value (a word or a phrase), a phrase, or a word.
_QUERY_PIECE = re.compile(r'(?:\b(?P<field>\w+):\s*)?(?P<value>"[^"]*"|[^\s()"]+)')
_LETTERS = re.compile(r"[^\W\d_]+")
SUGGEST_BELOW = 5  # results; more than this and the words were probably meant
FOLD_ROOM = 10  # more articles ranked than a page shows, for the near-identical ones folded away
RARE_WORD = 1000  # a word used by one article in this many or fewer may be a typo, however many results
_TEXT_FIELDS = {"headline", "summary", "caption", "body"}
# What a damaged or half-written index raises from inside Whoosh when it is opened or read.
_DAMAGE = (OSError, EOFError, ValueError, KeyError, IndexError, struct.error, zlib.error,
           pickle.UnpicklingError, whoosh_index.IndexError, CorruptIndexError)
# What reading a damaged index raises later, during a search (no ValueError: that is ours).
_DAMAGE_WHILE_READING = (OSError, EOFError, struct.error, zlib.error, pickle.UnpicklingError,
                         whoosh_index.IndexError, CorruptIndexError)


@dataclass
class _Ranked:
    """A query's total, its first (docnum, score) pairs and all its matches."""

    total: int
    entries: list[tuple[int, float]]
    matches: Matches


class SearchError(Exception):
    """An index that cannot be searched; the message says what to do."""


class IndexNotFound(SearchError):
    """No index has been built at the given place."""


class IndexDamaged(SearchError):
    """The index exists but cannot be read."""


def _damaged(index_dir: Path, error: Exception) -> IndexDamaged:
    return IndexDamaged(f"the index in {index_dir} is damaged ({type(error).__name__}); "
                        f"rebuild it with 'python -m indexer CORPUS {index_dir} --rebuild'")


def _guarded(method):
    """Turn what a damaged index raises mid-search into ``IndexDamaged``."""
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except _DAMAGE_WHILE_READING as error:
            raise _damaged(self.index_dir, error) from error
    return wrapper


class Searcher:
    """An open index for running many queries; picks up a finished build on the next query.

    Use as a context manager, or call ``close()``.
    """

    def __init__(self, index_dir: str | Path = "index") -> None:
        self.index_dir = Path(index_dir)
        self._generation: Path | None = None
        self._index = None
        self._searcher = None
        self._evaluator: ArrayEvaluator | None = None
        self._open()

    # Opening and refreshing -------------------------------------------------------------------

    def _open(self) -> None:
        generation = store.current_generation(self.index_dir)
        if generation is None:
            raise IndexNotFound(f"no index in {self.index_dir}: build one with "
                                f"'python -m indexer CORPUS {self.index_dir}'")
        try:
            index = whoosh_index.open_dir(str(generation))
            searcher = index.searcher(weighting=ranking.weighting())
        except _DAMAGE as error:
            raise _damaged(self.index_dir, error) from error
        except (AttributeError, ImportError) as error:  # its schema names classes this version lacks
            raise IndexDamaged(f"the index in {self.index_dir} was built by another version of this program; "
                               f"rebuild it with 'python -m indexer CORPUS {self.index_dir} --rebuild'") from error
        self.close()
        self._generation, self._index, self._searcher = generation, index, searcher
        self._evaluator = ArrayEvaluator(searcher, combine_fields=ranking.COMBINE_FIELDS,
                                         about=_about_person(searcher.schema) if ranking.PERSON_PROMINENCE else None,
                                         blend_variants=ranking.BLEND_VARIANTS)

    def refresh(self) -> None:
        """Switch to the newest finished build, if there is one."""
        if store.current_generation(self.index_dir) != self._generation:
            self._open()
        elif not self._searcher.up_to_date():
            # Opened afresh rather than with Whoosh's refresh(), which fails on an index of no
            # articles (whose reader never counts as up to date).
            self._open()

    def close(self) -> None:
        """Release the index files."""
        if self._searcher is not None:
            self._searcher.close()
            self._index.close()
            self._searcher = self._index = None

    def __enter__(self) -> Searcher:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    # Queries ----------------------------------------------------------------------------------

    @_guarded
    def search(self, query: str, *, limit: int = 10, page: int = 1, sort: str = "relevance",
               facets: bool = False, expand: bool | None = None, autocorrect: bool = False,
               collapse: bool = True) -> SearchResults:
        """Run a query and return one page of ranked hits with snippets.

        ``sort`` is ``"relevance"``, ``"date"`` (oldest first) or ``"-date"`` (newest first).
        ``expand`` adds words from the best first results to the query (pseudo-relevance
        feedback); by default it does so for OR queries of three or more words, which ask for
        everything about a topic. With ``autocorrect``, a query that found nothing (or only
        articles with some of its words) gives way to its did-you-mean when every word of that
        is found: the results say so in ``corrected_from``. With ``collapse``, near-identical articles
        (a wire story in several papers, a page crawled twice) are one hit, the others listed in its
        ``copies``. Raises ``QueryError`` for a malformed query and ``ValueError`` for bad arguments.
        """
        results = self._search(query, limit, page, sort, facets, expand, collapse)
        if autocorrect and results.suggestion and (results.total == 0 or results.relaxed):
            instead = self._search(results.suggestion, limit, page, sort, facets, expand, collapse)
            if instead.total and not instead.relaxed:
                instead.corrected_from = query
                instead.elapsed += results.elapsed
                return instead
        return results

    def _search(self, query: str, limit: int | None, page: int, sort: str, facets: bool,
                expand: bool | None, collapse: bool) -> SearchResults:
        """``search``'s work; a ``limit`` of ``None`` puts every hit on the page."""
        _check_arguments(1 if limit is None else limit, page, sort)
        started = time.perf_counter()
        self.refresh()
        schema = self._searcher.schema
        parsed = parse_query(query, schema)
        # Feedback is for topics the user asked for with OR, not for a relaxed fallback.
        wants_feedback = sort == "relevance" and (expand if expand is not None else ranking.wants_expansion(parsed))
        everything = self._searcher.doc_count_all()
        wanted = everything if limit is None else page * limit  # the last article the page lists
        # Room for the near-identical articles folded away.
        depth = min(everything, wanted * 2 + FOLD_ROOM) if collapse else wanted
        if wants_feedback:
            depth = max(depth, ranking.FEEDBACK_ARTICLES)
        ranked = self._rank(parsed, depth, sort)
        relaxed = False
        relaxed_query = relax(parsed) if ranked.total == 0 else None
        if relaxed_query is not None:
            parsed, relaxed = relaxed_query, True
            ranked = self._rank(parsed, depth, sort)
        terms, names = self._highlight_terms(parsed)
        words = None
        if wants_feedback:
            words = ranking.coordinated(parsed)
            top = [docnum for docnum, _ in ranked.entries[:ranking.FEEDBACK_ARTICLES]]
            parsed = ranking.expand(self._searcher, parsed, top)
            ranked = self._rank(parsed, depth, sort, words)
        listed, examined = self._listed(ranked, wanted, collapse, sort,
                                        lambda count: self._rank(parsed, count, sort, words))
        limit = limit or max(1, len(listed))
        first = (page - 1) * limit
        entries = listed[first:first + limit]
        spans = self._evaluator.spans([entry.docnum for entry in entries], "body", terms, *self._phrases(parsed)) \
            if terms else None
        hits = [self._hit(entry.docnum, entry.score, first + rank, terms, names,
                          spans.get(entry.docnum) if spans else None, entry.copies)
                for rank, entry in enumerate(entries)]
        results = SearchResults(query=query, total=ranked.total, hits=hits, page=page, limit=limit, sort=sort,
                                relaxed=relaxed)
        # Exact when every match was ranked; else the copies among the articles ranked so far.
        results.folded = examined - len(listed)
        if ranked.total < SUGGEST_BELOW:
            results.suggestion = self.suggest(query)
        else:
            # A word no article uses (in a relaxed or OR-ed search), or one that the corpus's own
            # typos alone use ("goverment" in 9 Reuters stories, "government" in thousands).
            results.suggestion = self.suggest(query, most_used=self._searcher.doc_count() // RARE_WORD)
        if facets:
            results.facets = self._facets(ranked.matches, collapse=collapse)
        results.elapsed = time.perf_counter() - started
        return results

    @_guarded
    def facets(self, query: str, *, top_people: int = 20, collapse: bool = True) -> Facets:
        """People, years and months counted over every article the query matches (or, as
        ``search`` does when no article has every word, over those with some of them); with
        ``collapse``, a story's word-for-word copies count once for people, years and months."""
        self.refresh()
        parsed = parse_query(query, self._searcher.schema)
        matches = self._matches(parsed)
        relaxed = relax(parsed) if matches.total == 0 else None
        if relaxed is not None:
            matches = self._matches(relaxed)
        return self._facets(matches, top_people, collapse)

    @_guarded
    def every_hit(self, query: str, *, sort: str = "relevance", collapse: bool = True) -> SearchResults:
        """Every hit of a query, on one page of a ``SearchResults``, for exports: ranked once, where
        ``search`` would rank again for each page. Raises what ``search`` raises."""
        return self._search(query, None, 1, sort, False, None, collapse)

    @_guarded
    def similar(self, ident: str, *, limit: int = 10) -> SearchResults:
        """Articles most like the one with this id or path ("more like this")."""
        self.refresh()
        started = time.perf_counter()
        docnum = self._docnum(ident)
        if docnum is None:
            raise QueryError(f"no article {ident!r} in the index")
        stored = self._searcher.stored_fields(docnum)
        text = " ".join(filter(None, (stored.get("headline"), stored.get("body"))))
        # Whoosh's more_like, with the query its key words make scored as arrays (its own
        # matchers took a quarter of a second on Reuters).
        key_words = self._searcher.key_terms_from_text("body", text, numterms=25, normalize=False)
        matches = self._evaluator.evaluate(wq.Or([wq.Term("body", word, boost=weight) for word, weight in key_words]))
        matches.mask[docnum] = False
        # Copies of the article itself are not "more like it"; copies of one another fold.
        prints = self._evaluator.fingerprints()
        ranked = [entry for entry in self._evaluator.top(matches, limit * 2 + FOLD_ROOM)
                  if not near(int(prints[docnum]), int(prints[entry[0]]))]
        listed = fold(ranked, prints)[:limit]
        hits = [self._hit(entry.docnum, entry.score, rank, set(), set(), copies=entry.copies)
                for rank, entry in enumerate(listed)]
        return SearchResults(query=f"like:{stored.get('id')}", total=len(hits), hits=hits, limit=limit,
                             elapsed=time.perf_counter() - started)

    @_guarded
    def article(self, ident: str) -> dict | None:
        """Every stored field of one article (by id or path), or ``None``."""
        self.refresh()
        docnum = self._docnum(ident)
        return dict(self._searcher.stored_fields(docnum)) if docnum is not None else None

    def suggest(self, query: str, *, most_used: int | None = None) -> str | None:
        """A did-you-mean query built from the index's own words, or ``None``; with ``most_used``,
        only words used by at most that many articles are corrected. The query is kept as typed
        but for the corrected words; words of people's names are corrected from the people named."""
        try:
            prepare(query)
        except QueryError:
            return None

        def fix(correct: Callable[[str], str | None]) -> Callable[[re.Match], str]:
            def fix_word(match: re.Match) -> str:
                word = match.group(0)
                if word in OPERATORS or len(word) < 3:
                    return word
                return correct(word.lower()) or word
            return fix_word

        fix_text = fix(lambda word: spelling.correct(self._searcher, word, most_used=most_used))
        fix_names = {field: fix(lambda word, field=field: spelling.correct_name(self._searcher, word, field))
                     for field in ("people", "authors")}

        def fix_piece(match: re.Match) -> str:
            field, value = match.group("field"), match.group("value")
            field = field_named(field) if field else None
            if not value.startswith('"') and any(mark in value for mark in "*?~"):
                return match.group(0)  # a prefix, wildcard or fuzzy word asks for variants itself
            if field is None or field in _TEXT_FIELDS:
                corrected = _LETTERS.sub(fix_text, value)
            elif field in fix_names:
                corrected = _LETTERS.sub(fix_names[field], value)
            else:
                return match.group(0)  # dates, sources and paths
            return match.group(0)[:match.start("value") - match.start()] + corrected

        fixed = _QUERY_PIECE.sub(fix_piece, query)
        return fixed if fixed != query else None

    @_guarded
    def body_highlights(self, ident: str, query: str) -> list[tuple[int, int]]:
        """Where ``query`` is found in the body of one article (by id or path), as character spans
        in order, marked as hits' snippets are: a phrase where it matches, a name asked for with
        ``people:`` as the article spells it. Empty for an unknown article or a bad query."""
        self.refresh()
        docnum = self._docnum(ident)
        try:
            parsed = parse_query(query, self._searcher.schema)
        except QueryError:
            return []
        if docnum is None:
            return []
        terms, names = self._highlight_terms(parsed)
        body = self._searcher.stored_fields(docnum).get("body") or ""
        spans = self._evaluator.spans([docnum], "body", terms, *self._phrases(parsed)) if terms else None
        return [(start, end) for start, end, _ in all_matches(body, terms, names, spans[docnum] if spans else None)]

    @_guarded
    def stats(self) -> dict:
        """Facts about the open index for the shell's toolbar and ``:stats``."""
        self.refresh()
        reader = self._searcher.reader()
        built = datetime.fromtimestamp((self._generation / store.MANIFEST).stat().st_mtime) \
            if (self._generation / store.MANIFEST).exists() else None
        oldest, newest, undated = self._evaluator.date_span()
        return {"index": str(self.index_dir), "articles": reader.doc_count(),
                "segments": len(self._index._segments()) if hasattr(self._index, "_segments") else None,
                "built": built, "generation": self._generation.name,
                "oldest": oldest, "newest": newest, "undated": undated}

    @_guarded
    def people_names(self) -> list[str]:
        """Every person name in the index (for completion)."""
        return [term.decode("utf-8") for term in self._searcher.reader().lexicon("person")]

    # Helpers ----------------------------------------------------------------------------------

    def _listed(self, ranked: _Ranked, wanted: int, collapse: bool, sort: str,
                rank: Callable[[int], _Ranked]) -> tuple[list[Folded], int]:
        """The ranked articles as listed, ``wanted`` of them if there are as many: near-identical
        ones folded when ``collapse``, ranking further (``rank(count)``) until enough are left;
        and how many ranked articles were looked at."""
        if not collapse:
            return [Folded(docnum, score) for docnum, score in ranked.entries], len(ranked.entries)
        earliest = sort == "relevance"
        listed = fold(ranked.entries, self._evaluator.fingerprints(), earliest)
        while len(listed) < wanted + 1 and len(ranked.entries) < ranked.total:
            ranked = rank(len(ranked.entries) * 4)
            listed = fold(ranked.entries, self._evaluator.fingerprints(), earliest)
        return listed, len(ranked.entries)

    def _rank(self, parsed: wq.Query, count: int, sort: str, words: wq.Or | None = None) -> _Ranked:
        """The total and the first ``count`` (docnum, score) pairs of a query; ``words`` is the
        OR of typed words to coordinate (by default the query's own, see ranking.coordinated)."""
        matches = self._matches(parsed, words or ranking.coordinated(parsed))
        return _Ranked(matches.total, self._evaluator.top(matches, count, sort), matches)

    def _matches(self, parsed: wq.Query, words: wq.Or | None = None) -> Matches:
        try:
            return self._evaluator.evaluate(parsed, words)
        except Unsupported:  # a NOT inside an OR
            return self._evaluator.whoosh_matches(parsed)

    def _highlight_terms(self, parsed: wq.Query) -> tuple[set[str], set[str]]:
        terms: set[str] = set()
        names: set[str] = set()
        reader = self._searcher.reader()
        for fieldname, text, in_word_group in _leaf_terms(parsed, reader):
            if fieldname in _TEXT_FIELDS:
                terms.add(text)
            elif fieldname in ("people", "authors") and not in_word_group:
                # Only names asked for in their field: a word searched everywhere is highlighted
                # where the index stored it, which spares a pass over every hit's text.
                names.add(text)
        return terms, names

    def _phrases(self, parsed: wq.Query) -> tuple[list[Phrase], set[str]]:
        """The query's phrases in the body, and the words it also asks for on their own."""
        phrases = [Phrase(tuple(node.words), node.slop) for node in _phrase_nodes(parsed) if node.fieldname == "body"]
        if not phrases:
            return [], set()
        return phrases, {term for _, term, _ in _leaf_terms(parsed, self._searcher.reader(), phrases=False)}

    def _hit(self, docnum: int, score: float, rank: int, terms: set[str], names: set[str],
             body_spans: list[tuple[int, int, str]] | None = None, copies: list[int] | None = None) -> Hit:
        stored = self._searcher.stored_fields(docnum)
        # From the first of SNIPPET_FIELDS (the body first) with a match, else from the body.
        fragments = make_fragments(stored.get("body") or "", terms, names, body_spans)
        if (terms or names) and not any(f.highlights for f in fragments):
            for fieldname in SNIPPET_FIELDS[1:]:
                found = make_fragments(stored.get(fieldname) or "", terms, names)
                if any(f.highlights for f in found):
                    fragments = found
                    break
        people = [p for p in (stored.get("person") or "").split(",") if p]
        return Hit(id=stored["id"], path=stored["path"], headline=stored.get("headline", ""),
                   date=stored.get("date"), people=people, score=score, fragments=fragments,
                   summary=stored.get("summary"), rank=rank + 1, url=stored.get("url"),
                   publication=stored.get("publication"),
                   authors=[name for name in (stored.get("authors") or "").split(", ") if name],
                   copies=[self._searcher.stored_fields(copy)["id"] for copy in copies or []])

    def _facets(self, matches: Matches, top_people: int = 20, collapse: bool = True) -> Facets:
        docnums = matches.docnums()
        # A story counts once for its people and its month, however many papers ran it word for
        # word; each paper's copy counts for its source and its publication.
        stories = one_of_each(docnums, self._evaluator.fingerprints()) if collapse else docnums
        years, months = self._evaluator.years_and_months(stories)
        year_counts = Counter(years.tolist())
        month_counts = Counter(f"{y:04d}-{m:02d}" for y, m in zip(years.tolist(), months.tolist(), strict=True))
        return Facets(people=self._evaluator.people_counts(stories, top_people),
                      years=sorted(year_counts.items()), months=sorted(month_counts.items()),
                      sources=self._evaluator.source_counts(docnums, top_people),
                      publications=self._evaluator.publication_counts(docnums, top_people))

    def _docnum(self, ident: str) -> int | None:
        # An id ("wire/feed.jsonl#3"), or a file's path as stored (absolute) or as typed (relative
        # to the working folder: "corpus/wire/obituary.json").
        for fieldname, value in (("id", ident), ("path", ident), ("path", os.path.abspath(ident))):
            docnum = self._searcher.document_number(**{fieldname: value})
            if docnum is not None:
                return docnum
        return None


def _about_person(schema) -> Callable[[str], wq.Query | None]:
    """A person's surname as a word typed alone, but for the people field: the articles about
    them (``ranking.PERSON_PROMINENCE``). The people field has scored the name already."""
    fields = tuple(name for name in DEFAULT_FIELDS if name != ranking.PEOPLE_FIELD)
    return lambda surname: word_query(surname, schema, fields)


def _leaf_terms(node: wq.Query, reader, in_word_group: bool = False,
                phrases: bool = True) -> list[tuple[str, str, bool]]:
    """The index terms a query can match (its phrases' words too, unless not ``phrases``), with
    prefixes, wildcards and fuzzy terms expanded, as (field, term, whether it is one of the fields
    a word without a field is searched in)."""
    if isinstance(node, wq.Not):
        return []
    if isinstance(node, wq.MultiTerm):
        return [(node.fieldname, t.decode("utf-8") if isinstance(t, bytes) else t, in_word_group)
                for t in node._btexts(reader)]
    if isinstance(node, wq.Term):
        return [(node.fieldname, str(node.text), in_word_group)]
    if isinstance(node, wq.Phrase):
        return [(node.fieldname, str(word), in_word_group) for word in node.words] if phrases else []
    grouped = in_word_group or ranking.one_word(node)
    return [term for child in node.children() for term in _leaf_terms(child, reader, grouped, phrases)]


def _phrase_nodes(node: wq.Query) -> list[wq.Phrase]:
    if isinstance(node, wq.Phrase):
        return [node]
    if isinstance(node, wq.Not):
        return []
    return [phrase for child in node.children() for phrase in _phrase_nodes(child)]


def _check_arguments(limit: int, page: int, sort: str) -> None:
    if not isinstance(limit, int) or not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"limit must be a whole number from 1 to {MAX_LIMIT}")
    if not isinstance(page, int) or page < 1:
        raise ValueError("page must be a whole number from 1")
    if sort not in SORTS:
        raise ValueError(f"sort must be one of {', '.join(SORTS)}")


