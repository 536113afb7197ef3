"""Did-you-mean: corrections from the index's own vocabulary, shown as words people write.

A word is corrected when no article uses it, or when a close word is used by far more articles
(the corpus's own typos). The body field's lexicon holds stems ("economi"), so corrections are
looked for among the stems within two edits of the typed word's stem. The nearest few are shown
in the form the articles using them write ("economy"), and the one written closest to what was
typed wins, the one more articles use among equals: stems alone would prefer a typo the corpus
carries once ("ecomonic", stem "ecomon") to the word meant ("economy", stem "economi").
"""

from __future__ import annotations

import bisect
import weakref

from whoosh import fields
from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from indexer.schema import text_analyzer

FIELD = "body"
_ANALYZER = text_analyzer()
_SHORTLIST = 5  # stems whose written form is compared with the typed word
_MIN_RARE_WORD = 5  # letters; a shorter word that articles use is meant
_COMMONER = 20  # times as many articles, for a close word to be suggested instead of a word in use
_FORM_ARTICLES = 8  # articles whose ways of writing a word are compared with the typed word


def correct(searcher: Searcher, word: str, *, unknown_only: bool = False) -> str | None:
    """A correction for a word that no article uses, or (unless ``unknown_only``) that articles
    use far less than a close word (the corpus's own typos: "Volker" in one story, "Volcker" in a
    hundred); ``None`` when nothing close is commoner."""
    stems = [token.text for token in _ANALYZER(word)]
    if len(stems) != 1:
        return None  # a stop word, or more than one word
    stem = stems[0]
    reader = searcher.reader()
    used = max(reader.doc_frequency(FIELD, stem), reader.doc_frequency("headline", stem))
    if used and (unknown_only or len(word) < _MIN_RARE_WORD or used * _COMMONER > reader.doc_count()):
        return None  # short words in use are meant ("cod" is not a typo of "co"), and common ones
    found = terms_within(reader, FIELD, stem, 2 if len(word) > 4 else 1)
    articles = {c: reader.doc_frequency(FIELD, c) for c in set(found) - {stem}}
    candidates = [c for c, count in articles.items() if count >= _COMMONER * used]
    if not candidates:
        return None
    # Among words as near, one that starts as the typed word does: a slip rarely hits the first
    # letter ("tarrifs" is "tariffs", not "carries").
    nearest = sorted(candidates, key=lambda c: (_distance(stem, c), c[0] != stem[0], -articles[c], c))[:_SHORTLIST]
    written = {c: _written_form(searcher, reader, c, word) for c in nearest}
    return written[min(nearest, key=lambda c: (_distance(word, written[c]), written[c][:1] != word[:1],
                                               -articles[c], c))]


# Each open reader's text fields' words, read when first asked for: a lexicon is read in a tenth
# of a second, and searched in milliseconds.
_LEXICONS: weakref.WeakKeyDictionary[IndexReader, dict[str, list[str]]] = weakref.WeakKeyDictionary()


def terms_within(reader: IndexReader, fieldname: str, text: str, maxdist: int, prefix: int = 0) -> list[str]:
    """The words of a text field within ``maxdist`` edits of ``text`` that share its first
    ``prefix`` letters: Whoosh's ``IndexReader.terms_within``, with distances computed by
    rapidfuzz in C (optimal string alignment, as Whoosh's). Whoosh's own walks the lexicon in
    Python: half a second per word on 19,000 Reuters stories, against 3 ms."""
    lexicons = _LEXICONS.setdefault(reader, {})
    if fieldname not in lexicons:
        # Lexicons are sorted by their UTF-8 bytes, which is the order of their decoded text.
        lexicons[fieldname] = [term.decode("utf-8") for term in reader.lexicon(fieldname)]
    from rapidfuzz import process  # loaded when first needed: a shell starts without it
    from rapidfuzz.distance import OSA

    words = lexicons[fieldname]
    if prefix:
        start = bisect.bisect_left(words, text[:prefix])
        end = bisect.bisect_left(words, text[:prefix] + "\U0010ffff", start)
        words = words[start:end]
    return [word for word, _, _ in process.extract(text, words, scorer=OSA.distance, score_cutoff=maxdist,
                                                   limit=None)]


class FuzzyTerm(wq.FuzzyTerm):
    """Whoosh's fuzzy word query (``word~``, ``word~2``) on a text field, its near words found
    with ``terms_within``."""

    def _btexts(self, ixreader: IndexReader):
        if not isinstance(ixreader.schema[self.fieldname], fields.TEXT):
            return super()._btexts(ixreader)
        return terms_within(ixreader, self.fieldname, self.text, self.maxdist, self.prefixlength)


def _written_form(searcher: Searcher, reader: IndexReader, stem: str, typed: str) -> str:
    """The word as articles using ``stem`` write it: of the forms in the first few of them, the
    one nearest ``typed`` (a plural for a plural: "tarrifs" is "tariffs"), read where the index
    says they are."""
    postings = reader.postings(FIELD, stem)
    forms: set[str] = set()
    for _ in range(_FORM_ARTICLES):
        if not postings.is_active():
            break
        text = searcher.stored_fields(postings.id()).get(FIELD) or ""
        forms.update(text[start:end].lower() for _, start, end in postings.value_as("characters"))
        postings.next()
    # Among forms as near, the one as long as the typed word: "tariffs" rather than "tariff".
    return min(forms, key=lambda form: (_distance(typed, form), abs(len(form) - len(typed)), form)) \
        if forms else stem


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance: edits, an adjacent transposition counting as one."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b)
