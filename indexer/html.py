"""HTML pages → main text and metadata (beautifulsoup4 with lxml; trafilatura for pages with no story element).

Metadata comes first from JSON-LD, then OpenGraph and meta tags, then the page itself (``<h1>``,
``<time>``). The main text is the text of the story's element (the one the page marks as its
body, or else the one holding most of its paragraph text) without the furniture its markup names
and its lists of links (``pagebody``). A page with no such element, its text spread across the
page, goes to trafilatura in its precision mode, whose rules for every kind of page furniture
score best on those. When neither finds the article, the page's text is read line by line as
full-page text scrapes are.
"""

from __future__ import annotations

import functools
import html as html_module
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

import lxml.etree
import lxml.html
from bs4 import BeautifulSoup

from . import clean, dates
from .mainblock import main_region
from .pagebody import alone_in_a_page, marked_body, paragraph_text, rows_as_lines, story_container, strip_furniture
from .plaintext import split_names
from .readers import load_json

# Elements that hold no article text (a figure holding a table holds data), and the elements that
# end a line of text.
_NOT_TEXT = ("//script|//style|//noscript|//template|//iframe|//svg|//canvas|//form|//button|//select"
             "|//nav|//footer|//aside|//figure[not(.//table)]|//header")
_LINE_BREAKING = ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
                  "section", "article", "td", "dd", "dt")
_TAG = re.compile(r"<[^>]*>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_INVISIBLE = re.compile(r"<(script|style|noscript|template|svg)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_METADATA_TAG = re.compile(r"<meta\b[^>]*>|<link\b[^>]*\bcanonical\b[^>]*>|<title\b.*?</title\s*>"
                           r"|<script\b[^>]*ld\+json.*?</script\s*>",
                           re.IGNORECASE | re.DOTALL)
_HEAD_END = re.compile(r"</head\s*>", re.IGNORECASE)
_META_KEY = re.compile(r"""\b(?:property|name|itemprop)\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_DATE_KEYS = ("article:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date",
              "dc.date.issued", "sailthru.date", "parsely-pub-date")
_META_KEYS = {"og:title", "twitter:title", "og:description", "description", "author", "article:author", "og:url",
              "og:site_name", *_DATE_KEYS}
_MIN_MAIN_TEXT = 200  # characters; less than this as the main text means the article was missed
_LAYOUT_CELL = 250  # characters in one table row of trafilatura's text: a layout table, not data
_BYLINE_HOLDER = re.compile(r"date|time|byline|meta|posted|published|author", re.IGNORECASE)
_BYLINE = re.compile(r"\b(?:[Bb]y|BY)\s+(?P<name>[A-Z][\w'’.-]+(?:[^\S\n]+[A-Z][\w'’.-]+){0,3})")
_AUTHOR_HOLDER = re.compile(r"author|byline", re.IGNORECASE)
_NAME_ALONE = re.compile(r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}")
_MAX_BYLINE = 200  # characters: a longer element holds more than a byline
_MAX_PUBLICATION = 100  # characters: a longer "name" is a paragraph in the wrong place
_CANONICAL = re.compile(r"""\brel\s*=\s*["']?canonical\b""", re.IGNORECASE)
# trafilatura's parser options, without its loader's guessing: our readers have decoded the page.
_PARSER = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True, remove_pis=True)
_UTF8_PARSER = lxml.html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True,
                                    remove_pis=True, encoding="utf-8")
# Every element an HtmlElement, chosen in C: lxml.html's own lookup calls Python for each element
# trafilatura visits (135,000 calls on 91 pages, a tenth of its time).
for _parser in (_PARSER, _UTF8_PARSER):
    _parser.set_element_class_lookup(lxml.etree.ElementDefaultClassLookup(element=lxml.html.HtmlElement))
_ARTICLE_TYPES = {"newsarticle", "article", "reportagenewsarticle", "blogposting", "analysisnewsarticle",
                  "webpage", "opinionnewsarticle", "report", "liveblogposting"}


@dataclass
class HtmlPage:
    """What an HTML page yields before boilerplate rules and people extraction."""

    headline: str = ""
    summary: str | None = None
    date: datetime | None = None
    authors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    url: str | None = None
    publication: str | None = None


def parse_html(markup: str) -> HtmlPage:
    """Extract metadata and the main text's paragraphs from an HTML page."""
    page = HtmlPage()
    head_end = _HEAD_END.search(markup)
    head_markup, body_markup = (markup[:head_end.end()], markup[head_end.end():]) if head_end else (markup, markup)
    # Metadata lives in <head>, and beautifulsoup4 reads only that part: building its tree for a
    # whole page costs more than indexing the article. The body's few metadata tags (JSON-LD
    # scripts, <h1>, <time>, <figcaption>) are read from lxml's much faster tree.
    head = BeautifulSoup(_metadata_markup(head_markup), "lxml")
    _read_json_ld(head, page)
    _read_meta(head, page)
    # One lxml parse of the body (the head's styles and scripts are a third of a page) serves the
    # body's metadata and then its main text.
    tree = _lxml_tree(body_markup)
    if tree is not None:
        _read_body_metadata(tree, page)
    main = _main_text(tree) if tree is not None else ""
    if len(main) >= _MIN_MAIN_TEXT and not _laid_out_in_a_table(main):
        page.paragraphs = [" ".join(line.split()) for line in main.splitlines() if line.strip()]
    else:
        page.paragraphs = _fallback_paragraphs(_lxml_tree(body_markup)) or _text_without_tags(markup)
    title = _clean(head.title.get_text()) if head.title else ""
    if not page.headline and title:
        page.headline = _title_headline(title, page.paragraphs)
    # The site's name a title ends with, when the page names no publication otherwise.
    page.publication = page.publication or publication_name(clean.split_site_name(title)[1])
    # Escaped twice by some sites' templates: "Bike &amp; Style", "&#039;The Medium&#039;".
    page.headline = _unescaped(page.headline)
    page.summary = _unescaped(page.summary) if page.summary else page.summary
    return page


def _unescaped(text: str) -> str:
    return html_module.unescape(text) if "&" in text else text


def _title_headline(title: str, paragraphs: list[str]) -> str:
    """The headline in a page's <title>, without the site's name it carries ("Levees rise | The
    Alder Times"): the text's heading when the title holds it, else ``clean.without_site_name``."""
    if paragraphs and len(paragraphs[0].split()) >= 3 and title.startswith(paragraphs[0]):
        return paragraphs[0]
    return clean.without_site_name(title)


def _laid_out_in_a_table(text: str) -> bool:
    """True when trafilatura read the story as a table's cell (pages laid out with tables, as old
    sites are): a row that long is prose, and reads better line by line."""
    return any(line.startswith("|") and len(line) > _LAYOUT_CELL for line in text.splitlines())


def _metadata_markup(head: str) -> str:
    """Only the tags metadata comes from: <title>, the <meta> tags read and JSON-LD scripts of the <head>.

    beautifulsoup4 builds a Python object per tag, and a real page's head holds hundreds of
    links, styles, scripts and image or app meta tags: handing it just these tags makes reading
    metadata 12x cheaper.
    """
    return "".join(tag for tag in map(re.Match.group, _METADATA_TAG.finditer(head)) if _wanted(tag))


def _wanted(tag: str) -> bool:
    if tag[:5].lower() not in ("<meta", "<link"):
        return True
    if tag[:5].lower() == "<link":
        return _CANONICAL.search(tag) is not None
    key = _META_KEY.search(tag)
    return key is not None and key.group(1).lower() in _META_KEYS


def _lxml_tree(markup: str) -> lxml.html.HtmlElement | None:
    try:
        try:
            return lxml.html.document_fromstring(markup, parser=_PARSER)
        except ValueError:  # a string declaring its encoding (<?xml ... encoding=...?>) must be bytes
            return lxml.html.document_fromstring(markup.encode("utf-8", "surrogatepass"), parser=_UTF8_PARSER)
    except (lxml.etree.ParserError, ValueError, TypeError):
        return None  # nothing but white space


def _read_body_metadata(tree: lxml.html.HtmlElement, page: HtmlPage) -> None:
    if not page.headline or page.date is None:
        for script in tree.xpath("//body//script[contains(@type, 'ld+json')]"):
            _json_ld_into(script.text_content(), page)
    if not page.headline:
        page.headline = _tidy_text(tree.find(".//h1"))
    if page.date is None:
        for time in tree.iter("time"):
            page.date = _date(time.get("datetime")) or dates.parse_date(_tidy_text(time))
            if page.date:
                break
    page.captions = [text for text in map(_tidy_text, tree.iter("figcaption")) if text]
    if page.date is None or not page.authors:
        _read_byline_elements(tree, page)


def _read_byline_elements(tree: lxml.html.HtmlElement, page: HtmlPage) -> None:
    """The date and authors a page prints in its byline ("Posted by Tomas Lind on 3rd June 2024"):
    the first short elements whose class or id names a date, a byline or the post's details."""
    for element in tree.iter():
        names = f"{element.get('class', '')} {element.get('id', '')}"
        if not _BYLINE_HOLDER.search(names):
            continue
        # A line per piece of text: a name ends where its element does ("By Carrie Arnold" and
        # "November 15, 2019" are two).
        lines = "\n".join(" ".join(piece.split()) for piece in element.itertext())
        if not lines.strip() or len(lines) > _MAX_BYLINE:
            continue
        if page.date is None:
            page.date = _date(element.get("datetime")) or dates.parse_date(" ".join(lines.split()))
        if not page.authors and (byline := _BYLINE.search(lines)):
            name = byline.group("name")
            page.authors = split_names(name)
        elif not page.authors and _AUTHOR_HOLDER.search(names) and "comment" not in names.lower():
            # An author's element holding the name alone: "Tony Carter", "Steve Peoples, AP Writer".
            text = " ".join(lines.split())
            page.authors = [name for name in split_names(text) if _NAME_ALONE.fullmatch(name)]
        if page.date is not None and page.authors:
            return


def _main_text(tree: lxml.html.HtmlElement) -> str:
    """The story's text, a line per block: the text of the element the page marks as its body, else
    of the element holding most of its paragraph text, without their furniture; else what
    trafilatura finds in the whole page. ``tree`` is not read again: its story is moved to a page
    of its own."""
    held, page_text = paragraph_text(tree)
    story = marked_body(held, page_text)
    if story is None:
        story = story_container(held, page_text)
    if story is None:
        return _trafilatura_text(tree)
    page = alone_in_a_page(story, _PARSER)
    strip_furniture(page)
    rows_as_lines(page)
    return "\n".join(line for line in _block_lines(page) if line)


def _tidy_text(element) -> str:
    return " ".join(element.text_content().split()) if element is not None else ""


def _trafilatura_text(tree: lxml.html.HtmlElement) -> str:
    extract, options, cleaned = _trafilatura()
    lxml.etree.strip_elements(tree, *cleaned, with_tail=False)
    try:
        return extract(tree, options=options) or ""
    except (ValueError, TypeError, RecursionError):
        return ""  # pages too broken for its parser still get the fallback


@functools.cache
def _trafilatura() -> tuple[Callable[..., str | None], object, list[str]]:
    """trafilatura's extract, its options and the elements deleted before it runs, loaded when a
    page first needs them: most pages do not, and the import is a tenth of a second."""
    import trafilatura
    from trafilatura.settings import MANUALLY_CLEANED, Extractor

    # Built once: trafilatura otherwise builds its options for every page, reading them from its
    # configuration (a tenth of its time on a short page). fast=True skips its own fallback
    # extractors: half the time for 0.3 points of F1, and pages it cannot read still get ours.
    options = Extractor(precision=True, fast=True, comments=False, images=False, dedup=False)
    # The elements its cleaning deletes whole anyway, deleted before it runs: its first passes
    # test each element of the raw tree with regular expressions called back into Python, and it
    # copies the tree twice (a tenth of its time on the benchmark's pages, the same text on each).
    # Not the ones its cleaning reads first: forms (kept when they hold the text), figures (kept
    # when they hold a table), MathML (kept as LaTeX) and scripts (JSON-LD marks a forum).
    cleaned = [tag for tag in MANUALLY_CLEANED if tag not in ("form", "figure", "math", "script")]
    return trafilatura.extract, options, cleaned


def markup_paragraphs(markup: str) -> list[str]:
    """The text of an HTML fragment (a record's body kept in its page's markup), a line per block."""
    lines = _block_lines(_lxml_tree(f"<html><body>{markup}</body></html>"))
    return [line for line in lines if line] or _text_without_tags(markup)


def _block_lines(tree: lxml.html.HtmlElement | None) -> list[str]:
    """The text of a page, a line per block, without the elements that hold no article text."""
    if tree is None:
        return []
    for element in tree.xpath(_NOT_TEXT):
        element.drop_tree()
    for formula in list(tree.iter("math")):
        if reading := formula.get("alttext"):  # MathML's own reading of a formula ("h = 2.4"), not its symbols
            formula.clear(keep_tail=True)
            formula.text = reading
    for element in tree.iter(*_LINE_BREAKING):
        # lxml reads control characters in a page but will not take them back.
        element.tail = "\n" + _CONTROL.sub("", element.tail or "")
    return [" ".join(line.split()) for line in tree.text_content().splitlines()]


def _fallback_paragraphs(tree: lxml.html.HtmlElement | None) -> list[str]:
    """The page as lines of text, one per block, read by the text-density region finder that
    handles full-page text scrapes."""
    lines = _block_lines(tree)
    if not lines:
        return []
    start, end = main_region(lines)
    if start == end:
        start, end = 0, len(lines)  # nothing reads as prose: a short page, keep what text it has
    return [line for line in lines[start:end] if line]


def _text_without_tags(markup: str) -> list[str]:
    """The last resort for markup too broken or too deep for a parser (lxml stops at depth 256)."""
    text = html_module.unescape(_TAG.sub("\n", _INVISIBLE.sub(" ", markup)))
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _read_json_ld(soup: BeautifulSoup, page: HtmlPage) -> None:
    for script in soup.find_all("script", type=re.compile("ld\\+json", re.IGNORECASE)):
        _json_ld_into(script.string or "", page)


def _json_ld_into(text: str, page: HtmlPage) -> None:
    try:
        data = load_json(text)
    except (json.JSONDecodeError, RecursionError, TypeError):
        return
    for item in _json_ld_items(data):
        kinds = item.get("@type")
        kinds = {k.lower() for k in (kinds if isinstance(kinds, list) else [kinds]) if isinstance(k, str)}
        if not kinds & _ARTICLE_TYPES:
            continue
        page.headline = page.headline or _clean(item.get("headline") or item.get("name"))
        page.summary = page.summary or _clean(item.get("description")) or None
        if page.date is None:
            page.date = _date(item.get("datePublished") or item.get("dateCreated"))
        if not page.authors:
            page.authors = _names(item.get("author"))
        page.url = page.url or web_address(item.get("url")) or web_address(item.get("mainEntityOfPage"))
        page.publication = page.publication or publication_name(item.get("publisher"))


def _json_ld_items(data: object) -> list[dict]:
    if isinstance(data, list):
        return [item for entry in data for item in _json_ld_items(entry)]
    if not isinstance(data, dict):
        return []
    items = [data]
    if isinstance(data.get("@graph"), list):
        items += [entry for entry in data["@graph"] if isinstance(entry, dict)]
    return items


def _read_meta(soup: BeautifulSoup, page: HtmlPage) -> None:
    meta = {}
    for tag in soup.find_all("meta"):
        key = (tag.get("property") or tag.get("name") or tag.get("itemprop") or "").lower()
        if key and key not in meta and tag.get("content"):
            meta[key] = tag["content"]
    page.headline = page.headline or _clean(meta.get("og:title") or meta.get("twitter:title"))
    page.summary = page.summary or _clean(meta.get("og:description") or meta.get("description")) or None
    if page.date is None:
        for key in _DATE_KEYS:
            page.date = _date(meta.get(key))
            if page.date:
                break
    if not page.authors:
        page.authors = _names(meta.get("author") or meta.get("article:author"))
    # A site's name, without the motto some add ("LinkNaija | Nigeria's popular news platform").
    site = clean.TITLE_SEPARATOR.split(meta.get("og:site_name", ""))[0]
    page.publication = page.publication or publication_name(site)
    canonical = soup.find("link", href=True)
    # The page's canonical address first: JSON-LD's is sometimes a section's or the site's.
    page.url = web_address(canonical["href"] if canonical else None) or web_address(meta.get("og:url")) or page.url


def web_address(value: object) -> str | None:
    """An absolute http(s) address, from a string or a JSON-LD object naming one (``@id``)."""
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url")
    if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
        return " ".join(value.split())
    return None


def publication_name(value: object) -> str | None:
    """A publication's name, from a string or an object naming one ("publisher": {"name": ...});
    not an address (a feed's, a crawl's) nor a paragraph in the wrong place."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    # A social account ("@politifact") names no publication as it prints its name.
    if isinstance(value, str) and value.strip() and "://" not in value and len(value) <= _MAX_PUBLICATION \
            and not value.lstrip().startswith("@"):
        return " ".join(value.split())
    return None


def _clean(value: object) -> str:
    return " ".join(value.split()) if isinstance(value, str) else ""


def _date(value: object) -> datetime | None:
    return dates.parse_date(value) if isinstance(value, str) else None


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [value.strip()] if value.strip() and len(value.split()) <= 6 else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [name for entry in value for name in _names(entry)]
    return []
