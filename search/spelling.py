"""Did-you-mean: corrections from the index's own vocabulary, shown as words people write.

The body field's lexicon holds stems ("economi"), so a correction is found among the stems
within two edits of the misspelt word's stem, ranked by edit distance and then by how many
articles use it, and shown in the form an article that uses it actually writes ("economy").
"""

from __future__ import annotations

from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from indexer.schema import text_analyzer

FIELD = "body"
_ANALYZER = text_analyzer()


def correct(searcher: Searcher, word: str) -> str | None:
    """A correction for one word that no article uses, or ``None`` (known word, nothing close)."""
    stems = [token.text for token in _ANALYZER(word)]
    if len(stems) != 1:
        return None  # a stop word, or more than one word
    stem = stems[0]
    reader = searcher.reader()
    if reader.doc_frequency(FIELD, stem) or reader.doc_frequency("headline", stem):
        return None
    limit = 2 if len(word) > 4 else 1
    candidates = [term.decode("utf-8") if isinstance(term, bytes) else term
                  for term in reader.terms_within(FIELD, stem, limit)]
    if not candidates:
        return None
    best = min(candidates, key=lambda c: (edit_distance(stem, c), -reader.doc_frequency(FIELD, c), c))
    return _written_form(searcher, reader, best)


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


def _written_form(searcher: Searcher, reader: IndexReader, stem: str) -> str:
    postings = reader.postings(FIELD, stem)
    if not postings.is_active():
        return stem
    stored = searcher.stored_fields(postings.id())
    text = stored.get(FIELD) or ""
    for token in _ANALYZER(text, chars=True, removestops=False, mode="query"):
        if token.text == stem:
            return text[token.startchar:token.endchar].lower()
    return stem
