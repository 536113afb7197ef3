"""The injected environment of the command line and the shell: streams and terminal facts.

As httpie does, every piece of I/O goes through one ``Environment`` so that tests run the CLI and
the shell in-process with fake streams.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from typing import TextIO


def _supports_colour(stream: TextIO) -> bool:
    if os.environ.get("NO_COLOR") or os.environ.get("TERM") == "dumb":
        return False
    return bool(getattr(stream, "isatty", lambda: False)())


@dataclass
class Environment:
    """Where output goes and what the terminal can do."""

    stdin: TextIO = field(default_factory=lambda: sys.stdin)
    stdout: TextIO = field(default_factory=lambda: sys.stdout)
    stderr: TextIO = field(default_factory=lambda: sys.stderr)
    colour: bool | None = None
    width: int | None = None
    height: int | None = None
    pager: str | None = None

    def __post_init__(self) -> None:
        if self.colour is None:
            self.colour = _supports_colour(self.stdout)
        size = shutil.get_terminal_size((100, 24))
        self.width = self.width or size.columns
        self.height = self.height or size.lines
        if self.pager is None:
            self.pager = os.environ.get("PAGER", "less -R")

    @property
    def interactive(self) -> bool:
        """True when a person sits at a terminal on both ends."""
        return bool(getattr(self.stdin, "isatty", lambda: False)()
                    and getattr(self.stdout, "isatty", lambda: False)())
