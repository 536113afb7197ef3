import search
from indexer import build_index
from indexer.aliases import PeopleTable, changed_names
from tests.conftest import article_text, write


def test_most_used_spelling_wins_and_surnames_resolve():
    table = PeopleTable.build(["Evgeny Aleksandrov", "Evgeny Aleksandrov", "Yevgeny Alexandrov", "Helen Ashworth"])
    assert table.canonical("Yevgeny Alexandrov") == "Evgeny Aleksandrov"
    assert table.canonical("Ashworth") == "Helen Ashworth"
    assert table.canonical("Nobody") == "Nobody"
    assert table.canonical_list(["Ashworth", "Helen Ashworth", "Yevgeny Alexandrov"]) == \
        ["Helen Ashworth", "Evgeny Aleksandrov"]


def test_a_middle_initial_is_the_same_person_and_leaves_the_surname_unambiguous():
    table = PeopleTable.build(["Rafael Moreno", "Rafael Moreno", "Rafael J. Moreno"])
    assert table.canonical("Rafael J. Moreno") == "Rafael Moreno"
    assert table.canonical("Moreno") == "Rafael Moreno"


def test_ambiguous_surnames_stay_as_written():
    table = PeopleTable.build(["Lukas Brandt", "Nicholas Brandt"])
    assert table.canonical("Brandt") == "Brandt"


def test_a_surname_is_the_full_name_the_corpus_uses_far_more_than_any_other():
    table = PeopleTable.build(["Ronald Reagan"] * 24 + ["Nancy Reagan"] + ["James Baker"] * 4 + ["Howard Baker"])
    assert table.canonical("Reagan") == "Ronald Reagan"  # 24 to 1
    assert table.canonical("Baker") == "Baker"  # 4 to 1 is not far enough
    assert table.canonical("Nancy Reagan") == "Nancy Reagan"


def test_names_the_corpus_uses_as_places_are_not_people():
    table = PeopleTable.build(["Port Alder", "Adaeze Okafor"], places=["Port Alder", "Port Alder"])
    assert table.canonical_list(["Port Alder", "Adaeze Okafor"]) == ["Adaeze Okafor"]


def test_changed_names():
    before = PeopleTable.build(["Ashworth"])
    after = PeopleTable.build(["Ashworth", "Helen Ashworth"])
    assert changed_names(before, after, ["Ashworth", "Helen Ashworth"]) == {"Ashworth"}


def indexed(tmp_path, *bodies: str):
    """A corpus of one article per body (a day apart), indexed; returns (corpus, index folder)."""
    corpus, index_dir = tmp_path / "c", tmp_path / "i"
    for day, body in enumerate(bodies, 1):
        write(corpus, f"a{day}.txt", article_text(f"Story {day}", f"June {day}, 2023", body))
    build_index(corpus, index_dir)
    return corpus, index_dir


def test_people_queries_and_facets_across_the_corpus(tmp_path):
    corpus, index_dir = indexed(tmp_path, "Foreign Minister Yevgeny Alexandrov arrived on Tuesday.",
                                "Foreign Minister Evgeny Aleksandrov signed the deal, officials said.",
                                "Evgeny Aleksandrov praised the port. Later, Aleksandrov left.",
                                "Ashworth said patrols would double.")
    for query in ('people:"Yevgeny Alexandrov"', 'people:"Evgeny Aleksandrov"', "people:alexandrov", "Alexandrov"):
        assert search.search(query, index_dir).total == 3, query
    results = search.search("people:aleksandrov", index_dir, facets=True)
    assert results.facets.people == [("Evgeny Aleksandrov", 3)]
    assert all(hit.people == ["Evgeny Aleksandrov"] for hit in results.hits)
    # A later article gives the full name: the earlier bare surname is re-indexed under it.
    write(corpus, "e.txt", article_text("Commissioner retires", "July 1, 2023",
                                        "Police Commissioner Helen Ashworth said she would retire."))
    report = build_index(corpus, index_dir)
    assert report.added == 1 and report.updated == 1
    assert search.search('people:"Helen Ashworth"', index_dir).total == 2


def test_people_queries_find_a_name_with_or_without_its_middle_initial(tmp_path):
    _, index_dir = indexed(tmp_path, "Opposition leader Rafael J. Moreno said the talks had failed.",
                           "Rafael Moreno said on Tuesday that the talks would resume.")
    for query in ('people:"Rafael Moreno"', 'people:"Rafael J. Moreno"', "people:moreno"):
        results = search.search(query, index_dir, facets=True)
        assert results.total == 2, query
        assert len(results.facets.people) == 1, query


def test_a_name_the_corpus_shows_to_be_a_company_is_no_ones_elsewhere(tmp_path):
    _, index_dir = indexed(tmp_path, "The bonds were sold by Halvard Brink and Co Inc, the bank said.",
                           "Halvard Brink said demand was strong, according to trader Mona Estrada.")
    results = search.search("demand OR bonds", index_dir, facets=True)
    assert results.total == 2
    assert results.facets.people == [("Mona Estrada", 1)]
