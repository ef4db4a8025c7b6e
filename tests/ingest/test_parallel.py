"""Reading many files in a reader process gives what reading them here gives, in order;
a reader that dies is replaced by reading here; closing early stops the reader."""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
import time
from pathlib import Path

import pytest

from annotator.core.errors import InputError
from annotator.ingest import parallel
from annotator.ingest.importer import read_file, read_paths

pytestmark = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and (os.cpu_count() or 1) >= 2
         and "fork" in multiprocessing.get_all_start_methods()),
    reason="no reader process here (needs fork and two cores)")


USABLE_CPUS = parallel.usable_cpus


@pytest.fixture(autouse=True)
def one_thread(monkeypatch):
    """As in the command line (the test process may carry other tests' threads), on two
    cores (the suite may run pinned to one: the reader's behaviour is the same there)."""
    monkeypatch.setattr(parallel, "_single_threaded", lambda: True)
    monkeypatch.setattr(parallel, "usable_cpus", lambda: 2)

PARENT = os.getpid()


def write_folder(folder: Path, count: int) -> None:
    folder.mkdir()
    for i in range(count):
        text = f"第{i}号通报\r\n图片 1\r\n上海合作组织秘书处发表声明。\u200b双方交流了情报信息（{i}）。"
        (folder / f"{i:04d}.txt").write_bytes(text.encode("gb18030" if i % 7 == 3 else "utf-8"))
    (folder / "0005.txt").write_bytes(b"")  # refused: empty
    (folder / "0006.txt").write_bytes(b"\x00\x01\x02" * 50)  # refused: binary
    (folder / "0007.pdf").write_bytes(b"%PDF")  # refused: unsupported
    (folder / "0008.jsonl").write_text('{"text": "记录一"}\n{"text": "记录二"}\n',
                                       encoding="utf-8")  # two documents from one file


def comparable(results) -> list:
    return [r.message if isinstance(r, InputError) else r for r in results]


def test_reader_process_gives_the_same_results_in_order(tmp_path):
    write_folder(tmp_path / "f", 260)
    here = list(read_paths([tmp_path / "f", tmp_path / "missing.txt"], processes=False))
    there = list(read_paths([tmp_path / "f", tmp_path / "missing.txt"]))
    assert comparable(there) == comparable(here)
    names = [p.name for p in sorted((tmp_path / "f").iterdir())] + ["missing.txt"]
    assert len(here) == len(names) == 263
    by_name = dict(zip(names, here, strict=True))
    assert len(by_name["0008.jsonl"]) == 2
    assert [by_name[n].reason for n in ("0005.txt", "0006.txt", "missing.txt")] == [
        "file is empty", "binary data (NUL bytes at offset 0)", "no such file or folder"]
    assert "unsupported file type" in by_name["0007.pdf"].reason


def dies_in_the_reader(path: Path, rules):
    if os.getpid() != PARENT and path.name == "0060.txt":
        os._exit(3)
    return read_file(path, rules)


def test_a_reader_that_dies_is_replaced_by_reading_here(tmp_path):
    write_folder(tmp_path / "f", 240)
    files = sorted((tmp_path / "f").iterdir())
    got = list(parallel.read_files(files, dies_in_the_reader, None))
    assert comparable(got) == comparable(read_file(f) for f in files)


def test_closing_early_stops_the_reader(tmp_path):
    write_folder(tmp_path / "f", 400)
    results = read_paths([tmp_path / "f"])
    first = [next(results) for _ in range(30)]
    assert multiprocessing.active_children()
    results.close()
    assert not multiprocessing.active_children()
    assert comparable(first) == comparable(read_paths(sorted((tmp_path / "f").iterdir())[:30],
                                                      processes=False))


def test_few_files_are_read_here():
    assert not parallel.available(parallel.MIN_FILES - 1)


def test_no_reader_is_forked_from_a_process_with_other_threads(monkeypatch):
    monkeypatch.undo()  # the real thread count
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert not parallel.available(parallel.MIN_FILES)  # the window imports on a thread
    finally:
        stop.set()
        worker.join()


def test_no_reader_is_forked_onto_the_one_core_the_import_may_use(monkeypatch):
    """``taskset -c 0`` (or a container's CPU set): the machine's two cores are not ours."""
    monkeypatch.setattr(parallel, "usable_cpus", USABLE_CPUS)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0})
    assert parallel.usable_cpus() == 1
    assert not parallel.available(parallel.MIN_FILES)
    monkeypatch.setattr(parallel.os, "sched_getaffinity", lambda pid: {0, 1})
    assert parallel.available(parallel.MIN_FILES) == sys.platform.startswith("linux")


def slow_in_the_reader(path: Path, rules):
    """The file's documents (or why not), and whether it was read by the caller; a slow
    reader, so that the caller helps."""
    if os.getpid() != PARENT:
        time.sleep(0.01)
    return comparable([read_file(path, rules)])[0], os.getpid() == PARENT


def test_a_caller_waiting_for_the_reader_reads_later_files_itself(tmp_path):
    """The results still come in order, each file read once, by one process or the other."""
    write_folder(tmp_path / "f", 600)
    files = sorted((tmp_path / "f").iterdir())
    got = list(parallel.read_files(files, slow_in_the_reader, None))
    assert [r for r, _ in got] == comparable(read_file(f) for f in files)
    here = [at_home for _, at_home in got]
    assert any(here) and not all(here)
    chunks = [here[i:i + parallel.CHUNK] for i in range(0, len(here), parallel.CHUNK)]
    assert all(len(set(c)) == 1 for c in chunks)  # a chunk is read by one process
