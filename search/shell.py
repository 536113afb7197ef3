"""The interactive shell: one prompt_toolkit session on top of the search API."""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

from prompt_toolkit import PromptSession
from prompt_toolkit.auto_suggest import AutoSuggest, AutoSuggestFromHistory, Suggestion
from prompt_toolkit.buffer import Buffer
from prompt_toolkit.completion import ThreadedCompleter
from prompt_toolkit.history import FileHistory, History, InMemoryHistory
from prompt_toolkit.styles import Style

from .commands import Quit, ShellState, run_command
from .completion import QueryCompleter
from .environment import Environment
from .lexer import QueryLexer
from .query import QueryError
from .render import safe
from .searcher import Searcher, SearchError

STYLE = Style.from_dict({
    "command": "#af87ff bold",
    "phrase": "#5fafd7",
    "date": "#5fd7af",
    "field": "#d7af5f bold",
    "operator": "#ff875f bold",
    "modifier": "#d787d7",
    "error": "bg:#5f0000 #ffffff",
    "bottom-toolbar": "#303030 bg:#bcbcbc",
    "prompt": "#5fafff bold",
})
WELCOME = "news-search: type words to search, :help for the query syntax and commands, Ctrl-D to quit.\n"


def history_path() -> Path:
    """Where the shell keeps its history: the XDG data directory."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "news-search" / "history"


def handle_line(state: ShellState, line: str) -> str:
    """What the shell shows for one input line (a query, a command, or Enter for the next page).

    Raises ``Quit`` for ``:quit``; every other problem becomes a message.
    """
    text = line.strip()
    try:
        if not text:
            return run_command(state, ":next") if state.results else ""
        if text.startswith(":"):
            return run_command(state, text)
        return state.run_query(text)
    except QueryError as error:
        return f"Query error: {safe(str(error))}\n"
    except SearchError as error:
        return f"{safe(str(error))}\n"
    except KeyboardInterrupt:
        return "Cancelled.\n"


def show(state: ShellState, text: str) -> None:
    """Print ``text``, through the pager when it is taller than the screen."""
    env = state.env
    if not text:
        return
    if env.interactive and text.count("\n") > (env.height or 24) - 2 and env.pager:
        try:
            subprocess.run(shlex.split(env.pager), input=text, text=True, check=False)
            return
        except (OSError, ValueError):
            pass  # no usable pager: print instead
    env.stdout.write(text)
    env.stdout.flush()


class DidYouMean(AutoSuggest):
    """The grey suggestion after the cursor: the last search's did-you-mean (or, when that was
    searched instead, the query as typed) while what is typed begins it, otherwise the latest
    past query that does (prompt_toolkit's history suggestion)."""

    def __init__(self, state: ShellState) -> None:
        self.state = state
        self.history = AutoSuggestFromHistory()

    def get_suggestion(self, buffer: Buffer, document) -> Suggestion | None:
        wanted = _other_query(self.state)
        if wanted and wanted.startswith(document.text) and len(wanted) > len(document.text):
            return Suggestion(wanted[len(document.text):])
        return self.history.get_suggestion(buffer, document)


def offer_suggestion(buffer: Buffer, state: ShellState) -> None:
    """Show the last search's did-you-mean (or the query as typed, when the did-you-mean was
    searched instead) in the empty prompt, for the right arrow to take."""
    wanted = _other_query(state)
    if wanted and not buffer.text:
        buffer.suggestion = Suggestion(wanted)


def _other_query(state: ShellState) -> str | None:
    results = state.results
    return (results.corrected_from or results.suggestion) if results else None


def run_shell(searcher: Searcher, env: Environment, *, corpus: Path | None = None,
              history: History | None = None) -> int:
    """Read queries and commands until ``:quit`` or Ctrl-D; returns the exit code."""
    state = ShellState(searcher=searcher, env=env, corpus=corpus)
    if history is None:
        history = _file_history()
    session: PromptSession = PromptSession(
        history=history,
        auto_suggest=DidYouMean(state),
        enable_history_search=False,  # Ctrl-R reverse search stays on
        completer=ThreadedCompleter(QueryCompleter(searcher.people_names)),
        complete_while_typing=False,
        lexer=QueryLexer(),
        style=STYLE,
        bottom_toolbar=lambda: _toolbar(state),
    )
    env.stdout.write(WELCOME)
    while True:
        try:
            line = session.prompt([("class:prompt", "search> ")],
                                  pre_run=lambda: offer_suggestion(session.default_buffer, state))
        except KeyboardInterrupt:
            continue  # Ctrl-C clears the line
        except EOFError:
            break
        try:
            show(state, handle_line(state, line))
        except Quit:
            break
    return 0


def _file_history() -> History:
    path = history_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return FileHistory(str(path))
    except OSError:
        return InMemoryHistory()


def _toolbar(state: ShellState) -> str:
    try:
        stats = state.searcher.stats()
    except SearchError:
        return " index unavailable"
    built = stats["built"].strftime("%Y-%m-%d %H:%M") if stats["built"] else "?"
    parts = [f" {stats['index']}", f"{stats['articles']} articles", f"built {built}", f"sort {state.sort}"]
    if state.results:
        parts.insert(3, f"page {state.page}/{state.results.pages} of {state.results.total} hits")
    return " · ".join(parts) + " · :help "
