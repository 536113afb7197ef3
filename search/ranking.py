"""The scoring model: BM25F with Robertson-Sparck Jones IDF and per-field length normalisation.

Field weights live in ``indexer.schema`` (they are applied at index time); the parameters here are
chosen with the relevance benchmarks in bench/ (bench/relevance.py).
"""

from __future__ import annotations

from math import log

from whoosh import query as wq
from whoosh import scoring
from whoosh.searching import Searcher

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
# model) join the query at a lower weight.
FEEDBACK_ARTICLES = 5
FEEDBACK_WORDS = 10
FEEDBACK_WEIGHT = 0.7
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
    words = searcher.key_terms(top, FEEDBACK_FIELD, numterms=FEEDBACK_WORDS)
    extra = [wq.Term(FEEDBACK_FIELD, word, boost=FEEDBACK_WEIGHT * weight) for word, weight in words]
    return wq.Or([parsed, wq.Or(extra)]) if extra else parsed
