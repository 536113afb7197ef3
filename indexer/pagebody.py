"""Where the story is in an HTML page's tree, and the page furniture inside it.

Most news pages wrap the story in an element their markup names ("article-body", "entry-content",
``itemprop="articleBody"``: WordPress, news CMSs, schema.org); most others hold it in one element
with nearly all the page's paragraph text. Inside it, what is not the story is what the markup
names too (share bars, newsletter boxes, related-story rails, ads) and lists of links. Reading that
element in a single pass over its elements scores as trafilatura does on it, at a fraction of the
cost: trafilatura's XPath rules call back into Python for each element (bench/extraction.py,
F1 on the 58 pages marking their story 0.983 against trafilatura's 0.981, on the 30 holding it in
an unmarked element 0.968 against 0.968; trafilatura reads the 3 pages with neither).
"""

from __future__ import annotations

import re

import lxml.html

# A class or id naming the story's text; the element must also hold much of the page's paragraph
# text, or it is a teaser's "entry-content" in a list of posts.
_MARKED_BODY = re.compile(r"(?:article|entry|post|story|news)[-_]?(?:body|content|text)|articlebody|storybody")
_MARKED_SHARE = 0.5  # of the page's paragraph text
_STORY_SHARE = 0.85  # of the page's paragraph text, for an unmarked element to be taken as the story's container
# readability's "unlikely candidates" (the class and id words of page furniture), with the words of
# the share bars, sign-up boxes, recommendation rails and ad networks of news pages.
_FURNITURE = re.compile(
    r"-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends"
    r"|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate"
    r"|pagination|pager|popup|yom-remote|share|newsletter|subscribe|signup|promo|cookie|consent|modal|outbrain"
    r"|taboola|byline|author|caption|credit|tags|rail|trending|slide|carousel|teaser|recommend|popular"
    r"|more-from|read-more")
# readability's "maybe a candidate": a name that also says content ("sidebar-article") is kept.
_MAYBE_STORY = re.compile(r"and|article|body|column|content|main|shadow")
_FURNITURE_ROLES = frozenset({"navigation", "complementary", "banner", "contentinfo", "menu", "menubar", "dialog",
                              "alert"})
_STRUCTURE = frozenset({"html", "body", "main", "article"})
_LINKED_BLOCK = 0.5  # of a list's or a box's text in links: a list of other stories
_LINKED_LINE = 0.8  # of a paragraph's or an item's text: an item opening with a linked headline is prose
_BLOCKS = frozenset({"ul", "ol", "dl", "div", "section", "table", "nav", "aside"})
_LINES = frozenset({"p", "li", "td", "tr"})
_MOST = 0.5  # of the story's text: an element holding this much is the story, whatever it is called
_DATA_CELL = 200  # characters: a table's cell this short holds data, not a column of the page's layout


def paragraph_text(tree: lxml.html.HtmlElement) -> tuple[dict[lxml.html.HtmlElement, int], int]:
    """How many characters of the page's ``<p>`` text each element holds, and the page's total."""
    held: dict[lxml.html.HtmlElement, int] = {}
    page_text = 0
    for paragraph in tree.iter("p"):
        characters = len(paragraph.text_content())
        page_text += characters
        for ancestor in paragraph.iterancestors():
            held[ancestor] = held.get(ancestor, 0) + characters
    return held, page_text


def marked_body(held: dict[lxml.html.HtmlElement, int], page_text: int) -> lxml.html.HtmlElement | None:
    """The element the page names as its story's text, holding at least half its paragraph text:
    the one holding most, the deepest of those alike."""
    best, best_key = None, (0, 0)
    for element, characters in held.items():
        if characters < _MARKED_SHARE * page_text:
            continue
        names = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if element.get("itemprop") == "articleBody" or _MARKED_BODY.search(names):
            key = (characters, _depth(element))
            if key > best_key:
                best, best_key = element, key
    return best


def story_container(held: dict[lxml.html.HtmlElement, int], page_text: int) -> lxml.html.HtmlElement | None:
    """The deepest element holding most of the page's paragraph text, whatever its name: the story
    without the page's navigation, rails and footers. Below 0.85 of the text a comment thread or
    a teaser rail can stand for the story (bench/extraction.py: from 0.80 to 0.95 alike). None
    when only the page's ``<body>`` holds that much."""
    if not page_text:
        return None
    holders = [element for element, characters in held.items() if characters >= _STORY_SHARE * page_text]
    # Those holding that share are nested in one another: the deepest has the most ancestors.
    story = max(holders, key=_depth, default=None)
    return None if story is None or story.tag in ("html", "body") else story


def alone_in_a_page(element: lxml.html.HtmlElement, parser: lxml.html.HTMLParser) -> lxml.html.HtmlElement:
    """A page of its own holding ``element``, which is moved there, not copied: its old tree must
    not be read again."""
    page = lxml.html.document_fromstring("<html><body></body></html>", parser=parser)
    page.find("body").append(element)
    return page


def strip_furniture(page: lxml.html.HtmlElement) -> None:
    """Delete the page furniture in a story's page: elements whose class, id or role names
    furniture, hidden ones, and lists of links; never an element holding half the story."""
    total = len(page.text_content())
    # Named furniture first: the links of a related-stories box must not make its neighbours a list.
    for find in (_named_furniture, _lists_of_links):
        for element in find(page):
            if len(element.text_content()) < _MOST * total:
                element.drop_tree()


def rows_as_lines(page: lxml.html.HtmlElement) -> None:
    """Write each row of a data table as one line of text ("Kyle Busch | 5040 | 5"), not a line per
    cell; a row holding a long cell is layout, and keeps its cells' lines."""
    for row in list(page.iter("tr")):
        cells = [" ".join(cell.text_content().split()) for cell in row if cell.tag in ("td", "th")]
        if len(cells) > 1 and all(len(cell) <= _DATA_CELL for cell in cells):
            row.clear(keep_tail=True)
            row.text = " | ".join(cell for cell in cells if cell)


def _named_furniture(page: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    found = []
    for element in page.iter("*"):
        if element.tag in _STRUCTURE:
            continue
        # Lower case first: the same pattern searched with IGNORECASE is 5x slower.
        names = f"{element.get('class', '')} {element.get('id', '')}".lower()
        if (len(names) > 1 and _FURNITURE.search(names) and not _MAYBE_STORY.search(names)) \
                or element.get("role") in _FURNITURE_ROLES or element.get("hidden") is not None \
                or element.get("aria-hidden") == "true":
            found.append(element)
    return found


def _lists_of_links(page: lxml.html.HtmlElement) -> list[lxml.html.HtmlElement]:
    linked: dict[lxml.html.HtmlElement, int] = {}
    for link in page.iter("a"):
        characters = len(link.text_content().strip())
        if characters:
            for ancestor in link.iterancestors():
                linked[ancestor] = linked.get(ancestor, 0) + characters
    found = []
    for element, characters in linked.items():
        share = _LINKED_BLOCK if element.tag in _BLOCKS else _LINKED_LINE if element.tag in _LINES else None
        if share is not None and characters >= share * len(element.text_content().strip()):
            found.append(element)
    return found


def _depth(element: lxml.html.HtmlElement) -> int:
    return sum(1 for _ in element.iterancestors())
