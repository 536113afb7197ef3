"""Command line: ``python -m search [QUERY] [--index DIR] [--limit N] [--json]``.

With a query, print the results and exit; without one, open the interactive shell (or, when
standard input is not a terminal, run each input line as a query).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from indexer import BuildError, build_index
from indexer.progress import progress_printer

from .commands import Quit, ShellState, run_command
from .environment import Environment
from .query import QueryError
from .render import render_csv, render_json, render_people, render_results, render_sources, render_timeline, safe
from .searcher import SORTS, Searcher, SearchError

EXIT_OK, EXIT_INDEX, EXIT_USAGE = 0, 1, 2


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit code 2, as for a bad query
        raise _UsageError(message)


class _UsageError(Exception):
    pass


# A query word to leave out ("-ferry", '-"sea wall"', "-(a OR b)") looks like an option to
# argparse; it is marked so that argparse takes it as part of the query, and unmarked after.
_EXCLUDED_WORD = re.compile(r'-(?:[^\W\d_]|["(])')
_MARK = "\ue000"


def _prepare_arguments(argv: list[str], parser: argparse.ArgumentParser) -> list[str]:
    """``argv`` with query words to leave out marked, and option values that start with "-"
    ("--sort -date", which argparse would take for an option) joined to their option."""
    takes_value = {option for action in parser._actions if action.option_strings and action.nargs != 0
                   for option in action.option_strings}
    prepared: list[str] = []
    for number, token in enumerate(argv):
        if token == "--":
            return prepared + argv[number:]
        if prepared and prepared[-1] in takes_value and token.startswith("-"):
            prepared[-1] = f"{prepared[-1]}={token}"
        elif _EXCLUDED_WORD.match(token) and token != "-h":
            prepared.append(_MARK + token)
        else:
            prepared.append(token)
    return prepared


def _parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="news-search", description="Search an index of news articles.")
    parser.add_argument("query", nargs="*", help="the query; without one, open the interactive shell")
    parser.add_argument("--index", default="index", help="index folder (default: index)")
    parser.add_argument("--corpus", help="first bring the index up to date with this corpus folder")
    parser.add_argument("--limit", type=int, default=10, help="hits per page (default: 10)")
    parser.add_argument("--page", type=int, default=1, help="page of results (default: 1)")
    parser.add_argument("--sort", choices=SORTS, default="relevance", help="order of results")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print one JSON object")
    output.add_argument("--csv", action="store_true", help="print the hits as CSV rows under a header row")
    parser.add_argument("--all", action="store_true", help="every hit rather than one page (for exports)")
    parser.add_argument("--no-collapse", dest="collapse", action="store_false",
                        help="list near-identical articles (copies of one story) as hits of their own")
    parser.add_argument("--facets", action="store_true",
                        help="also count people, sources, years and months over all the results")
    parser.add_argument("--similar", metavar="ARTICLE",
                        help="articles like this one (its file, or its id as hits show it) instead of a query")
    parser.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                        help="colour the output (default: when it is a terminal)")
    return parser


def main(argv: list[str] | None = None, env: Environment | None = None) -> int:
    """Run the command line; returns the exit code."""
    env = env or Environment()
    try:
        parser = _parser()
        args = parser.parse_intermixed_args(_prepare_arguments(sys.argv[1:] if argv is None else argv, parser))
        args.query = [word.removeprefix(_MARK) for word in args.query]
    except _UsageError as error:
        env.stderr.write(f"news-search: {safe(str(error))}\n")
        return EXIT_USAGE
    if args.similar is not None and args.query:
        env.stderr.write("news-search: give a query or --similar, not both\n")
        return EXIT_USAGE
    if args.color != "auto":
        env.colour = args.color == "always"
    if args.corpus:
        code = _update_index(args, env)
        if code:
            return code
    try:
        searcher = Searcher(args.index)
    except SearchError as error:
        env.stderr.write(f"news-search: {safe(str(error))}\n")
        return EXIT_INDEX
    with searcher:
        if args.similar is not None:
            return _print_similar(searcher, args, env)
        if args.query:
            return _print_results(searcher, " ".join(args.query), args, env)
        if env.interactive:
            from .shell import run_shell  # prompt_toolkit loads only for the shell

            return run_shell(searcher, env, corpus=Path(args.corpus) if args.corpus else None)
        return _run_pipe(searcher, args, env)


def _run_pipe(searcher: Searcher, args: argparse.Namespace, env: Environment) -> int:
    """Each line a query, or one of the shell's commands about the last query's results."""
    state = ShellState(searcher, env, corpus=Path(args.corpus) if args.corpus else None, limit=args.limit,
                       sort=args.sort, collapse=args.collapse)
    worst = EXIT_OK
    for line in env.stdin:
        text = line.strip()
        if not text.startswith(":"):
            if text:
                worst = max(worst, _print_results(searcher, text, args, env, state))
            continue
        if args.json or args.csv:
            env.stderr.write(f"news-search: {safe(text)}: shell commands do not mix with --json or --csv output\n")
            worst = EXIT_USAGE
            continue
        try:
            env.stdout.write(run_command(state, text))
        except Quit:
            break
    return worst


def _print_results(searcher: Searcher, query: str, args: argparse.Namespace, env: Environment,
                   state: ShellState | None = None) -> int:
    """Search, print, and (in a pipe) remember the results for the commands that follow."""
    try:
        # People get the did-you-mean's results when theirs found nothing; programs get what they asked.
        results = searcher.search(query, limit=args.limit, page=args.page, sort=args.sort, facets=args.facets,
                                  autocorrect=not (args.json or args.csv), collapse=args.collapse)
        if args.all:
            facets = results.facets
            results = searcher.every_hit(results.query, sort=args.sort, collapse=args.collapse)
            results.facets = facets
    except QueryError as error:
        env.stderr.write(f"news-search: bad query: {safe(str(error))}\n")
        return EXIT_USAGE
    except ValueError as error:
        env.stderr.write(f"news-search: {safe(str(error))}\n")
        return EXIT_USAGE
    except SearchError as error:
        env.stderr.write(f"news-search: {safe(str(error))}\n")
        return EXIT_INDEX
    if state is not None:
        state.query, state.page, state.results = results.query, args.page, results
    if args.json or args.csv:
        env.stdout.write(render_json(results) if args.json else render_csv(results))
        return EXIT_OK
    env.stdout.write(render_results(results, colour=env.colour, width=env.width))
    if results.facets is not None:
        env.stdout.write("\n" + render_people(results.facets, colour=env.colour))
        if results.facets.sources or results.facets.publications:
            env.stdout.write("\n" + render_sources(results.facets, colour=env.colour))
        env.stdout.write("\n" + render_timeline(results.facets, colour=env.colour, width=min(env.width, 80)))
    return EXIT_OK


def _print_similar(searcher: Searcher, args: argparse.Namespace, env: Environment) -> int:
    try:
        results = searcher.similar(args.similar, limit=args.limit)
    except ValueError as error:  # an unknown article (QueryError) or a bad limit
        env.stderr.write(f"news-search: {safe(str(error))}\n")
        return EXIT_USAGE
    except SearchError as error:
        env.stderr.write(f"news-search: {safe(str(error))}\n")
        return EXIT_INDEX
    rendered = render_json(results) if args.json else render_csv(results) if args.csv else \
        render_results(results, colour=env.colour, width=env.width)
    env.stdout.write(rendered)
    return EXIT_OK


def _update_index(args: argparse.Namespace, env: Environment) -> int:
    try:
        report = build_index(args.corpus, args.index, progress=progress_printer(env.stderr))
    except BuildError as error:
        env.stderr.write(f"news-search: cannot build the index: {safe(str(error))}\n")
        return EXIT_INDEX
    if report.added or report.updated or report.removed:
        env.stderr.write(report.summary() + "\n")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
