"""The query language → a Whoosh query.

Whoosh's parser is extended through its plugin seams (fields, phrases, proximity, fuzzy terms,
dates, ``>``/``<``); what it would silently accept but a person did not mean (unbalanced quotes,
unknown fields, impossible dates, a lone operator) is refused here with a ``QueryError``.
"""

from __future__ import annotations

import re
import threading
from datetime import datetime, timedelta, timezone

from whoosh import query as wq
from whoosh.fields import Schema
from whoosh.qparser import (
    AndGroup,
    FieldAliasPlugin,
    FuzzyTermPlugin,
    GtLtPlugin,
    MultifieldPlugin,
    QueryParser,
    SingleQuotePlugin,
)
from whoosh.qparser.dateparse import DateParserPlugin, English

from indexer.dates import parse_date
from indexer.schema import DEFAULT_FIELDS

from .spelling import FuzzyTerm

MAX_QUERY_CHARS = 2000
MIN_PREFIX_CHARS = 2
FIELD_ALIASES = {"source": ["path", "file", "publication"], "date": ["on"], "headline": ["title"], "body": ["text"],
                 "people": ["person"], "authors": ["author", "byline"]}
_ALIAS_OF = {alias: field for field, aliases in FIELD_ALIASES.items() for alias in aliases}
OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE"}
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_FIELD = re.compile(r"(?<![\w:])([A-Za-z_]\w*):(?=\S)")
_BEFORE_AFTER = re.compile(r"(?<![\w:])(before|after):(?=\S)", re.IGNORECASE)
_COMPARISON = re.compile(r'\bdate:(?P<op><=|>=|<|>)(?:(?P<when>\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?)(?![\w:-])'
                         r'|"(?P<words>[^"]*)")')
_PLAIN_WORDS = re.compile(r"[^\W_]+(?:\s+[^\W_]+)*")
# A field name typed with a space after its colon ("people: lavrov") still names the field.
_FIELD_AND_SPACE = re.compile(r"(?<![\w:])([A-Za-z_]\w*):\s*(<=|>=|<|>)?\s+")
_FIELD_WITHOUT_WORD = re.compile(r"(?<![\w:])([A-Za-z_]\w*):(?:<=|>=|<|>)?(?=\s*(?:\)|$))")
_QUERY_FIELDS = {*DEFAULT_FIELDS, "date", "source", "authors", "before", "after",
                 *(alias for aliases in FIELD_ALIASES.values() for alias in aliases)}
_RANGE = re.compile(r"\bdate:\[\s*(?:(?P<start>[^\]]*?)\s+)?to\b(?:\s+(?P<end>[^\]]*?))?\s*\]", re.IGNORECASE)
_WORD_COMPARISON = re.compile(r"\bdate:(?:<=|>=|<|>)(?P<when>[^\s()\]]+)", re.IGNORECASE)
_DAY_MONTH_OR_YEAR = re.compile(r"\d{4}(?:-\d{1,2}(?:-\d{1,2})?)?")
# A date value, and in it a month or day written without its leading zero, and a range written
# with two dots (GitHub's way): date:2023-8, date:[2023-8-1 to 2023-9], date:2023-01..2023-03.
_DATE_VALUE = re.compile(r"\bdate:(?P<value>\[[^\]]*\]|[^\s()]+)")
_UNPADDED = re.compile(r"(?<![\w-])(\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?![\w-])")
_DOTTED_RANGE = re.compile(r"(?P<start>[\w-]*)\.\.(?P<end>[\w-]*)")
_WHOOSH_DATES = English()  # the date words Whoosh's parser reads ("yesterday", "march 2017")


class QueryError(ValueError):
    """A query that cannot be run; ``str(error)`` is a one-line explanation for a person.

    ``position`` is the 0-based character offset of the problem when it is known.
    """

    def __init__(self, message: str, position: int | None = None) -> None:
        super().__init__(message)
        self.position = position


def parse_query(text: str, schema: Schema) -> wq.Query:
    """Turn a query typed by a person into a Whoosh query, or raise ``QueryError``.

    Words must all match unless the query says ``OR``.
    """
    text = prepare(text)
    _check_fields(text, schema)
    _check_ranges(text)
    parser, errors = _parser(schema)
    try:
        parsed = _plain_words(text, schema, parser) or parser.parse(text)
    except Exception as error:  # noqa: BLE001 - Whoosh's date and range plugins raise bare Exception
        raise QueryError(f"cannot understand the query near {_first_field(text)!r}: {error}") from error
    if errors:
        raise _not_a_date(errors[0], text.find(errors[0]))
    _check_terms(parsed)
    if parsed is wq.NullQuery or isinstance(parsed, type(wq.NullQuery)):
        raise QueryError("the query has no words to search for (only common words like 'the'?)")
    return parsed


def prepare(text: str) -> str:
    """Normalise a typed query and refuse what cannot be a query; returns the text to parse."""
    if not isinstance(text, str):
        raise QueryError("a query must be text")
    text = _CONTROL.sub(" ", text).strip()
    if not text:
        raise QueryError("empty query: type some words to search for")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"query too long ({len(text):,} characters; the limit is {MAX_QUERY_CHARS:,})")
    _check_balance(text)
    text = _outside_quotes(text, _attach_field_words)
    _check_field_words(text)
    text = _BEFORE_AFTER.sub(lambda m: "date:<" if m.group(1).lower() == "before" else "date:>", text)
    text = _outside_quotes(text, lambda part: _DATE_VALUE.sub(_written_out, part))
    text = _COMPARISON.sub(_comparison_as_range, text)
    text = _negate_minus(text)
    _check_operators(text)
    return text


def field_named(name: str) -> str:
    """The field a field name typed in a query stands for: ``title`` is ``headline``."""
    return _ALIAS_OF.get(name, name)


def relax(parsed: wq.Query) -> wq.Query | None:
    """The same query with its free words OR-ed instead of AND-ed; filters (fields, dates) stay
    required. ``None`` when there is nothing to relax."""
    if not isinstance(parsed, wq.And):
        return None
    words = [child for child in parsed.children() if _is_free_word(child)]
    if len(words) < 2:
        return None
    filters = [child for child in parsed.children() if not _is_free_word(child)]
    return wq.And(filters + [wq.Or(words)]) if filters else wq.Or(words)


def word_query(word: str, schema: Schema, fields: tuple[str, ...] = DEFAULT_FIELDS) -> wq.Query | None:
    """The query for ``word`` typed alone: the word in each of ``fields`` (by default those a
    word without a field is searched in), through the field's analyzer; ``None`` for what is not
    a plain word."""
    return _plain_words(word, schema, _parser(schema)[0], fields)


def _is_free_word(node: wq.Query) -> bool:
    terms = list(node.children()) if isinstance(node, wq.Or) else [node]
    return all(isinstance(t, wq.Term) and t.fieldname in DEFAULT_FIELDS for t in terms)


_kept = threading.local()  # per thread: a parser holds the state of the parse it is running


def _parser(schema: Schema) -> tuple[QueryParser, list[str]]:
    """The parser for ``schema`` and the list its date plugin reports unreadable dates to.

    Building a parser costs more than parsing with it, so the last one is kept.
    """
    kept = getattr(_kept, "parser", None)
    if kept is None or kept[0] is not schema:
        errors: list[str] = []
        parser = _new_parser(schema)
        date_plugin = DateParserPlugin(callback=errors.append, free=False)
        parser.add_plugin(date_plugin)
        kept = _kept.parser = (schema, parser, date_plugin, errors)
    _, parser, date_plugin, errors = kept
    errors.clear()
    date_plugin.basedate = datetime.now(tz=timezone.utc)  # "yesterday" is relative to now
    return parser, errors


def _plain_words(text: str, schema: Schema, parser: QueryParser,
                 fields: tuple[str, ...] = DEFAULT_FIELDS) -> wq.Query | None:
    """The query for words alone (the commonest kind), built as the parser would build it but
    without its dozen plugin passes, which took a sixth of a search; ``None`` for anything else.
    """
    if not _PLAIN_WORDS.fullmatch(text):
        return None
    words = text.split()
    if OPERATORS.intersection(words):
        return None
    per_word = []
    for word in words:
        terms = [parser.term_query(name, word, wq.Term) for name in fields if name in schema]
        per_word.append(wq.Or([term for term in terms if term is not None]))
    return wq.And(per_word).normalize()


def _new_parser(schema: Schema) -> QueryParser:
    parser = QueryParser(None, schema, group=AndGroup)
    parser.remove_plugin_class(SingleQuotePlugin)  # apostrophes are part of names (O'Neill)
    parser.add_plugin(MultifieldPlugin([f for f in DEFAULT_FIELDS if f in schema]))
    parser.add_plugin(_FuzzyTermPlugin())
    parser.add_plugin(GtLtPlugin())
    parser.add_plugin(FieldAliasPlugin(FIELD_ALIASES))
    return parser


class _FuzzyTermPlugin(FuzzyTermPlugin):
    """``word~`` and ``word~2`` as ``spelling.FuzzyTerm`` queries, whose near words are found in C."""

    class FuzzyTermNode(FuzzyTermPlugin.FuzzyTermNode):
        qclass = FuzzyTerm


def _first_field(text: str) -> str:
    match = _FIELD.search(text) or re.search(r"[<>]\S*", text)
    return text[match.start():match.start() + 30] if match else text[:30]


def _check_balance(text: str) -> None:
    depth, opened, quote_at, range_at = 0, [], None, None
    for position, char in enumerate(text):
        if char == '"':
            quote_at = None if quote_at is not None else position
        elif quote_at is None and char == "[" and text[position - 1:position] == ":":
            range_at = position  # a range (date:[...]); other brackets are plain text
        elif quote_at is None and char == "]":
            range_at = None
        elif quote_at is None and char == "(":
            depth += 1
            opened.append(position)
        elif quote_at is None and char == ")":
            if depth == 0:
                raise QueryError(f"unbalanced parenthesis: ')' at position {position + 1} closes nothing",
                                 position)
            depth -= 1
            opened.pop()
    if quote_at is not None:
        raise QueryError(f"unbalanced quote: the '\"' at position {quote_at + 1} is never closed", quote_at)
    if opened:
        raise QueryError(f"unbalanced parenthesis: '(' at position {opened[-1] + 1} is never closed",
                         opened[-1])
    if range_at is not None:
        raise QueryError(f"unbalanced bracket: the '[' at position {range_at + 1} is never closed", range_at)


def _attach_field_words(text: str) -> str:
    def attach(match: re.Match) -> str:
        if match.group(1).lower() not in _QUERY_FIELDS:
            return match.group(0)
        return f"{match.group(1)}:{match.group(2) or ''}"
    return _FIELD_AND_SPACE.sub(attach, text)


def _check_field_words(text: str) -> None:
    for match in _FIELD_WITHOUT_WORD.finditer(_outside_quotes(text, lambda part: part, inside=_blank)):
        field = match.group(1).lower()
        if field in _QUERY_FIELDS:
            wanted = "a date" if field in ("date", "on", "before", "after") else "a word"
            raise QueryError(f"'{match.group(0)}' needs {wanted} after it", match.start())


def _written_out(match: re.Match) -> str:
    """A date value as the parser reads it: months and days with their leading zero
    (``date:2023-8`` is 2023-08) and ``date:2023-01..2023-03`` as the range it means."""
    value = _UNPADDED.sub(lambda m: f"{m[1]}-{int(m[2]):02d}" + (f"-{int(m[3]):02d}" if m[3] else ""),
                          match.group("value"))
    dotted = _DOTTED_RANGE.fullmatch(value)
    if dotted and (dotted.group("start") or dotted.group("end")):
        value = "[" + " ".join(filter(None, (dotted.group("start"), "to", dotted.group("end")))) + "]"
    return f"date:{value}"


def _comparison_as_range(match: re.Match) -> str:
    """``date:<2017`` means before 2017 began and ``date:>2017-02-01`` after that day ended;
    ``<=``/``>=`` include the period itself. Whoosh reads a bare bound as its whole period."""
    operator, when = match.group("op"), match.group("when") or match.group("words")
    period = _period(when) if match.group("when") else _spoken_period(when)
    if period is None:
        raise _not_a_date(when, match.start())
    start, end = period
    if operator == "<":
        return f"date:[to {(start - timedelta(days=1)).date().isoformat()}]"
    if operator == ">":
        return f"date:[{(end + timedelta(microseconds=1)).date().isoformat()} to]"
    return f"date:[to {end.date().isoformat()}]" if operator == "<=" else f"date:[{start.date().isoformat()} to]"


def _spoken_period(text: str) -> tuple[datetime, datetime] | None:
    """The first and last moment of a period written in words (after:"1 March 2024",
    before:"march 2017"), as Whoosh's date parser reads them."""
    span = _WHOOSH_DATES.date_from(" ".join(text.lower().split()), datetime.now(tz=timezone.utc))
    if span is None or not hasattr(span, "start") or span.start is None or span.end is None:
        return None
    return span.start.replace(tzinfo=None), span.end.replace(tzinfo=None)


def _period(text: str) -> tuple[datetime, datetime] | None:
    """The first and last moment of a year, month or day written as 2017, 2017-02 or 2017-02-06."""
    parts = [int(p) for p in text.split("-")]
    try:
        if len(parts) == 1:
            return datetime(parts[0], 1, 1), datetime(parts[0] + 1, 1, 1) - timedelta(microseconds=1)
        if len(parts) == 2:
            start = datetime(parts[0], parts[1], 1)
            following = datetime(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return start, following - timedelta(microseconds=1)
        start = datetime(*parts)
        return start, start + timedelta(days=1) - timedelta(microseconds=1)
    except ValueError:
        return None


def _negate_minus(text: str) -> str:
    """Rewrite ``-word``, ``-"phrase"`` and ``-(group)`` outside quotes as ``NOT ...``."""
    out, quoted = [], False
    for position, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        starts_word = position == 0 or text[position - 1].isspace() or text[position - 1] == "("
        follows = text[position + 1:position + 2]
        if char == "-" and not quoted and starts_word and (follows.isalnum() or follows in ("\"", "(")):
            out.append("NOT ")
        else:
            out.append(char)
    return "".join(out)


def _check_operators(text: str) -> None:
    words = _outside_quotes(text, lambda part: part, inside=lambda part: " x ").replace("(", " ( ") \
        .replace(")", " ) ").split()
    if words and all(w in OPERATORS or w in "()" for w in words):
        raise QueryError(f"'{' '.join(words)}' needs words to search for")
    for index, word in enumerate(words):
        if word not in OPERATORS:
            continue
        after = words[index + 1] if index + 1 < len(words) else None
        before = words[index - 1] if index else None
        if after is None or after in OPERATORS - {"NOT"} or after == ")":
            raise QueryError(f"'{word}' needs a word after it")
        if word != "NOT" and (before is None or before in OPERATORS or before == "("):
            raise QueryError(f"'{word}' needs a word before it")


def _check_fields(text: str, schema: Schema) -> None:
    known = set(schema.names()) | {alias for aliases in FIELD_ALIASES.values() for alias in aliases}
    for match in _FIELD.finditer(_outside_quotes(text, lambda part: part, inside=_blank)):
        name = match.group(1)
        if name not in known:
            usable = ", ".join(sorted(DEFAULT_FIELDS + ("date", "source", "authors")))
            raise QueryError(f"unknown field '{name}:' (fields: {usable})", match.start())


def _check_ranges(text: str) -> None:
    """Refuse a range with an impossible end (Whoosh would quietly leave that end open, or fail
    with a message about integers) or whose start comes after its end."""
    for match in _WORD_COMPARISON.finditer(text):
        _range_end(match.group("when"), match.start())
    for match in _RANGE.finditer(text):
        start = _range_end(match.group("start"), match.start())
        end = _range_end(match.group("end"), match.start())
        if start and end and start[0] > end[1]:
            raise QueryError(f"date range runs backwards: {match.group('start')} is after {match.group('end')}",
                             match.start())


def _range_end(text: str | None, position: int) -> tuple[datetime, datetime] | None:
    """The first and last moment a range's end names; ``None`` for an open end or words that
    Whoosh reads itself ("today", "march 2017")."""
    text = (text or "").strip()
    if not text[:1].isdigit():
        if text and _WHOOSH_DATES.date_from(text, datetime.now(tz=timezone.utc)) is None:
            raise _not_a_date(text, position)
        return None
    if _DAY_MONTH_OR_YEAR.fullmatch(text):
        period = _period(text)
    else:
        moment = parse_date(text)
        period = (moment, moment) if moment else None
    if period is None:
        raise _not_a_date(text, position)
    return period


def _not_a_date(text: str, position: int) -> QueryError:
    return QueryError(f"not a date: {text!r} (write dates as 2017, 2017-02 or 2017-02-06)", position)


def _check_terms(parsed: wq.Query) -> None:
    for node in _walk(parsed):
        if isinstance(node, (wq.Prefix, wq.Wildcard)):
            literal = re.split(r"[*?]", node.text)[0]
            if len(literal) < MIN_PREFIX_CHARS:
                raise QueryError(f"'{node.text}' would match almost every word: give at least "
                                 f"{MIN_PREFIX_CHARS} letters before '*' or '?'")
        if isinstance(node, wq.Every):
            raise QueryError("'*' alone would match every article: add some words")
        if isinstance(node, wq.FuzzyTerm) and node.maxdist > 2:
            raise QueryError("fuzzy matching allows at most 2 edits (word~2)")


def _walk(node: wq.Query):
    yield node
    for child in node.children():
        yield from _walk(child)


def _outside_quotes(text: str, outside, inside=None) -> str:
    parts = text.split('"')
    return '"'.join(outside(p) if i % 2 == 0 else (inside(p) if inside else p) for i, p in enumerate(parts))


def _blank(part: str) -> str:
    return " " * len(part)
