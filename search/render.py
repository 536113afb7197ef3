"""Results → text for terminals and pipes: ANSI colour, plain text or JSON.

Article text is untrusted: every control character and escape sequence is removed here, at the
last step before a terminal, so that no byte of an article can move the cursor, retitle the
window or reorder text.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime

from .results import Facets, Hit, SearchResults
from .snippets import Fragment

_ESCAPE_SEQUENCE = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"            # CSI: colours, cursor moves
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC: window titles, hyperlinks
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"       # DCS, SOS, PM, APC strings
    r"|\x1b[@-Z\\-_]?"                      # two-byte escapes and a lone ESC
    r"|\x9b[0-?]*[ -/]*[@-~]"              # 8-bit CSI
)
# C0 and C1 controls, DEL, bidi overrides and isolates, zero-width and line/paragraph separators.
# Control and direction characters, and lone surrogates (no terminal can be sent half a character).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ud800-\udfff]")

BOLD, DIM, RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"
_COLOUR_CODE = re.compile(r"\x1b\[[0-9;]*m")  # the styles below, and only they, reach _wrap
HIGHLIGHT = "\x1b[1;33m"
DATE_COLOUR = "\x1b[36m"
PEOPLE_COLOUR = "\x1b[32m"
TIMELINE_MONTHS = 36  # a longer span is charted per year: a bar per month would not fit a screen


def safe(text: str, *, newlines: bool = False) -> str:
    """``text`` with every escape sequence and control character removed (tabs become spaces;
    newlines are kept only when ``newlines``)."""
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = text.replace("\t", " ").replace("\r", "")
    text = _UNSAFE.sub("", text)
    return text if newlines else text.replace("\n", " ")


def paint(text: str, style: str, colour: bool) -> str:
    """``text`` in an ANSI style when colour is on."""
    return f"{style}{text}{RESET}" if colour and text else text


def highlighted(fragment: Fragment | str, spans: list[tuple[int, int]] | None = None, *,
                colour: bool, style: str = HIGHLIGHT, newlines: bool = False) -> str:
    """Render text with highlight spans, each piece made safe on its own so offsets hold."""
    text = fragment.text if isinstance(fragment, Fragment) else fragment
    spans = fragment.highlights if isinstance(fragment, Fragment) else (spans or [])
    out, position = [], 0
    for start, end in sorted(spans):
        if start < position:
            continue
        out.append(safe(text[position:start], newlines=newlines))
        piece = safe(text[start:end], newlines=newlines)
        out.append(paint(piece, style, colour) if colour else f"[{piece}]")
        position = end
    out.append(safe(text[position:], newlines=newlines))
    return "".join(out)


def render_hit(hit: Hit, *, colour: bool, width: int = 100) -> str:
    """One hit as a block: number and headline, date · publication · people · file (or a line
    with the article's web address), then the snippet."""
    indent = " " * 5
    number = paint(f"{hit.rank:>3}.", DIM, colour)
    lines = [f"{number} {paint(safe(hit.headline) or '(no headline)', BOLD, colour)}"]
    parts = [(format_date(hit.date), DATE_COLOUR)] if hit.date else []
    if hit.publication:
        parts.append((safe(hit.publication), DIM))
    if hit.people:
        # As many names as leave the line room for the file's name (13 characters) or fit it.
        room = width - len(indent) - sum(len(text) + 3 for text, _ in parts) - (0 if hit.url else 16)
        parts.append((_names_within(hit.people, room), PEOPLE_COLOUR))
    if hit.url:  # a line of its own, as search engines show where a page is
        if parts:
            lines.append(indent + " · ".join(paint(text, style, colour) for text, style in parts))
        lines.append(indent + paint(_shortened_address(safe(hit.url), width - len(indent)), DIM, colour))
    else:
        # One line: the file name gives way first, keeping its end (the most telling part).
        room = width - len(indent) - sum(len(text) + 3 for text, _ in parts)
        parts.append((_shortened(safe(hit.id), max(room, 13)), DIM))
        lines.append(indent + " · ".join(paint(text, style, colour) for text, style in parts))
    for fragment in hit.fragments:
        lines += _wrap(highlighted(fragment, colour=colour), width - len(indent), indent)
    if hit.copies:
        shown = ", ".join(safe(copy) for copy in hit.copies[:_COPIES_SHOWN])
        more = f" and {len(hit.copies) - _COPIES_SHOWN} more" if len(hit.copies) > _COPIES_SHOWN else ""
        noun = "copy" if len(hit.copies) == 1 else "copies"
        lines.append(indent + paint(_shortened(f"+{len(hit.copies)} near-identical {noun}: {shown}{more}",
                                               width - len(indent)), DIM, colour))
    return "\n".join(lines)


_COPIES_SHOWN = 2  # ids of near-identical articles named under a hit
_NAMES_SHOWN = 4  # people named on a hit's line at most


def _names_within(people: list[str], room: int) -> str:
    """The first people's names ("A, B, C +2"), as many of the first four as fit in ``room``; one at least."""
    for count in range(min(len(people), _NAMES_SHOWN), 0, -1):
        more = f" +{len(people) - count}" if len(people) > count else ""
        shown = ", ".join(safe(p) for p in people[:count]) + more
        if len(shown) <= room or count == 1:
            return shown
    return ""


def _shortened(text: str, room: int) -> str:
    return text if len(text) <= room else "…" + text[-(room - 1):]


def _shortened_address(url: str, room: int) -> str:
    """A web address in ``room`` characters: without its scheme and "www.", then its site and the
    end of its path ("herald.example/…/quay-reopens")."""
    address = url.split("://", 1)[-1].removeprefix("www.").rstrip("/")
    if len(address) <= room:
        return address
    site, _, path = address.partition("/")
    tail = room - len(site) - len("/…")
    return f"{site}/…{path[-tail:]}" if tail >= 8 else _shortened(address, room)


def render_results(results: SearchResults, *, colour: bool, width: int = 100) -> str:
    """A page of results with a header line, for a terminal or a pipe."""
    head = f"{results.total} result{'s' if results.total != 1 else ''}"
    if results.folded:
        head += f" ({results.folded} near-identical folded)"
    past_the_end = results.total and results.page > results.pages
    if results.total - results.folded > len(results.hits) and not past_the_end:
        head += f", page {results.page} of {results.pages}"
    if results.relaxed:
        head += " (no article has every word; showing articles with some of them)"
    head += f" in {results.elapsed * 1000:.1f} ms"
    if past_the_end:
        head += f"; page {results.page} is past the last page ({results.pages})"
    lines = [paint(head, DIM, colour)]
    if results.corrected_from:
        lines.append(f"Showing results for {paint(safe(results.query), BOLD, colour)} "
                     f"instead of {safe(results.corrected_from)}")
    if results.suggestion:
        lines.append(f"Did you mean: {paint(safe(results.suggestion), BOLD, colour)}")
    for hit in results.hits:
        lines += ["", render_hit(hit, colour=colour, width=width)]
    return "\n".join(lines) + "\n"


def render_json(results: SearchResults) -> str:
    """The results as one JSON object; control characters escaped so that it is terminal-safe."""
    text = json.dumps(results.to_dict(), ensure_ascii=False, indent=2)
    return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text) + "\n"


CSV_COLUMNS = ("rank", "date", "headline", "publication", "authors", "people", "score", "url", "id", "copies",
               "snippet")


def render_csv(results: SearchResults) -> str:
    """The hits as CSV rows under a header row (``CSV_COLUMNS``), for a spreadsheet: lists joined
    with "; ", no control characters, and no cell a spreadsheet would run as a formula."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for hit in results.hits:
        writer.writerow([hit.rank, hit.date.isoformat() if hit.date else "", *map(_cell, (
            hit.headline, hit.publication or "", "; ".join(hit.authors), "; ".join(hit.people))), f"{hit.score:.4f}",
            *map(_cell, (hit.url or "", hit.id, "; ".join(hit.copies), hit.snippet))])
    return out.getvalue()


def _cell(text: str) -> str:
    # A cell opening with =, +, - or @ is a formula to a spreadsheet (OWASP's "CSV injection").
    text = safe(text)
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def render_article(stored: dict, terms_spans: list[tuple[int, int]] | None = None, *,
                   colour: bool, width: int = 100) -> str:
    """A whole cleaned article for the pager, query matches highlighted in the body."""
    lines = [paint(safe(stored.get("headline") or "(no headline)"), BOLD, colour)]
    if stored.get("summary"):
        lines.append(safe(stored["summary"]))
    meta = [format_date(stored["date"])] if stored.get("date") else []
    if stored.get("publication"):
        meta.append(safe(stored["publication"]))
    meta.append(safe(stored.get("id") or stored.get("path", "")))
    lines.append(paint(" · ".join(meta), DIM, colour))
    if stored.get("url"):
        lines.append(paint(safe(stored["url"]), DIM, colour))
    people = stored.get("person")
    if people:
        lines.append(paint("People: " + safe(people.replace(",", ", ")), PEOPLE_COLOUR, colour))
    if stored.get("authors"):
        lines.append(paint("By: " + safe(stored["authors"]), DIM, colour))
    lines.append("")
    body = highlighted(stored.get("body") or "", terms_spans or [], colour=colour, newlines=True)
    for paragraph in body.split("\n\n"):
        lines += _wrap(paragraph, width, "") + [""]
    return "\n".join(lines)


def render_people(facets: Facets, *, colour: bool) -> str:
    """The top people of a result set, with counts."""
    if not facets.people:
        return "No people in these results.\n"
    return "People most named (articles):\n" + "".join(f"{paint(f'{count:>5}', DIM, colour)}  {safe(name)}\n"
                                                      for name, count in facets.people)


def render_sources(facets: Facets, *, colour: bool) -> str:
    """The sources (the corpus's top folders) and the publications with most articles in a result set."""
    if not facets.sources and not facets.publications:
        return "No sources in these results (the corpus has no folders).\n"
    listed = [(title, counts) for title, counts in (("Sources (articles):", facets.sources),
                                                   ("Publications (articles):", facets.publications)) if counts]
    return "\n".join(title + "\n" + "".join(f"{paint(f'{count:>5}', DIM, colour)}  {safe(name)}\n"
                                             for name, count in counts) for title, counts in listed)


def render_timeline(facets: Facets, *, colour: bool, width: int = 60) -> str:
    """Hits per month as a bar chart, months without hits included so that gaps show; per year
    when the results span more than ``TIMELINE_MONTHS`` months."""
    if not facets.months:
        return "No dated articles in these results.\n"
    rows, unit = _every_month(facets.months), "month"
    if len(rows) > TIMELINE_MONTHS:
        counts = dict(facets.years)
        rows = [(str(year), counts.get(year, 0)) for year in range(min(counts), max(counts) + 1)]
        unit = "year"
    top = max(count for _, count in rows)
    label = max(len(period) for period, _ in rows)
    lines = (f"{period:<{label}}  {paint('█' * _bar(count, top, width), DATE_COLOUR, colour)} {count}\n"
             for period, count in rows)
    return f"Articles per {unit}:\n" + "".join(lines)


def _every_month(months: list[tuple[str, int]]) -> list[tuple[str, int]]:
    counts = dict(months)
    periods = (f"{number // 12:04d}-{number % 12 + 1:02d}"
               for number in range(_month_number(min(counts)), _month_number(max(counts)) + 1))
    return [(period, counts.get(period, 0)) for period in periods]


def _month_number(period: str) -> int:
    year, month = period.split("-")
    return int(year) * 12 + int(month) - 1


def _bar(count: int, top: int, width: int) -> int:
    return max(1, round(count / top * width)) if count else 0


def format_date(value: datetime) -> str:
    """A date as a reader wants it: the day, and the time when one was given."""
    if value.hour or value.minute:
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%Y-%m-%d")


def _wrap(text: str, width: int, indent: str) -> list[str]:
    """Words filled into lines of ``width`` visible characters: colour codes take no room on the
    screen (textwrap counts them, and lines with highlighted words came out shorter)."""
    width = max(20, width)
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for word in text.split():
        size = len(_COLOUR_CODE.sub("", word))
        if line and used + 1 + size > width:
            lines.append(indent + " ".join(line))
            line, used = [], 0
        used += size + (1 if line else 0)
        line.append(word)
    if line:
        lines.append(indent + " ".join(line))
    return lines or [indent]
