"""Worker processes that end with the build that started them.

A build forks worker processes (parsers, segment writers) that wait on queues for work. When the
build is killed those queues never close: the workers would wait forever, and a segment writer,
which inherits Whoosh's write lock of the index, would keep every later build from writing it.
"""

from __future__ import annotations

import os
import threading
import time

_POLL_SECONDS = 0.1


def exit_with_parent(parent_pid: int) -> None:
    """End this process as soon as ``parent_pid`` is no longer its parent (the build was killed).

    Call it first thing in a worker process, with the parent's pid taken before the fork.
    """
    def watch() -> None:
        while os.getppid() == parent_pid:
            time.sleep(_POLL_SECONDS)
        os._exit(1)  # no clean-up: what the worker wrote belongs to a build that will not commit

    threading.Thread(target=watch, name="exit-with-parent", daemon=True).start()
