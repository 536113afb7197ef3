"""indexer.orphans: a build's worker processes end when the build is killed, and a killed
build's segment writers do not keep the index locked."""

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from whoosh import index

from indexer.schema import make_schema

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to see processes")


def running(pid: int) -> bool:
    """True while ``pid`` is a live process (a zombie waiting for its parent has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def start(script: str) -> tuple[subprocess.Popen, str]:
    """Run ``script`` in a new interpreter; return it and the first line it prints."""
    process = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script)], cwd=ROOT,
                               stdout=subprocess.PIPE, text=True)
    return process, process.stdout.readline().strip()


def kill(process: subprocess.Popen) -> None:
    process.send_signal(signal.SIGKILL)
    process.wait()
    process.stdout.close()


def ended_within(pid: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while running(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    return not running(pid)


def test_a_worker_ends_when_its_parent_is_killed():
    parent, child = start("""
        import os, time
        from indexer.orphans import exit_with_parent
        parent = os.getpid()
        child = os.fork()
        if child == 0:
            exit_with_parent(parent)
            time.sleep(60)
            os._exit(0)
        print(child, flush=True)
        time.sleep(60)
    """)
    assert running(int(child))
    time.sleep(0.3)
    assert running(int(child))  # a living parent keeps its worker
    kill(parent)
    assert ended_within(int(child), 5)


def test_a_killed_writer_leaves_the_index_writable(tmp_path):
    index.create_in(str(tmp_path), make_schema())
    writer, ready = start(f"""
        import time
        from whoosh import index
        from indexer.build import _WRITER_OPTIONS
        from indexer.writer import open_writer
        writer = open_writer(index.open_dir({str(tmp_path)!r}), procs=2, **_WRITER_OPTIONS)
        for n in range(400):  # enough batches to start both segment writers
            writer.add_document(id=f"a{{n}}", body="harbour strike talks " * 50)
        print("ready", flush=True)
        time.sleep(60)
    """)
    assert ready == "ready"
    kill(writer)
    started = time.monotonic()
    index.open_dir(str(tmp_path)).writer(timeout=5).cancel()  # LockError if a writer process lived on
    assert time.monotonic() - started < 5
