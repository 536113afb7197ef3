import subprocess
import sys
from datetime import datetime

import pytest

from indexer import html, parse_article
from indexer.html import markup_paragraphs, parse_html
from tests.conftest import write

BODY = "".join(f"<p>Paragraph {n} of the report, which runs long enough to count as article text, "
               f"with commas, clauses, and detail.</p>" for n in range(1, 6))


def page(head: str = "", body: str = "") -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def test_json_ld_comes_first():
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            '{"@type": "WebSite", "name": "Site"}, {"@type": "NewsArticle", "headline": "From JSON-LD",'
            '"datePublished": "2023-05-04T10:00:00+02:00", "description": "Desc",'
            '"author": [{"@type": "Person", "name": "Nadia Farouk"}]}]}</script>'
            '<meta property="og:title" content="From OpenGraph">')
    result = parse_html(page(head, f"<h1>From H1</h1><article>{BODY}</article>"))
    assert result.headline == "From JSON-LD"
    assert result.date == datetime(2023, 5, 4, 8, 0)
    assert result.authors == ["Nadia Farouk"] and result.summary == "Desc"


def test_meta_tags_then_page_fallbacks():
    head = ('<meta property="og:title" content="From OpenGraph">'
            '<meta property="article:published_time" content="2021-01-02">')
    assert parse_html(page(head, BODY)).headline == "From OpenGraph"
    bare = parse_html(page("", f'<h1>From H1</h1><time datetime="2020-06-07">June 7</time>{BODY}'))
    assert bare.headline == "From H1" and bare.date == datetime(2020, 6, 7)


def test_metadata_among_a_head_full_of_other_tags():
    # Real heads carry dozens of image, app and verification tags; only the ones read are parsed,
    # whichever attribute names them and in whatever order the attributes come.
    noise = "".join(f'<meta property="og:image:{n}" content="https://example.org/{n}.jpg">' for n in range(40))
    head = (f'<title>Page title | Site</title>{noise}<meta name="viewport" content="width=device-width">'
            '<meta content="Ferry link reopens" property="og:title">'
            "<meta name=author content='Ines Okafor'><meta itemprop=datePublished content=2022-03-04>"
            '<link rel="stylesheet" href="a.css"><style>p { color: red }</style>')
    result = parse_html(page(head, BODY))
    assert result.headline == "Ferry link reopens"
    assert result.authors == ["Ines Okafor"] and result.date == datetime(2022, 3, 4)


def test_the_page_s_address_is_its_canonical_one():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "H",'
          '"mainEntityOfPage": {"@id": "https://alder.example/ld"}}</script>')
    og = '<meta property="og:url" content="https://alder.example/og">'
    canonical = '<link href="https://alder.example/canonical" rel="canonical">'
    assert parse_html(page(ld + og + canonical, BODY)).url == "https://alder.example/canonical"
    assert parse_html(page(ld + og, BODY)).url == "https://alder.example/og"
    assert parse_html(page(ld, BODY)).url == "https://alder.example/ld"
    assert parse_html(page('<link rel="canonical" href="/news/relative">', BODY)).url is None


def test_the_title_is_the_last_headline_fallback():
    assert parse_html(page("<title>Harbour dredging starts</title>", BODY)).headline == "Harbour dredging starts"
    assert parse_html(page("<title>Harbour dredging starts</title>", f"<h1>From H1</h1>{BODY}")).headline == "From H1"


def test_the_title_loses_the_site_name_it_carries():
    def headline(title: str, body: str = BODY) -> str:
        return parse_html(page(f"<title>{title}</title>", body)).headline

    assert headline("Harbour dredging starts | The Alder Times") == "Harbour dredging starts"
    assert headline("Harbour dredging starts - Harbour Herald") == "Harbour dredging starts"
    # Not a site's name: lower-case words, or too little left before it.
    assert headline("Dredging starts - 5 things to know") == "Dredging starts - 5 things to know"
    assert headline("Election - Live Updates") == "Election - Live Updates"
    # The page's own heading when the title holds it.
    assert headline("Rates rise defended - Harbour Herald - News", f"<h2>Rates rise defended</h2>{BODY}") \
        == "Rates rise defended"


def test_byline_and_date_printed_in_the_page():
    body = ('<div class="post"><p class="post-meta">Posted by <a>TOMAS LIND</a>\n on 3rd June 2024 at 4:12 pm'
            f' | <a>Leave a comment</a></p>{BODY}</div>')
    result = parse_html(page("", body))
    assert result.authors == ["Tomas Lind"] and result.date == datetime(2024, 6, 3, 16, 12)
    body = f'<p class="byline">By <a>Carrie Arnold</a><span>November 15, 2019</span></p>{BODY}'
    result = parse_html(page("", body))
    assert result.authors == ["Carrie Arnold"] and result.date == datetime(2019, 11, 15)
    # The name alone in an author's element; not a commenter's, nor a comment form's label.
    body = ('<span class="comment-author">Gary P</span><div class="byline ap-byline">Steve Peoples, AP National '
            f'Political Writer</div>{BODY}')
    assert parse_html(page("", body)).authors == ["Steve Peoples"]


def test_a_page_laid_out_in_a_table_is_read_line_by_line():
    story = ["The Kestrel Bay Rovers won the regional final on Saturday, beating Harbour United in front of "
             "more than two thousand supporters at Marine Park.",
             "Striker Leila Haddad scored twice in the first half, and the captain added a third from a free kick "
             "ten minutes from time.",
             "The team will play the state champions in Port Alder next month, the club said on Sunday."]
    body = ('<table><tr><td><a href="/">Home</a> | <a href="/sport">Sport</a></td></tr><tr><td>'
            "<b>Rovers win the final</b><br><br>" + "<br><br>".join(story) + "</td></tr></table>")
    assert parse_html(page("<title>Rovers win</title>", body)).paragraphs == story


def test_main_text_skips_navigation_related_and_footer():
    body = ('<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>'
            '<div class="cookie-banner">We use cookies to personalise content.</div>'
            f'<div class="story-body">{BODY}<div class="related-links"><a href="/x">Other story</a></div></div>'
            '<aside><p>Most read: something else entirely, which is long and has commas, yes.</p></aside>'
            '<footer><p>© 2024 The Times. All rights reserved and so on, for a long while.</p></footer>'
            '<script>var tracking = "Paragraph 9";</script>')
    result = parse_html(page("", body))
    assert [p.split(" of")[0] for p in result.paragraphs] == [f"Paragraph {n}" for n in range(1, 6)]


def test_densest_container_without_markers():
    body = (f'<div id="x1"><a href="/a">Link one</a> <a href="/b">Link two</a></div>'
            f'<div id="x2">{BODY}</div>')
    assert len(parse_html(page("", body)).paragraphs) == 5


def test_figure_captions_are_kept_apart():
    body = f'<article><figure><img src="a.jpg"><figcaption>Crowds on the quay.</figcaption></figure>{BODY}</article>'
    result = parse_html(page("", body))
    assert result.captions == ["Crowds on the quay."]
    assert not any("Crowds" in p for p in result.paragraphs)


def test_names_in_captions_do_not_run_into_each_other(tmp_path):
    # A police blotter's mugshots: each caption a name and a credit.
    names = ["Christopher Battin", "Jonathan P. Blair", "Ryan S. Hollman"]
    figures = "".join(f"<figure><img src='{n}.jpg'><figcaption>{name} Submitted photo</figcaption></figure>"
                      for n, name in enumerate(names))
    story = "<p>Officers arrested Christopher Battin, 33, Jonathan P. Blair, 29, and Ryan S. Hollman, 41.</p>"
    article = parse_article(write(tmp_path, "blotter.html", page("", f"<article>{figures}{story}{BODY}</article>")))
    assert article.caption == "Christopher Battin Jonathan P. Blair Ryan S. Hollman"
    assert article.people == names


def test_broken_markup_does_not_crash():
    result = parse_html("<html><body><div><p>Unclosed <b>bold <i>italic" + "<div>" * 500)
    assert isinstance(result.paragraphs, list)
    assert parse_html('<script type="application/ld+json">{not json</script>').headline == ""


# A teaser holding a fifth of the text beside the story: no element but the page's body holds most
# of it, and none is marked as the story's.
TEASER = ("<article><p>A teaser of another story, long enough to read as a sentence, yes, and to pass for an "
          "article on its own if it were read alone: it runs on, with commas, clauses and detail, for well over "
          "two hundred characters of text.</p></article>")


def trafilatura_reads(monkeypatch) -> list:
    """The trees handed to trafilatura from now on."""
    read: list = []
    trafilatura_text = html._trafilatura_text
    monkeypatch.setattr(html, "_trafilatura_text", lambda tree: read.append(tree) or trafilatura_text(tree))
    return read


def test_a_page_with_its_text_spread_across_it_is_read_by_trafilatura(monkeypatch):
    read = trafilatura_reads(monkeypatch)
    assert sum(p.startswith("Paragraph") for p in parse_html(page("", BODY + TEASER)).paragraphs) == 5
    assert len(read) == 1
    parse_html(page("", f"<div class='story-body'>{BODY}</div>{TEASER}"))  # marked as the story's
    parse_html(page("", f"<div>{BODY}</div><div class='rail'><p>Elsewhere: the council met.</p></div>"))
    assert len(read) == 1


def test_control_characters_in_a_page_do_not_stop_its_reading():
    lines = markup_paragraphs("<div><p>First\x01 line</p>tail\x02 text</div><p>Second</p>")
    assert lines == ["First\x01 line", "tail text", "Second"]  # the terminal's renderer escapes what is left


@pytest.mark.parametrize("story", ["<article>{}</article>", "<div>{}</div>" + TEASER])
def test_tables_in_figures_and_formulas_are_read_and_asides_and_forms_are_not(story, monkeypatch):
    # Read from the story's element and by trafilatura: elements its cleaning deletes are deleted
    # before it runs, but not those it reads first.
    read = trafilatura_reads(monkeypatch)
    table = ("<figure><table><tr><th>Port</th><th>Tonnes landed</th></tr>"
             "<tr><td>Gull Island</td><td>4,120</td></tr></table></figure>")
    formula = ('<p>The surveyors give the tide range as <math alttext="h = 2.4"><mi>h</mi></math> '
               "metres, which is the figure the harbour board will plan for this winter.</p>")
    aside = "<aside><p>Most read: a sponsored story about something else entirely, at length.</p></aside>"
    form = "<form><label>Your email address</label><input name=email></form>"
    body = parse_html(page("", story.format(f"{BODY}{table}{formula}{aside}{form}"))).paragraphs
    text = "\n".join(body)
    assert len(read) == story.count("teaser")
    assert "Gull Island" in text and "4,120" in text
    assert "h = 2.4" in text
    assert "Most read" not in text and "email address" not in text


def test_the_publication_is_the_publisher_or_the_site_s_name():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Ferry fares rise - Harbour Herald",'
          '"publisher": {"@type": "Organization", "name": "Harbour Herald"}}</script>')
    assert parse_html(page(ld + '<meta property="og:site_name" content="HH">', BODY)).publication == "Harbour Herald"
    site = '<meta property="og:site_name" content="Alder Post | The valley\'s news since 1902">'
    assert parse_html(page(site, BODY)).publication == "Alder Post"
    for name in ("@alderpost", "https://alderpost.example", "x" * 101):
        assert parse_html(page(f'<meta property="og:site_name" content="{name}">', BODY)).publication is None


def test_without_other_word_the_site_s_name_a_title_ends_with_is_the_publication():
    title = "<title>Ferry fares rise again as fuel costs bite - Section - Harbour Herald</title>"
    assert parse_html(page(title, BODY)).publication == "Harbour Herald"
    assert parse_html(page("<title>Ferry fares rise again</title>", BODY)).publication is None
    # A last part in lower case is the title's own ("... - the ferry's story"), not a site's name.
    assert parse_html(page("<title>Fares rise again - the ferry's story</title>", BODY)).publication is None


def test_headlines_escaped_twice_are_unescaped():
    head = '<meta property="og:title" content="Bike &amp;amp; Style: &amp;#039;the ride&amp;#039;">'
    assert parse_html(page(head, BODY)).headline == "Bike & Style: 'the ride'"



def test_trafilatura_is_loaded_only_when_a_page_needs_it():
    # Its import is a tenth of a second of every build's worker, and most pages do without it.
    code = ("import sys; from indexer.html import parse_html; parse_html(sys.argv[1]); "
            "print('trafilatura' in sys.modules)")
    for markup, loaded in ((page("", f"<article>{BODY}</article>"), "False"), (page("", BODY + TEASER), "True")):
        run = subprocess.run([sys.executable, "-c", code, markup], capture_output=True, text=True, check=True)
        assert run.stdout.strip() == loaded
