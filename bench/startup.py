"""Shell start-up time: from launching ``python -m search`` to a ready prompt, in a real pty.

    python bench/startup.py [--runs 5]

Builds the shipped corpus's index first, then starts the shell (with and without ``--corpus``,
which first checks the corpus for changes) and waits for the prompt.
"""

from __future__ import annotations

import argparse
import os
import pty
import select
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import build_index  # noqa: E402

PROMPT = b"search> "


def time_to_prompt(arguments: list[str], timeout: float = 20.0) -> float:
    started = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(ROOT)
        os.execv(sys.executable, [sys.executable, "-m", "search", *arguments])
    seen = b""
    try:
        while time.perf_counter() - started < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:
                    break
                if PROMPT in seen:
                    return time.perf_counter() - started
        raise RuntimeError(f"no prompt within {timeout} s: {seen[-200:]!r}")
    finally:
        os.write(fd, b"\x04")  # Ctrl-D
        os.waitpid(pid, 0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_DATA_HOME"] = folder  # a fresh history file, not the user's
        build_index(ROOT / "corpus", Path(folder) / "index")
        for label, extra in (("shell", []), ("shell --corpus corpus", ["--corpus", "corpus"])):
            times = [time_to_prompt(["--index", str(Path(folder) / "index"), *extra]) for _ in range(args.runs)]
            print(f"{label:<24} median {statistics.median(times) * 1000:6.0f} ms  "
                  f"(best {min(times) * 1000:.0f}, worst {max(times) * 1000:.0f}; target < 500 ms)")


if __name__ == "__main__":
    main()
