"""Which lines of a text are the article: text-density region finding for full-page scrapes.

A scraped page is a column of blocks (menus, teasers, the article, footers). Article paragraphs are
long and full of function words ("the", "of", "that"); navigation and teasers are short and are
mostly names. Each line gets a score from those two signals, as jusText classifies paragraphs, and
the article is the contiguous run of lines with the highest total score.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from itertools import chain

from . import clean

STOPWORDS = frozenset("""
a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has
have having he her here hers herself him himself his how i if in into is it its itself just me more
most my myself no nor not now of off on once only or other our ours ourselves out over own same she
should so some such than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
would you your yours yourself yourselves said says say told its it's would could also one two new
has had been being was were will may might must shall than then there here where after before
""".split())
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SENTENCE_END = re.compile(r"[.!?…\"”’]\s*$")

GOOD_WORDS = 12        # a line this long with enough function words is article prose
GOOD_STOPWORDS = 0.28  # share of function words in prose; menus and teasers have far fewer
# A wire lede can be mostly names and titles ("WASHINGTON - Treasury Secretary James Baker and
# Federal Reserve Board Chairman Paul Volcker met..."); a whole sentence with this few still counts.
LEDE_STOPWORDS = 0.10
SHORT_WORDS = 6
# Penalties, tuned on bench/extraction.py: a menu is a long run of short lines, while an article
# only pauses for a few (subheadings, list items) between paragraphs.
SHORT_PENALTY = 1.0
FURNITURE_PENALTY = 6.0
RULE_PENALTY = 6.0
SHORT_SENTENCE = 0.5    # a short line that ends a sentence ("Build them now.") belongs to its neighbours
DATA_LIST_MIN_ROWS = 4  # consecutive rows that make a table worth keeping
DATA_LIST_LOOKAHEAD = 3  # lines between the text and its table (a blank, a heading)
ISLAND_GAP = 2          # this many non-prose lines in a row part two blocks of text
EDGE_ISLAND_SHARE = 0.1  # a block at the region's edge with less of its text is a standfirst or a blurb
_PAGE_FUNCTION_WORDS = 40  # the page's own commonest short words stand in for other languages' stop words
_CJK = re.compile(r"[\u2e80-\u9fff\uac00-\ud7af\u3040-\u30ff]")
_CJK_PUNCTUATION = re.compile(r"[。、，！？「」]")


def function_words(lines: list[str]) -> frozenset[str]:
    """English stop words plus the page's most frequent short words (its own language's "the", "of")."""
    return _function_words(_WORD.findall("\n".join(lines)))


def _function_words(words: Iterable[str]) -> frozenset[str]:
    counts = Counter(words)
    frequent = sorted((w for w, c in counts.items() if c >= 3 and len(w) <= 4 and w.islower()),
                      key=counts.get, reverse=True)
    return STOPWORDS | frozenset(frequent[:_PAGE_FUNCTION_WORDS])


def line_score(line: str, functional: frozenset[str] = STOPWORDS, words: list[str] | None = None) -> float:
    """How much a line looks like article prose (positive) or page furniture (negative); ``words``
    are the line's words when the caller has found them already."""
    text = line.strip()
    if not text:
        return 0.0
    if clean.is_boilerplate_line(text) or clean.is_caption(text):
        return -RULE_PENALTY
    if words is None:
        words = _WORD.findall(text)
    cjk = 0 if text.isascii() else len(_CJK.findall(text))
    if cjk > len(text) / 3:
        # Scripts written without spaces: count characters, and their punctuation marks prose.
        size = cjk // 2
        prose = bool(_CJK_PUNCTUATION.search(text))
        return float(min(size, 60)) if size >= GOOD_WORDS and prose else -3.0
    if not words:
        return -2.0
    stop_share = sum(map(functional.__contains__, map(str.lower, words))) / len(words)
    ends_sentence = bool(_SENTENCE_END.search(text))
    if len(words) >= GOOD_WORDS and stop_share >= GOOD_STOPWORDS:
        return float(min(len(words), 60))
    if len(words) >= GOOD_WORDS and stop_share >= LEDE_STOPWORDS and ends_sentence:
        return min(len(words), 60) / 2  # a name-heavy sentence, as news ledes are
    if len(words) >= SHORT_WORDS and stop_share >= GOOD_STOPWORDS and ends_sentence:
        return len(words) / 2
    if len(words) < SHORT_WORDS:
        return SHORT_SENTENCE if ends_sentence and stop_share > 0 else -SHORT_PENALTY
    return -FURNITURE_PENALTY if stop_share < 0.15 else -FURNITURE_PENALTY / 2


def main_region(lines: list[str]) -> tuple[int, int]:
    """The ``[start, end)`` range of lines holding the article: the maximum-score run of lines,
    without small islands of text cut off from it at either edge (a standfirst and its byline
    block above, an "about us" blurb and sign-up box below)."""
    # Each line's words serve both the page's function words and the line's own score.
    words = [_WORD.findall(line) for line in lines]
    functional = _function_words(chain.from_iterable(words))
    scores = [line_score(line, functional, line_words) for line, line_words in zip(lines, words, strict=True)]
    start, end = _best_run(scores)
    end = _before_comments(lines, scores, start, end)
    # Lines the boilerplate rules know ("Advertisement") sit inside articles: they part no blocks.
    ruled = {i for i, score in enumerate(scores) if score == -RULE_PENALTY and _ruled(lines[i].strip())}
    islands = _islands(scores, start, end, ruled)
    floor = EDGE_ISLAND_SHARE * sum(total for _, _, total in islands)
    while len(islands) > 1 and islands[0][2] < floor:
        islands.pop(0)
    while len(islands) > 1 and islands[-1][2] < floor:
        islands.pop()
    start, end = (islands[0][0], islands[-1][1]) if islands else (start, end)
    start, end = _across_known_boilerplate(scores, start, end, ruled)
    return start, _through_data_list(lines, end)


def _across_known_boilerplate(scores: list[float], start: int, end: int, ruled: set[int]) -> tuple[int, int]:
    """The region grown over prose that only blank and ``ruled`` lines part from it: a lede above
    an "Advertisement" line, a closing sentence below a sign-up box."""
    if start == end:
        return start, end
    while True:
        before = start - 1
        while before >= 0 and (scores[before] == 0 or before in ruled):
            before -= 1
        if before < 0 or scores[before] <= 0 or before == start - 1:
            break
        start = before
    while True:
        after = end
        while after < len(scores) and (scores[after] == 0 or after in ruled):
            after += 1
        if after == len(scores) or scores[after] <= 0 or after == end:
            break
        end = after + 1
    return start, end


def _before_comments(lines: list[str], scores: list[float], start: int, end: int) -> int:
    """The region's end, moved up to a comments heading after the article's text: readers'
    comments (and a site's rules for them) read as prose too."""
    after_text = False
    for index in range(start, end):
        if scores[index] > 0:
            after_text = True
        elif after_text and scores[index] < 0 and clean.COMMENTS_HEADING.match(lines[index].strip()):
            return index
    return end


def _through_data_list(lines: list[str], end: int) -> int:
    """Extend the article over a table or list printed right after its text (tour dates,
    results, standings): consecutive lines, each of several words with a number in it."""
    index = end
    while index < len(lines) and index - end <= DATA_LIST_LOOKAHEAD and not _is_data_row(lines[index]):
        index += 1
    run_end = index
    while run_end < len(lines) and _is_data_row(lines[run_end]):
        run_end += 1
    return run_end if run_end - index >= DATA_LIST_MIN_ROWS else end


def _is_data_row(line: str) -> bool:
    text = line.strip()
    return len(text.split()) >= 3 and any(c.isdigit() for c in text) and not clean.is_boilerplate_line(text)


def _ruled(line: str) -> bool:
    return clean.is_boilerplate_line(line) or clean.is_caption(line)


def _islands(scores: list[float], start: int, end: int, ruled: set[int]) -> list[tuple[int, int, float]]:
    """Runs of positive lines inside ``[start, end)`` parted by ``ISLAND_GAP`` or more other lines
    (blank lines and ``ruled`` lines do not count), as ``(start, end, total score)``."""
    islands: list[tuple[int, int, float]] = []
    first = last = None
    total, gap = 0.0, 0
    for index in range(start, end):
        score = scores[index]
        if score > 0:
            if first is not None and gap >= ISLAND_GAP:
                islands.append((first, last + 1, total))
                first, total = None, 0.0
            first = index if first is None else first
            last, total, gap = index, total + score, 0
        elif score < 0 and index not in ruled:
            gap += 1
    if first is not None:
        islands.append((first, last + 1, total))
    return islands


def _best_run(scores: list[float]) -> tuple[int, int]:
    best_total, best = 0.0, (0, 0)
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total + score <= 0:
            total, start = 0.0, index + 1
            continue
        total += score
        if total > best_total:
            best_total, best = total, (start, index + 1)
    return best
