"""Highlighted fragments as structured spans: text plus ``(start, end)`` offsets, no colour codes."""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field

from indexer.people import name_key
from indexer.schema import WORD, text_analyzer

FRAGMENT_CHARS = 200
MAX_FRAGMENTS = 3
SNIPPET_BUDGET = 320
# After ., !, ? or … (and closing quotes), or at a blank line; one pattern with a single leading
# character class is three times quicker to scan than a lookbehind or an alternation.
_SENTENCE_END = re.compile(r"[.!?…\n][\"”’)\]]*\s+")
# A full stop after an initial, a title, a month or a dotted acronym ends no sentence:
# "Rafael J. Moreno", "Dr. Priya Raman of the U.S. Geological Survey".
_ABBREVIATION = re.compile(
    r"(?<![\w.])(?:[A-Z]|[A-Z](?:\.[A-Z])+|Mr|Mrs|Ms|Dr|Prof|Sen|Rep|Gov|Gen|Col|Lt|Sgt|Capt|Adm|Rev|Fr|St|Mt|Jr|Sr"
    r"|Inc|Corp|Co|Ltd|Bros|No|vs|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\Z")
_ANALYZER = text_analyzer()


@dataclass
class Fragment:
    """A piece of an article's text with the query's matches marked as character spans."""

    text: str
    highlights: list[tuple[int, int]] = field(default_factory=list)


def make_fragments(text: str, terms: set[str], names: set[str] = frozenset(),
                   spans: list[tuple[int, int, str]] | None = None) -> list[Fragment]:
    """The best 1-3 fragments of ``text`` for a query, whole sentences where they fit.

    ``terms`` are analysed (stemmed) query terms; ``names`` are folded person names (see
    ``people.name_key``), found by their key so that any spelling is highlighted. ``spans`` are
    where the terms occur, when the index stored it; otherwise the text is searched for them.
    """
    if not text:
        return []
    matches = all_matches(text, terms, names, spans)
    if not matches:
        return [_opening(text)]
    sentences = _sentences_around(text, matches)
    starts = [start for start, _ in sentences]
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for match in matches:
        number = bisect.bisect_right(starts, match[0]) - 1
        if number >= 0 and match[1] <= sentences[number][1]:
            by_sentence.setdefault(number, []).append(match)
    scored = []
    for number, inside in by_sentence.items():
        start, end = sentences[number]
        distinct = {text[a:b].lower() for a, b, _ in inside}
        scored.append((len({t for _, _, t in inside}) * 10 + len(distinct) + len(inside), start, end, inside))
    scored.sort(key=lambda item: (-item[0], item[1]))
    chosen, used, covered = [], 0, set()
    for _, start, end, inside in scored:
        new_terms = {t for _, _, t in inside} - covered
        length = min(end - start, FRAGMENT_CHARS)
        fits = used + length <= FRAGMENT_CHARS
        if chosen and (len(chosen) == MAX_FRAGMENTS or used >= SNIPPET_BUDGET or not (new_terms or fits)):
            continue
        chosen.append((start, end, inside))
        covered |= {t for _, _, t in inside}
        used += length
    chosen.sort()
    return [_window(text, start, end, inside) for start, end, inside in chosen]


def all_matches(text: str, terms: set[str], names: set[str] = frozenset(),
                spans: list[tuple[int, int, str]] | None = None) -> list[tuple[int, int, str]]:
    """Every ``(start, end, term)`` of the query in ``text``, in order: ``spans`` where the index
    stored them (the terms'), the names' found in the text; all found in the text without them."""
    if spans is None:
        return find_matches(text, terms, names)
    return sorted(set(spans) | set(find_matches(text, set(), names))) if names else spans


def find_matches(text: str, terms: set[str], names: set[str] = frozenset()) -> list[tuple[int, int, str]]:
    """Every ``(start, end, term)`` in ``text`` whose analysed form is a query term, or whose
    folded name form is one of ``names`` (so "Sergey" in the text answers people:sergei)."""
    if not (terms or names):
        return []
    # Each distinct word is analysed once (cached across calls), then only the words that match
    # are looked for: analysing every word of the body for every hit cost more than the search.
    wanted = {}
    for word in set(WORD.findall(text)):
        analysed, name = _forms(word)
        for term in analysed:
            if term in terms:
                wanted[word] = term
                break
        else:
            if name in names:
                wanted[word] = name
    if not wanted:
        return []
    alternatives = "|".join(re.escape(word) for word in sorted(wanted, key=len, reverse=True))
    # Whole tokens only, exactly where WORD would find them.
    pattern = re.compile(rf"(?<!\w)(?<!\w[.'’])(?:{alternatives})(?!\w)(?![.'’]\w)")
    return [(match.start(), match.end(), wanted[match.group()]) for match in pattern.finditer(text)]


@functools.lru_cache(maxsize=200_000)
def _forms(word: str) -> tuple[tuple[str, ...], str | None]:
    """A word's analysed (stemmed) terms and, for a word starting with a letter, its name key."""
    analysed = tuple(token.text for token in _ANALYZER(word, mode="query", removestops=False))
    key = name_key(word.replace("'", "").replace("’", "")) if word[0].isalpha() else None
    return analysed, key[0] if key else None


def _sentences_around(text: str, matches: list[tuple[int, int, str]]) -> list[tuple[int, int]]:
    """The sentences of the paragraphs that hold ``matches`` (sorted), as ``_sentences`` finds them
    in the whole text: splitting a long body into sentences for each hit cost a tenth of a query."""
    spans: list[tuple[int, int]] = []
    done = 0
    for start, end, _ in matches:
        if start < done:
            continue
        left, right = _paragraph_start(text, start), _paragraph_end(text, end)
        spans.extend((left + a, left + b) for a, b in _sentences(text[left:right]))
        done = right
    return spans


def _paragraph_start(text: str, position: int) -> int:
    """Where the paragraph holding ``position`` starts: after the last blank line before it that
    ends a sentence (one after "Dr." does not)."""
    blank = text.rfind("\n\n", 0, position)
    while blank > 0 and not _breaks_at(text, blank):
        blank = text.rfind("\n\n", 0, blank)
    if blank < 0:
        return 0
    while blank < position and text[blank].isspace():
        blank += 1
    return blank


def _paragraph_end(text: str, position: int) -> int:
    """Where the paragraph holding ``position`` ends: at the next blank line that ends a sentence."""
    blank = text.find("\n\n", position)
    while blank >= 0 and not _breaks_at(text, blank):
        blank = text.find("\n\n", blank + 2)
    return len(text) if blank < 0 else blank


def _breaks_at(text: str, blank: int) -> bool:
    """True when the blank line at ``blank`` ends a sentence, as ``_sentences`` reads it."""
    if blank and text[blank - 1].isspace():
        return False  # inside a run of white space: the run's start decides, and is looked at next
    stop = blank
    while stop and text[stop - 1] in "\"”’)]":
        stop -= 1
    return not (stop and text[stop - 1] == "." and _abbreviated(text, stop - 1))


def _abbreviated(text: str, stop: int) -> bool:
    """True when the full stop at ``stop`` follows an initial, a title, a month or an acronym."""
    # Every abbreviation is at most four letters: after a longer word, a full stop ends.
    return not (stop >= 5 and text[stop - 5:stop].isalpha()) and bool(
        _ABBREVIATION.search(text, max(0, stop - 12), stop))


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end, after = match.start(), match.group()[1:]
        if text[end] == "." and _abbreviated(text, end):
            continue
        space = after.lstrip("\"”’)]")
        if text[end] != "\n":
            end += 1 + len(after) - len(space)  # the sentence keeps its full stop and closing quotes
        else:  # a line break ends a sentence only at a blank line
            if len(space) == len(after):  # the break is the blank line's first
                if "\n" not in space:
                    continue
            elif space.count("\n") < 2:
                continue
            else:  # quotes after the break: the blank line is in the space after them
                end = match.end() - len(space) + space.index("\n")
        spans.append((start, end))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if b > a]


def _opening(text: str) -> Fragment:
    """The text's opening sentences that fit in a fragment; the first, cut, when it alone does not."""
    # The sentences of the beginning only: a sentence ending past the fragment is not taken.
    sentences = _sentences(text[:2 * FRAGMENT_CHARS])
    fitting = [end for _, end in sentences if end <= FRAGMENT_CHARS]
    return _window(text, 0, fitting[-1] if fitting else sentences[0][1], [])


def _window(text: str, start: int, end: int, inside: list[tuple[int, int, str]]) -> Fragment:
    """Cut a sentence to about ``FRAGMENT_CHARS`` around its matches, at word boundaries."""
    if end - start > FRAGMENT_CHARS:
        focus = inside[0][0] if inside else start
        left = max(start, focus - FRAGMENT_CHARS // 3)
        right = min(end, left + FRAGMENT_CHARS)
        left = _word_start(text, left, start)
        right = _word_end(text, right, left)
        prefix = "…" if left > start else ""
        suffix = "…" if right < end else ""
        start, end = left, right
    else:
        prefix = suffix = ""
    body = text[start:end]
    stripped = len(body) - len(body.lstrip())
    body = body.strip()
    offset = len(prefix) - start - stripped
    highlights = [(a + offset, b + offset) for a, b, _ in inside if a >= start and b <= end]
    fragment = " ".join(body.split("\n")) if "\n" in body else body
    return Fragment(prefix + fragment + suffix, highlights)


def _word_start(text: str, position: int, floor: int) -> int:
    while position > floor and not text[position - 1].isspace():
        position -= 1
    return position


def _word_end(text: str, position: int, floor: int) -> int:
    """Move a cut left to the end of the last whole word, so that no word is split."""
    if position >= len(text) or text[position].isspace():
        return position
    while position > floor and not text[position - 1].isspace():
        position -= 1
    return position
