"""The array evaluator must find exactly what Whoosh finds, with Whoosh's own scores (when it scores
a word in several fields as Whoosh does), and must combine a word's fields as BM25F says."""

from __future__ import annotations

import itertools
from datetime import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import sorting

from indexer import store
from indexer.build import _WRITER_OPTIONS
from indexer.schema import make_schema
from indexer.writer import open_writer
from search import ranking
from search.postings import ArrayEvaluator, Unsupported
from search.query import QueryError, parse_query, relax, word_query
from search.searcher import Searcher
from search.snippets import find_matches
from tests.test_writer import shipped_documents

QUERIES = [
    "port strike", "port OR strike OR ferry", "strike -port", "NOT strike", "people:okafor",
    "headline:budget", "date:2024", "budget date:>2023-06-01", "okafor date:[2022-01-01 to 2023-12-31]",
    "(ferry OR port) AND strike", "rates^2 cut", "source:wire", "teachers before:2024-01-01",
]


# Whoosh's own ordering as the evaluator should order: best score first, then dated articles
# before undated ones, then the newer first.
RELEVANCE_ORDER = sorting.MultiFacet([sorting.ScoreFacet(), sorting.QueryFacet({0: wq.Every("date")}, other=1),
                                      sorting.FieldFacet("date", reverse=True)])


def whoosh_top(searcher, parsed, count):
    results = searcher.search(parsed, limit=count, sortedby=RELEVANCE_ORDER)
    # A sorted hit's score is its sort key, which starts with the score negated.
    return len(results), [(hit.docnum, -hit.score[0]) for hit in results]


def array_top(evaluator, parsed, count):
    matches = evaluator.evaluate(parsed)
    return matches.total, evaluator.top(matches, count)


def assert_same(searcher, evaluator, parsed, count=20):
    total, expected = whoosh_top(searcher, parsed, count)
    found_total, found = array_top(evaluator, parsed, count)
    assert found_total == total, parsed
    assert [docnum for docnum, _ in found] == [docnum for docnum, _ in expected], parsed
    assert [score for _, score in found] == pytest.approx([score for _, score in expected], rel=1e-9)


@pytest.fixture
def opened(corpus_index):
    index = whoosh_index.open_dir(str(store.current_generation(corpus_index)))
    with index.searcher(weighting=ranking.weighting()) as searcher:
        yield searcher, ArrayEvaluator(searcher, combine_fields=False)


@pytest.mark.parametrize("text", QUERIES)
def test_same_matches_order_and_scores_as_whoosh(opened, text):
    searcher, evaluator = opened
    assert_same(searcher, evaluator, parse_query(text, searcher.schema))


def test_relaxed_and_expanded_queries_agree(opened):
    searcher, evaluator = opened
    relaxed = relax(parse_query("ferry timetable complaints zeppelin", searcher.schema))
    assert_same(searcher, evaluator, relaxed)
    parsed = parse_query("levees OR floods OR rain", searcher.schema)
    top = [docnum for docnum, _ in array_top(evaluator, parsed, ranking.FEEDBACK_ARTICLES)[1]]
    assert_same(searcher, evaluator, ranking.expand(searcher, parsed, top))


@pytest.mark.parametrize("text", ['"port strike"', "stri*", "strike~", '"port strike" date:2024', "stri* -ferry",
                                  "st?ike OR harb*", "headline:ferr*"])
def test_phrases_prefixes_and_fuzzy_words_score_as_whoosh_scores_them(opened, text):
    searcher, evaluator = opened
    parsed = parse_query(text, searcher.schema)
    total, expected = whoosh_top(searcher, parsed, 20)
    found_total, found = array_top(evaluator, parsed, 20)
    assert total > 0
    assert found_total == total
    assert found == [(docnum, pytest.approx(score)) for docnum, score in expected]


def test_only_a_person_asked_for_is_scored_by_their_surname_too(opened):
    searcher, plain = opened
    about = ArrayEvaluator(searcher, combine_fields=False,
                           about=lambda word: word_query(word, searcher.schema, ("headline", "body")))
    # A name or word typed without a field searches the people field too: scored as before.
    for text in ['"Samuel Oduya"', "oduya", "levees OR floods", "oduya date:2024"]:
        parsed = parse_query(text, searcher.schema)
        assert about.evaluate(parsed).scores.tolist() == plain.evaluate(parsed).scores.tolist(), text
    for text in ["people:oduya", 'people:"Samuel Oduya"']:
        parsed = parse_query(text, searcher.schema)
        named, asked = plain.evaluate(parsed), about.evaluate(parsed)
        assert asked.mask.tolist() == named.mask.tolist() and named.total >= 3
        # Every article naming him scored alike, and now by how much of it is about him.
        assert len(set(named.scores[named.mask])) == 1 < len(set(asked.scores[asked.mask])), text


def test_an_and_scores_alike_however_the_index_is_cut_into_segments(tmp_path):
    # An AND reads only the blocks of a word's postings that can hold its other words' articles;
    # the word's IDF must not depend on which those were. The articles, then three copies of
    # those that do not name Eriksen: "said" runs to two blocks, and "eriksen" is in the first.
    shipped = shipped_documents()
    documents = shipped + [dict(document, id=f"{copy}/{document['id']}")
                           for copy in range(3) for document in shipped if "Eriksen" not in document["body"]]
    found = []
    for parts in ([documents], [documents[:70], documents[70:150], documents[150:]]):
        folder = tmp_path / str(len(parts))
        folder.mkdir()
        index = whoosh_index.create_in(str(folder), make_schema())
        for part in parts:
            writer = open_writer(index, **_WRITER_OPTIONS)
            for document in part:
                writer.add_document(**document)
            writer.commit(merge=False)
        with index.searcher(weighting=ranking.weighting()) as searcher:
            assert len(searcher.leaf_searchers()) == len(parts)
            evaluator = ArrayEvaluator(searcher)
            ids = {docnum: fields["id"] for docnum, fields in searcher.reader().iter_docs()}
            found.append({text: {ids[docnum]: round(float(matches.scores[docnum]), 9) for docnum in matches.docnums()}
                          for text in ("eriksen said", "harbour strike", "council port")
                          for matches in [evaluator.evaluate(parse_query(text, searcher.schema))]})
    assert found[0] == found[1] and all(found[0].values())


def test_a_not_inside_an_or_is_left_to_whoosh(opened):
    searcher, evaluator = opened
    parsed = parse_query("date:2024 OR -port", searcher.schema)
    with pytest.raises(Unsupported):
        evaluator.evaluate(parsed)
    # Whoosh finds and scores it; it is counted and ordered as the others are.
    total, expected = whoosh_top(searcher, parsed, 20)
    matches = evaluator.whoosh_matches(parsed)
    assert matches.total == total > 0
    assert evaluator.top(matches, 20) == [(docnum, pytest.approx(score)) for docnum, score in expected]


def test_date_order_puts_undated_articles_last_and_ties_put_the_newer_first(tmp_path):
    schema = make_schema()
    index = whoosh_index.create_in(str(tmp_path), schema)
    with index.writer() as writer:
        for number, when in enumerate([datetime(2020, 5, 1), None, datetime(2019, 1, 2), datetime(2021, 3, 3)]):
            fields = {"id": f"a{number}", "path": f"a{number}.txt", "body": "harbour news"}
            if when:
                fields["date"] = when
            writer.add_document(**fields)
    with index.searcher(weighting=ranking.weighting()) as searcher:
        evaluator = ArrayEvaluator(searcher)
        matches = evaluator.evaluate(parse_query("harbour", schema))
        ids_of = lambda top: [searcher.stored_fields(d)["id"] for d, _ in top]  # noqa: E731
        ids = lambda sort: ids_of(evaluator.top(matches, 10, sort))  # noqa: E731
        assert ids("date") == ["a2", "a0", "a3", "a1"]
        assert ids("-date") == ["a3", "a0", "a2", "a1"]
        assert evaluator.years_and_months(matches.docnums())[0].tolist() == [2020, 2019, 2021]
        # The same text scores the same: the newer article first, the undated one after the dated.
        assert ids("relevance") == ["a3", "a0", "a2", "a1"]
        # Queries left to Whoosh's matchers are ordered the same way.
        phrase = evaluator.whoosh_matches(parse_query('"harbour news"', schema))
        assert phrase.total == 4
        assert ids_of(evaluator.top(phrase, 10)) == ["a3", "a0", "a2", "a1"]
        assert ids_of(evaluator.top(phrase, 10, "date")) == ["a2", "a0", "a3", "a1"]


def test_segments_with_deleted_articles(tmp_path):
    """An incrementally updated index has several segments and deleted articles in old ones."""
    schema = make_schema()
    index = whoosh_index.create_in(str(tmp_path), schema)
    words = ["harbour ferry", "ferry strike", "strike vote harbour", "budget vote", "ferry ferry harbour"]
    writer = index.writer()
    for number, text in enumerate(words):
        writer.add_document(id=f"a{number}", path=f"a{number}.txt", body=text, people="Adaeze Okafor",
                            person="Adaeze Okafor", date=datetime(2020, 1, number + 1))
    writer.commit(merge=False)
    writer = index.writer()
    writer.delete_by_term("id", "a0")
    writer.update_document(id="a2", path="a2.txt", body="strike over, harbour calm", date=datetime(2021, 1, 1))
    writer.add_document(id="a9", path="a9.txt", body="harbour budget", person="Kofi Mensah")
    writer.commit(merge=False)
    with index.searcher(weighting=ranking.weighting()) as searcher:
        assert len(searcher.leaf_searchers()) == 2
        evaluator = ArrayEvaluator(searcher, combine_fields=False)
        for text in ("harbour", "ferry OR budget", "harbour -strike", "NOT ferry", "date:2020"):
            assert_same(searcher, evaluator, parse_query(text, schema))
        everything = evaluator.evaluate(parse_query("harbour OR ferry OR budget OR strike", schema))
        assert dict(evaluator.people_counts(everything.docnums(), 5)) == {"Adaeze Okafor": 3, "Kofi Mensah": 1}
        old, new = searcher.document_number(id="a4"), searcher.document_number(id="a2")
        assert evaluator.spans([new, old], "body", {"harbour", "ferri"}) == {
            old: [(0, 5, "ferri"), (6, 11, "ferri"), (12, 19, "harbour")], new: [(13, 20, "harbour")]}


WORDS = ["harbour", "strike", "port", "ferry", "budget", "okafor", "levees", "floods", "teachers", "rates",
         "council", "minister", "zeppelin", "the", "people:okafor", "headline:budget", "people:raman"]
FILTERS = ["date:2023", "date:>2023-06-01", "date:[2022-03-01 to 2024-05-14]", "before:2024", "date:<=2022-09"]


def clauses():
    word = st.sampled_from(WORDS)
    group = st.lists(word, min_size=1, max_size=3).map(lambda ws: "(" + " OR ".join(ws) + ")")
    negated = word.map(lambda w: f"-{w}") | word.map(lambda w: f"NOT {w}")
    return st.one_of(word, word, group, negated, st.sampled_from(FILTERS))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(clauses(), min_size=1, max_size=4), st.sampled_from([" ", " AND ", " OR "]))
def test_any_mix_of_words_operators_and_dates_agrees_with_whoosh(opened, parts, joint):
    searcher, evaluator = opened
    try:
        parsed = parse_query(joint.join(parts), searcher.schema)
    except QueryError:
        return
    try:
        evaluator.evaluate(parsed)
    except Unsupported:
        return
    assert_same(searcher, evaluator, parsed, count=42)


def test_the_order_of_a_query_s_clauses_does_not_change_the_ranking(opened):
    # Sums of the same scores in another order differ in their last bits; ties must stay ties.
    searcher, evaluator = opened
    parts = ["date:2023", "date:[2022-03-01 to 2024-05-14]", "minister", "date:<=2022-09"]
    orders = {tuple(docnum for docnum, _ in array_top(evaluator, parse_query(" OR ".join(chosen), searcher.schema),
                                                      42)[1])
              for chosen in itertools.permutations(parts)}
    assert len(orders) == 1


@pytest.mark.parametrize("text", ["harbour strike", "okafor OR levees", "budget date:2024", '"port strike"'])
def test_stored_character_positions_are_where_the_words_are(opened, corpus_index, text):
    searcher, evaluator = opened
    with Searcher(corpus_index) as ours:
        terms, _ = ours._highlight_terms(parse_query(text, searcher.schema))
    hits = [hit.docnum for hit in searcher.search(parse_query(text, searcher.schema), limit=10)]
    assert hits and terms
    spans = evaluator.spans(hits, "body", terms)
    for docnum in hits:
        assert spans[docnum] == find_matches(searcher.stored_fields(docnum)["body"], terms)


def test_the_words_a_fuzzy_or_prefix_word_stands_for_are_scored_as_variants_of_it(tmp_path):
    # A rare near word ("den") outscored the word typed ("yen") with its own, higher IDF; with
    # variants blended the word typed and the common forms come first.
    schema = make_schema()
    index = whoosh_index.create_in(str(tmp_path), schema)
    bodies = ["yen rises"] * 6 + ["den of thieves"] + ["strike at the port"] * 6 \
        + ["harbour strides ahead"] + ["budget news"] * 6
    with index.writer() as writer:
        for number, body in enumerate(bodies):
            writer.add_document(id=f"a{number}", path=f"a{number}.txt", body=body)
    with index.searcher(weighting=ranking.weighting()) as searcher:
        def first(evaluator, text):
            matches = evaluator.evaluate(parse_query(text, schema))
            return searcher.stored_fields(evaluator.top(matches, 1)[0][0])["body"]

        whoosh_way, blended = ArrayEvaluator(searcher), ArrayEvaluator(searcher, blend_variants=True)
        assert first(whoosh_way, "yen~") == "den of thieves"
        assert first(blended, "yen~").startswith("yen")
        assert first(whoosh_way, "stri*") == "harbour strides ahead"
        assert first(blended, "stri*") == "strike at the port"
        # No word typed as such: the near words keep their own IDF, the rarer first as before.
        assert first(blended, "zen~") == "den of thieves"
        for text in ("yen~", "stri*"):
            parsed = parse_query(text, schema)
            assert blended.evaluate(parsed).total == whoosh_way.evaluate(parsed).total
