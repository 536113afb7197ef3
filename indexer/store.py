"""The on-disk layout of an index folder, shared by the builder and the searcher.

An index folder holds a marker file (so that only folders this program made are ever replaced),
a ``CURRENT`` file naming the live generation, and one folder per generation with the Whoosh
files and the build manifest. A full rebuild writes a new generation and swaps ``CURRENT``
atomically, so a reader always sees a complete index.
"""

from __future__ import annotations

import fcntl
import json
import os
import re
import shutil
from contextlib import contextmanager
from pathlib import Path

MARKER = ".news-search-index"
CURRENT = "CURRENT"
LOCK = "build.lock"
MANIFEST = "manifest.json"
_GENERATION = re.compile(r"^g(\d{6})$")
_TOC = re.compile(r"_MAIN_(\d+)\.toc")  # Whoosh's table of contents of commit n


class IndexFolderError(Exception):
    """Base for index-folder problems; the message is meant for a person."""


class NotAnIndex(IndexFolderError):
    """The folder is missing or was not made by this program."""


class BuildInProgress(IndexFolderError):
    """Another build holds the index folder's lock."""


def is_index(index_dir: Path) -> bool:
    """True when ``index_dir`` carries this program's marker."""
    return (index_dir / MARKER).is_file()


def claim(index_dir: Path) -> None:
    """Make ``index_dir`` an index folder, refusing a non-empty folder this program did not make."""
    if index_dir.exists() and not index_dir.is_dir():
        raise NotAnIndex(f"{index_dir} is a file, not an index folder")
    if index_dir.is_dir() and not is_index(index_dir):
        foreign = [p.name for p in index_dir.iterdir() if p.name not in (".gitkeep", ".gitignore")]
        if foreign:
            raise NotAnIndex(f"{index_dir} is not empty and holds no news-search index; refusing to write there")
    index_dir.mkdir(parents=True, exist_ok=True)
    if not is_index(index_dir):
        write_atomic(index_dir / MARKER, json.dumps({"format": 1}) + "\n")


def current_generation(index_dir: Path) -> Path | None:
    """The live generation folder, or ``None`` when no build has finished yet."""
    try:
        name = (index_dir / CURRENT).read_text(encoding="utf-8").strip()
    except OSError:
        return None
    return index_dir / name if _GENERATION.match(name) and (index_dir / name).is_dir() else None


def new_generation(index_dir: Path) -> Path:
    """A fresh, empty generation folder next to the live one."""
    numbers = [int(m.group(1)) for p in index_dir.iterdir() if (m := _GENERATION.match(p.name))]
    path = index_dir / f"g{max(numbers, default=0) + 1:06d}"
    path.mkdir()
    return path


def publish(index_dir: Path, generation: Path) -> None:
    """Make ``generation`` the live index, then remove generations older than the one it replaced.

    The replaced generation is kept so that a reader that opened it just before the swap can finish.
    """
    previous = current_generation(index_dir)
    _fsync_tree(generation)
    write_atomic(index_dir / CURRENT, generation.name + "\n")
    keep = {generation.name, previous.name if previous else ""}
    for path in index_dir.iterdir():
        if _GENERATION.match(path.name) and path.name not in keep:
            shutil.rmtree(path, ignore_errors=True)


def remove_unpublished(index_dir: Path) -> None:
    """Delete generation folders newer than the live one: leftovers of an interrupted rebuild."""
    live = current_generation(index_dir)
    live_number = int(live.name[1:]) if live else 0
    for path in index_dir.iterdir():
        match = _GENERATION.match(path.name)
        if match and int(match.group(1)) > live_number:
            shutil.rmtree(path, ignore_errors=True)


@contextmanager
def build_lock(index_dir: Path):
    """Hold the folder's build lock; raise ``BuildInProgress`` when another build has it."""
    # POSIX record locks, not flock: a worker process forked during the build does not inherit
    # them, so a killed build frees the folder at once even while its workers wind down.
    with open(index_dir / LOCK, "a+", encoding="utf-8") as handle:
        try:
            fcntl.lockf(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as error:
            handle.seek(0)
            owner = handle.read().strip() or "another process"
            raise BuildInProgress(f"another build is already writing {index_dir} ({owner})") from error
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        yield


def index_generation(folder: Path) -> int | None:
    """The number of the newest commit of the Whoosh index in ``folder`` (its newest table of
    contents, ``_MAIN_<n>.toc``), read from the file names alone: opening the index to ask
    costs a tenth of a second."""
    numbers = [int(match.group(1)) for name in os.listdir(folder) if (match := _TOC.fullmatch(name))]
    return max(numbers) if numbers else None


def write_atomic(path: Path, content: str | bytes) -> None:
    """Write a file (text as UTF-8) so that readers see the old or the new content, never a part."""
    temporary = path.with_name(f".{path.name}.tmp{os.getpid()}")
    with open(temporary, "wb") as handle:
        handle.write(content.encode("utf-8") if isinstance(content, str) else content)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
    _fsync_dir(path.parent)


def _fsync_tree(folder: Path) -> None:
    for path in folder.iterdir():
        if path.is_file():
            with open(path, "rb") as handle:
                os.fsync(handle.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
