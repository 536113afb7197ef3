import csv
import io
import json
import subprocess
import sys

import pytest
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.document import Document

from indexer.extract import parse_articles
from search.commands import COMMANDS, Quit, ShellState
from search.completion import QueryCompleter
from search.environment import Environment
from search.lexer import style_line
from search.searcher import Searcher
from search.shell import DidYouMean, handle_line, offer_suggestion
from tests.conftest import CORPUS


@pytest.fixture
def state(corpus_index):
    env = Environment(stdin=io.StringIO(), stdout=io.StringIO(), stderr=io.StringIO(), colour=False,
                      width=100, height=40)
    with Searcher(corpus_index) as searcher:
        yield ShellState(searcher=searcher, env=env, limit=3)


def test_every_command_has_help_and_usage():
    names = {entry.name for entry in COMMANDS.values()}
    assert names >= {"help", "open", "next", "prev", "sort", "limit", "people", "timeline", "similar", "stats",
                     "reindex", "quit"}
    assert all(entry.help and entry.usage.startswith(":") for entry in COMMANDS.values())


def test_every_hit_is_saved_as_csv_or_json_without_overwriting(state, tmp_path):
    assert handle_line(state, ":save x.csv") == "No search yet.\n"
    handle_line(state, "Okafor")
    listed = state.results.total - state.results.folded
    target = tmp_path / "okafor.csv"
    assert handle_line(state, f":save {target}") == f"Saved {listed} hits to {target}.\n"
    rows = list(csv.reader(target.open(encoding="utf-8")))
    assert len(rows) - 1 == listed > state.limit  # every hit, not one page
    target.write_text("kept")
    assert "exists" in handle_line(state, f":save {target}") and target.read_text() == "kept"
    assert handle_line(state, f":save! {target}").startswith("Saved") and target.read_text() != "kept"
    handle_line(state, f":save {tmp_path / 'okafor.json'}")
    assert len(json.loads((tmp_path / "okafor.json").read_text())["hits"]) == listed
    assert handle_line(state, f":save {tmp_path / 'missing' / 'x.csv'}").startswith("Cannot save to")


def test_query_then_paging(state):
    first = handle_line(state, "Okafor")
    assert "page 1 of" in first and " 1. " in first
    second = handle_line(state, "")
    assert state.page == 2 and " 4. " in second
    assert state.page == 2 and handle_line(state, ":prev") and state.page == 1
    assert "first page" in handle_line(state, ":prev")


def test_open_sort_limit_people_timeline_similar_stats(state):
    handle_line(state, "levees")
    opened = handle_line(state, ":open 1")
    assert "[levee" in opened and "People:" in opened
    assert "No hit 9" in handle_line(state, ":open 9")
    handle_line(state, ":sort -date")
    dates = [hit.date for hit in state.results.hits]
    assert dates == sorted(dates, reverse=True)
    assert "Sort by one of" in handle_line(state, ":sort sideways")
    handle_line(state, ":limit 5")
    assert len(state.results.hits) == 5
    assert "Priya Raman" in handle_line(state, ":people")
    assert "█" in handle_line(state, ":timeline")
    sources = handle_line(state, ":sources")
    assert sources.startswith("Sources (articles):") and "harbour-herald" in sources
    assert "Articles like:" in handle_line(state, ":similar 1")
    articles = [a for f in sorted(CORPUS.rglob("*")) if f.is_file() for a in parse_articles(f)]
    first, last = min(a.date for a in articles), max(a.date for a in articles)
    assert f"{len(articles)} articles, dated {first:%Y-%m-%d} to {last:%Y-%m-%d}, " in handle_line(state, ":stats")


def test_errors_become_messages(state):
    assert handle_line(state, '"open').startswith("Query error: unbalanced quote")
    assert "Unknown command" in handle_line(state, ":frobnicate")
    assert "No search yet" in handle_line(state.__class__(searcher=state.searcher, env=state.env), ":people")
    assert "--corpus" in handle_line(state, ":reindex")
    with pytest.raises(Quit):
        handle_line(state, ":quit")


def test_help_lists_query_syntax(state):
    text = handle_line(state, ":help")
    assert "date:[2017-01-01 to 2017-03-01]" in text and ":timeline" in text


def test_lexer_styles():
    styles = dict((text, style) for style, text in style_line('people:"Sergey Lavrov" AND date:2017 -strike presid*'))
    assert styles["people:"] == "class:field" and styles['"Sergey Lavrov"'] == "class:phrase"
    assert styles["AND"] == "class:operator" and styles["date:2017"] == "class:date"
    assert styles["presid*"] == "class:modifier"
    assert style_line('"open')[0] == ("class:error", '"open')


def test_completion_of_commands_fields_and_people():
    completer = QueryCompleter(lambda: ["Adaeze Okafor", "Rafael Moreno"])

    def complete(text):
        return [c.text for c in completer.get_completions(Document(text), None)]

    assert ":timeline" in complete(":ti")
    assert complete("peo") == ["people:"]
    assert complete("people:Oka") == ['people:"Adaeze Okafor"']
    assert complete("people:ra") == ['people:"Rafael Moreno"']
    # A name typed in quotes, spaces and all, after other words.
    assert complete('ferry people:"adaeze ok') == ['people:"Adaeze Okafor"']
    assert complete('people:"Rafael') == ['people:"Rafael Moreno"']
    assert complete('people:"adaeze mo') == []
    assert complete("person:oka") == ['people:"Adaeze Okafor"']  # the field's other name


def test_the_shell_starts_without_loading_extraction():
    # trafilatura, beautifulsoup4 and lxml.html were a third of the shell's start-up, for nothing.
    code = "import sys, search.shell, search.__main__; print(sorted({'trafilatura', 'bs4'} & set(sys.modules)))"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_the_did_you_mean_is_searched_instead_and_the_typed_query_waits_in_the_prompt(state):
    buffer = Buffer()
    offer_suggestion(buffer, state)
    assert buffer.suggestion is None  # no search yet
    # The did-you-mean is searched instead; the query as typed waits in the prompt...
    assert "Showing results for prime minister instead of prime minster" in handle_line(state, "prime minster")
    offer_suggestion(buffer, state)
    assert buffer.suggestion.text == "prime minster"
    # ... and typed again, it is searched as typed, its did-you-mean offered.
    assert "Did you mean: prime minister" in handle_line(state, "prime minster")
    offer_suggestion(buffer, state)
    assert buffer.suggestion.text == "prime minister"
    suggest = DidYouMean(state)
    assert suggest.get_suggestion(buffer, Document("prime m")).text == "inister"
    assert suggest.get_suggestion(buffer, Document("ferry")) is None  # nothing in the history begins so
