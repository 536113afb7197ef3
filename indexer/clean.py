"""Boilerplate removal on text: line and block rules, plus corpus-level repeated-line statistics.

The rules describe kinds of boilerplate (appeals, social prompts, read-time lines, captions,
related-content tails, cookie and copyright notices), never one site's sentences.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable

from . import dates

try:  # the parser behind re, to read what text a rule's matches must hold
    from re import _constants as _sre_constants
    from re import _parser as _sre_parser
except ImportError:  # Python 3.10
    import sre_constants as _sre_constants
    import sre_parse as _sre_parser

_I = re.IGNORECASE


def _any(*patterns: str) -> re.Pattern:
    rule = re.compile("|".join(f"(?:{p})" for p in patterns), _I)
    _BRANCHES[rule] = patterns
    return rule


_BRANCHES: dict[re.Pattern, tuple[str, ...]] = {}  # each _any rule's alternatives


READ_TIME = _any(
    r"^(?:[•·|–-]\s*)?\d+\s*-?\s*(?:min(?:ute)?s?|mins?)\.?\s+(?:read|to read)\.?$",
    r"^(?:estimated\s+)?(?:reading|read) time\s*:?\s*\d+",
    # The audio player's line: "Listen to this article · 4 min".
    r"^listen(?: to)?(?: this)? (?:article|story)\b.{0,20}$",
)
SOCIAL = _any(
    r"\b(?:join|follow|like|find|connect with)\s+(?:us|our)\b.{0,60}\b(?:facebook|twitter|x|instagram"
    r"|telegram|whatsapp|linkedin|youtube|tiktok|threads|page|channel|community)\b",
    r"\bbe the first to know\b",
    r"^(?:share|tweet|email|print|save|copy link|pin|comment)s?(?:\s*(?:on|this|article|story))?"
    r"(?:\s*[|/·•,]?\s*(?:share|tweet|email|print|save|facebook|twitter|whatsapp|linkedin|reddit"
    r"|copy link|pin|comments?))*\s*$",
    r"^(?:facebook|twitter|whatsapp|linkedin|reddit|email)(?:\s*[|/·•,]?\s*(?:facebook|twitter"
    r"|whatsapp|linkedin|reddit|email|print))+\s*$",
    r"^share (?:this|on|via)\b.{0,40}$",
    # A share button's label on a line of its own.
    r"^(?:facebook|twitter|x|bluesky|threads|mastodon|whatsapp|linkedin|reddit|pinterest|tumblr|telegram"
    r"|stumbleupon|google\+|blogger|vkontakte|viber|pocket|flipboard|messenger|email|print|copy link)$",
    r"^click to (?:share|email|print|tweet|pin|watch)\b",
    r"^share (?:this )?if you\b.{0,80}$",
    r"^(?:share\b.{0,30}?\b(?:facebook|twitter|email|whatsapp|linkedin|x|reddit)\s*)+$",
    # A share counter and its buttons: "5.2k SHARES Facebook Twitter".
    r"^[\d.,]+\s*[km]?\s+shares?(?:\s+(?:shares?|this|story|article|facebook|twitter|google|pinterest|digg|linkedin"
    r"|reddit|stumbleupon|print|delicious|pocket|tumblr|email|whatsapp)+)*\s*$",
)
# Prompts to pass the story on or to comment on it, which close many stories: only a short
# paragraph of one or two sentences is taken for one (an article's own paragraph can end by
# asking readers to comment).
PROMPT = _any(
    r"\bshare (?:this|it)(?: \w+)? (?:on|with|to) (?:facebook|twitter|social media|your friends)\b",
    r"\b(?:share|tell us|give us) your (?:thoughts|opinions?|views)\b",
    r"\b(?:leave|drop|post) (?:us |me )?(?:a|your) comments?\b",
    r"\blet us know (?:what you think|your thoughts|in the comments|below)\b",
)
_MAX_PROMPT_LINE = 170
PROMO = _any(
    r"\bclick(?:ing)? here\b",
    r"^continue reading (?:below|after (?:the )?(?:ad|advertisement))$",
    r"^(?:the )?(?:story|article) continues (?:below|after)\b.{0,30}$",
    # A sign-up box's form and small print.
    r"^(?:enter )?(?:your )?e-?mail(?: address)?(?: here)?\s*:?$",
    r"^by (?:signing up|subscribing|registering|clicking)\b.{0,80}\byou (?:agree|consent|acknowledge)\b",
    # Where the story ran first, and where to send tips.
    r"^(?:this|the) (?:article|story|post|piece) (?:was )?(?:originally|first) (?:appeared|published|ran)\b.{0,120}$",
    r"^a version of this (?:article|story) (?:appeared|appears|was published)\b.{0,120}$",
    r"^the post .{3,300} appeared first on .{2,100}$",  # a WordPress feed's last line
    r"^(?:have|got) a (?:news |story )?tip\b.{0,80}$",
    r"\bsubscribe (?:now|today|here|for|to (?:our|the))\b",
    r"\bsign up (?:for|to)\b.{0,60}\bnewsletters?\b",
    r"\bnewsletter\b.{0,60}\b(?:sign up|subscribe|inbox)\b",
    r"\bfor (?:just|only) [$€£]\s?\d",
    r"\bads?-free\b",
    r"^advertisement\.?$|^sponsored(?: content)?$|^ad$",
    r"^advertisement\b.{0,30}\b(?:continues?|below)\b.{0,20}$",
    r"\bdownload (?:our|the) app\b",
    # A paywall's notice where the story stops.
    r"^(?:this|the) (?:article|story|content) is (?:only )?(?:for|available to|exclusive to|reserved for)"
    r" (?:paid |paying |premium |our )?(?:subscribers|members)\b.{0,40}$",
    r"\b(?:subscribe|sign in|log in|register) to (?:continue|keep) reading\b",
    r"^(?:to )?continue reading,? (?:please )?(?:subscribe|sign in|log in|register)\b.{0,60}$",
    r"^you(?:'ve| have) (?:reached|used) (?:your|all your|the) (?:free |monthly )?(?:articles?|stories)\b.{0,30}$",
    r"^already a (?:subscriber|member)\??\b.{0,30}$|^cancel (?:at )?any ?time\.?$",
    r"\bsupport (?:our|independent|quality) journalism\b",
    # An e-mailed newsletter's furniture, as pasted or saved.
    r"^(?:having trouble viewing this e-?mail\W*)?view (?:this (?:e-?mail|newsletter|message) |it |this )?"
    r"(?:online|in (?:your|a|the) (?:web )?browser)\b.{0,20}$",
    r"^(?:forward|share) this (?:e-?mail|newsletter)\b.{0,100}$",
    r"\b(?:did|has) (?:someone|a friend|a colleague) forward(?:ed)? (?:this|you)\b",
    r"^you(?:'re| are) (?:receiving|getting) this (?:e-?mail|newsletter|message)\b.{0,150}$",
    r"^(?:unsubscribe|manage (?:your )?(?:subscriptions?|preferences)|update (?:your )?preferences)\b.{0,80}$",
    # A sponsor's box: its heading, and the small print its copy ends with.
    r"^(?:sponsored by|presented by|in partnership with|brought to you by)\b.{0,50}$",
    r"\b(?:terms|terms and conditions|terms & conditions|t&cs|t&c)s? (?:may )?apply\.?\)?$",
)
# Characters printed as nothing that would cut a word in two for the index: soft hyphens
# ("Not\xadfall\xaddaten\xadsatz"), zero-width spaces, word joiners, byte-order marks. Not the
# zero-width joiners that emoji and Indic scripts are written with.
INVISIBLE = re.compile("[\xad\u200b\u2060\ufeff]")
# What parts a page title's headline from the site's name ("Levees rise | The Alder Times").
TITLE_SEPARATOR = re.compile(r"\s+(?:[|–—·•-]|::|»)\s+")
_MAX_SITE_WORDS = 4  # words of a site's name after a page title's separator


def without_site_name(title: str) -> str:
    """A page title without the site's name it carries: its last parts of a few capitalised words
    after a separator ("Levees rise | The Alder Times", "Headline - Section - Site")."""
    return split_site_name(title)[0]


def split_site_name(title: str) -> tuple[str, str | None]:
    """A page title's headline and the site's name, its last part, when it carries one (see
    ``without_site_name``): ("Levees rise", "The Alder Times")."""
    site_name = None
    for separator in reversed(list(TITLE_SEPARATOR.finditer(title))):
        site, headline = title[separator.end():].split(), title[:separator.start()]
        if len(site) > _MAX_SITE_WORDS or any(word[:1].islower() for word in site) or len(headline.split()) < 3:
            break
        site_name = site_name or " ".join(site)
        title = headline  # each part after the headline, in turn
    return title, site_name


COOKIE = _any(r"\b(?:we|this (?:site|website)) uses? cookies\b", r"\baccept (?:all )?cookies\b",
              r"\bcookie (?:policy|settings|preferences)\b")
# Bylines and contact lines that pages print between the headline and the story.
BYLINE = _any(
    r"^(?:by|posted by|written by|reporting by|edited by|words by)(?:\s+[A-Z][^.!?]{0,60})?$",
    r"^[\w.+-]+@[\w-]+\.[\w.]+$",
    r"^@\w{2,30}$",
    r"^(?:biography|author|contributor|staff writer|correspondent)\b.{0,50}$",
    # A wire story's credits: "(Reporting by Tom Ellery; Editing by Owen Mather)".
    r"^\(?(?:additional )?(?:reporting|writing|editing|compiled|produced|translated) by\b[^()]{0,200}\)?$",
)
# Who else reported the story: "Heather Caygle and Louis Nelson contributed to this report." Kept in
# the text, but they are not people the story is about.
CONTRIBUTORS = re.compile(r"^[^.!?]{3,200}\b(?:contributed|also contributed) (?:reporting|to (?:this|the|our) "
                          r"(?:report|story|article|reporting))\b[^!?]{0,100}$", _I)
# Gallery and player controls.
WIDGET = _any(
    r"^(?:image|photo|picture|slide)\s+\d+\s+(?:of|/)\s*\d*$",
    r"^\d+\s*/\s*\d+$",
    r"^(?:caption|close|back to gallery|next|previous|prev|play|pause|mute|expand|enlarge|skip ads?)$",
    # A video player's: "Watch Full Screen to Skip Ads".
    r"^(?:watch )?(?:in )?full ?screen(?: to skip ads?)?$",
    r"^subscribe\b.{0,30}$|^(?:log|sign) ?in\b.{0,20}$",
    # A rule drawn with characters between a story and its end matter.
    r"^[_=*~#•·-]{3,}$",
)
# A credit line alone: who took the picture is not body text, nor a person of the article.
PHOTO_CREDIT = _any(
    r"^featured (?:image|photo)\b.{0,100}$",
    r"^[^!?]{0,80}(?:/|\bvia )\s*(?:getty(?: images)?|ap(?: photo| images)?|afp|reuters|epa|shutterstock|flickr)\.?$",
    r"^\((?:source|photo|image|video): [^)]{1,40}\)$",
    r"^\(?(?:submitted|file|contributed|courtesy|handout|staff) (?:photo|image|picture|graphic)s?\.?\)?$",
)
COPYRIGHT = _any(r"^(?:©|\(c\)|copyright\b)", r"\ball rights reserved\b")
READ_MORE = _any(r"^[\[(]?\s*(?:read|see|watch|also read|more on this|related)(?: (?:more|also|related|next))?"
                 r"(?: (?:article|story|stories|coverage|video))?\s*[:>»|]",
                 r"^(?:read|watch) (?:more|the full story)\s*[>»]*$")
CAPTION = _any(
    r"\((?:photo|image|picture|video)s?(?:\s+credits?)?\s*:[^)]*\)\s*$",
    r"^(?:photo|image|picture|file photo|photograph)(?:\s+credits?)?\s*:",
    r"\b(?:photo|image)\s+(?:credit|courtesy)\b.{0,60}$",
    r"^(?:image|photo|picture) (?:copyright|caption|source)\b",
    r"\bcredit:\s*[\w&/. -]{2,60}$",
    # A caption's last sentence naming who took the picture: "... off Kestrel Bay. Photo: Jonas Pereira".
    r"[.!?]\s+(?:photo|picture|image|photograph)s?(?:\s+by)?\s*:\s*[\w .,'’&/-]{2,60}$",
)
# Who took a picture: names in a credit are not people of the article.
CREDIT = _any(
    r"\((?:photo|image|picture|video)s?(?:\s+credits?)?\s*:[^)]*\)",
    r"\b(?:photo|image|picture)s?\s*(?:credits?|copyright|courtesy)?\s*(?::|by|copyright)\s*"
    r"[^.()]*?(?=\s+(?:image|photo) caption\b|$)",
    r"\bimage caption\b",
    # Local papers' credits for pictures sent in or from the archive: "Jane Doe | Submitted photo".
    r"(?:\s[|/–-])?\s*\(?\b(?:submitted|file|contributed|courtesy|handout|provided|supplied)\s+"
    r"(?:photo|image|picture|graphic)s?\b\)?\s*$",
    r"\(?\b(?:photo|image|picture)s?\s+(?:submitted|provided|supplied|courtesy(?:\s+of)?)\b[^.()]*\)?$",
)
# A heading over links to other stories: skipped up to the next line of prose, since news pages
# also put such boxes in the middle of an article.
RELATED_HEADING = _any(
    r"^related(?: (?:content|articles?|stories|coverage|news|posts|reading|topics|videos?))?\s*:?$",
    r"^more (?:from|stories|news|on)\b.{0,40}$",
    r"^recommended(?: for you| stories| reading)?\s*:?$",
    r"^(?:read|see|watch) (?:more|also|next)\s*:?$|^(?:also read|further reading)\s*:?$",
    r"^(?:don'?t miss|do not miss|must read|editor'?s'? picks?|in case you missed it)\s*[:!]?$",
    r"^you (?:may|might) (?:also )?(?:like|be interested in)\s*:?$",
    r"^(?:most (?:read|popular|viewed|shared)|trending(?: now)?|latest (?:news|stories)|top stories)\b.{0,30}$",
    # The same headings in the other languages news sites are most often scraped in.
    r"^(?:artigos|notícias|matérias|artículos|noticias|articoli|notizie|artikel|berita|articles|nachrichten)"
    r" (?:relacionad[oa]s|relacionad[oa]s|correlat[ie]|terkait|similaires|connexes|ähnliche)\s*:?$",
    r"^(?:verwandte|ähnliche|weitere) (?:artikel|beiträge|themen|nachrichten)\s*:?$",
    r"^(?:à lire aussi|lire aussi|lesen sie auch|leia também|leia mais|lee también|leggi anche|baca juga)\b.{0,60}$",
)
# A heading after which only readers' comments follow.
COMMENTS_HEADING = _any(
    r"^(?:\d+\s+)?comments?\s*(?:\(\d+\))?\s*:?$|^leave a (?:comment|reply)\b|^join the conversation$",
    r"^(?:\d+|no|one)\s+(?:responses?|comments?|replies|reactions)\b.{0,80}$",
    r"^(?:permalink|show|view|load|see|read)(?: (?:all|more|new|older|\d+))* comments?\b",
    r"^(?:add|post|write|submit) (?:a |your )?(?:comment|reply)\b.{0,20}$",
    r"^(?:all|readers?'?|latest|newest|recent|most recent|top) comments?\b.{0,20}$",
    r"^comments? (?:are|is) (?:closed|disabled)\b",
    r"^[\w.@-]{2,40} (?:says|said|wrote|commented):$",
    r"^(?:deixe|deja|lascia|hinterlasse|laissez|tinggalkan) (?:uma|una|un|einen|eine|un|komentar)\b.{0,40}$",
    r"^(?:comentários?|comentarios?|commenti|kommentare|commentaires|komentar)\s*(?:\(\d+\))?\s*:?$",
)
# Headings over what follows a press release or a story: who to call, the legal small print.
END_MATTER_HEADING = _any(
    r"^(?:forward[- ]looking statements?|safe harbou?r statement|cautionary (?:note|statement)\b.{0,40}"
    r"|(?:media|press|investor|investor relations|editorial) contacts?|for (?:further|more) information,?"
    r"(?: please)? contact)\s*:?$",
)
# What a news API cut off an article's text ("... on Thursday… [+2107 chars]").
_CUT_OFF = re.compile(r"\s*\[\+\d+ chars\]$")
_PROSE = re.compile(r"^(?:\S+\s+){11,}.*[.!?…\"”’]$")
SALUTATION = re.compile(r"^dear (?:valued )?(?:readers?|subscribers?|friends?|visitors?|members?)\b", _I)
CLOSING = re.compile(r"^(?:thank you|thanks|sincerely|regards|best regards|warm regards|yours)\b.{0,20}$", _I)
APPEAL_CUES = re.compile(
    r"\b(?:subscri\w+|paywall|donat\w+|membership|premium|ads?-free|a month|per month|journalism"
    r"|support us|our partner|contribut\w+|sustainable|loyal readers?)\b|[$€£]\s?\d",
    _I,
)
_READER = re.compile(r"\b(?:you|your|we|our|us)\b")  # lower case: "US" is a country
_MAX_APPEAL_CHARS = 700
LINE_RULES = (READ_TIME, SOCIAL, PROMO, COOKIE, COPYRIGHT, READ_MORE, BYLINE, WIDGET, PHOTO_CREDIT)
_MAX_RULE_LINE = 300


# A rule's first pass: its alternatives that start a line, the others, and text one of which
# every match of the others holds (``None`` when that cannot be said).
FirstPass = tuple[re.Pattern | None, re.Pattern | None, tuple[str, ...] | None]


def _first_pass(rule: re.Pattern) -> FirstPass | None:
    """Looser, faster tests for a rule, run on the lower-cased line; only their matches are then
    tried with the rule itself: the rule's alternatives that start a line (tried there alone)
    and the others (searched for, on lines that hold one of their ``required_text``).

    Python's re cannot skip ahead to where a match could start when a pattern ignores case,
    starts with \\b, or mixes anchored and floating alternatives, so every rule was tried at
    every position of every line (a quarter of the time spent parsing a plain-text article).
    ``None`` for a rule with upper-case letters of its own, which then runs alone.
    """
    branches = _BRANCHES[rule]
    if any(re.search(r"(?<!\\)[A-Z]", branch) for branch in branches):
        return None
    starting = [branch for branch in branches if branch.startswith("^")]
    floating_branches = [branch.removeprefix(r"\b") for branch in branches if not branch.startswith("^")]
    floating = "|".join(f"(?:{branch})" for branch in floating_branches)
    return (re.compile("|".join(f"(?:{b})" for b in starting)) if starting else None,
            re.compile(floating) if floating else None,
            required_text(floating) if floating else None)


def required_text(pattern: str) -> tuple[str, ...] | None:
    """Strings one of which every match of ``pattern`` (case-sensitive) holds, worked out from
    its fixed text: ``("share", "comment")`` for ``share this|leave a comment``. ``None`` when
    some match need hold no fixed text. A line holding none of them is not searched: looking
    for a few words costs a tenth of running the pattern at every position."""
    try:
        found = _required(_sre_parser.parse(pattern))
    except (re.error, RecursionError):
        return None
    if not found:
        return None
    # "credit" found, "credit:" is: one test is enough.
    return tuple(sorted(text for text in found if not any(other in text for other in found if other != text)))


def _required(items) -> set[str] | None:
    """``required_text`` of a parsed (sub)pattern: the most telling of its runs of fixed text
    ("for just", "for only" of ``for (?:just|only) \\d``) and of what its groups, alternatives
    and repeats require."""
    best: set[str] | None = None
    runs = {""}  # the fixed text just before this point, one string per way of writing it

    def consider(candidate: set[str] | None) -> None:
        nonlocal best
        if candidate and "" not in candidate and (best is None or min(map(len, candidate)) > min(map(len, best))):
            best = candidate

    for op, argument in items:
        words = _fixed_words(op, argument)
        if words is not None and len(runs) * len(words) <= _MAX_REQUIRED:
            runs = {run + word for run in runs for word in words}
            continue
        consider(runs)
        runs = {""}
        if op is _sre_constants.SUBPATTERN and not argument[1] and not argument[2]:  # no flags of its own
            consider(_required(argument[-1]))
        elif op is _sre_constants.BRANCH:
            alternatives = [_required(alternative) for alternative in argument[1]]
            if all(alternatives):
                consider(set().union(*alternatives))
        elif op in (_sre_constants.MAX_REPEAT, _sre_constants.MIN_REPEAT) and argument[0] >= 1:
            consider(_required(argument[2]))
    consider(runs)
    return best


_MAX_REQUIRED = 4  # ways of writing a run of fixed text, beyond which its parts are taken apart


def _fixed_words(op, argument) -> list[str] | None:
    """The strings a parsed item matches when it is fixed text: a character, or alternatives
    (in a group or not) of fixed text only; ``None`` otherwise."""
    if op is _sre_constants.LITERAL:
        return [chr(argument)]
    if op is _sre_constants.IN and all(kind is _sre_constants.LITERAL for kind, _ in argument):
        return [chr(character) for _, character in argument]  # a set of characters: [$€£]
    if op is _sre_constants.SUBPATTERN and not argument[1] and not argument[2] and len(argument[-1]) == 1:
        return _fixed_words(*argument[-1][0])
    if op is _sre_constants.BRANCH:
        words = []
        for alternative in argument[1]:
            if not all(item[0] is _sre_constants.LITERAL for item in alternative):
                return None
            words.append("".join(chr(character) for _, character in alternative))
        return words
    return None


_LINE_CHECKS = [(rule, _first_pass(rule)) for rule in LINE_RULES]
_PROMPT_CHECK = (PROMPT, _first_pass(PROMPT))
_CAPTION_CHECK = (CAPTION, _first_pass(CAPTION))


def _matches(check: tuple[re.Pattern, FirstPass | None], text: str, lowered: str) -> bool:
    rule, first_pass = check
    if first_pass is not None:
        starting, floating, required = first_pass
        if not ((starting is not None and starting.match(lowered))
                or (floating is not None and _holds(lowered, required) and floating.search(lowered))):
            return False
    return rule.search(text) is not None


def _holds(lowered: str, required: tuple[str, ...] | None) -> bool:
    if required is None:
        return True
    for text in required:  # noqa: SIM110 - a loop, not any(): a generator's steps cost more than the tests
        if text in lowered:
            return True
    return False


# An article's lines are asked about twice (finding its main block, then cleaning it), and
# boilerplate lines recur across a corpus: remember recent answers.
@functools.lru_cache(maxsize=4096)
def is_boilerplate_line(line: str) -> bool:
    """True for a line that one of the boilerplate line rules recognises."""
    text = line.strip()
    if not text or len(text) > _MAX_RULE_LINE:
        return False
    lowered = text.lower()
    if len(text) <= _MAX_PROMPT_LINE and _matches(_PROMPT_CHECK, text, lowered):
        return True
    return any(_matches(check, text, lowered) for check in _LINE_CHECKS)


@functools.lru_cache(maxsize=4096)
def is_caption(line: str) -> bool:
    """True for a photo caption or credit line."""
    text = line.strip()
    return _matches(_CAPTION_CHECK, text, text.lower())


def strip_credits(caption: str) -> str:
    """A caption without its photo credits."""
    return " ".join(CREDIT.sub(" ", caption).split())


def strip_boilerplate(lines: list[str]) -> tuple[list[str], list[str]]:
    """Remove boilerplate from an article's body lines.

    Returns the kept paragraphs and the caption lines met on the way (captions are not body text,
    but they name the article's people).
    """
    lines = drop_appeal_blocks(lines)
    paragraphs: list[str] = []
    captions: list[str] = []
    skipping = False
    for line in lines:
        text = line.strip()
        if text.endswith("chars]"):
            text = _CUT_OFF.sub("", text)
        if not text:
            continue
        if paragraphs and (COMMENTS_HEADING.match(text) or END_MATTER_HEADING.match(text)):
            break
        if paragraphs and RELATED_HEADING.match(text):
            skipping = True
            continue
        if skipping and not _PROSE.match(text):
            continue
        skipping = False
        if dates.date_line(text):
            continue  # a bare timestamp: the article's date is read from its header
        if is_caption(text):
            captions.append(text)
        elif not is_boilerplate_line(text) and not _is_appeal_paragraph(text):
            paragraphs.append(text)
    return paragraphs, captions


def drop_appeal_blocks(lines: list[str]) -> list[str]:
    """Drop reader appeals that open with a salutation and close with a signature."""
    kept: list[str] = []
    index = 0
    while index < len(lines):
        if SALUTATION.match(lines[index].strip()):
            end = _appeal_end(lines, index)
            if end is not None:
                index = end
                continue
        kept.append(lines[index])
        index += 1
    return kept


def _appeal_end(lines: list[str], start: int) -> int | None:
    """The index just past an appeal's signature, or ``None`` when no closing follows soon."""
    limit = min(len(lines), start + 40)
    for index in range(start + 1, limit):
        if CLOSING.match(lines[index].strip()):
            index += 1
            while index < len(lines) and not lines[index].strip():
                index += 1
            # The signature: short lines of names and roles, until the next blank line.
            while index < len(lines) and _is_signature(lines[index]):
                index += 1
            return index
    return None


def _is_signature(line: str) -> bool:
    text = line.strip()
    return bool(text) and len(text.split()) <= 12 and not text.endswith((".", "?", "!", ":"))


def _is_appeal_paragraph(text: str) -> bool:
    """A reader appeal without a salutation: short, addressed to "you", with three kinds of cue."""
    if len(text) > _MAX_APPEAL_CHARS or not _READER.search(text):  # the cheaper tests first
        return False
    if not _holds(text.lower(), _APPEAL_CUE_TEXT):
        return False
    cues = {_cue_kind(match.group(0)) for match in APPEAL_CUES.finditer(text)}
    return len(cues) >= 3


_APPEAL_CUE_TEXT = required_text(APPEAL_CUES.pattern)  # its letters are all lower case


def _cue_kind(cue: str) -> str:
    cue = cue.lower()
    return "money" if cue[0] in "$€£" else cue[:6]  # "$4" and "$5" are one kind; "subscribe(d)" one


# Corpus-level statistics -------------------------------------------------------------------------

_MIN_REPEATED_WORDS = 3


def line_key(line: str) -> str | None:
    """A short hash of a paragraph for repeated-line statistics; ``None`` for too-short lines."""
    words = re.findall(r"\w+", line.lower())
    if len(words) < _MIN_REPEATED_WORDS:
        return None
    return hashlib.blake2b(" ".join(words).encode(), digest_size=8).hexdigest()


def line_keys(paragraphs: Iterable[str]) -> set[str]:
    """The distinct keys of an article's paragraphs (each article counts a line once)."""
    return {key for key in map(line_key, paragraphs) if key}


# Less of an article's text than this left by its repeated lines: the article is a copy.
_LEFT_OF_A_COPY = 0.2


def repeated_threshold(document_count: int) -> int:
    """How many articles must share a line before it counts as boilerplate."""
    return max(3, document_count // 200)


def strip_repeated(paragraphs: list[str], boilerplate_keys: set[str]) -> list[str]:
    """Drop paragraphs whose key the corpus statistics mark as boilerplate; not from an article
    made almost wholly of them, which is one of several copies of a story in the corpus (a wire
    story in several papers, a page crawled again), not boilerplate around a story."""
    if not boilerplate_keys:
        return paragraphs
    kept = [p for p in paragraphs if line_key(p) not in boilerplate_keys]
    return kept if sum(map(len, kept)) >= _LEFT_OF_A_COPY * sum(map(len, paragraphs)) else paragraphs
