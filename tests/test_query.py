import threading

import pytest
from whoosh import query as wq

from indexer.schema import make_schema
from search.query import QueryError, parse_query, prepare, relax

SCHEMA = make_schema()


def parse(text: str) -> wq.Query:
    return parse_query(text, SCHEMA)


def test_words_must_all_match_and_are_stemmed():
    query = parse("ministers discussed")
    assert isinstance(query, wq.And)
    assert ("body", "minist") in set(query.iter_all_terms())


def test_people_field_folds_spelling_variants():
    assert parse('people:"Sergey Lavrov"') == parse('people:"Sergei Lavrov"')
    assert set(parse("people:lavrov").iter_all_terms()) == {("people", "lavrov")}


@pytest.mark.parametrize("text, kind", [
    ('"exact phrase"', wq.Phrase), ('"near words"~5', wq.Phrase), ("presid*", wq.Prefix),
    ("ecomony~", wq.FuzzyTerm), ("ecomony~2", wq.FuzzyTerm), ("a OR b", wq.Or),
])
def test_operators(text, kind):
    query = parse(text)
    nodes = [query, *query.children()] + [g for c in query.children() for g in c.children()]
    assert any(isinstance(node, kind) for node in nodes)


def test_proximity_sets_slop():
    phrase = next(n for n in parse('"near words"~5').children() if isinstance(n, wq.Phrase))
    assert phrase.slop == 5


def test_minus_and_not_exclude():
    for text in ("harbour -strike", "harbour NOT strike", 'harbour -"general strike"'):
        assert any(isinstance(child, wq.Not) for child in parse(text).children())


def test_field_aliases():
    assert set(parse("path:herald").iter_all_terms()) == {("source", "herald")}
    # The names people type for the fields: "person:" was the stored facet field, and found nothing.
    assert parse("title:ferry") == parse("headline:ferry")
    assert parse("person:okafor") == parse("people:okafor")
    assert parse('author:"clara jennings"') == parse('authors:"clara jennings"')
    assert set(parse("source:herald").iter_all_terms()) == {("source", "herald")}
    # A paper's name in any case: the words of source, not the facet's exact form.
    assert parse('publication:"Valley Courier"') == parse('source:"valley courier"')


def test_a_space_after_a_field_colon_still_names_the_field():
    assert parse("people: lavrov") == parse("people:lavrov")
    assert parse('headline: "general strike"') == parse('headline:"general strike"')
    assert parse("before: 2017") == parse("before:2017")
    # And a space around a date comparison: "date:> 2017" was the word "date" and 2017.
    assert parse("date:> 2017") == parse("date: >2017") == parse("date:>2017")
    assert parse('date:<= "march 2017"') == parse('date:<="march 2017"')


def test_a_lone_minus_is_not_an_operator():
    assert parse("levees -") == parse("levees")
    # Only the query language's fields: "note: the levees" is two words, and quotes keep theirs.
    assert parse("note: levees") == parse("note levees")
    assert parse('"people: lavrov"') == parse('"people lavrov"')


def test_before_and_after_become_date_ranges():
    assert parse("before:2017") == parse("date:<2017")
    assert parse("after:2016-12-31") == parse("date:>2016-12-31")


def test_dates_as_people_type_them():
    # Months and days without their leading zero, and ranges with two dots.
    assert parse("date:2023-8") == parse("date:2023-08")
    assert parse("levees date:2023-8-7") == parse("levees date:2023-08-07")
    assert parse("date:[2023-8 to 2023-9-1]") == parse("date:[2023-08 to 2023-09-01]")
    assert parse("after:2023-8") == parse("date:>2023-08")
    assert parse("date:2023-01..2023-3") == parse("date:[2023-01 to 2023-03]")
    assert parse("date:2024..") == parse("date:[2024 to]")
    assert parse("date:..2022-6") == parse("date:[to 2022-06]")
    # Comparisons with dates in words, in quotes.
    assert parse('after:"1 March 2024"') == parse("date:>2024-03-01")
    assert parse('before:"March 2024"') == parse("date:<2024-03")
    assert parse('date:<="feb 2024"') == parse("date:<=2024-02")
    # Only in dates: a word that looks like one is searched as typed.
    assert parse("ferry 2023-8") != parse("ferry 2023-08")


@pytest.mark.parametrize("text, message", [
    ("", "empty"), ("   ", "empty"), ("\x00\x07", "empty"),
    ('"unbalanced', "unbalanced quote"), ("(a OR b", "unbalanced parenthesis"), ("a)", "closes nothing"),
    ("AND", "needs words"), ("NOT", "needs words"), ("x AND", "needs a word after"), ("OR x", "needs a word before"),
    ("colour:red", "unknown field"), ("date:2017-13-45", "not a date"), ("date:[2018 to 2017]", "backwards"),
    ("date:[2017-01-01 to 2017-02-30]", "not a date: '2017-02-30'"), ("date:[2017-13 to 2018]", "not a date"),
    ("date:[to 2017-02-29]", "not a date"), ("date:[2017-01-01 to 2017-02-31T10:00]", "not a date"),
    ("date:[2017-03 to 2017-02-06]", "backwards"),
    ("date:[garbage to 2023]", "not a date: 'garbage'"), ("date:[2020 to soon]", "not a date: 'soon'"),
    ("date:>garbage", "not a date: 'garbage'"), ("flood date:<=nope", "not a date: 'nope'"),
    ("date:..", "not a date"), ("date:2023-13..2024", "not a date"), ('after:"soonish"', "not a date: 'soonish'"),
    ("people:", "'people:' needs a word after it"), ("(flood headline:)", "needs a word after it"),
    ("flood date:>", "'date:>' needs a date after it"), ("after:", "needs a date after it"),
    ("date:[2017-01-01 to 2017-02-01", "the '\\[' at position 6 is never closed"),
    ("*", "every article"), ("a*", "almost every word"), ("x" * 3000, "too long"), ("word~3", "at most 2"),
])
def test_malformed_queries_explain_themselves(text, message):
    with pytest.raises(QueryError, match=message):
        parse(text)


def test_date_words_whoosh_reads_are_kept():
    for text in ("date:[yesterday to today]", "date:>yesterday", "date:[march 2017 to 2018]"):
        assert any(isinstance(node, wq.DateRange) for node in parse(text).leaves()), text


def test_error_positions():
    with pytest.raises(QueryError) as caught:
        parse('harbour "strike')
    assert caught.value.position == 8


def test_control_characters_are_removed():
    assert prepare("har\x1b[31mbour\x07") == "har [31mbour"


def test_relax_keeps_filters_required():
    relaxed = relax(parse("harbour zebra date:2022"))
    assert isinstance(relaxed, wq.And)
    assert any(isinstance(child, wq.DateRange) for child in relaxed.children())
    assert any(isinstance(child, wq.Or) and len(list(child.children())) == 2 for child in relaxed.children())
    assert relax(parse("harbour")) is None


def test_stop_words_never_become_required_terms():
    query = parse("ships from the harbour")
    assert all(field != "people" or text not in ("from", "the") for field, text in query.iter_all_terms())
    assert len(list(query.children())) == 2


def test_queries_parsed_in_several_threads_keep_their_own_errors():
    schema = make_schema()
    errors: list[str] = []

    def parse_many(text: str) -> None:
        for _ in range(200):
            try:
                parse_query(text, schema)
            except QueryError as error:
                errors.append(str(error))

    threads = [threading.Thread(target=parse_many, args=(text,))
               for text in ("date:2017-13-45", "harbour date:2017", "ferry OR port")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(errors) == 200 and all("2017-13-45" in error for error in errors)
