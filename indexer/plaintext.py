"""The plain-text scrape layout: headline, optional sub-headline, date line, read-time line,
caption, then the body with boilerplate interleaved."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from . import clean, dates
from .mainblock import main_region

_BYLINE = re.compile(r"^(?:by|written by|author:?)\s+(?P<names>[A-Z][^\d]{2,100})$", re.IGNORECASE)
_HEADER_LINES = 8  # the date line, if any, comes within this many lines of the headline
_MAX_SUMMARY_CHARS = 400
_HEADLINE_SEARCH_LINES = 400
_MIN_WRAPPED_LINES = 8
_WRAP_WIDTHS = (40, 100)  # the widths text is typically wrapped at
# A wrapped line with room for the next word within this share of the width ended there on purpose.
_FULL_LINE = 0.85
_ENDS_SENTENCE = re.compile(r"[.!?:;\"”’)]\s*$")
_RUN_IN_HEADLINE_WORDS = 10
_MIN_HEADLINE_WORDS = 4
_HEADER_SEARCH_LINES = 15  # lines above the article its share lines, date and byline take at most
_MAX_HEADING_LINES = 2  # a headline and its standfirst; a longer run of lines is something else
_REVISED = re.compile(r"(?:last )?(?:updated|modified|edited|revised)\b", re.IGNORECASE)
_SKIP_LINK = re.compile(r"^(?:skip to|jump to|go to) (?:the )?(?:main )?(?:content|navigation|article|menu)\b",
                        re.IGNORECASE)
_BY = re.compile(r"^(?:by|written by|words by)\s+", re.IGNORECASE)
# Signs of Markdown: a heading, a link to an address, bold text.
_MARKDOWN = re.compile(r"^#{1,6} \S|\]\((?:https?:|/)|\*\*\S", re.MULTILINE)
_MARKDOWN_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_MARKDOWN_LINK = re.compile(r"\[([^\]\n]+)\]\([^)\n]*\)")
_MARKDOWN_LINE_MARK = re.compile(r"^(?:#{1,6}|>)[^\S\n]*", re.MULTILINE)
_MARKDOWN_EMPHASIS = re.compile(r"(?<![\w*_])(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_REPORTING_BY = re.compile(r"^\(?(?:Reporting|Writing) by (?P<names>[^;()]{3,120})")
_CREDIT_LINES = 6  # the last lines of a wire story, where its credits are
# A wire byline names the agency after the writer: "By LINDA HSU Associated Press".
_AGENCY_AFTER_NAME = re.compile(r"(?<=\w)\s+(?:of |for )?(?:the )?(?:associated press|ap|reuters|afp"
                                r"|agence france-presse|bloomberg(?: news)?|upi|dpa|press association|pa media)$",
                                re.IGNORECASE)
_PAGE_NUMBER = re.compile(r"^(?:-\s*\d{1,4}\s*-|page\s+\d{1,4}(?:\s*(?:of|/)\s*\d{1,4})?|\d{1,4}\s+of\s+\d{1,4})$",
                          re.IGNORECASE)
_PAGE_EDGE_LINES = 2  # a running head or foot is among a page's first or last lines
_BROKEN_WORD = re.compile(r"([^\W\d_]+)-$")
_LETTERS = re.compile(r"[^\W\d_]+")
# The header reading tools put over a page turned into Markdown (Jina Reader: "Title: ...",
# "URL Source: ...", "Published Time: ...", "Markdown Content:").
_TOOL_HEADER = re.compile(r"^(title|url source|url|published time|published|description|authors?|byline"
                          r"|markdown content)\s*:[^\S\n]*(.*)$", re.IGNORECASE)
_JOB = re.compile(r"\b(?:reporter|correspondent|editor|writer|columnist|journalist|contributor|staff|producer"
                  r"|photographer|critic)s?\s*$", re.IGNORECASE)


@dataclass
class TextLayout:
    """The parts of a plain-text article, before people extraction."""

    headline: str
    summary: str | None = None
    date: datetime | None = None
    authors: list[str] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    headline_from_body: bool = False
    url: str | None = None


def parse_layout(text: str, *, reference: datetime | None = None) -> TextLayout | None:
    """Split a plain-text scrape into headline, summary, date, captions and body paragraphs."""
    header, text = _tool_header(text)
    if _MARKDOWN.search(text):
        text = plain_markdown(text)
    title = clean.without_site_name(" ".join(header.get("title", "").split()))
    if title and not text.lstrip().lower().startswith(title.lower()):
        text = f"{title}\n\n{text}"  # the page's own heading, when its text does not open with it
    layout = _layout(text, reference)
    if layout is not None and header:
        published = header.get("published time") or header.get("published")
        layout.date = (dates.parse_date(published, reference=reference) if published else None) or layout.date
        layout.authors = layout.authors or split_names(header.get("authors") or header.get("author")
                                                       or header.get("byline") or "")
        address = header.get("url source") or header.get("url") or ""
        layout.url = address if address.lower().startswith(("http://", "https://")) else None
    return layout


def _tool_header(text: str) -> tuple[dict[str, str], str]:
    """The fields of a reading tool's header over the text, and the text below it; no fields for a
    text without one (two of its fields, a title or an address among them)."""
    if not _TOOL_HEADER.match(text.lstrip().split("\n", 1)[0].strip()):
        return {}, text  # nearly every text: it opens with no such field
    lines = text.split("\n")
    fields: dict[str, str] = {}
    at = 0
    while at < len(lines) and len(fields) < 12:
        line = lines[at].strip()
        at += 1
        if not line:
            continue
        match = _TOOL_HEADER.match(line)
        if match is None:
            at -= 1
            break
        fields.setdefault(match.group(1).lower(), match.group(2).strip())
        if match.group(1).lower() == "markdown content":
            break
    if len(fields) < 2 or not fields.keys() & {"title", "url source", "url"}:
        return {}, text
    return fields, "\n".join(lines[at:])


def _layout(text: str, reference: datetime | None) -> TextLayout | None:
    lines, running_heads = without_page_furniture(text)
    content = [i for i, line in enumerate(lines) if line.strip()]
    if not content:
        return None
    if is_hard_wrapped(lines):
        # Typed or e-mailed text wraps its paragraphs at a fixed width: score and index whole
        # paragraphs, not line fragments.
        headline_alone = len(content) > 1 and content[1] > content[0] + 1
        lines = unwrap(lines, typeset=bool(running_heads), short_lines_end=headline_alone)
        if not headline_alone:
            return _run_in_headline(lines, reference)
        content = [i for i, line in enumerate(lines) if line.strip()]
    # "View this email in your browser" over a newsletter's name: the rules know it is no headline.
    while len(content) > 1 and clean.is_boilerplate_line(lines[content[0]]):
        content = content[1:]
    layout = TextLayout(headline=_tidy(lines[content[0]]))
    header = content[1:1 + _HEADER_LINES]
    body_start = content[1] if len(content) > 1 else len(lines)
    date_at, layout.date = next(((i, when) for i in header if (when := dates.date_line(lines[i], reference=reference))),
                                (None, None))
    if date_at is not None:
        before = [i for i in header if i < date_at]
        for index in before:
            _take_header_line(layout, lines[index])
        # A byline printed on the date's line: "By Nadia Farouk | 5 February 2025".
        for part in clean.TITLE_SEPARATOR.split(lines[date_at].strip()):
            if not layout.authors and (byline := _BYLINE.match(part)) and not dates.parse_date(part):
                layout.authors = split_names(byline.group("names"))
        body_start = date_at + 1
    # Read-time lines, bylines and captions sit between the header and the body.
    for index in content:
        if index < body_start:
            continue
        line = lines[index].strip()
        if clean.is_boilerplate_line(line) or clean.is_caption(line) or _BYLINE.match(line):
            if clean.is_caption(line):
                layout.captions.append(line)
            elif _BYLINE.match(line):
                layout.authors.extend(split_names(_BYLINE.match(line).group("names")))
            body_start = index + 1
            continue
        break
    body = clean.drop_appeal_blocks(lines[body_start:])
    if not layout.authors:
        layout.authors = _wire_credits(body)
    anchor = _headline_again(body, layout.headline)
    if anchor is not None:
        # A full-page scrape opens with the page title and repeats the headline above the article.
        layout.headline = _tidy(body[anchor])
        body = body[anchor + 1:]
    start, end = main_region(body)
    if start == end:
        start, end = 0, len(body)  # no line reads as prose: a short note, keep it all
    elif anchor is None and _not_a_headline(layout.headline):
        # A page copied whole opens with its skip links and menus; the headline is printed
        # above the article, over its standfirst, byline and date.
        heading = _heading_above(body, start)
        if heading:
            layout.headline = _tidy(heading[0])
            layout.summary = layout.summary or (_tidy(heading[1]) if len(heading) > 1 else None)
    if layout.date is None:
        layout.date = _date_near(body, start, reference)
    if layout.date is None:  # a printed page's running head carries the date
        layout.date = next(filter(None, (dates.date_line(head, reference=reference) for head in running_heads)), None)
    paragraphs, captions = clean.strip_boilerplate(body[start:end])
    layout.paragraphs = paragraphs
    layout.captions.extend(captions)
    return layout


def plain_markdown(text: str) -> str:
    """Markdown (as scraping tools write pages) as plain text: headings, emphasis and quote marks
    gone, a link's text kept without its address, an image without a trace."""
    text = _MARKDOWN_IMAGE.sub("", text)
    text = _MARKDOWN_LINK.sub(r"\1", text)
    text = _MARKDOWN_LINE_MARK.sub("", text)
    return _MARKDOWN_EMPHASIS.sub(r"\2", text)


def is_hard_wrapped(lines: list[str]) -> bool:
    """True when most lines are cut at a fixed width inside sentences."""
    filled = [line for line in lines if line.strip()]
    if len(filled) < _MIN_WRAPPED_LINES:
        return False
    widths = sorted(len(line) for line in filled)
    typical = widths[len(widths) * 3 // 4]
    if not _WRAP_WIDTHS[0] <= typical <= _WRAP_WIDTHS[1]:
        return False
    # Wrapped lines fill the width; a page's menus and teasers are all lengths.
    if sum(1 for width in widths if width >= 0.7 * typical) < 0.6 * len(widths):
        return False
    pairs = zip(lines, lines[1:], strict=False)
    cut = sum(1 for a, b in pairs if a.strip() and b.strip() and not _ENDS_SENTENCE.search(a))
    return cut >= len(filled) / 2


def without_page_furniture(text: str) -> tuple[list[str], list[str]]:
    """The text's lines without the furniture of printed pages (text taken from a PDF or a print
    edition): page numbers ("Page 1 of 2", "- 2 -"), and running heads and feet, lines that open or
    close more than one page. Also returns the running heads' lines, for the date they carry."""
    pages: list[list[str]] = []
    for sheet in text.split("\f"):  # pdftotext parts pages with form feeds
        pages.append([])
        for line in sheet.splitlines():
            if _PAGE_NUMBER.match(line.strip()):
                pages.append([])
            else:
                pages[-1].append(line.rstrip())
    if len(pages) == 1:
        return pages[0], []
    edges = Counter(key for page in pages for key in {_furniture_key(line) for line in _page_edges(page)})
    repeated = {key for key, count in edges.items() if count >= 2}
    heads = [line for page in pages for line in _page_edges(page) if _furniture_key(line) in repeated]
    kept = [line for page in pages for line in page + [""] if _furniture_key(line) not in repeated]
    return kept, heads


def _page_edges(page: list[str]) -> list[str]:
    filled = [line for line in page if line.strip()]
    return filled[:_PAGE_EDGE_LINES] + filled[-_PAGE_EDGE_LINES:]


def _furniture_key(line: str) -> str:
    # A running head tells its page's number: "Valley Courier, page 2" repeats "..., page 1".
    return re.sub(r"\d+", "#", " ".join(line.split()).lower()) if line.strip() else ""


def unwrap(lines: list[str], typeset: bool = False, short_lines_end: bool = True) -> list[str]:
    """Join each paragraph's wrapped lines into one line. Blank lines part paragraphs. With
    ``short_lines_end``, so does a line the next word would have fitted on (a byline over its date,
    a paragraph's end), since a wrapping program only breaks a line when the next word does not
    fit; a text that runs its headline into its story is read without it (the TIME collection's
    stories break lines anywhere).

    A word broken with a hyphen is made whole when the text spells it whole elsewhere or was
    ``typeset`` (a printed page's columns break words; a wrapping program only breaks at a
    compound's own hyphen)."""
    # The width wrapped at, as is_hard_wrapped takes it: an overlong line (an address) does not move it.
    widths = sorted(len(a.rstrip()) for a, b in zip(lines, lines[1:], strict=False) if a.strip() and b.strip())
    width = widths[len(widths) * 3 // 4] if widths else 0
    broken = any(_BROKEN_WORD.search(line) for line in lines)
    vocabulary = {word.lower() for line in lines for word in _LETTERS.findall(line)} if broken else set()
    joined: list[str] = []
    current: list[str] = []
    for line, after in zip(lines + [""], lines[1:] + ["", ""], strict=True):
        if line.strip():
            current.append(line.strip())
            following = after.split()
            if not following or not short_lines_end or len(line.rstrip()) + 1 + len(following[0]) > width * _FULL_LINE:
                continue
        if current:
            joined += [_joined_lines(current, vocabulary, typeset) if broken else " ".join(current), ""]
            current = []
    return joined


def _joined_lines(parts: list[str], vocabulary: set[str], typeset: bool) -> str:
    text = parts[0]
    for part in parts[1:]:
        end, start = _BROKEN_WORD.search(text), _LETTERS.match(part)
        if end and start and part[:1].islower():
            whole = (end.group(1) + start.group()).lower()
            # "ex-" + "tended" → "extended"; "six-" + "month" → "six-month"
            text = text[:-1] + part if typeset or whole in vocabulary else text + part
        else:
            text += " " + part
    return text


def _run_in_headline(lines: list[str], reference: datetime | None) -> TextLayout:
    """A text whose headline runs into its first paragraph: show its opening words as the
    headline and keep all of it as the body."""
    paragraphs, captions = clean.strip_boilerplate(clean.drop_appeal_blocks(lines))
    opening = paragraphs[0] if paragraphs else ""
    words = opening.split()
    headline = " ".join(words[:_RUN_IN_HEADLINE_WORDS]) + (" …" if len(words) > _RUN_IN_HEADLINE_WORDS else "")
    return TextLayout(headline=headline, date=_date_near(lines, min(len(lines), 3), reference),
                      captions=captions, paragraphs=paragraphs, headline_from_body=True)


def _headline_again(lines: list[str], title: str) -> int | None:
    """Where the headline reappears in the page (without the site name a page title carries)."""
    parts = [p for p in clean.TITLE_SEPARATOR.split(title) if p.strip()]
    core = max(parts, key=len, default=title).strip().lower()
    if len(core.split()) < 3:
        return None
    for index, line in enumerate(lines[:_HEADLINE_SEARCH_LINES]):
        if _tidy(line).lower() == core:
            return index
    return None


def _wire_credits(lines: list[str]) -> list[str]:
    """The reporters a wire story credits at its end: "(Reporting by Tom Ellery; Editing by ...)"."""
    for line in lines[-_CREDIT_LINES:]:
        credit = _REPORTING_BY.search(line)
        if credit:
            return split_names(credit.group("names"))
    return []


def _not_a_headline(line: str) -> bool:
    """A first line that cannot be a headline: a skip link, a menu item, a site's name."""
    return len(line.split()) < _MIN_HEADLINE_WORDS or _is_menu(line) or clean.is_boilerplate_line(line)


def _is_menu(line: str) -> bool:
    return bool(_SKIP_LINK.match(line)) or line.count(" | ") >= 2


def _heading_above(lines: list[str], start: int) -> list[str] | None:
    """The lines of a headline (and standfirst) above the article that starts at ``start``: up
    past its share lines, date and byline (short lines), then the run of longer lines there (not
    a line of lower-case topic tags)."""
    index = start - 1
    while index >= max(0, start - _HEADER_SEARCH_LINES) and (
            not lines[index].strip() or len(lines[index].split()) < _MIN_HEADLINE_WORDS
            or dates.date_line(lines[index]) or clean.is_boilerplate_line(lines[index])):
        index -= 1
    heading: list[str] = []
    while index >= 0 and (not lines[index].strip() or (
            len(lines[index].split()) >= _MIN_HEADLINE_WORDS and not lines[index].lstrip()[:1].islower()
            and not _is_menu(lines[index])
            and not clean.is_boilerplate_line(lines[index]) and not dates.date_line(lines[index]))):
        if lines[index].strip():
            heading.insert(0, lines[index])
        index -= 1
    return heading if 1 <= len(heading) <= _MAX_HEADING_LINES else None


def _date_near(lines: list[str], start: int, reference: datetime | None) -> datetime | None:
    """A full-page scrape prints the date just above the article: look there, for the date it was
    published rather than the one it was last changed."""
    found = None
    for line in reversed(lines[max(0, start - 12):start]):
        when = dates.date_line(line, reference=reference)
        if when and not _REVISED.match(line.strip()):
            return when
        found = found or when
    return found


def split_names(names: str) -> list[str]:
    """Split a byline's names: "A, B and C" → ["A", "B", "C"], without the writers' jobs ("A,
    Transport Reporter")."""
    parts = re.split(r"\s*(?:,|\band\b|&|;)\s*", _BY.sub("", names.strip()), flags=re.IGNORECASE)
    parts = [_without_agency(part.strip()) for part in parts]
    # A name in capitals, as wire bylines print them; not an agency's initials ("AP").
    return [p.title() if p.isupper() and (" " in p or len(p) > 4) else p for p in parts
            if p and len(p.split()) <= 5 and not _JOB.search(p)]


def _without_agency(name: str) -> str:
    person = _AGENCY_AFTER_NAME.sub("", name)
    return person if len(person.split()) >= 2 else name  # "The Associated Press" wrote it


def _take_header_line(layout: TextLayout, line: str) -> None:
    text = line.strip()
    byline = _BYLINE.match(text)
    if byline:
        layout.authors.extend(split_names(byline.group("names")))
    elif clean.is_caption(text):
        layout.captions.append(text)
    elif layout.summary is None and len(text) <= _MAX_SUMMARY_CHARS and len(text.split()) >= _MIN_HEADLINE_WORDS \
            and _tidy(text).lower() != layout.headline.lower() and not clean.is_boilerplate_line(text):
        # A standfirst says something new; a shorter line is a section's name or a link ("Zurück zur Übersicht").
        layout.summary = _tidy(text)


def _tidy(text: str) -> str:
    return " ".join(text.split())
