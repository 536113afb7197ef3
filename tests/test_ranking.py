from math import log

from whoosh import query as wq

from indexer.schema import make_schema
from search import ranking
from search.query import parse_query, relax
from search.searcher import Searcher

SCHEMA = make_schema()


class _Stats:
    def __init__(self, found: int, total: int) -> None:
        self.found, self.total = found, total

    def get_parent(self):
        return self

    def doc_frequency(self, fieldname, text):
        return self.found

    def doc_count_all(self):
        return self.total


def test_idf_is_robertson_sparck_jones():
    model = ranking.weighting()
    assert model.idf(_Stats(1, 1000), "body", "rare") == log(1 + 999.5 / 1.5)
    # A word in nearly every article is worth almost nothing, unlike Whoosh's own IDF (>= 1).
    assert model.idf(_Stats(990, 1000), "body", "said") < 0.02


def test_only_or_queries_of_three_words_are_expanded():
    assert ranking.wants_expansion(parse_query("levees OR floods OR rain", SCHEMA))
    assert not ranking.wants_expansion(parse_query("levees OR floods", SCHEMA))
    assert not ranking.wants_expansion(parse_query("levees floods rain", SCHEMA))
    assert not ranking.wants_expansion(parse_query('"levee works" OR floods OR rain', SCHEMA))
    assert ranking.wants_expansion(relax(parse_query("levees floods rain", SCHEMA)))  # search() asks first


def test_expansion_adds_words_from_the_first_results(corpus_index):
    with Searcher(corpus_index) as searcher:
        parsed = parse_query("levees OR floods OR rain", SCHEMA)
        top = [hit.docnum for hit in searcher._searcher.search(parsed, limit=ranking.FEEDBACK_ARTICLES)]
        expanded = ranking.expand(searcher._searcher, parsed, top)
        extra = {term.text for term in list(expanded.children())[1].children()}
        assert isinstance(expanded, wq.Or) and len(extra) == ranking.FEEDBACK_WORDS
        assert extra - {"leve", "flood", "rain"}
        plain = searcher.search("levees OR floods OR rain", expand=False)
        fed = searcher.search("levees OR floods OR rain")
        assert fed.total >= plain.total
