from datetime import datetime

import pytest

import search
from indexer import build_index
from search import QueryError
from search import searcher as searcher_module
from search.searcher import IndexDamaged, IndexNotFound, Searcher
from tests.conftest import article_text, write


@pytest.fixture(scope="module")
def dated_index(tmp_path_factory):
    """Articles on the edges of days, months, years and a leap day, and one with no date."""
    corpus = tmp_path_factory.mktemp("dated")
    stamps = {
        "y2016-end": "2016-12-31T23:59:59", "y2017-start": "2017-01-01T00:00:00",
        "feb-first": "2017-02-01T00:00:00", "feb-last": "2017-02-28T23:59:59",
        "mar-first": "2017-03-01T00:00:00", "leap": "2016-02-29T12:00:00",
    }
    for name, stamp in stamps.items():
        write(corpus, f"{name}.txt", article_text(f"Harbour story {name}", stamp, f"The harbour report {name}."))
    write(corpus, "undated.txt", "Harbour story undated\n\nThe harbour report without a date.\n")
    index_dir = tmp_path_factory.mktemp("dated-index")
    build_index(corpus, index_dir)
    return index_dir


def ids(results) -> set[str]:
    return {hit.id.removesuffix(".txt") for hit in results.hits}


@pytest.mark.parametrize("query, expected", [
    ("date:2017", {"y2017-start", "feb-first", "feb-last", "mar-first"}),
    ("date:2016", {"y2016-end", "leap"}),
    ("date:2017-02", {"feb-first", "feb-last"}),
    ("date:2016-02-29", {"leap"}),
    ("date:2016-12-31", {"y2016-end"}),
    ("date:[2017-01-01 to 2017-02-28]", {"y2017-start", "feb-first", "feb-last"}),
    ("date:[2017-02-01 to 2017-03-01]", {"feb-first", "feb-last", "mar-first"}),
    ("date:[2017-01-31 to 2017-02]", {"feb-first", "feb-last"}),
    ("date:[to 2016-12-31]", {"y2016-end", "leap"}),
    ("date:>2017-02-01", {"feb-last", "mar-first"}),
    ("date:>=2017-02-01", {"feb-first", "feb-last", "mar-first"}),
    ("date:<=2016-02-29", {"leap"}),
    ("date:>2016-12", {"y2017-start", "feb-first", "feb-last", "mar-first"}),
    ("date:<2017", {"y2016-end", "leap"}),
    ("before:2017-02", {"y2016-end", "leap", "y2017-start"}),
    ("after:2017-02-28", {"mar-first"}),
])
def test_date_filters_are_inclusive_and_exact(dated_index, query, expected):
    results = search.search(f"harbour {query}", dated_index, limit=50)
    assert ids(results) == expected


def test_undated_articles_match_words_but_no_date_filter(dated_index):
    assert "undated" in ids(search.search("harbour", dated_index, limit=50))


def test_sort_by_date(dated_index):
    newest = search.search("harbour", dated_index, limit=3, sort="-date")
    assert [h.date for h in newest.hits] == sorted([h.date for h in newest.hits], reverse=True)
    assert newest.hits[0].date == datetime(2017, 3, 1)
    oldest = search.search("harbour date:2016", dated_index, sort="date")
    assert oldest.hits[0].id == "leap.txt"


def test_paging(dated_index):
    first = search.search("harbour", dated_index, limit=3, page=1)
    third = search.search("harbour", dated_index, limit=3, page=3)
    assert first.total == 7 and first.pages == 3 and len(third.hits) == 1
    assert not {h.id for h in first.hits} & {h.id for h in third.hits}


def test_seed_article_is_found_by_lavrov(seed_file, tmp_path):
    write(tmp_path / "corpus", seed_file.name, seed_file.read_bytes())
    build_index(tmp_path / "corpus", tmp_path / "index")
    results = search.search("Lavrov", tmp_path / "index")
    hit = results.hits[0]
    assert hit.headline == "Liberman discusses Syria with Russian counterpart"
    assert hit.date.date() == datetime(2017, 2, 6).date()
    assert any(hit.snippet[a:b] == "Lavrov" for a, b in hit.highlights)
    for query in ('people:"Sergey Lavrov"', 'people:"Sergei Lavrov"', "people:lavrov", "Sergey"):
        assert search.search(query, tmp_path / "index").total == 1, query
    sergei = search.search('people:"Sergei Lavrov"', tmp_path / "index").hits[0]
    assert {sergei.snippet[a:b] for a, b in sergei.highlights} >= {"Sergey", "Lavrov"}  # as the article spells it


def test_people_search_finds_every_spelling(corpus_index):
    yevgeny = search.search('people:"Yevgeny Alexandrov"', corpus_index)
    evgeny = search.search('people:"Evgeny Aleksandrov"', corpus_index)
    assert {h.id for h in yevgeny.hits} == {h.id for h in evgeny.hits}
    assert len(yevgeny.hits) == 3
    muhammad = search.search("people:al-Rashid", corpus_index)
    assert muhammad.total == 4


def test_a_person_asked_for_ranks_the_articles_about_them_first(tmp_path):
    corpus = tmp_path / "corpus"
    # Newest first is how articles scoring alike are listed: the passing mention is the newest.
    write(corpus, "about.txt", article_text(
        "Mayor Ingrid Solberg defends the harbour budget", "2024-03-01T09:00:00",
        "Mayor Ingrid Solberg said on Monday that the harbour budget would stand. Solberg told the council "
        "the dredging could not wait. Asked about the cost, Solberg said the port would pay half."))
    write(corpus, "quoted.txt", article_text(
        "Ferry fares rise again", "2024-04-01T09:00:00",
        "Ferry fares rose by a tenth on Monday. Ingrid Solberg, the mayor, said the rise was too steep, "
        "and Solberg asked the operator to explain it to the council."))
    write(corpus, "aside.txt", article_text(
        "Council opens the new library", "2024-05-01T09:00:00",
        "The new library opened on Saturday with readings for children. The building was paid for in the "
        "budget that Ingrid Solberg passed last year, and the shelves were filled by volunteers."))
    build_index(corpus, tmp_path / "index")
    for query in ("people:solberg", 'people:"Ingrid Solberg"'):
        ranked = [hit.id.removesuffix(".txt") for hit in search.search(query, tmp_path / "index").hits]
        assert ranked == ["about", "quoted", "aside"], query
    # A filter alone still lists the newest first.
    dated = search.search("date:2024", tmp_path / "index")
    assert [hit.id for hit in dated.hits] == ["aside.txt", "quoted.txt", "about.txt"]


def test_relaxed_fallback(corpus_index):
    strict = search.search("levees zeppelin", corpus_index)
    assert strict.relaxed and strict.total > 0
    assert not search.search("levees Millbrook", corpus_index).relaxed


def test_headline_match_ranks_first(corpus_index):
    results = search.search("ferry fares", corpus_index)
    assert results.hits[0].headline.startswith("Ferry fares to rise")


def test_suggestion_for_misspelt_words(corpus_index):
    results = search.search("ecomony", corpus_index)
    assert results.total == 0 and results.suggestion == "economy"
    assert search.search("economy", corpus_index).suggestion is None


def test_autocorrect_searches_the_did_you_mean_when_the_query_found_nothing(corpus_index):
    with Searcher(corpus_index) as searcher:
        corrected = searcher.search("ecomony", autocorrect=True)
        assert (corrected.query, corrected.corrected_from) == ("economy", "ecomony")
        assert corrected.total == searcher.search("economy").total > 0
        # Only words found: a relaxed search gives way too ("prime" alone against both words).
        assert searcher.search("prime minster", autocorrect=True).corrected_from == "prime minster"
        # Nothing to correct, or a correction that finds no more: the query stands.
        assert searcher.search("levees", autocorrect=True).corrected_from is None
        assert searcher.search("zzzqqq", autocorrect=True).corrected_from is None
        assert search.search("ecomony", corpus_index).to_dict()["corrected_from"] is None  # only when asked


def test_facets_cover_the_whole_result_set(corpus_index):
    results = search.search("Okafor", corpus_index, limit=2, facets=True)
    assert results.total > 10
    facets = results.facets
    assert dict(facets.people)["Adaeze Okafor"] == results.total
    assert sum(count for _, count in facets.years) == results.total
    assert sum(count for _, count in facets.months) == results.total
    assert {year for year, _ in facets.years} >= {2022, 2023, 2024}
    # Per site: the corpus's top folders, each article counted once.
    assert sum(count for _, count in facets.sources) == results.total
    hits = search.search("Okafor", corpus_index, limit=results.total).hits
    sites = [hit.id.split("/")[0] for hit in hits]
    assert facets.sources == sorted(((site, sites.count(site)) for site in set(sites)), key=lambda s: (-s[1], s[0]))


def test_every_hit_joins_every_page(corpus_index, monkeypatch):
    monkeypatch.setattr(searcher_module, "MAX_LIMIT", 4)  # pages of four, to join several
    with Searcher(corpus_index) as searcher:
        ranked = [hit.id for page in range(1, 10) for hit in searcher.search("Okafor", limit=4, page=page).hits]
        every = searcher.every_hit("Okafor")
    assert [hit.id for hit in every.hits] == ranked and len(ranked) > 8
    assert every.pages == 1 and [hit.rank for hit in every.hits] == list(range(1, len(ranked) + 1))


def test_publications_are_counted_under_one_spelling_each(corpus_index):
    results = search.search("courier OR herald OR frost OR ferry", corpus_index, facets=True)
    publications = dict(results.facets.publications)
    # LexisNexis writes "Valley Courier", Nexis Uni "The Valley Courier": one paper, under the
    # spelling most of its articles use.
    assert "The Valley Courier" not in publications and publications["Valley Courier"] == 3
    assert publications["The Harbour Herald (Weekend Edition)"] == 1
    assert results.to_dict()["facets"]["publications"] == [list(item) for item in results.facets.publications]


def test_facets_of_a_relaxed_query_count_what_the_search_shows(corpus_index):
    with Searcher(corpus_index) as searcher:
        results = searcher.search("Okafor zzzqqq", facets=True)
        assert results.relaxed and results.total > 10
        facets = searcher.facets("Okafor zzzqqq")
        assert facets == results.facets
        assert dict(facets.people)["Adaeze Okafor"] == results.total
        assert searcher.facets("people:okafor date:1900").people == []  # filters are not relaxed


def test_similar_articles(corpus_index):
    with Searcher(corpus_index) as searcher:
        origin = searcher.search("Mensah-Adjei title", limit=1).hits[0]
        similar = searcher.similar(origin.id, limit=3)
        assert origin.id not in {h.id for h in similar.hits}
        assert any("Port Alder FC" in h.headline or "Mensah-Adjei" in h.headline for h in similar.hits)
        # The articles and scores of Whoosh's own more_like, on the same key words.
        whoosh = searcher._searcher
        docnum = whoosh.document_number(id=origin.id)
        stored = whoosh.stored_fields(docnum)
        found = whoosh.more_like(docnum, "body", text=f"{stored['headline']} {stored['body']}", top=3, numterms=25)
        assert [(h.id, h.score) for h in similar.hits] == [(hit["id"], pytest.approx(hit.score)) for hit in found]
        with pytest.raises(QueryError):
            searcher.similar("no/such/file.txt")


def test_bad_arguments(corpus_index):
    for kwargs in ({"limit": 0}, {"page": 0}, {"sort": "random"}):
        with pytest.raises(ValueError):
            search.search("harbour", corpus_index, **kwargs)


def test_missing_and_damaged_index(tmp_path, corpus_of_one):
    with pytest.raises(IndexNotFound, match="no index"):
        Searcher(tmp_path / "nothing")
    generation = corpus_of_one
    for segment in generation.glob("MAIN_*"):
        segment.write_bytes(segment.read_bytes()[:100])
    for toc in generation.glob("*.toc"):
        toc.write_bytes(toc.read_bytes()[:50])
    with pytest.raises(IndexDamaged, match="rebuild"):
        Searcher(generation.parent).search("harbour")


def test_an_index_of_another_version_asks_for_a_rebuild(tmp_path, corpus_of_one, monkeypatch):
    def unreadable_schema(folder):
        raise AttributeError("Can't get attribute 'FoldFilter' on <module 'indexer.schema'>")
    monkeypatch.setattr(searcher_module.whoosh_index, "open_dir", unreadable_schema)
    with pytest.raises(IndexDamaged, match="another version.*--rebuild"):
        Searcher(corpus_of_one.parent)


@pytest.fixture
def corpus_of_one(tmp_path):
    write(tmp_path / "c", "a.txt", article_text("Harbour", "May 1, 2020", "Harbour body."))
    build_index(tmp_path / "c", tmp_path / "ix")
    from indexer import store

    return store.current_generation(tmp_path / "ix")


def test_reader_sees_a_finished_build_on_the_next_query(tmp_path):
    corpus, index_dir = tmp_path / "c", tmp_path / "ix"
    write(corpus, "a.txt", article_text("Harbour one", "May 1, 2020", "First harbour story."))
    build_index(corpus, index_dir)
    with Searcher(index_dir) as searcher:
        assert searcher.search("harbour").total == 1
        write(corpus, "b.txt", article_text("Harbour two", "May 2, 2020", "Second harbour story."))
        build_index(corpus, index_dir)
        assert searcher.search("harbour").total == 2
        build_index(corpus, index_dir, rebuild=True)
        assert searcher.search("harbour").total == 2


def test_an_index_of_no_articles_answers_every_kind_of_query(tmp_path):
    write(tmp_path / "corpus", "picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    build_index(tmp_path / "corpus", tmp_path / "index")
    with Searcher(tmp_path / "index") as searcher:
        for query in ("harbour", "harbour OR ferry OR port", "date:2020", "NOT ferry", "ha*", '"ferry fares"'):
            for sort in ("relevance", "-date"):
                results = searcher.search(query, sort=sort, facets=True)
                assert (results.total, results.hits, results.facets.people, results.facets.years) == (0, [], [], [])
        stats = searcher.stats()
        assert (stats["articles"], stats["oldest"], stats["newest"], stats["undated"]) == (0, None, None, 0)


def test_stats_give_the_span_of_dates_and_the_undated(tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus, "a.txt", article_text("First", "March 3, 2021 10:15", "Body one."))
    write(corpus, "b.txt", article_text("Second", "June 9, 2022", "Body two."))
    write(corpus, "c.json", '{"headline": "Third", "body": "No date on this one."}')
    build_index(corpus, tmp_path / "index")
    with Searcher(tmp_path / "index") as searcher:
        stats = searcher.stats()
        assert (stats["oldest"], stats["newest"], stats["undated"]) == \
            (datetime(2021, 3, 3, 10, 15), datetime(2022, 6, 9), 1)


def test_a_phrase_marks_its_matches_not_its_words_alone(tmp_path):
    corpus = tmp_path / "c"
    write(corpus, "a.txt", article_text("Rates note", "May 1, 1987", "The inflation rate fell. Interest rates rose "
                                        "sharply, and the port strike ended. A port workers' strike is next; a "
                                        "strike at the port..."))
    build_index(corpus, tmp_path / "i")

    def marked(query: str) -> list[str]:
        hit = search.search(query, tmp_path / "i").hits[0]
        return [hit.snippet[a:b] for a, b in hit.highlights]

    assert marked('"interest rates"') == ["Interest", "rates"]
    assert marked('"interest rates" rate') == ["rate", "Interest", "rates"]  # "rate" asked for on its own too
    assert marked('"port strike"') == ["port", "strike"]
    # Within three words, in order: "port workers' strike", not "strike at the port".
    assert marked('"port strike"~3') == ["port", "strike", "port", "strike"]
    # The whole article (the shell's :open) is marked as its snippet is.
    with Searcher(tmp_path / "i") as searcher:
        body = searcher.article("a.txt")["body"]
        assert [body[a:b] for a, b in searcher.body_highlights("a.txt", '"interest rates"')] == ["Interest", "rates"]
        assert searcher.body_highlights("a.txt", '"unclosed') == searcher.body_highlights("nope.txt", "rate") == []


WIRE_STORY = ("Ferry workers called off a strike planned for Thursday after the operator improved its pay offer "
              "to six percent over two years, the union's organiser Siobhan O'Connell said on Tuesday. Members "
              "will vote on the offer next week. The walkout would have cut Gull Island off from the mainland "
              "for three days, and the island's school and clinic had made plans to close.")


def test_copies_of_a_story_are_one_hit_and_keep_their_text(tmp_path):
    corpus = tmp_path / "corpus"
    # The wire story in three papers (one sent again with its date changed), and other news.
    for paper in ("herald", "courier", "times"):
        write(corpus, f"{paper}/strike.txt", article_text("Ferry strike called off", "March 4, 2025", WIRE_STORY))
    for number in range(6):
        write(corpus, f"herald/other{number}.txt", article_text(
            f"Ferry timetable change {number}", "March 5, 2025",
            f"The ferry timetable changes on route {number} from Monday, with an extra sailing each morning "
            f"and a later one each night, the operator said in a statement to passengers on route {number}."))
    build_index(corpus, tmp_path / "index")
    with Searcher(tmp_path / "index") as searcher:
        results = searcher.search("ferry strike")
        (hit,) = results.hits
        assert sorted([hit.id, *hit.copies]) == ["courier/strike.txt", "herald/strike.txt", "times/strike.txt"]
        assert results.total == 3 and results.folded == 2 and results.pages == 1
        # The repeated-line rule did not take the copies' text for boilerplate.
        assert all(searcher.article(copy)["body"] == WIRE_STORY for copy in [hit.id, *hit.copies])
        every = searcher.search("ferry strike", collapse=False)
        assert len(every.hits) == 3 and not any(h.copies for h in every.hits) and every.folded == 0
        # The story counts once for its people and its month, and for each paper that ran it.
        facets = searcher.facets("strike")
        assert dict(facets.people)["Siobhan O'Connell"] == 1 and dict(facets.months)["2025-03"] == 1
        assert sorted(facets.sources) == [("courier", 1), ("herald", 1), ("times", 1)]
        assert dict(searcher.facets("strike", collapse=False).people)["Siobhan O'Connell"] == 3
        # Pages count articles as listed: seven stories, two to a page.
        paged = searcher.search("ferry", limit=2, page=4)
        assert paged.pages == 4 and len(paged.hits) == 1 and paged.folded == 2


def test_a_story_s_copies_are_shown_as_the_paper_that_ran_it_first(tmp_path):
    corpus = tmp_path / "corpus"
    for paper, day in (("courier", "March 8, 2025"), ("herald", "March 4, 2025"), ("times", "March 6, 2025")):
        write(corpus, f"{paper}/strike.txt", article_text("Ferry strike called off", day, WIRE_STORY))
    build_index(corpus, tmp_path / "index")
    with Searcher(tmp_path / "index") as searcher:
        (hit,) = searcher.search("ferry strike").hits
        assert hit.id == "herald/strike.txt" and sorted(hit.copies) == ["courier/strike.txt", "times/strike.txt"]
        # Sorted by date, the story is listed as the first copy in that order.
        assert searcher.search("ferry strike", sort="-date").hits[0].id == "courier/strike.txt"
        assert searcher.search("ferry strike", sort="date").hits[0].id == "herald/strike.txt"


def test_more_like_an_article_leaves_out_its_copies(tmp_path):
    corpus = tmp_path / "corpus"
    for paper in ("herald", "courier"):
        write(corpus, f"{paper}/strike.txt", article_text("Ferry strike called off", "March 4, 2025", WIRE_STORY))
    write(corpus, "herald/vote.txt", article_text(
        "Ferry workers to vote on pay offer", "March 11, 2025",
        "Ferry workers will vote next week on the pay offer that ended their strike, the union's organiser "
        "Siobhan O'Connell said. The offer of six percent over two years keeps Gull Island's sailings running."))
    build_index(corpus, tmp_path / "index")
    with Searcher(tmp_path / "index") as searcher:
        assert [hit.id for hit in searcher.similar("herald/strike.txt").hits] == ["herald/vote.txt"]


def test_a_publication_is_shown_and_searched_as_a_source(corpus_index):
    results = search.search("Gull Island night sailing subsidy", corpus_index)
    top = results.hits[0]
    assert top.publication == "The Harbour Herald" and top.to_dict()["publication"] == "The Harbour Herald"
    assert top.authors == ["Ines Carvalho"] and top.to_dict()["authors"] == ["Ines Carvalho"]
    # The weekend edition's word-for-word copy is folded under it.
    assert [copy.endswith("nexis-uni-2024-gull-island.txt#1") for copy in top.copies] == [True]
    by_paper = search.search('source:"valley courier" frost', corpus_index)
    assert [hit.headline for hit in by_paper.hits] == [
        "Orchard growers count the cost of a late frost in the upper valley"]
    assert search.search('source:"alder times" runway', corpus_index).total == 1
