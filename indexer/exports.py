"""News databases' text exports: many articles in one file, each under its database's labels.

Researchers get news archives from Nexis Uni (and LexisNexis Academic before it) and from Factiva,
saved or converted to text: every article opens with its headline, publication and date and a few
labelled lines ("Section:", "Length: 845 words", "Byline:"), and one file holds hundreds of them.
Each article becomes a record with the fields JSON records have (headline, date, byline,
publication, body, people, url), which the record path then cleans as it cleans any record.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from . import dates
from .plaintext import is_hard_wrapped, unwrap
from .readers import SKIPPED, RawDocument

# Where articles start or end: LexisNexis Academic numbers them ("12 of 161 DOCUMENTS"), Nexis Uni
# closes each with "End of Document", Factiva with its accession number ("Document TIMEUK0020200312eg3c0000k").
_LEXIS_START = re.compile(r"^[^\S\n]*(?:FOCUS - )?\d+ of \d+ DOCUMENTS?[^\S\n]*$", re.MULTILINE)
_NEXIS_END = re.compile(r"^[^\S\n]*End of Document[^\S\n]*$", re.MULTILINE)
_FACTIVA_END = re.compile(r"^[^\S\n]*(?:AN[^\S\n]+)?Document [A-Za-z0-9]{16,40}[^\S\n]*$", re.MULTILINE)
_WORD_COUNT = re.compile(r"^(?:length:?\s*)?[\d,.]+\s+words?$", re.IGNORECASE)
# Signs that text over "End of Document" or an accession number is an export's article.
_NEXIS_LABELS = re.compile(r"^(?:Length:\s*[\d,]+\s+words|Load-Date:|Body\s*$)", re.MULTILINE | re.IGNORECASE)
_FACTIVA_WORD_COUNT = re.compile(r"^(?:WC\s+)?[\d,]+ words\s*$", re.MULTILINE)

# Nexis's labels: those over the text, and those of the index terms and dates under it.
_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z-]*(?: [A-Za-z]+)?):(?:\s+(?P<value>.*))?$")
_HEADER_LABELS = {"section", "length", "byline", "dateline", "highlight", "headline", "edition", "series", "type",
                  "column", "body"}
_TRAILER_LABELS = {"load-date", "language", "publication-type", "subject", "organization", "person", "geographic",
                   "company", "ticker", "industry", "city", "state", "country", "graphic", "correction-date",
                   "document-type", "journal-code", "notes", "url", "distribution", "classification",
                   "terms", "copyright"}
_ALONE = {"body", "classification", "graphic", "notes"}  # Nexis Uni writes these as headings, without a colon
_INDEX_SCORE = re.compile(r"\s*\(\d{1,3}%\)\s*")  # "BARACK OBAMA (90%); JOHN KERRY (79%)"
_COPYRIGHT = re.compile(r"^(?:copyright\b|©|\(c\))", re.IGNORECASE)
# "Kimberly Kindy;and reported by Julie Tate": the names, not the roles.
_BYLINE_ROLE = re.compile(r"\b(?:and\s+)?(?:reported|written|compiled|edited|additional reporting)\s+by\b",
                          re.IGNORECASE)

# Factiva's codes, when the export keeps them ("HD", "BY", "WC", "PD", "SN", "LP", "TD", ...).
_FACTIVA_CODE = re.compile(r"^(?P<code>[A-Z]{2,3})(?:[^\S\n]+(?P<value>.*))?$")
_FACTIVA_CODES = {"HD", "BY", "CR", "WC", "PD", "ET", "SN", "SC", "ED", "PG", "LA", "CY", "LP", "TD", "CT", "RF",
                  "CO", "IN", "NS", "RE", "IPC", "IPD", "PUB", "AN", "SE", "CLM", "ART", "VOL", "NGC"}
# Under the text, the index codes ("IN i81402 : Commercial Banking"): inside it, "IN BRIEF" is a heading.
_INDEX_CODES = {"CO", "IN", "NS", "RE"}
_AFTER_TEXT_CODES = {"IPC", "IPD", "PUB", "AN"}
_LANGUAGE_LINE = re.compile(r"^(?:english|french|german|spanish|italian|dutch|portuguese|swedish|danish|norwegian"
                            r"|finnish|polish|russian|chinese|japanese)$", re.IGNORECASE)
_TIME_LINE = re.compile(r"^\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?$", re.IGNORECASE)
_HEADER_SEARCH = 12  # lines under Factiva's word count where its header (date, source, copyright) ends
_REPRINTS = re.compile(r"^License this article from Dow Jones Reprint Service\b", re.IGNORECASE)


def export_records(name: str, text: str, max_chars: int) -> list[RawDocument] | None:
    """The articles of a Nexis or Factiva export as records, numbered in order; ``None`` when the
    text is no such export. An article longer than ``max_chars`` is a skipped record."""
    if "Document" not in text and "DOCUMENT" not in text:  # in every export's markers; rare in a story
        return None
    text = text.replace("**", "")  # Markdown's bold labels, as converters write Nexis Uni's ("**Body**")
    if _LEXIS_START.search(text):
        # LexisNexis Academic wraps every line at 80 columns and parts paragraphs with blank lines.
        chunks, read = _LEXIS_START.split(text)[1:], functools.partial(_nexis_fields, wrapped=True)
    elif _NEXIS_END.search(text) and _NEXIS_LABELS.search(text):
        chunks, read = _NEXIS_END.split(text), _nexis_fields
    elif _FACTIVA_END.search(text) and _FACTIVA_WORD_COUNT.search(text):
        chunks, read = _FACTIVA_END.split(text), _factiva_fields
    else:
        return None
    chunks = [chunk for chunk in chunks if chunk.strip()]
    records = []
    for number, chunk in enumerate(chunks):
        if len(chunk) > max_chars:
            records.append(RawDocument(name, SKIPPED, text=f"more than {max_chars:,} characters", record=number))
        else:
            records.append(RawDocument(name, "record", fields=read(chunk), record=number))
    if len(records) == 1:
        records[0].record = None  # one article alone (Nexis Uni saves each in a file of its own)
    return records


# Nexis ----------------------------------------------------------------------------------------


def _nexis_fields(chunk: str, wrapped: bool = False) -> dict:
    """One Nexis article: the lines over its labels (its title, publication, date and copyright),
    the labelled lines, the text after "Body" and the index terms under it."""
    lines = [line.strip() for line in chunk.splitlines()]
    first_label = next((i for i, line in enumerate(lines) if _label(line, _HEADER_LABELS)), len(lines))
    labels = _labelled(lines[first_label:], stop=_is_body_start)
    body_start = next((i for i in range(first_label, len(lines)) if _is_body_start(lines[i])), None)
    body_lines = []
    if body_start is not None:
        body_lines = lines[body_start + 1:]
        if lines[body_start].lower().startswith("body:") and lines[body_start][5:].strip():
            body_lines.insert(0, lines[body_start][5:].strip())
        first = _LABEL.match(lines[first_label]) if first_label < len(lines) else None
        trailer = _trailer_start(body_lines, capitals=first is not None and first.group("label").isupper())
        labels.update(_labelled(body_lines[trailer:]))
        body_lines = body_lines[:trailer]
    fields = _front_matter(lines[:first_label], has_headline="headline" in labels)
    fields["headline"] = labels.get("headline") or fields.get("headline", "")
    fields["date"] = fields.get("date") or labels.get("load-date")
    fields["byline"] = _BYLINE_ROLE.sub(";", labels.get("byline", ""))
    fields["summary"] = labels.get("highlight")
    fields["url"] = labels.get("url")
    fields["body"] = "\n".join(_paragraphs(body_lines, wrapped))
    fields["people"] = _index_names(labels.get("person", ""), fields["body"])
    return {key: value for key, value in fields.items() if value}


def _label(line: str, wanted: set[str], capitals: bool = False) -> str | None:
    """The label a line opens with, when it is one of ``wanted`` ("Length: 845 words", "Body");
    with ``capitals``, only one in capitals, as LexisNexis writes them ("LENGTH: 845 words")."""
    if line.lower() in _ALONE & wanted:
        return line.lower()
    match = _LABEL.match(line)
    if match is None:
        return None
    # A label is written in capitals (LexisNexis) or with a capital (Nexis Uni), not inside a sentence.
    written = match.group("label")
    return written.lower() if written.lower() in wanted and (written.isupper() if capitals else written[0].isupper()) \
        else None


def _is_body_start(line: str) -> bool:
    return line.lower() == "body" or line.startswith(("BODY:", "Body:"))


def _labelled(lines: list[str], stop: Callable[[str], bool] | None = None) -> dict[str, str]:
    """Each label's value, its wrapped lines joined, until ``stop`` says a line ends the labels."""
    values: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        if stop is not None and stop(line):
            break
        label = _label(line, _HEADER_LABELS | _TRAILER_LABELS)
        if label is not None:
            match = _LABEL.match(line)
            current = values.setdefault(label, [])
            if match is not None and match.group("value"):
                current.append(match.group("value"))
        elif not line:
            current = None
        elif current is not None:
            current.append(line)
    return {label: " ".join(" ".join(parts).split()) for label, parts in values.items()}


def _trailer_start(lines: list[str], capitals: bool) -> int:
    """Where the index terms and dates under an article's text begin: the run of labelled blocks
    (and their wrapped lines) that closes it, labelled as the article's header is (``capitals``).
    A sentence that opens with "Language:" inside the text is followed by more text, and stays."""
    start = len(lines)
    index = len(lines) - 1
    while index >= 0:
        if not lines[index]:
            index -= 1
            continue
        block_start = index  # the block's first line: after a blank line or at a label
        while block_start > 0 and lines[block_start - 1] and not _label(lines[block_start], _TRAILER_LABELS, capitals):
            block_start -= 1
        if not _label(lines[block_start], _TRAILER_LABELS, capitals):
            break
        start = block_start
        index = block_start - 1
    return start


def _front_matter(lines: list[str], has_headline: bool) -> dict:
    """Title, publication and date from the lines over an article's labels. Copyright notices go;
    the publication is the line over the date, the title (when no label gives it) the line over
    that. Lines further up are a cover page or a request's details."""
    kept = []
    in_copyright = False
    for line in lines:
        if not line:
            in_copyright = False
        elif _COPYRIGHT.match(line):
            in_copyright = True
        elif not in_copyright and not _LABEL.match(line):
            kept.append(line)
    # The last date: a cover page over the first article says when the export was made.
    date_at = next((i for i in range(len(kept) - 1, -1, -1) if len(kept[i]) < 80 and dates.parse_date(kept[i])), None)
    if date_at is None:
        return {"headline": kept[0] if kept and not has_headline else ""}
    fields = {"date": kept[date_at], "publication": kept[date_at - 1] if date_at >= 1 else None}
    if not has_headline and date_at >= 2:
        fields["headline"] = kept[date_at - 2]
    return fields


def _index_names(value: str, body: str) -> list[str]:
    """The people a database's index names ("BARACK OBAMA (90%); JOHN KERRY (79%)"), spelt as
    the text spells them when it does, else in capitals only at the words' starts."""
    names = []
    for name in filter(None, (" ".join(part.split()) for part in _INDEX_SCORE.sub(";", value).split(";"))):
        found = re.search(re.escape(name), body, re.IGNORECASE)
        names.append(found.group() if found else name.title())
    return names


# Factiva ---------------------------------------------------------------------------------------


def _factiva_fields(chunk: str) -> dict:
    lines = [line.strip() for line in chunk.splitlines()]
    coded = _factiva_codes(lines)
    if "HD" in coded and ("TD" in coded or "LP" in coded):
        date = " ".join(coded.get("PD", []) + coded.get("ET", []))
        body = "\n".join(_paragraphs(coded.get("LP", []) + [""] + coded.get("TD", [])))
        return {key: value for key, value in {
            "headline": " ".join(coded["HD"]), "byline": " ".join(coded.get("BY", [])), "date": date,
            "publication": " ".join(coded.get("SN", [])), "body": body}.items() if value}
    return _factiva_article_format(lines)


def _factiva_codes(lines: list[str]) -> dict[str, list[str]]:
    """Each code's lines ("HD", "TD"), a code's text running on until the next code."""
    coded: dict[str, list[str]] = {}
    current: list[str] | None = None
    in_text = False
    for line in lines:
        match = _FACTIVA_CODE.match(line)
        code = match.group("code") if match is not None else None
        if in_text and code is not None:
            is_code = code in _AFTER_TEXT_CODES or code in ("LP", "TD") or \
                (code in _INDEX_CODES and " : " in (match.group("value") or ""))
        else:
            is_code = code in _FACTIVA_CODES
        if is_code:
            in_text = code in ("LP", "TD")
            current = coded.setdefault(code, [])
            if match.group("value"):
                current.append(match.group("value").strip())
        elif current is not None:
            current.append(line)
    return coded


def _factiva_article_format(lines: list[str]) -> dict:
    """Factiva's article format without codes: headline, (credit,) byline over the word count;
    date, (time,) source, its codes, language and copyright under it; then the text."""
    count_at = next((i for i, line in enumerate(lines) if _WORD_COUNT.match(line)), None)
    if count_at is None:
        return {"body": "\n".join(_paragraphs(lines))}
    over = [line for line in lines[:count_at] if line]
    byline = next((line for line in over if line.lower().startswith("by ")), "")
    headline = over[0] if over else ""
    under = lines[count_at + 1:]
    filled = [i for i, line in enumerate(under[:_HEADER_SEARCH]) if line]
    date_at = next((i for i in filled if dates.parse_date(under[i])), None)
    after_date = [i for i in filled if date_at is not None and i > date_at and not _TIME_LINE.match(under[i])]
    publication = under[after_date[0]] if after_date else ""
    ends = [i for i in filled if _COPYRIGHT.match(under[i])] or [i for i in filled if _LANGUAGE_LINE.match(under[i])]
    body_start = ends[0] + 1 if ends else (after_date[0] + 1 if after_date else 0)
    date = under[date_at] if date_at is not None else None
    timed = [i for i in filled if date_at is not None and i > date_at][:1]
    if timed and _TIME_LINE.match(under[timed[0]]):
        date = f"{date} {under[timed[0]].strip()}"  # the time Factiva prints on the line under the date
    fields = {"headline": headline, "byline": byline, "date": date,
              "publication": publication,
              "body": "\n".join(_paragraphs([line for line in under[body_start:] if not _REPRINTS.match(line)]))}
    return {key: value for key, value in fields.items() if value}


def _paragraphs(lines: list[str], wrapped: bool = False) -> list[str]:
    """The text's paragraphs, a line each: text ``wrapped`` at a fixed width, or that reads as
    wrapped, is joined back a paragraph at a time."""
    if not any(lines):
        return []
    if wrapped or is_hard_wrapped(lines):
        return [line for line in unwrap(lines, short_lines_end=not wrapped) if line]
    return [" ".join(line.split()) for line in lines if line.strip()]
