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


def test_feedback_counts_the_words_near_the_query_words():
    near_story = "The levees along the river failed after three days of rain, engineers said."
    aside = " ".join(["Elsewhere the orchestra played a concert of baroque music in the park."] * 20)
    counts = dict(ranking.words_near(f"{near_story} {aside}", {"leve"}))
    assert counts["river"] == 1 and counts["engin"] == 1
    assert 0 < counts["orchestra"] < 20  # the asides more than a window away do not count
    assert dict(ranking.words_near(aside, {"leve"}))["orchestra"] == 20  # no query word: every word


def test_coordination_prefers_articles_holding_more_of_the_words(tmp_path):
    from conftest import article_text, write

    from indexer import build_index

    corpus = tmp_path / "corpus"
    filler = "The council met on Tuesday and the meeting ran late into the evening. " * 3
    write(corpus, "one.txt", article_text("Ferry news", "March 3, 2021 08:15",
                                          f"Ferry ferry ferry ferry ferry ferry. {filler}"))
    write(corpus, "both.txt", article_text("Harbour news", "March 4, 2021 08:15",
                                           f"The ferry left the harbour early. {filler}"))
    for number in range(4):
        place = "by the harbour" if number == 0 else "in the town"  # "harbour" a little less rare than "ferry"
        write(corpus, f"other{number}.txt", article_text(f"Other news {number}", "March 5, 2021 08:15",
                                                         f"Road works {place}, number {number}. {filler}"))
    build_index(corpus, tmp_path / "index", jobs=1)
    with Searcher(tmp_path / "index") as searcher:
        first = lambda query: searcher.search(query, expand=False).hits[0].id  # noqa: E731
        assert first("ferry OR harbour") == "both.txt"
        assert first("ferry harbour zeppelin") == "both.txt"  # relaxed: no article has all three
        ranking.COORDINATION, saved = 1e-9, ranking.COORDINATION
        try:
            assert first("ferry OR harbour") == "one.txt"  # without it, repetition wins
        finally:
            ranking.COORDINATION = saved


def test_one_word_in_several_fields_is_not_coordinated():
    assert ranking.coordinated(parse_query("ferry", SCHEMA)) is None
    both = parse_query("ferry OR harbour", SCHEMA)
    assert ranking.coordinated(both) is both
    relaxed = relax(parse_query("ferry harbour date:2021", SCHEMA))
    assert ranking.coordinated(relaxed) in list(relaxed.children())


def test_a_word_in_several_fields_is_saturated_once(tmp_path):
    """BM25F proper: a headline mention adds to the body's count instead of scoring on its own."""
    from conftest import article_text, write
    from whoosh import index as whoosh_index

    from indexer import build_index, store
    from search.postings import ArrayEvaluator

    corpus = tmp_path / "corpus"
    filler = "The council met on Tuesday and the meeting ran late into the evening."
    # Bodies of the same length: one mention beside a headline, or eight in the body alone.
    write(corpus, "headline.txt", article_text("Owners meet", "March 3, 2021 08:15",
                                               f"Owners alpha bravo charlie delta echo foxtrot golf. {filler}"))
    write(corpus, "body.txt", article_text("Meeting held", "March 3, 2021 08:15", f"{'Owners ' * 8}. {filler}"))
    for number, topic in enumerate(["rain", "roads", "schools", "prices"]):
        # Bodies of their own (a line repeated across the corpus would be dropped as boilerplate).
        body = f"The {topic} report number {number} was read aloud by every member of the {topic} committee today."
        write(corpus, f"other{number}.txt", article_text(f"Other news {number}", "March 5, 2021 08:15", body))
    build_index(corpus, tmp_path / "index", jobs=1)
    with Searcher(tmp_path / "index") as searcher:
        assert searcher.search("owners").hits[0].id == "body.txt"
    index = whoosh_index.open_dir(str(store.current_generation(tmp_path / "index")))
    with index.searcher(weighting=ranking.weighting()) as whoosh_searcher:
        per_field = ArrayEvaluator(whoosh_searcher, combine_fields=False)
        top = per_field.top(per_field.evaluate(parse_query("owners", SCHEMA)), 1)
        assert whoosh_searcher.stored_fields(top[0][0])["id"] == "headline.txt"  # summed per field, it won
