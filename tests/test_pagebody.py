import lxml.html

from indexer.html import _PARSER, _block_lines
from indexer.pagebody import (
    alone_in_a_page,
    marked_body,
    paragraph_text,
    rows_as_lines,
    story_container,
    strip_furniture,
)

PROSE = ("Paragraph {} of the report, which runs long enough to count as article text, with commas, "
         "clauses, and detail.")
BODY = "".join(f"<p>{PROSE.format(n)}</p>" for n in range(1, 6))


def tree(body: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(f"<html><body>{body}</body></html>")


def story_of(body: str) -> lxml.html.HtmlElement | None:
    page = tree(body)
    return marked_body(*paragraph_text(page))


def test_the_marked_body_is_the_element_named_as_the_story_s_text():
    assert story_of(f"<div id='wrap'><div class='c-article-body'>{BODY}</div></div>").get("class") == "c-article-body"
    assert story_of(f"<div itemprop='articleBody'>{BODY}</div>").get("itemprop") == "articleBody"
    assert story_of(f"<div class='story'>{BODY}</div>") is None  # named by nothing


def test_a_teaser_s_marked_text_is_not_the_story():
    # A list of posts marks each excerpt as "entry-content": none holds half the page's text.
    excerpts = "".join(f"<div class='entry-content'><p>{PROSE.format(n)}</p></div>" for n in range(1, 6))
    assert story_of(excerpts) is None
    # The story beside a teaser: the one holding most of the text.
    teaser = f"<div class='entry-content'><p>{PROSE.format(9)}</p></div>"
    assert story_of(f"{teaser}<div class='post-body'>{BODY}</div>").get("class") == "post-body"


def test_the_story_container_is_the_deepest_element_holding_most_paragraph_text():
    rail = "<div class='rail'><p>Elsewhere: the council met on Tuesday.</p></div>"
    page = tree(f"<div id='wrap'><div id='story'>{BODY}</div>{rail}</div>")
    assert story_container(*paragraph_text(page)).get("id") == "story"


def test_no_story_container_when_only_the_page_holds_most_of_its_text():
    teaser = f"<article><p>{PROSE.format(9)} {PROSE.format(10)}</p></article>"
    assert story_container(*paragraph_text(tree(f"<div>{BODY}</div>{teaser}"))) is None
    assert story_container(*paragraph_text(tree("<div><p></p></div>"))) is None


def stripped(body: str) -> str:
    page = alone_in_a_page(tree(f"<div id='story'>{body}</div>").get_element_by_id("story"), _PARSER)
    strip_furniture(page)
    return " ".join(page.text_content().split())


def test_furniture_named_by_its_class_id_or_role_goes():
    furniture = ["<div class='share-bar'>Share on Facebook</div>", "<div id='newsletter-signup'>Get our emails</div>",
                 "<div class='related-stories'>Other things</div>", "<div role='navigation'>Sections</div>",
                 "<div hidden>Hidden text</div>", "<span aria-hidden='true'>Icon label</span>",
                 "<div class='ad-slot outbrain'>Sponsored</div>"]
    text = stripped(BODY + "".join(furniture))
    assert text.startswith("Paragraph 1") and text.endswith("detail.")
    assert text.count("Paragraph") == 5


def test_a_name_that_also_says_content_is_kept():
    # readability's rule: "sidebar" is furniture, "sidebar-article-content" may be the story.
    assert "Boxed" in stripped(BODY + "<div class='sidebar-article-content'><p>Boxed fact.</p></div>")


def test_an_element_holding_most_of_the_story_is_kept_whatever_its_name():
    # Page builders wrap the story in widgets and share-button containers.
    assert stripped(f"<div class='share-widget-wrap'>{BODY}</div>").count("Paragraph") == 5


def test_lists_of_links_go_and_prose_with_links_stays():
    links = "".join(f"<li><a href='/s/{n}'>Another story number {n} on the site</a></li>" for n in range(5))
    linked_prose = ("<p>The council <a href='/c'>published the report</a> on Tuesday, and residents have until "
                    "March to respond to its proposals.</p>")
    # A list of stories each opening with its linked headline, as newsletters print them: prose.
    digest = ("<ol><li><strong><a href='/d'>Teens love their earbuds</a>.</strong> That is according to a "
              "new survey of three thousand households.</li></ol>")
    text = stripped(BODY + f"<ul>{links}</ul>" + linked_prose + digest)
    assert "Another story" not in text
    assert "published the report on Tuesday" in text
    assert "Teens love their earbuds. That is according" in text


def test_a_data_table_s_rows_are_lines_and_a_layout_table_s_cells_are():
    standings = ("<table><tr><th>Pos.</th><th>Driver</th><th>Points</th></tr>"
                 "<tr><td>1</td><td>Kyle Busch</td><td>5040</td></tr><tr><td>2</td><td></td><td>5035</td></tr></table>")
    layout = f"<table><tr><td>Menu</td><td>{PROSE.format(1)} {PROSE.format(2)}</td></tr></table>"
    page = tree(standings + layout)
    rows_as_lines(page)
    lines = _block_lines(page)
    assert "Pos. | Driver | Points" in lines and "1 | Kyle Busch | 5040" in lines and "2 | 5035" in lines
    assert page.xpath("count(//td)") == 2
