import csv
import io
import json
import re

import pytest

from indexer.__main__ import main as index_main
from search.__main__ import main as search_main
from search.environment import Environment
from tests.conftest import article_text, write


class Streams:
    def __init__(self, stdin: str = "") -> None:
        self.env = Environment(stdin=io.StringIO(stdin), stdout=io.StringIO(), stderr=io.StringIO(),
                               colour=False, width=100, height=40)

    @property
    def out(self) -> str:
        return self.env.stdout.getvalue()

    @property
    def err(self) -> str:
        return self.env.stderr.getvalue()


@pytest.fixture
def built(tmp_path):
    corpus = tmp_path / "corpus"
    body = "Siobhan O'Connell said the strike would go on."
    write(corpus, "a.txt", article_text("Dockworkers strike", "March 14, 2022", body))
    write(corpus, "b.txt", article_text("Ferry fares rise", "July 4, 2022", "Fares rise by 12 percent."))
    out, err = io.StringIO(), io.StringIO()
    assert index_main([str(corpus), str(tmp_path / "index")], out, err) == 0
    assert out.getvalue().startswith("index rebuilt: 2 articles")
    return tmp_path


def test_similar_articles_from_the_command_line(built, monkeypatch):
    streams = Streams()
    monkeypatch.chdir(built)  # the article named by its path as typed, relative to here
    assert search_main(["--similar", "corpus/b.txt", "--index", "index", "--json"], streams.env) == 0
    data = json.loads(streams.out)
    assert data["query"] == "like:b.txt" and [hit["path"].endswith("a.txt") for hit in data["hits"]] in ([], [True])
    assert search_main(["--similar", "a.txt", "--index", "index"], streams.env) == 0  # or by its id
    bad = Streams()
    assert search_main(["--similar", "nope.txt", "--index", "index"], bad.env) == 2
    assert "no article 'nope.txt'" in bad.err
    assert search_main(["ferry", "--similar", "a.txt", "--index", "index"], bad.env) == 2
    assert "not both" in bad.err


def test_people_get_the_did_you_mean_searched_and_programs_get_what_they_asked(built):
    text = Streams()
    assert search_main(["strke", "--index", str(built / "index")], text.env) == 0
    assert "Showing results for strike instead of strke" in text.out and "Dockworkers strike" in text.out
    as_json = Streams()
    assert search_main(["strke", "--index", str(built / "index"), "--json"], as_json.env) == 0
    data = json.loads(as_json.out)
    assert (data["total"], data["suggestion"], data["corrected_from"]) == (0, "strike", None)


def test_json_output(built):
    streams = Streams()
    assert search_main(["strike", "--index", str(built / "index"), "--json"], streams.env) == 0
    data = json.loads(streams.out)
    assert data["query"] == "strike" and data["total"] == 1 and data["suggestion"] is None
    hit = data["hits"][0]
    assert set(hit) >= {"path", "headline", "date", "people", "score", "snippet", "highlights"}
    assert hit["date"] == "2022-03-14T00:00:00"
    assert all(hit["snippet"][a:b].lower() == "strike" for a, b in hit["highlights"])


def test_csv_output_and_every_hit(built):
    streams = Streams()
    assert search_main(["strike OR fares", "--index", str(built / "index"), "--csv", "--limit", "1"], streams.env) == 0
    rows = list(csv.reader(io.StringIO(streams.out)))
    assert rows[0][:3] == ["rank", "date", "headline"] and len(rows) == 2
    streams = Streams()
    assert search_main(["strike OR fares", "--index", str(built / "index"), "--csv", "--limit", "1", "--all"],
                       streams.env) == 0
    assert sorted(row[2] for row in csv.reader(io.StringIO(streams.out)))[:2] == ["Dockworkers strike",
                                                                                   "Ferry fares rise"]
    streams = Streams()
    assert search_main(["strike", "--index", str(built / "index"), "--csv", "--json"], streams.env) == 2
    assert "not allowed" in streams.err and streams.err.count("\n") == 1


def test_an_article_s_web_address_is_shown_and_searched_as_its_source(built):
    record = {"title": "Quay reopens", "url": "https://harbour.example/2022/quay-reopens",
              "body": "The quay reopened on Monday after repairs."}
    write(built / "corpus", "feed.jsonl", json.dumps(record) + "\n")
    assert index_main([str(built / "corpus"), str(built / "index")], io.StringIO(), io.StringIO()) == 0
    streams = Streams()
    assert search_main(["source:harbour quay", "--index", str(built / "index"), "--json"], streams.env) == 0
    (hit,) = json.loads(streams.out)["hits"]
    assert hit["url"] == record["url"] and hit["path"].endswith("feed.jsonl")
    streams = Streams()
    assert search_main(["quay", "--index", str(built / "index")], streams.env) == 0
    assert "\n     harbour.example/2022/quay-reopens\n" in streams.out
    streams = Streams()
    assert search_main(["strike", "--index", str(built / "index"), "--json"], streams.env) == 0
    assert json.loads(streams.out)["hits"][0]["url"] is None  # a text file says nothing of where it was


def test_near_identical_articles_are_listed_apart_when_asked(built):
    story = ("The lighthouse on Gull Point will be restored next summer, the heritage trust said on Monday, "
             "after a survey found its lantern room was safe to repair.")
    for name in ("c.txt", "d.txt"):
        write(built / "corpus", name, article_text("Lighthouse to be restored", "March 14, 2022", story))
    assert index_main([str(built / "corpus"), str(built / "index")], io.StringIO(), io.StringIO()) == 0
    folded, apart = Streams(), Streams()
    assert search_main(["lighthouse", "--index", str(built / "index"), "--json"], folded.env) == 0
    assert search_main(["lighthouse", "--index", str(built / "index"), "--json", "--no-collapse"], apart.env) == 0
    (hit,) = json.loads(folded.out)["hits"]
    assert len(hit["copies"]) == 1 and json.loads(folded.out)["folded"] == 1
    assert len(json.loads(apart.out)["hits"]) == 2


def test_plain_output_and_zero_hits(built):
    streams = Streams()
    assert search_main(["ferry", "--index", str(built / "index")], streams.env) == 0
    assert "Ferry fares rise" in streams.out and "\x1b" not in streams.out
    streams = Streams()
    assert search_main(["zeppelin", "--index", str(built / "index")], streams.env) == 0
    assert streams.out.startswith("0 results")


def test_a_word_to_leave_out_is_part_of_the_query_not_an_option(built):
    for argv in (["rise", "-ferry"], ["-ferry", "rise"], ["--json", "-ferry", "rise"],
                 ["rise", "--sort", "-date", "-ferry"]):
        streams = Streams()
        assert search_main(argv + ["--index", str(built / "index"), "--json"], streams.env) == 0, streams.err
        data = json.loads(streams.out)
        assert data["query"] in ("rise -ferry", "-ferry rise") and data["total"] == 0
    streams = Streams()
    assert search_main(['-"ferry fares"', "--index", str(built / "index"), "--json"], streams.env) == 0
    assert [hit["headline"] for hit in json.loads(streams.out)["hits"]] == ["Dockworkers strike"]
    streams = Streams()
    newest_first = ["fares OR strike", "--sort", "-date", "--index", str(built / "index"), "--json"]
    assert search_main(newest_first, streams.env) == 0, streams.err
    assert [hit["headline"] for hit in json.loads(streams.out)["hits"]] == ["Ferry fares rise", "Dockworkers strike"]


def test_exit_codes_and_one_line_errors(built, tmp_path):
    streams = Streams()
    assert search_main(['"open', "--index", str(built / "index")], streams.env) == 2
    assert streams.err.count("\n") == 1 and "unbalanced quote" in streams.err
    streams = Streams()
    assert search_main(["x", "--index", str(tmp_path / "none")], streams.env) == 1
    assert "no index" in streams.err and "Traceback" not in streams.err
    streams = Streams()
    assert search_main(["x", "--limit", "many"], streams.env) == 2
    streams = Streams()
    assert search_main(["x", "--limit", "0", "--index", str(built / "index")], streams.env) == 2


def test_queries_from_a_pipe(built):
    streams = Streams("strike\nferry\n")
    assert search_main(["--index", str(built / "index")], streams.env) == 0
    assert "Dockworkers strike" in streams.out and "Ferry fares rise" in streams.out


def test_facets_on_the_command_line(built):
    streams = Streams()
    assert search_main(["strike OR fares", "--index", str(built / "index"), "--json", "--facets"], streams.env) == 0
    facets = json.loads(streams.out)["facets"]
    assert facets["people"] == [["Siobhan O'Connell", 1]]
    assert facets["years"] == [[2022, 2]] and facets["months"] == [["2022-03", 1], ["2022-07", 1]]
    streams = Streams()
    assert search_main(["strike", "--index", str(built / "index"), "--facets"], streams.env) == 0
    assert "1  Siobhan O'Connell" in streams.out and "2022-03" in streams.out
    # Files at the corpus's top: no folder, no source to count.
    assert facets["sources"] == [] and "Sources" not in streams.out


def test_shell_commands_from_a_pipe_act_on_the_last_query(built):
    streams = Streams("strike\n:people\n:open 1\n:nope\n:quit\nferry\n")
    assert search_main(["--index", str(built / "index")], streams.env) == 0
    out = streams.out
    assert "Dockworkers strike" in out and "Siobhan O'Connell" in out.split("Dockworkers strike", 1)[1]
    assert "People: Siobhan O'Connell" in out  # the article, opened
    assert "Unknown command ':nope'" in out
    assert "Ferry fares rise" not in out  # nothing after :quit


def test_shell_commands_do_not_mix_with_json(built):
    streams = Streams("strike\n:people\n")
    assert search_main(["--index", str(built / "index"), "--json"], streams.env) == 2
    assert json.loads(streams.out)["total"] == 1
    assert ":people" in streams.err and "--json" in streams.err


def test_corpus_option_builds_before_searching(tmp_path):
    write(tmp_path / "c", "a.txt", article_text("Harbour news", "May 1, 2020", "Harbour body."))
    streams = Streams()
    assert search_main(["harbour", "--corpus", str(tmp_path / "c"), "--index", str(tmp_path / "i")], streams.env) == 0
    assert "Harbour news" in streams.out and "index rebuilt" in streams.err


def test_indexer_inspect(tmp_path, harbour_file):
    out, err = io.StringIO(), io.StringIO()
    assert index_main(["inspect", str(harbour_file)], out, err) == 0
    assert "headline: Mayor orders review of ferry timetable" in out.getvalue()
    out = io.StringIO()
    assert index_main(["inspect", str(harbour_file), "--json"], out, err) == 0
    assert json.loads(out.getvalue())["people"][0] == "Elena Vasquez-Hart"
    bad = write(tmp_path, "bad.txt", b"\x00\x00")
    err = io.StringIO()
    assert index_main(["inspect", str(bad)], io.StringIO(), err) == 1 and "binary" in err.getvalue()
    err = io.StringIO()
    assert index_main(["inspect", str(tmp_path)], io.StringIO(), err) == 2 and "is a folder" in err.getvalue()


def test_indexer_errors_and_verbose(tmp_path):
    err = io.StringIO()
    assert index_main([str(tmp_path / "missing"), str(tmp_path / "i")], io.StringIO(), err) == 1
    assert "does not exist" in err.getvalue()
    assert index_main(["--jobs", "x"], io.StringIO(), io.StringIO()) == 2
    write(tmp_path / "c", "empty.txt", "")
    write(tmp_path / "c", "ok.txt", article_text("Fine", "May 1, 2020", "Body."))
    err = io.StringIO()
    assert index_main([str(tmp_path / "c"), str(tmp_path / "i"), "--verbose"], io.StringIO(), err) == 0
    assert "skipped empty.txt: empty file" in err.getvalue()


def test_a_feed_line_that_holds_no_article_is_named(tmp_path):
    write(tmp_path / "c", "feed.jsonl", '{"headline": "Quay reopens", "body": "The quay reopened."}\n{"headline": \n')
    out, err = io.StringIO(), io.StringIO()
    assert index_main([str(tmp_path / "c"), str(tmp_path / "i")], out, err) == 0
    assert "1 article from 1 file (" in out.getvalue() and "1 record skipped (--verbose" in err.getvalue()
    err = io.StringIO()
    assert index_main([str(tmp_path / "c"), str(tmp_path / "i"), "--rebuild", "--verbose"], io.StringIO(), err) == 0
    assert "skipped feed.jsonl line 2: invalid JSON at column 14" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    assert index_main(["inspect", str(tmp_path / "c" / "feed.jsonl")], out, err) == 0
    assert "Quay reopens" in out.getvalue() and "line 2 skipped: invalid JSON at column 14" in err.getvalue()


def test_inspect_reads_a_large_feed_in_parts_as_a_build_does(tmp_path, monkeypatch):
    lines = [json.dumps({"headline": f"Item {n}", "body": f"Body {n}."}) for n in range(5)]
    lines[2] = '{"headline": '
    feed = write(tmp_path, "feed.jsonl", "\n".join(lines) + "\n")
    monkeypatch.setattr("indexer.readers.PART_BYTES", 60)  # a part a line
    out, err = io.StringIO(), io.StringIO()
    assert index_main(["inspect", str(feed)], out, err) == 0
    assert re.findall(r"headline: (.*)", out.getvalue()) == ["Item 0", "Item 1", "Item 3", "Item 4"]
    assert "record:   4" in out.getvalue() and "line 3 skipped: invalid JSON" in err.getvalue()
