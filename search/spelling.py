"""Did-you-mean: corrections from the index's own vocabulary, shown as words people write.

A word is corrected when no article uses it, or when it reads as a slip (a letter left out,
added or swapped) for a close word used by far more articles: the corpus's own typos. The body
field's lexicon holds stems ("economi"), so corrections are looked for among the stems within two
edits of the typed word's stem or one edit of its opening letters (a slip can move where the
stemmer cuts). The likeliest few are shown in the form the articles using them write
("economy"), and the one written closest to what was typed wins, the one more articles use among
equals: stems alone would prefer a typo the corpus carries once ("ecomonic", stem "ecomon") to
the word meant ("economy", stem "economi")."""

from __future__ import annotations

import bisect
import re
import weakref
from collections import Counter
from math import log

from whoosh import fields
from whoosh import query as wq
from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from indexer.people import name_key
from indexer.schema import index_terms

FIELD = "body"
_SHORTLIST = 5  # stems whose written form is compared with the typed word
_MIN_USED_TYPO = 6  # letters; a shorter word that articles use is meant
_MIN_CHANGED_TYPO = 9  # letters; a shorter word in use one changed letter from another is meant
_COMMONER = 20  # times as many articles, for a close word to be suggested instead of a word in use
_FORM_ARTICLES = 8  # articles whose ways of writing a word are compared with the typed word
_RARE_FORM = 5  # times rarer than a stem's commonest form in those articles: a typo, not a form
_MIN_OPENING = 4  # letters of a typed word's opening that a stem is compared with
_MAX_CUT = 4  # letters the stemmer takes off a word at most, nearly always ("-ation" → "-ate" is 3)


def correct(searcher: Searcher, word: str, *, most_used: int | None = None) -> str | None:
    """A correction for a word that no article uses, or that articles use far less than a close
    word (the corpus's own typos: "Volker" in one story, "Volcker" in a hundred); ``None`` when
    nothing close is commoner. With ``most_used``, a word used by more articles than that is
    taken as meant (0: only words no article uses are corrected)."""
    stems = list(index_terms(word))  # as the body's analyzer reads it, from a cache of words
    if len(stems) != 1:
        return None  # a stop word, or more than one word
    stem = stems[0]
    reader = searcher.reader()
    used = max(reader.doc_frequency(FIELD, stem), reader.doc_frequency("headline", stem))
    if used and (len(word) < _MIN_USED_TYPO or used * _COMMONER > reader.doc_count()
                 or (most_used is not None and used > most_used)):
        return None  # short words in use are meant ("comet" is not a typo of "come"), and common ones
    most = 2 if len(word) > 4 else 1
    # A slip in a word in use keeps its first letter (see _slip): only stems that share it are read.
    near = _near_stems(reader, word, stem, most, prefix=1 if used else 0)
    articles = {c: reader.doc_frequency(FIELD, c) for c in near}
    candidates = [c for c, count in articles.items() if count >= _COMMONER * used]
    if not candidates:
        return None
    # An edit more is worth as much as _COMMONER times the articles: the stems of the corpus's own
    # typos are nearest of all ("ecomon" for "ecomony", one article) and must not crowd out the
    # word meant ("economi", two edits, a thousand articles).
    nearest = sorted(candidates, key=lambda c: (near[c] - log(articles[c], _COMMONER), c))[:_SHORTLIST]
    written = {c: _written_form(searcher, reader, c, word) for c in nearest}
    # A stem can be near while the words written with it are not ("mine" for "minster").
    close = [c for c in nearest if (_slip(word, written[c]) if used else _distance(word, written[c]) <= most)]
    if not close:
        return None
    # Among words as near, one that starts as the typed word does: a slip rarely hits the first
    # letter ("tarrifs" is "tariffs", not "carries"); then one that sounds as typed ("opek" is
    # "opec", not "oper").
    return written[min(close, key=lambda c: (_distance(word, written[c]), written[c][:1] != word[:1],
                                             _sound(written[c]) != _sound(word), -articles[c], c))]


def correct_name(searcher: Searcher, word: str, fieldname: str = "people") -> str | None:
    """A correction for a word of a name (``people:okafr``, ``authors:jenings``) that no article
    has in ``fieldname``: the nearest name word that some have, the commonest among equals, as
    articles write it."""
    keys = name_key(word)
    if len(keys) != 1:
        return None
    key, reader = keys[0], searcher.reader()
    if reader.doc_frequency(fieldname, key):
        return None
    near = terms_within(reader, fieldname, key, 2 if len(key) > 4 else 1)
    if not near:
        return None
    best = min(near, key=lambda c: (_distance(key, c), c[:1] != key[:1], -reader.doc_frequency(fieldname, c), c))
    return _written_name(searcher, reader, fieldname, best)


# The stored field that holds the names each name field indexes, as written.
_WRITTEN_NAMES = {"people": "person", "authors": "authors"}


def _written_name(searcher: Searcher, reader: IndexReader, fieldname: str, key: str) -> str:
    """A name word as the first article with it writes it ("carmody" for the key "carmodi")."""
    postings = reader.postings(fieldname, key)
    names = (searcher.stored_fields(postings.id()).get(_WRITTEN_NAMES[fieldname]) or "").split(",")
    return next((word.lower() for name in names for word in name.split() if name_key(word) == (key,)), key)


def _slip(written: str, meant: str) -> bool:
    """Whether a word the corpus uses reads as a slip for ``meant``: a letter left out, added or
    swapped with the next, after the first letter. One letter changed into another is a slip only
    in a long word: in a short one, it is usually another word ("forbes" and "forces", "lenses"
    and "leases": 5 of 5 such pairs in 200 rare Reuters words, against 1 of their 10 real typos)."""
    if written[:1] != meant[:1] or _distance(written, meant) != 1:
        return False
    return len(written) != len(meant) or sorted(written) == sorted(meant) or len(written) >= _MIN_CHANGED_TYPO


def _near_stems(reader: IndexReader, word: str, stem: str, most: int, prefix: int) -> dict[str, int]:
    """Stems within ``most`` edits of the typed word's stem or one edit from its opening letters,
    and sharing its first ``prefix`` letters, each with its distance. A slip can change where the
    stemmer cuts a word: "minster" stays whole while "minister" is cut to "minist", three edits
    away, and "presidnet" is left whole while "president" becomes "presid"."""
    near = {c: _distance(stem, c) for c in terms_within(reader, FIELD, stem, most, prefix)}
    # The stemmer takes off at most a few letters, and an ending: openings shorter than that, or
    # before letters no ending reads as ("mine" in "minesota"), name other words.
    for length in range(max(_MIN_OPENING, len(word) - _MAX_CUT), len(word)):
        if not _reads_as_ending(word[length:]):
            continue
        for c in terms_within(reader, FIELD, word[:length], 1, prefix):
            near[c] = min(near.get(c, most), _distance(word[:length], c))
    near.pop(stem, None)
    return near


# What the stemmer takes off words, of three letters or more; a letter or two can be any ending.
_ENDINGS = ("ing", "ings", "ion", "ions", "ation", "ations", "ment", "ments", "ness", "ence", "ance", "ent", "ents",
            "ant", "ants", "able", "ible", "ism", "ist", "ists", "ity", "ive", "ize", "ise", "ized", "ised", "ous",
            "ful", "ally", "ical", "ated", "ates", "ating", "ator", "ers", "est", "ies", "ied", "ely", "ency", "ancy",
            "ative", "izes", "ises")


def _reads_as_ending(letters: str) -> bool:
    """Whether the letters after a typed word's opening read as an ending the stemmer took off,
    give or take a slip ("net" for "ent" in "presidnet")."""
    return len(letters) <= 2 or any(_distance(letters, ending) <= 1 for ending in _ENDINGS)


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
    forms: Counter[str] = Counter()
    for _ in range(_FORM_ARTICLES):
        if not postings.is_active():
            break
        text = searcher.stored_fields(postings.id()).get(FIELD) or ""
        forms.update(text[start:end].lower() for _, start, end in postings.value_as("characters"))
        postings.next()
    if not forms:
        return stem
    # A form far rarer than the commonest is a typo of the articles' own ("governent" once among
    # twenty "government"): it is not offered however near the typed word it is. Unless it is the
    # commonest with an ending: "services" among "service" is the word.
    commonest = max(forms, key=forms.get)
    common = [form for form, count in forms.items()
              if count * _RARE_FORM >= forms[commonest] or form.startswith(commonest)]
    # Among forms as near, the one as long as the typed word: "tariffs" rather than "tariff".
    return min(common, key=lambda form: (_distance(typed, form), abs(len(form) - len(typed)), form))


_HARD_C = re.compile(r"c(?![eiy])")
_SAME_SOUND = str.maketrans({"q": "k", "z": "s"})


def _sound(word: str) -> str:
    """A word as it sounds, roughly: letters that spell the same sound made one ("opec", "opek")."""
    return _HARD_C.sub("k", word.replace("ph", "f").replace("ck", "k")).translate(_SAME_SOUND)


def _distance(a: str, b: str) -> int:
    """Optimal string alignment distance: edits, an adjacent transposition counting as one."""
    from rapidfuzz.distance import OSA

    return OSA.distance(a, b)
