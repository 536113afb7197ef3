"""Did-you-mean: corrections from the index's own vocabulary, shown as words people write.

A word is corrected when no article uses it, or when a close word is used by far more articles
(the corpus's own typos). The body field's lexicon holds stems ("economi"), so corrections are
looked for among the stems within two edits of the typed word's stem. The nearest few are shown in the form an article
that uses them actually writes ("economy"), and the one written closest to what was typed wins,
the one more articles use among equals: stems alone would prefer a typo the corpus carries once
("ecomonic", stem "ecomon") to the word meant ("economy", stem "economi").
"""

from __future__ import annotations

from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from indexer.schema import text_analyzer

FIELD = "body"
_ANALYZER = text_analyzer()
_SHORTLIST = 5  # stems whose written form is compared with the typed word
_MIN_RARE_WORD = 5  # letters; a shorter word that articles use is meant
_COMMONER = 20  # times as many articles, for a close word to be suggested instead of a word in use


def correct(searcher: Searcher, word: str) -> str | None:
    """A correction for a word that no article uses, or that articles use far less than a close
    word (the corpus's own typos: "Volker" in one story, "Volcker" in a hundred); ``None`` when
    nothing close is commoner."""
    stems = [token.text for token in _ANALYZER(word)]
    if len(stems) != 1:
        return None  # a stop word, or more than one word
    stem = stems[0]
    reader = searcher.reader()
    used = max(reader.doc_frequency(FIELD, stem), reader.doc_frequency("headline", stem))
    if used and len(word) < _MIN_RARE_WORD:
        return None  # short words in use are meant: "cod" is not a typo of "co"
    limit = 2 if len(word) > 4 else 1
    found = {term.decode("utf-8") if isinstance(term, bytes) else term
             for term in reader.terms_within(FIELD, stem, limit)}
    articles = {c: reader.doc_frequency(FIELD, c) for c in found - {stem}}
    candidates = [c for c, count in articles.items() if count >= _COMMONER * used]
    if not candidates:
        return None
    nearest = sorted(candidates, key=lambda c: (edit_distance(stem, c), -articles[c], c))[:_SHORTLIST]
    written = {c: _written_form(searcher, reader, c, word) for c in nearest}
    return written[min(nearest, key=lambda c: (edit_distance(word, written[c]), -articles[c], c))]


def edit_distance(a: str, b: str) -> int:
    """Damerau-Levenshtein distance (adjacent transpositions count as one edit)."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _written_form(searcher: Searcher, reader: IndexReader, stem: str, typed: str = "") -> str:
    """The word as the first article using ``stem`` writes it (the form nearest ``typed``), read
    where the index says it is."""
    postings = reader.postings(FIELD, stem)
    if not postings.is_active():
        return stem
    text = searcher.stored_fields(postings.id()).get(FIELD) or ""
    places = postings.value_as("characters") if postings.supports("characters") else []
    if places:
        forms = {text[start:end].lower() for _, start, end in places}
        return min(forms, key=lambda form: (edit_distance(typed, form), form)) if typed else min(forms)
    for token in _ANALYZER(text, chars=True, removestops=False, mode="query"):
        if token.text == stem:
            return text[token.startchar:token.endchar].lower()
    return stem
