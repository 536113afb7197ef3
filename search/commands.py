"""The shell's special commands: a small registry, as litecli keeps its special commands.

Each command is a function of the shell state and its argument text that returns what to show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from indexer import BuildError, build_index
from indexer.progress import progress_printer

from .environment import Environment
from .render import (
    render_article,
    render_csv,
    render_json,
    render_people,
    render_results,
    render_sources,
    render_timeline,
    safe,
)
from .results import SearchResults
from .searcher import SORTS, Searcher


class Quit(Exception):
    """Raised by ``:quit`` to leave the shell."""


@dataclass
class ShellState:
    """What the shell remembers between lines."""

    searcher: Searcher
    env: Environment
    corpus: Path | None = None
    query: str | None = None
    page: int = 1
    limit: int = 10
    sort: str = "relevance"
    collapse: bool = True  # near-identical articles as one hit
    results: SearchResults | None = None
    history: list[str] = field(default_factory=list)

    def run_query(self, query: str, page: int = 1) -> str:
        """Search and remember the results; the rendered page."""
        # A query typed again after its did-you-mean was searched instead is meant as typed.
        insisted = self.results is not None and self.results.corrected_from == query
        self.results = self.searcher.search(query, limit=self.limit, page=page, sort=self.sort,
                                            autocorrect=not insisted, collapse=self.collapse)
        self.query, self.page = self.results.query, page  # the did-you-mean when it was searched instead
        return render_results(self.results, colour=self.env.colour, width=self.env.width)


@dataclass(frozen=True)
class Command:
    """One special command."""

    name: str
    handler: Callable[[ShellState, str], str]
    usage: str
    help: str
    aliases: tuple[str, ...] = ()


COMMANDS: dict[str, Command] = {}


def command(name: str, usage: str, help: str, aliases: tuple[str, ...] = ()):
    """Register a special command under ``:name`` (and its aliases)."""
    def register(handler: Callable[[ShellState, str], str]) -> Callable[[ShellState, str], str]:
        entry = Command(name, handler, usage, help, aliases)
        for key in (name, *aliases):
            COMMANDS[key] = entry
        return handler
    return register


def run_command(state: ShellState, line: str) -> str:
    """Run a ``:command argument`` line; unknown commands get a hint, never an exception."""
    name, _, argument = line.lstrip(":").strip().partition(" ")
    entry = COMMANDS.get(name.lower())
    if entry is None:
        return f"Unknown command ':{name}'. Type :help for the list.\n"
    return entry.handler(state, argument.strip())


QUERY_HELP = """\
Query syntax
  words              articles with every word (stemmed: 'minister' finds 'ministers')
  "exact phrase"     the words in this order;  "words near"~5  within 5 words
  a OR b, a AND b    boolean operators; NOT word or -word excludes; (parentheses) group
  presid*            prefix;  ecomony~  fuzzy (1 edit);  ecomony~2  2 edits
  headline: body: summary: people: authors: source:   search one field
                     (or title: text: person: author: path: publication:)
  people:"Sergey Lavrov"   any spelling of a person (Sergei/Sergey, surname alone)
  date:2017  date:2017-02  date:2017-02-06  date:[2017-01-01 to 2017-03-01]
  date:2017-01..2017-03 (a range; date:2017.. from, date:..2016 until)
  date:>2017-02-01  date:<2016  before:2017-03  after:2016-12-31  after:"1 March 2017"
"""


@command("help", ":help [command]", "this help, or one command's", aliases=("h", "?"))
def _help(state: ShellState, argument: str) -> str:
    if argument:
        entry = COMMANDS.get(argument.lstrip(":"))
        return f"{entry.usage}\n  {entry.help}\n" if entry else f"No command ':{argument}'.\n"
    entries = list({entry.name: entry for entry in COMMANDS.values()}.values())
    width = max(len(entry.usage) for entry in entries)
    lines = ["Commands"] + [f"  {entry.usage:<{width}}  {entry.help}" for entry in entries]
    lines += ["  Enter on an empty line shows the next page; Ctrl-R searches history; Ctrl-D quits;",
              "  the right arrow takes the grey suggestion (a did-you-mean, or a past query).",
              "", QUERY_HELP]
    return "\n".join(lines)


@command("next", ":next", "the next page of results", aliases=("n",))
def _next(state: ShellState, argument: str) -> str:
    if not state.results:
        return "No search yet.\n"
    if state.page >= state.results.pages:
        return "That was the last page.\n"
    return state.run_query(state.query, state.page + 1)


@command("prev", ":prev", "the previous page of results", aliases=("p",))
def _prev(state: ShellState, argument: str) -> str:
    if not state.results:
        return "No search yet.\n"
    if state.page <= 1:
        return "This is the first page.\n"
    return state.run_query(state.query, state.page - 1)


@command("open", ":open N", "read hit N in full, query words highlighted", aliases=("o",))
def _open(state: ShellState, argument: str) -> str:
    hit = _hit_number(state, argument)
    if isinstance(hit, str):
        return hit
    stored = state.searcher.article(hit.id)
    if stored is None:
        return "That article is no longer in the index.\n"
    spans = state.searcher.body_highlights(hit.id, state.query or "")
    return render_article(stored, spans, colour=state.env.colour, width=state.env.width)


@command("similar", ":similar N", "articles like hit N")
def _similar(state: ShellState, argument: str) -> str:
    hit = _hit_number(state, argument)
    if isinstance(hit, str):
        return hit
    results = state.searcher.similar(hit.id, limit=state.limit)
    return f"Articles like: {hit.headline}\n" + render_results(results, colour=state.env.colour,
                                                              width=state.env.width)


@command("sort", ":sort relevance|date|-date", "order results by score, oldest or newest first")
def _sort(state: ShellState, argument: str) -> str:
    if argument not in SORTS:
        return f"Sort by one of: {', '.join(SORTS)} (now {state.sort}).\n"
    state.sort = argument
    return state.run_query(state.query) if state.query else f"Sorting by {argument}.\n"


@command("limit", ":limit N", "hits per page")
def _limit(state: ShellState, argument: str) -> str:
    if not argument.isdigit() or not 1 <= int(argument) <= 100:
        return f"Give a number from 1 to 100 (now {state.limit}).\n"
    state.limit = int(argument)
    return state.run_query(state.query) if state.query else f"{state.limit} hits per page.\n"


@command("people", ":people", "the people most often in the current results")
def _people(state: ShellState, argument: str) -> str:
    if not state.query:
        return "No search yet.\n"
    return render_people(state.searcher.facets(state.query, collapse=state.collapse), colour=state.env.colour)


@command("sources", ":sources", "the sources (the corpus's folders) and publications with most of the current results")
def _sources(state: ShellState, argument: str) -> str:
    if not state.query:
        return "No search yet.\n"
    return render_sources(state.searcher.facets(state.query, collapse=state.collapse), colour=state.env.colour)


@command("timeline", ":timeline", "results per month as a bar chart (per year over three years)")
def _timeline(state: ShellState, argument: str) -> str:
    if not state.query:
        return "No search yet.\n"
    width = max(10, (state.env.width or 80) - 20)
    facets = state.searcher.facets(state.query, collapse=state.collapse)
    return render_timeline(facets, colour=state.env.colour, width=width)


@command("save", ":save FILE", "every hit of the current search to FILE: CSV, or JSON for a .json name")
def _save(state: ShellState, argument: str) -> str:
    return _save_results(state, argument, replace=False)


@command("save!", ":save! FILE", "the same, replacing FILE if it exists")
def _save_replacing(state: ShellState, argument: str) -> str:
    return _save_results(state, argument, replace=True)


def _save_results(state: ShellState, argument: str, replace: bool) -> str:
    if not state.query:
        return "No search yet.\n"
    if not argument:
        return "Give a file name: :save results.csv (or results.json).\n"
    path = Path(argument).expanduser()
    if path.exists() and not replace:
        return f"{safe(argument)} exists: give another name, or :save! {safe(argument)} to replace it.\n"
    results = state.searcher.every_hit(state.query, sort=state.sort, collapse=state.collapse)
    text = render_json(results) if path.suffix.lower() == ".json" else render_csv(results)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        return f"Cannot save to {safe(argument)}: {safe(error.strerror or str(error))}\n"
    return f"Saved {len(results.hits)} hit{'s' if len(results.hits) != 1 else ''} to {safe(argument)}.\n"


@command("stats", ":stats", "facts about the index")
def _stats(state: ShellState, argument: str) -> str:
    stats = state.searcher.stats()
    built = stats["built"].strftime("%Y-%m-%d %H:%M") if stats["built"] else "unknown"
    span = f", dated {stats['oldest']:%Y-%m-%d} to {stats['newest']:%Y-%m-%d}" if stats["oldest"] else ""
    undated = f" ({stats['undated']} undated)" if stats["undated"] else ""
    segments = f", {stats['segments']} segment{'s' if stats['segments'] != 1 else ''}" if stats["segments"] else ""
    return (f"Index {stats['index']} ({stats['generation']}): {stats['articles']} articles{span}{undated}"
            f"{segments}, last built {built}\n")


@command("reindex", ":reindex", "bring the index up to date with the corpus")
def _reindex(state: ShellState, argument: str) -> str:
    if state.corpus is None:
        return "No corpus folder known: start the shell with --corpus DIR to use :reindex.\n"
    try:
        progress = progress_printer(state.env.stderr, force=state.env.interactive)
        report = build_index(state.corpus, state.searcher.index_dir, progress=progress)
    except BuildError as error:
        return f"Cannot reindex: {error}\n"
    state.searcher.refresh()
    return report.summary() + "\n"


@command("quit", ":quit", "leave the shell (or Ctrl-D)", aliases=("q", "exit"))
def _quit(state: ShellState, argument: str) -> str:
    raise Quit


def _hit_number(state: ShellState, argument: str):
    if not state.results or not state.results.hits:
        return "No results to choose from.\n"
    if not argument.isdigit():
        return "Give the number of a hit, as listed.\n"
    number = int(argument)
    for hit in state.results.hits:
        if hit.rank == number:
            return hit
    return f"No hit {number} on this page.\n"
