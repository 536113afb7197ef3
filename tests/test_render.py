import csv
import io
import re
from datetime import datetime

from search.render import HIGHLIGHT as HIGHLIGHT_ON
from search.render import (
    highlighted,
    render_article,
    render_csv,
    render_hit,
    render_json,
    render_people,
    render_results,
    render_sources,
    render_timeline,
    safe,
)
from search.results import Facets, Hit, SearchResults
from search.snippets import Fragment

HOSTILE = ("Evil\x1b[2J\x1b]0;pwned\x07 headline\x08\x08\r\u202eevil\u202c\x9b31m\x00 end"
           "\x1bP1;2|payload\x1b\\ \u200b\u2066x")


def test_safe_removes_every_control_and_escape():
    cleaned = safe(HOSTILE)
    assert cleaned == "Evil headlineevil end x"
    assert not any(ord(c) < 32 or 0x7f <= ord(c) <= 0x9f for c in cleaned)


def hit(headline: str = "Port reopens", text: str = "The port reopened today.") -> Hit:
    return Hit(id="a.txt", path="/c/a.txt", headline=headline, date=datetime(2022, 3, 14, 8, 45),
               people=["Siobhan O'Connell"], score=1.5, rank=1,
               fragments=[Fragment(text, [(4, 8)])])


def test_hit_in_colour_and_plain():
    coloured = render_hit(hit(), colour=True)
    assert "\x1b[1;33mport\x1b[0m" in coloured and "2022-03-14 08:45" in coloured
    plain = render_hit(hit(), colour=False)
    assert "\x1b" not in plain and "[port]" in plain and "Siobhan O'Connell" in plain


def test_hostile_article_text_never_reaches_the_terminal():
    for colour in (True, False):
        out = render_hit(hit(HOSTILE, HOSTILE), colour=colour)
        stripped = out.replace("\x1b[1;33m", "").replace("\x1b[0m", "").replace("\x1b[1m", "") \
            .replace("\x1b[2m", "").replace("\x1b[36m", "").replace("\x1b[32m", "")
        assert "\x1b" not in stripped and "\x07" not in stripped and "\u202e" not in stripped
    article = render_article({"headline": HOSTILE, "body": HOSTILE, "path": HOSTILE}, colour=False)
    assert "\x1b" not in article and "\r" not in article


def test_highlight_offsets_survive_sanitising():
    assert highlighted(Fragment("a\x07b harbour", [(4, 11)]), colour=False) == "ab [harbour]"


def test_json_is_terminal_safe_and_complete():
    results = SearchResults(query="port", total=1, hits=[hit(text="port\u202e\x9bx")])
    text = render_json(results)
    assert "\u202e" not in text and "\x9b" not in text and "\\u202e" in text
    assert '"highlights": [\n        [\n          4,\n          8' in text


def test_people_are_listed_under_a_heading_with_their_article_counts():
    facets = Facets(people=[("Ann Lee", 12), ("Bo\x1b[2JKim", 3)])
    assert render_people(facets, colour=False).splitlines() == ["People most named (articles):", "   12  Ann Lee",
                                                                "    3  BoKim"]
    assert render_people(Facets(), colour=False) == "No people in these results.\n"


def test_csv_rows_are_safe_for_terminals_and_spreadsheets():
    hit = Hit(id="wire/a.json#2", path="/c/wire/a.json", headline="=HYPERLINK(\"http://x\") " + HOSTILE,
              date=datetime(2024, 3, 2, 7, 30), people=["Ann Lee", "Bo Kim"], score=3.14159, rank=1,
              fragments=[Fragment("First, with a comma.", []), Fragment('A "quote".', [])],
              publication="The Harbour Herald", copies=["wire/b.json#0"], authors=["Jo Baptiste", "Tom Ellery"])
    text = render_csv(SearchResults(query="q", total=1, hits=[hit, Hit(id="b.txt", path="/c/b.txt", headline="B",
                                                                       date=None, people=[], score=1.0, rank=2)]))
    assert not re.search(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]", text)
    header, first, second = list(csv.reader(io.StringIO(text)))
    assert header == ["rank", "date", "headline", "publication", "authors", "people", "score", "url", "id", "copies",
                      "snippet"]
    assert first[0:2] == ["1", "2024-03-02T07:30:00"] and first[2].startswith("'=HYPERLINK")
    assert first[3:] == ["The Harbour Herald", "Jo Baptiste; Tom Ellery", "Ann Lee; Bo Kim", "3.1416", "",
                         "wire/a.json#2", "wire/b.json#0", 'First, with a comma. … A "quote".']
    assert second[:3] == ["2", "", "B"]


def test_sources_then_publications_each_under_a_heading():
    facets = Facets(sources=[("wire", 4)], publications=[("The Harbour Herald", 3), ("Evil\x1b[2J Times", 1)])
    assert render_sources(facets, colour=False).splitlines() == [
        "Sources (articles):", "    4  wire", "", "Publications (articles):", "    3  The Harbour Herald",
        "    1  Evil Times"]
    assert render_sources(Facets(publications=[("Valley Courier", 2)]), colour=False).splitlines() == [
        "Publications (articles):", "    2  Valley Courier"]
    assert render_sources(Facets(), colour=False).startswith("No sources")


def test_timeline_bars_show_the_months_without_hits():
    chart = render_timeline(Facets(months=[("2022-11", 4), ("2023-02", 1)]), colour=False, width=8)
    assert chart.splitlines() == ["Articles per month:", "2022-11  ████████ 4", "2022-12   0", "2023-01   0",
                                  "2023-02  ██ 1"]


def test_timeline_of_many_years_counts_per_year():
    facets = Facets(months=[("2015-01", 2), ("2019-06", 1)], years=[(2015, 2), (2019, 1)])
    chart = render_timeline(facets, colour=False, width=4)
    assert chart.splitlines() == ["Articles per year:", "2015  ████ 2", "2016   0", "2017   0", "2018   0",
                                  "2019  ██ 1"]


def test_meta_line_fits_the_width_keeping_the_file_names_end():
    long = hit()
    long.id = "very/deep/folder/structure/of/a/news/archive/2023-08-27-election-result.txt"
    meta = render_hit(long, colour=False, width=70).splitlines()[1]
    assert len(meta) <= 70 and meta.endswith("election-result.txt")
    crowded = hit()
    crowded.publication = "The Harbour Herald (Weekend Edition)"
    crowded.people = ["Hemi Walker", "Sofia Brandt", "Tui Herewini", "Graham Ostler"]
    meta = render_hit(crowded, colour=False, width=100).splitlines()[1]
    assert len(meta) <= 100 and meta.endswith("Hemi Walker +3 · a.txt")
    assert render_hit(crowded, colour=False, width=140).splitlines()[1].endswith(
        "Hemi Walker, Sofia Brandt, Tui Herewini, Graham Ostler · a.txt")


def test_a_web_address_has_a_line_of_its_own_keeping_the_site_and_the_end():
    published = hit()
    published.url = "https://www.harbour-herald.example/news/2023/08/27/politics/election-result-declared/"
    lines = render_hit(published, colour=False, width=60).splitlines()
    assert lines[1].endswith("Siobhan O'Connell") and "a.txt" not in lines[1]
    assert lines[2] == "     harbour-herald.example/…litics/election-result-declared" and len(lines[2]) <= 60
    lines = render_hit(published, colour=False, width=120).splitlines()
    assert lines[2] == "     harbour-herald.example/news/2023/08/27/politics/election-result-declared"
    hostile = hit()
    hostile.url = "https://evil.example/\x1b[2J\x07"
    assert "\x1b" not in render_hit(hostile, colour=False) and "\x07" not in render_hit(hostile, colour=False)
    article = render_article({"headline": "H", "body": "B", "id": "crawl.warc.gz#4", "url": hostile.url}, colour=False)
    assert "crawl.warc.gz#4" in article and "evil.example" in article and "\x1b" not in article


def test_the_publication_follows_the_date_and_is_made_safe():
    printed = hit()
    printed.publication = "The Valley Courier"
    assert render_hit(printed, colour=False).splitlines()[1].startswith("     2022-03-14 08:45 · The Valley Courier · ")
    printed.publication = "Evil\x1b[2J Times"
    assert "\x1b" not in render_hit(printed, colour=False)
    article = render_article({"headline": "H", "body": "B", "id": "x.txt#2", "publication": "Evil\x1b[2J Times"},
                             colour=False)
    assert "Times · x.txt#2" in article and "\x1b" not in article


def test_copies_folded_under_a_hit_are_named_and_counted():
    copied = hit()
    copied.copies = ["courier/strike.txt", "times/strike.txt", "wire/strike.txt"]
    last = render_hit(copied, colour=False).splitlines()[-1]
    assert last == "     +3 near-identical copies: courier/strike.txt, times/strike.txt and 1 more"
    results = SearchResults(query="strike", total=4, hits=[copied], folded=3)
    assert render_results(results, colour=False).startswith("4 results (3 near-identical folded) in")


def test_snippet_lines_fill_the_width_whether_words_are_coloured_or_not():
    text = ("The harbour authority said the levees along the harbour would rise by a metre, and the "
            "harbour master said the work on the levees would start in the spring, before the floods.")
    lines = {}
    for name, spans in (("coloured", [(m, m + 7) for m in range(len(text)) if text.startswith("harbour", m)]),
                        ("plain", [])):
        found = hit(text=text)
        found.fragments = [Fragment(text, spans)]
        lines[name] = render_hit(found, colour=True, width=60).splitlines()[2:]
    visible = [len(line.replace(HIGHLIGHT_ON, "").replace("\x1b[0m", "")) for line in lines["coloured"]]
    assert HIGHLIGHT_ON in lines["coloured"][0]
    assert visible == [len(line) for line in lines["plain"]] and max(visible) <= 60 and len(visible) == 4


def test_a_page_past_the_last_says_where_the_last_is():
    past = SearchResults(query="port", total=25, hits=[], page=9, limit=10)
    assert render_results(past, colour=False).splitlines()[0].endswith("; page 9 is past the last page (3)")
    first = SearchResults(query="port", total=25, hits=[hit()], page=1, limit=10)
    assert "page 1 of 3" in render_results(first, colour=False).splitlines()[0]
