"""Helpers for benchmarks: where ../shared/data is, and skipping cleanly without it."""

from __future__ import annotations

import sys
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "data"


def data_dir(name: str) -> Path:
    """A data set folder, or exit with a message when ../shared is not beside the project."""
    path = DATA / name
    if not path.is_dir():
        print(f"skipped: {path} not found (../shared/data is not beside the project)")
        sys.exit(0)
    return path
