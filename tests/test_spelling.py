from search.searcher import Searcher
from search.spelling import correct, edit_distance


def test_edit_distance_counts_transpositions_once():
    assert edit_distance("ecomoni", "economi") == 2
    assert edit_distance("levess", "levees") == 1
    assert edit_distance("abc", "abc") == 0 and edit_distance("", "abc") == 3


def test_corrections_come_from_the_index_as_written(corpus_index):
    with Searcher(corpus_index) as searcher:
        assert correct(searcher._searcher, "ecomony") == "economy"
        assert correct(searcher._searcher, "levess") == "levees"
        assert correct(searcher._searcher, "economy") is None  # a known word
        assert correct(searcher._searcher, "zzzzqqq") is None  # nothing close
        assert correct(searcher._searcher, "the") is None  # a stop word
