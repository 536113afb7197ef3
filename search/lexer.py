"""Syntax highlighting of the query as it is typed."""

from __future__ import annotations

import re

from prompt_toolkit.document import Document
from prompt_toolkit.lexers import Lexer

_TOKENS = re.compile(
    r'(?P<command>^\s*:\w*)'
    r'|(?P<phrase>"[^"]*"(?:~\d+)?)'
    r'|(?P<open_quote>"[^"]*$)'
    r'|(?P<date>\b(?:date|before|after|on):\S*)'
    r'|(?P<field>\b\w+:)'
    r'|(?P<operator>\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b|(?<!\S)-(?=\S)|[()])'
    r'|(?P<modifier>\w+[*?]\w*|\w+~\d?)'
)
STYLES = {
    "command": "class:command",
    "phrase": "class:phrase",
    "open_quote": "class:error",
    "date": "class:date",
    "field": "class:field",
    "operator": "class:operator",
    "modifier": "class:modifier",
}


def style_line(text: str) -> list[tuple[str, str]]:
    """``(style, text)`` pieces of one query line."""
    pieces, position = [], 0
    for match in _TOKENS.finditer(text):
        if match.start() > position:
            pieces.append(("", text[position:match.start()]))
        pieces.append((STYLES[match.lastgroup], match.group(0)))
        position = match.end()
    if position < len(text):
        pieces.append(("", text[position:]))
    return pieces


class QueryLexer(Lexer):
    """Colours fields, operators, phrases, dates, commands and an unclosed quote."""

    def lex_document(self, document: Document):
        lines = document.lines
        return lambda number: style_line(lines[number]) if number < len(lines) else []
