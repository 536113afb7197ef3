"""Command line: ``python -m indexer [CORPUS] [INDEX] [--rebuild]`` and ``python -m indexer inspect FILE``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import TextIO

from .build import BuildError, build_index, counted
from .extract import parse_articles
from .progress import progress_printer
from .readers import Limits, UnreadableFile, record_parts

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
_MB = 1024 * 1024


class _UsageError(Exception):
    pass


class _ArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line and exit code 2, never a traceback
        raise _UsageError(message)


def _build_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="news-index", description="Build or update a news-search index. "
                             "'news-index inspect FILE' shows what one file would index.")
    parser.add_argument("corpus", nargs="?", default="corpus", help="folder of articles (default: corpus)")
    parser.add_argument("index", nargs="?", default="index", help="index folder (default: index)")
    parser.add_argument("--rebuild", action="store_true", help="build a fresh index and swap it in")
    parser.add_argument("--optimize", action="store_true", help="merge the index into one segment (faster queries)")
    parser.add_argument("--jobs", type=int, default=None, help="worker processes (default: all cores)")
    parser.add_argument("--verbose", "-v", action="store_true", help="list skipped files and why")
    parser.add_argument("--max-file-mb", type=float, default=Limits.max_file_bytes / _MB,
                        help="skip files larger than this (default: %(default)g); a plain JSONL, CSV or TSV file "
                             "is read in parts, however large")
    parser.add_argument("--max-unzipped-mb", type=float, default=Limits.max_decompressed_bytes / _MB,
                        help="skip .gz files that unpack to more than this (default: %(default)g)")
    return parser


def _inspect_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="news-index inspect", description="Show what one file would index.")
    parser.add_argument("file")
    parser.add_argument("--json", action="store_true", help="print JSON")
    return parser


def main(argv: list[str] | None = None, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the indexer's command line; returns the exit code."""
    argv = sys.argv[1:] if argv is None else argv
    stdout, stderr = stdout or sys.stdout, stderr or sys.stderr
    try:
        if argv[:1] == ["inspect"]:
            return _inspect(_inspect_parser().parse_args(argv[1:]), stdout, stderr)
        return _build(_build_parser().parse_args(argv), stdout, stderr)
    except _UsageError as error:
        stderr.write(f"news-index: {_printable(str(error))}\n")
        return EXIT_USAGE


def _build(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    if args.jobs is not None and args.jobs < 1:
        stderr.write("news-index: --jobs must be at least 1\n")
        return EXIT_USAGE
    limits = Limits(max_file_bytes=int(args.max_file_mb * _MB),
                    max_decompressed_bytes=int(args.max_unzipped_mb * _MB))
    try:
        report = build_index(args.corpus, args.index, rebuild=args.rebuild, jobs=args.jobs,
                             limits=limits, progress=progress_printer(stderr),
                             optimize=args.optimize)
    except BuildError as error:
        stderr.write(f"news-index: {_printable(str(error))}\n")
        return EXIT_FAILED
    except KeyboardInterrupt:
        stderr.write("news-index: interrupted; the previous index is unchanged\n")
        return EXIT_FAILED
    if args.verbose:
        for skipped in report.skipped:
            stderr.write(f"skipped {_printable(str(skipped))}\n")
    elif report.skipped:
        records = sum(1 for skipped in report.skipped if skipped.record)
        counts = [counted(number, noun) for number, noun in ((len(report.skipped) - records, "file"),
                                                               (records, "record")) if number]
        stderr.write(f"{' and '.join(counts)} skipped (--verbose lists them)\n")
    stdout.write(report.summary() + "\n")
    return EXIT_OK


def _inspect(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    if os.path.isdir(args.file):
        stderr.write(f"news-index: {_printable(args.file)} is a folder: inspect reads one file "
                     f"(news-index {_printable(args.file)} INDEX indexes a folder)\n")
        return EXIT_USAGE
    skipped: list[tuple[str, str]] = []
    try:
        # A large JSONL or CSV file is read in parts, as a build reads it: it has no size limit.
        parts = record_parts(args.file) or [None]
        articles = [a for part in parts for a in parse_articles(args.file, skipped=skipped, part=part)]
    except UnreadableFile as error:
        stderr.write(f"news-index: {_printable(args.file)}: {error}\n")
        return EXIT_FAILED
    except OSError as error:
        stderr.write(f"news-index: {_printable(args.file)}: cannot read: {error.strerror or error}\n")
        return EXIT_FAILED
    for place, reason in skipped:
        stderr.write(f"news-index: {_printable(args.file)} {place} skipped: {reason}\n")
    if not articles:
        stderr.write(f"news-index: {_printable(args.file)} holds no article\n")
        return EXIT_FAILED
    if args.json:
        data = [a.to_dict() for a in articles]
        stdout.write(json.dumps(data[0] if len(data) == 1 else data, indent=2) + "\n")
        return EXIT_OK
    for article in articles:
        stdout.write(_describe(article))
    return EXIT_OK


def _describe(article) -> str:
    fields = [
        ("record", article.record if article.record is not None else None),
        ("headline", article.headline),
        ("summary", article.summary),
        ("date", article.date.isoformat(sep=" ") if article.date else None),
        ("outlet", article.publication),
        ("people", ", ".join(article.people) or None),
        ("authors", ", ".join(article.authors) or None),
        ("caption", article.caption),
        ("url", article.url),
    ]
    lines = [f"{name + ':':<10}{_printable(str(value))}" for name, value in fields if value is not None]
    body = "\n\n".join(_printable(p) for p in article.body.split("\n\n"))
    return "\n".join(lines) + f"\nbody:\n{body}\n\n"


def _printable(text: str) -> str:
    """Text made safe for a terminal: control characters shown as escapes, never passed raw."""
    return "".join(c if c.isprintable() or c == "\n" else f"\\x{ord(c):02x}" if ord(c) < 256
                   else f"\\u{ord(c):04x}" for c in text)



if __name__ == "__main__":
    sys.exit(main())
