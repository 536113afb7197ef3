"""A progress bar with rate and ETA on a terminal; silent in pipes and CI."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TextIO


def progress_printer(stream: TextIO, *, force: bool = False) -> Callable[[int, int], None] | None:
    """A progress callback that draws on ``stream``, or ``None`` when it is not a terminal."""
    if not force and (os.environ.get("CI") or not getattr(stream, "isatty", lambda: False)()):
        return None
    started = time.monotonic()
    last = [0.0]

    def show(done: int, total: int) -> None:
        now = time.monotonic()
        if done < total and now - last[0] < 0.1:
            return  # redraw at most ten times a second
        last[0] = now
        elapsed = max(now - started, 1e-6)
        rate = done / elapsed
        eta = (total - done) / rate if rate else 0
        filled = int(30 * done / total) if total else 30
        bar = "█" * filled + "░" * (30 - filled)
        stream.write(f"\rparsing {bar} {done}/{total} files  {rate:,.0f}/s  ETA {eta:4.0f}s ")
        if done >= total:
            stream.write("\n")
        stream.flush()

    return show
