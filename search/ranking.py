"""The scoring model: BM25F with Robertson-Sparck Jones IDF and per-field length normalisation.

Field weights live in ``indexer.schema`` (they are applied at index time); the parameters here are
chosen with the relevance benchmarks in bench/ (bench/relevance.py).
"""

from __future__ import annotations

from math import log

from whoosh import classify, scoring
from whoosh import query as wq
from whoosh.searching import Searcher

from indexer.schema import index_terms

K1 = 2.0
B = 1.0
# Headlines are short and all alike in length: normalising them by length only adds noise.
FIELD_B = {"headline_B": 0.3, "people_B": 0.0}


class NewsBM25F(scoring.BM25F):
    """BM25F whose IDF is Robertson-Sparck Jones' (as Lucene and SQLite FTS5 use).

    Whoosh's own IDF, log(N / (n + 1)) + 1, keeps a word found in most articles worth more than
    half a rare one; in the queries people type ("number of troops stationed in ...") such words
    then swamp the ones that matter.
    """

    def idf(self, searcher, fieldname: str, text: str) -> float:
        parent = searcher.get_parent()
        return rsj_idf(parent.doc_frequency(fieldname, text), parent.doc_count_all())


def rsj_idf(found: int, total: int) -> float:
    """Robertson-Sparck Jones IDF of a word ``found`` in that many of ``total`` articles."""
    return log(1 + (total - found + 0.5) / (found + 0.5))


def weighting() -> scoring.WeightingModel:
    """The weighting model every search uses."""
    return NewsBM25F(B=B, K1=K1, **FIELD_B)


# A word without a field is searched in every default field; its field-weighted frequencies are
# added up and saturated once (BM25F proper) rather than scored once per field (Whoosh's way).
COMBINE_FIELDS = True

# A person asked for (``people:``) is also scored by how much each article is about them: their
# surname as a word typed alone (headline, body...). An article names each of its people once in
# its people field, so the field alone scored every article naming someone alike, and an aside
# ("... former Fed chairman Paul Volcker ...") ranked with a story about him.
PERSON_PROMINENCE = True
PEOPLE_FIELD = "people"

# The words a prefix, wildcard or fuzzy word stands for are scored as variants of one word: with
# the IDF of the commonest, a fuzzy word's near words for less the more they differ. Each with
# its own IDF (Whoosh's way), the rarest won ("Den" and "Gen" first for ``yen~``).
BLEND_VARIANTS = True

# Coordination: when a person's words are OR-ed (or relaxed after no article had them all), an
# article holding more of them is the better answer; BM25 alone lets one frequent word win.
# The score is scaled by (share of the words held) ** COORDINATION.
COORDINATION = 0.3


def coordination(share):
    """The factor a score is scaled by for holding ``share`` (0-1) of the typed words."""
    return share ** COORDINATION


def coordinated(parsed: wq.Query) -> wq.Or | None:
    """The OR of typed words in ``parsed``: the query itself, or the OR-ed words of a relaxed one.

    An OR of one word searched in several fields is not one: it is a single word.
    """
    for node in [parsed] + (list(parsed.children()) if isinstance(parsed, wq.And) else []):
        if isinstance(node, wq.Or) and len(node.subqueries) >= 2 and not one_word(node):
            return node
    return None


def one_word(node: wq.Query) -> bool:
    """An OR of one word (or phrase, prefix...) in several fields: how a word without a field is
    searched."""
    children = node.subqueries if isinstance(node, wq.Or) else []
    fields = [getattr(child, "fieldname", None) for child in children]
    return len(children) >= 2 and None not in fields and len(set(fields)) == len(fields)


# Pseudo-relevance feedback: the words that best tell the top articles from the rest (DFR's Bo1
# model) join the query. Only the words near the query's own in those articles count (a
# positional relevance model): an article's other stories and asides bring in nothing, so the
# words found can weigh as much as the typed ones. bench/relevance.py: TIME MAP 0.622 -> 0.631
# (better on 12 queries, worse on 5 of 41), the best of 16 settings (window 40/75/120 words or the
# whole article, weight 0.7-1.2). Chosen on random halves of the queries and scored on the other
# halves (400 splits), a setting scores 0.622 on average, as the whole-article feedback did: the
# window does no harm, but its gain on TIME is partly the choice of setting.
FEEDBACK_ARTICLES = 5
FEEDBACK_WORDS = 10
FEEDBACK_WEIGHT = 1.0
FEEDBACK_WINDOW = 75  # words either side of a query word
EXPAND_FROM_WORDS = 3
FEEDBACK_FIELD = "body"


def wants_expansion(parsed: wq.Query) -> bool:
    """True for a disjunction of at least ``EXPAND_FROM_WORDS`` free words: a topic, not a lookup."""
    if not isinstance(parsed, wq.Or):
        return False
    leaves = [leaf for child in parsed.children()
              for leaf in (child.children() if isinstance(child, wq.Or) else [child])]
    if not all(isinstance(leaf, wq.Term) for leaf in leaves):
        return False
    # Count each word once: it appears stemmed in the text fields and as written in people.
    return len({leaf.text for leaf in leaves if leaf.fieldname == FEEDBACK_FIELD}) >= EXPAND_FROM_WORDS


def expand(searcher: Searcher, parsed: wq.Query, top: list[int]) -> wq.Query:
    """``parsed`` or-ed with the best feedback words of ``top``, the document numbers of its
    first ``FEEDBACK_ARTICLES`` results."""
    if not top:
        return parsed
    typed = {leaf.text for leaf in parsed.leaves() if getattr(leaf, "fieldname", None) == FEEDBACK_FIELD}
    expander = classify.Expander(searcher.reader(), FEEDBACK_FIELD, model=classify.Bo1Model)
    for docnum in top:
        expander.add(words_near(searcher.stored_fields(docnum).get(FEEDBACK_FIELD) or "", typed))
    words = expander.expanded_terms(FEEDBACK_WORDS)
    extra = [wq.Term(FEEDBACK_FIELD, word, boost=FEEDBACK_WEIGHT * weight) for word, weight in words]
    return wq.Or([parsed, wq.Or(extra)]) if extra else parsed


def words_near(text: str, typed: set[str]) -> list[tuple[str, int]]:
    """Each index term of ``text`` with how often it occurs within ``FEEDBACK_WINDOW`` words of
    one of the ``typed`` terms; every occurrence when the text holds none of them."""
    terms = index_terms(text)
    anchors = [position for term in typed for position, _, _ in terms.get(term, ())]
    if not anchors:
        return [(term, len(places)) for term, places in terms.items()]
    near = bytearray(max(position for places in terms.values() for position, _, _ in places) + 1)
    for anchor in anchors:
        start, end = max(0, anchor - FEEDBACK_WINDOW), min(len(near), anchor + FEEDBACK_WINDOW + 1)
        near[start:end] = b"\x01" * (end - start)
    counts = ((term, sum(near[position] for position, _, _ in places)) for term, places in terms.items())
    return [(term, count) for term, count in counts if count]
