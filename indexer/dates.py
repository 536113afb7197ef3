"""Date recognition and normalisation.

Dates are stored naive: a date written with a time zone is converted to UTC first, a date written
without one is kept as written (news sites print local time and rarely say which).
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime, timedelta, timezone

from dateutil import parser as dateutil_parser

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_YEAR = r"(?:1[89]\d\d|2\d\d\d)"
# A line is only handed to dateutil when it clearly names a date: dateutil's fuzzy mode would
# otherwise read "2 minute read" or a score line as a date.
_DATE_SHAPES = re.compile(
    rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}\b"      # February 6, 2017
    rf"|\b\d{{1,2}}(?:st|nd|rd|th|\.)?\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"  # 6 Feb 2017, 6. Feb 2017
    rf"|\b{_YEAR}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\b"  # ISO
    rf"|\b\d{{1,2}}[/.]\d{{1,2}}[/.]{_YEAR}\b"                       # 06/02/2017
    rf"|\b{_YEAR}/\d\d/\d\d\b",
    re.IGNORECASE,
)
# Months as Spanish, Portuguese, French, German, Italian, Dutch and Indonesian sites write them,
# read as their English names: "14 de febrero de 2024", "14. Februar 2024", "14 février 2024".
_MONTH_NAMES = {
    "January": "enero janeiro janvier januar jänner gennaio januari",
    "February": "febrero fevereiro février fevrier februar febbraio februari",
    "March": "marzo março marco mars märz maerz maart maret",
    "April": "abril avril aprile",
    "May": "mayo maio mai maggio mei",
    "June": "junio junho juin juni giugno",
    "July": "julio julho juillet juli luglio",
    "August": "agosto août aout augustus agustus",
    "September": "septiembre setiembre setembro septembre settembre",
    "October": "octubre outubro octobre oktober ottobre",
    "November": "noviembre novembro novembre",
    "December": "diciembre dezembro décembre decembre dezember dicembre desember",
}
_ENGLISH_MONTH = {name: english for english, names in _MONTH_NAMES.items() for name in names.split()}
_FOREIGN_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}})\.?\s+(?:de\s+)?(?P<month>{'|'.join(_ENGLISH_MONTH)})\.?,?\s+(?:de\s+|del\s+)?"
    rf"(?P<year>{_YEAR})\b", re.IGNORECASE)
_RELATIVE = re.compile(
    r"^(?:(?P<n>\d+|an?|one)\s+(?P<unit>minute|min|hour|hr|day|week)s?\s+ago|(?P<word>today|yesterday))\b",
    re.IGNORECASE,
)
_UNIT_SECONDS = {"minute": 60, "min": 60, "hour": 3600, "hr": 3600, "day": 86400, "week": 604800}
_LABEL = re.compile(
    r"^\s*(?:published|posted|updated|last updated|first published|date|dated)(?:\s+on)?\s*:?\s*",
    re.IGNORECASE,
)
_TIME_BEFORE = re.compile(r"(?P<time>\b\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)\s*,?\s*(?:on\s+)?$",
                          re.IGNORECASE)
_GMT_OFFSET = re.compile(r"\s*\b(?:GMT|UTC)\s*(?P<sign>[+-])\s*(?P<hours>\d{1,2})(?::?(?P<minutes>\d\d))?\b")
_DOTTED_TIME = re.compile(r"\b(\d{1,2})\.(\d\d)\b(?![.:]\d)")
_MAX_DATE_LINE = 80
# The commonest datelines, read with the standard library's strptime before dateutil is asked:
# dateutil's fuzzy reading costs ten times as much (a seventh of parsing a wire story), and it reads
# these the same way (tests/test_dates.py).
_COMMON_FORMATS = ("%B %d, %Y %H:%M", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y")
_HOUR = 3600
# Zone abbreviations news sites print; dateutil knows only UTC/GMT by itself.
_ZONES = {
    "EST": -5 * _HOUR, "EDT": -4 * _HOUR, "ET": -5 * _HOUR, "CST": -6 * _HOUR, "CDT": -5 * _HOUR,
    "CT": -6 * _HOUR, "MST": -7 * _HOUR, "MDT": -6 * _HOUR, "MT": -7 * _HOUR, "PST": -8 * _HOUR,
    "PDT": -7 * _HOUR, "PT": -8 * _HOUR, "BST": 1 * _HOUR, "CET": 1 * _HOUR, "CEST": 2 * _HOUR,
    "EET": 2 * _HOUR, "EEST": 3 * _HOUR, "MSK": 3 * _HOUR, "JST": 9 * _HOUR, "AEST": 10 * _HOUR,
    "AEDT": 11 * _HOUR,
}


def parse_date(text: str, *, reference: datetime | None = None) -> datetime | None:
    """Parse a date as news pages write it; ``None`` when ``text`` holds no recognisable date.

    ``reference`` is the moment a relative date ("3 hours ago", "yesterday") counts back from.
    """
    text = _LABEL.sub("", text.strip())
    if not text:
        return None
    relative = _RELATIVE.match(text)
    if relative:
        return _relative_date(relative, reference) if reference else None
    match = _DATE_SHAPES.search(text)
    if not match:
        foreign = _FOREIGN_DATE.search(text)
        if not foreign:
            return None
        text = f"{foreign['day']} {_ENGLISH_MONTH[foreign['month'].lower()]} {foreign['year']}{text[foreign.end():]}"
        match = _DATE_SHAPES.search(text)
    if re.match(rf"{_YEAR}[-/]", match.group(0)):
        parsed = _iso(match.group(0))
        return normalise(parsed) if parsed else None
    # Parse from the date's start so that a trailing time ("21:02", "9:30 a.m. ET", "05.02 GMT") is kept.
    candidate = match.group(0) + _DOTTED_TIME.sub(r"\1:\2", text[match.end():match.start() + 40])
    # "GMT+10" is ten hours ahead of UTC, as news sites mean it; dateutil reads it the POSIX way, behind.
    candidate = _GMT_OFFSET.sub(lambda m: f" {m['sign']}{int(m['hours']):02d}:{m['minutes'] or '00'}", candidate)
    time_first = _TIME_BEFORE.search(text, 0, match.start())
    if time_first:  # "11:11 PM EST Nov 19, 2019"
        candidate = time_first.group("time") + " " + candidate
    parsed = _common_format(candidate.strip()) or _dateutil(candidate) or _dateutil(match.group(0))
    return normalise(parsed) if parsed else None


def date_line(line: str, *, reference: datetime | None = None) -> datetime | None:
    """The date of a line that is only a date (a dateline in a header), else ``None``."""
    stripped = line.strip()
    if not stripped or len(stripped) > _MAX_DATE_LINE:
        return None
    return parse_date(stripped, reference=reference)


def normalise(value: datetime) -> datetime:
    """Make a datetime naive: aware values become UTC, naive ones stay as written."""
    if value.tzinfo is not None:
        value = value.astimezone(timezone.utc).replace(tzinfo=None)
    return value


def _common_format(text: str) -> datetime | None:
    """The date of a text written wholly in one of ``_COMMON_FORMATS``, else ``None``."""
    for form in _COMMON_FORMATS:
        try:
            return datetime.strptime(text, form)
        except ValueError:
            continue
    return None


def _dateutil(text: str) -> datetime | None:
    default = datetime(2000, 1, 1)
    for candidate in (text, re.split(r"\s+[|·•–—-]\s+|\s{2,}", text)[0]):
        try:
            with warnings.catch_warnings():
                # A zone name dateutil does not know leaves the time as written: our naive case.
                warnings.simplefilter("ignore", dateutil_parser.UnknownTimezoneWarning)
                return dateutil_parser.parse(candidate, default=default, dayfirst=True, fuzzy=True,
                                             tzinfos=_ZONES)
        except (ValueError, OverflowError):
            continue
    return None


def _iso(text: str) -> datetime | None:
    try:
        return dateutil_parser.isoparse(text.replace("/", "-"))
    except (ValueError, OverflowError):
        return None


def _relative_date(match: re.Match, reference: datetime) -> datetime:
    reference = normalise(reference)
    word = (match.group("word") or "").lower()
    if word == "today":
        return reference.replace(hour=0, minute=0, second=0, microsecond=0)
    if word == "yesterday":
        return (reference - timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    count = match.group("n").lower()
    amount = 1 if count in ("a", "an", "one") else int(count)
    # To the minute: the seconds are the file's, not the article's.
    moment = reference - timedelta(seconds=amount * _UNIT_SECONDS[match.group("unit").lower()])
    return moment.replace(second=0, microsecond=0)
